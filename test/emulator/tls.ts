// The emulator's TLS certificate: self-signed for 127.0.0.1 and localhost,
// made fresh for each emulator and trusted only by the clients a test sets up.
import { generateKeyPairSync } from "node:crypto";
import { buildCertificate } from "./x509.js";

export function createTlsIdentity(): { key: string; cert: string } {
  const keyPair = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const now = Date.now();
  const der = buildCertificate({
    subject: "CN=cryptodoc Azure emulator",
    notBefore: new Date(now - 3_600_000),
    notAfter: new Date(now + 7 * 86_400_000),
    keyPair,
    ipAddresses: ["127.0.0.1"],
    dnsNames: ["localhost"],
    isCa: true,
  });
  const cert = `-----BEGIN CERTIFICATE-----\n${der.toString("base64").replace(/(.{64})/g, "$1\n").trimEnd()}\n-----END CERTIFICATE-----\n`;
  return { key: keyPair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(), cert };
}
