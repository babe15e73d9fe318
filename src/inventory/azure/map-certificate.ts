// Maps data-plane certificates (keyvault-certificates 4.10.3). Subject, issuer,
// key and dates are read from the X.509 certificate itself, never the policy,
// because the policy states what was requested, not what was issued.
import { X509Certificate } from "node:crypto";
import type { KeyVaultCertificateWithPolicy } from "@azure/keyvault-certificates";
import type { CertificatePolicy, DeployedCertificate } from "../model.js";
import { splitObjectId } from "./map-common.js";
import { publicKeyThumbprint } from "./public-key.js";

const CURVE_NAMES: Record<string, string> = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521", secp256k1: "P-256K" };

/**
 * Maps a certificate from `getCertificate`. A pending certificate (issuance not finished)
 * has no `cer` yet; its subject and key then come from the policy and its issuer is empty.
 */
export function mapCertificate(certificate: KeyVaultCertificateWithPolicy): DeployedCertificate {
  const id = splitObjectId(certificate.id ?? certificate.properties.id ?? "").base;
  const policy = mapCertificatePolicy(certificate);
  const der = certificate.cer;
  if (der === undefined || der.length === 0) {
    return {
      id,
      name: certificate.name,
      subject: certificate.policy?.subject ?? "",
      issuer: "",
      selfSigned: false,
      thumbprintSha256: null,
      keyType: certificate.policy?.keyType ?? null,
      keySize: certificate.policy?.keySize ?? null,
      curve: certificate.policy?.keyCurveName ?? null,
      notBefore: null,
      expires: null,
      enabled: certificate.properties.enabled !== false,
      pending: true,
      policy,
      publicKeyThumbprint: null,
    };
  }

  const x509 = new X509Certificate(der);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const subject = distinguishedName(x509.subject);
  const issuer = distinguishedName(x509.issuer);
  const jwk = key.export({ format: "jwk" });
  return {
    id,
    name: certificate.name,
    subject,
    issuer,
    selfSigned: issuer === subject && x509.verify(key),
    thumbprintSha256: x509.fingerprint256.replace(/:/g, ""),
    keyType: keyType(key.asymmetricKeyType, certificate.policy?.keyType),
    keySize: details.modulusLength ?? null,
    curve: details.namedCurve === undefined ? null : (CURVE_NAMES[details.namedCurve] ?? details.namedCurve),
    notBefore: new Date(x509.validFrom).toISOString(),
    expires: new Date(x509.validTo).toISOString(),
    enabled: certificate.properties.enabled !== false,
    pending: false,
    policy,
    publicKeyThumbprint: publicKeyThumbprint({
      kty: jwk.kty,
      crv: jwk.crv,
      n: bytes(jwk.n),
      e: bytes(jwk.e),
      x: bytes(jwk.x),
      y: bytes(jwk.y),
    }),
  };
}

/**
 * Returns the key type from the X.509 key's algorithm, refined by the policy's `-HSM` type
 * when the two agree, because the certificate cannot show whether its key lives in an HSM.
 */
function keyType(algorithm: string | undefined, policyType: string | undefined): string | null {
  let family: string | null = algorithm ?? null;
  if (algorithm === "rsa") family = "RSA";
  if (algorithm === "ec") family = "EC";
  if (family !== null && policyType !== undefined && policyType.toUpperCase() === `${family}-HSM`) return policyType;
  return family;
}

function mapCertificatePolicy(certificate: KeyVaultCertificateWithPolicy): CertificatePolicy | null {
  const policy = certificate.policy;
  if (policy === undefined) return null;
  return {
    issuerName: policy.issuerName ?? null,
    lifetimeActions: (policy.lifetimeActions ?? []).map((action) => ({
      action: action.action ?? "",
      lifetimePercentage: action.lifetimePercentage ?? null,
      daysBeforeExpiry: action.daysBeforeExpiry ?? null,
    })),
  };
}

/** Node prints a distinguished name one attribute per line; the inventory writes `CN=a, O=b`. */
function distinguishedName(multiline: string): string {
  return multiline
    .split("\n")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(", ");
}

function bytes(base64url: string | undefined): Uint8Array | undefined {
  return base64url === undefined ? undefined : Buffer.from(base64url, "base64url");
}
