// Builds X.509 v3 certificates with node:crypto and a minimal DER encoder,
// so the emulator can make its TLS certificate and the certificates of an
// estate with exact names and dates, without the openssl command.
import { generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

const OID = {
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  organizationalUnit: "2.5.4.11",
  country: "2.5.4.6",
  subjectAltName: "2.5.29.17",
  basicConstraints: "2.5.29.19",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
};
const NAME_ATTRIBUTES: Record<string, string> = {
  CN: OID.commonName,
  O: OID.organization,
  OU: OID.organizationalUnit,
  C: OID.country,
  L: "2.5.4.7",
  ST: "2.5.4.8",
  DC: "0.9.2342.19200300.100.1.25",
};

export interface CertificateRequest {
  /** A distinguished name such as `CN=app.example.com, O=Example`. */
  subject: string;
  /** Defaults to the subject, for a self-signed certificate. */
  issuer?: string;
  notBefore: Date;
  notAfter: Date;
  /** The certified key pair; the issuer key signs it (itself when self-signed). */
  keyPair: { publicKey: KeyObject; privateKey: KeyObject };
  issuerKey?: KeyObject;
  ipAddresses?: string[];
  dnsNames?: string[];
  isCa?: boolean;
}

/** Returns the DER bytes of a signed certificate. */
export function buildCertificate(request: CertificateRequest): Buffer {
  const signer = request.issuerKey ?? request.keyPair.privateKey;
  const algorithm = sequence(oid(signer.asymmetricKeyType === "rsa" ? OID.sha256WithRsa : OID.ecdsaWithSha256), ...(signer.asymmetricKeyType === "rsa" ? [nullValue()] : []));
  const extensions: Buffer[] = [];
  if (request.isCa === true) extensions.push(extension(OID.basicConstraints, sequence(boolean(true)), true));
  if ((request.ipAddresses?.length ?? 0) + (request.dnsNames?.length ?? 0) > 0) {
    const names = [
      ...(request.dnsNames ?? []).map((name) => tagged(0x82, Buffer.from(name, "ascii"))),
      ...(request.ipAddresses ?? []).map((ip) => tagged(0x87, Buffer.from(ip.split(".").map(Number)))),
    ];
    extensions.push(extension(OID.subjectAltName, sequence(...names), false));
  }
  const serial = randomBytes(16);
  // A positive serial whose first byte is not zero, because DER integers have no padding.
  serial[0] = 0x01 + ((serial[0] ?? 0) & 0x3f);
  const tbs = sequence(
    tagged(0xa0, integer(Buffer.from([2]))),
    integer(serial),
    algorithm,
    name(request.issuer ?? request.subject),
    sequence(time(request.notBefore), time(request.notAfter)),
    name(request.subject),
    request.keyPair.publicKey.export({ type: "spki", format: "der" }),
    ...(extensions.length > 0 ? [tagged(0xa3, sequence(...extensions))] : []),
  );
  const signature = sign("sha256", tbs, signer);
  return sequence(tbs, algorithm, bitString(signature));
}

/** Generates a key pair for `RSA` (with its size) or `EC` (with its curve name such as `P-256`). */
export function generateKeyPair(keyType: string, keySize: number | null, curve: string | null) {
  if (keyType.toUpperCase().startsWith("RSA")) return generateKeyPairSync("rsa", { modulusLength: keySize ?? 2048 });
  const curves: Record<string, string> = { "P-256": "prime256v1", "P-384": "secp384r1", "P-521": "secp521r1", "P-256K": "secp256k1" };
  return generateKeyPairSync("ec", { namedCurve: curves[curve ?? "P-256"] ?? "prime256v1" });
}

function name(distinguishedName: string): Buffer {
  const parts = distinguishedName.split(/,\s*/).filter((part) => part !== "");
  return sequence(
    ...parts.map((part) => {
      const [type = "", ...rest] = part.split("=");
      const attribute = NAME_ATTRIBUTES[type.trim().toUpperCase()];
      if (attribute === undefined) throw new Error(`Unsupported name attribute \`${type}\` in \`${distinguishedName}\`; use CN, O, OU, C, L, ST or DC.`);
      return set(sequence(oid(attribute), tagged(0x0c, Buffer.from(rest.join("="), "utf8"))));
    }),
  );
}

function time(date: Date): Buffer {
  const iso = date.toISOString().replace(/[-:T]/g, "").slice(0, 14) + "Z";
  // RFC 5280: UTCTime for years 1950-2049, GeneralizedTime otherwise.
  const year = date.getUTCFullYear();
  return year >= 1950 && year < 2050 ? tagged(0x17, Buffer.from(iso.slice(2), "ascii")) : tagged(0x18, Buffer.from(iso, "ascii"));
}

function extension(id: string, value: Buffer, critical: boolean): Buffer {
  return sequence(oid(id), ...(critical ? [boolean(true)] : []), tagged(0x04, value));
}

function oid(dotted: string): Buffer {
  const [first = 0, second = 0, ...rest] = dotted.split(".").map(Number);
  const bytes = [first * 40 + second];
  for (const value of rest) {
    const chunk = [value & 0x7f];
    for (let remaining = value >> 7; remaining > 0; remaining >>= 7) chunk.unshift((remaining & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tagged(0x06, Buffer.from(bytes));
}

function integer(bytes: Buffer): Buffer {
  return tagged(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes);
}

const sequence = (...items: Buffer[]) => tagged(0x30, Buffer.concat(items));
const set = (...items: Buffer[]) => tagged(0x31, Buffer.concat(items));
const boolean = (value: boolean) => tagged(0x01, Buffer.from([value ? 0xff : 0]));
const nullValue = () => Buffer.from([0x05, 0x00]);
const bitString = (bytes: Buffer) => tagged(0x03, Buffer.concat([Buffer.from([0]), bytes]));

function tagged(tag: number, content: Buffer): Buffer {
  const length = content.length;
  let header: number[];
  if (length < 0x80) header = [tag, length];
  else if (length < 0x100) header = [tag, 0x81, length];
  else if (length < 0x10000) header = [tag, 0x82, length >> 8, length & 0xff];
  else header = [tag, 0x83, length >> 16, (length >> 8) & 0xff, length & 0xff];
  return Buffer.concat([Buffer.from(header), content]);
}
