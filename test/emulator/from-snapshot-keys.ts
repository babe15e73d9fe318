// Turns the keys, secrets and certificates of an inventory snapshot back
// into estate facts, so the emulator serves what the snapshot records.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import type { DeployedCertificate, DeployedKey, DeployedSecret, DeletedKey } from "../../src/inventory/model.js";
import type { EstateCertificate, EstateDeletedKey, EstateKey, EstateKeyVersion, EstateSecret } from "./estate.js";
import { buildCertificate, generateKeyPair } from "./x509.js";

export function toEpoch(iso: string | null | undefined): number | undefined {
  return iso === null || iso === undefined ? undefined : Math.floor(Date.parse(iso) / 1000);
}

/**
 * Makes certificates whose names, dates and keys are those of the snapshot. A certificate
 * cannot be rebuilt byte for byte, so its SHA-256 thumbprint differs. Certificates and keys
 * that share a public key thumbprint in the snapshot share one key pair here, so equal
 * keys stay equal after a round trip.
 */
export class CertificateFactory {
  private readonly keyPairs = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();
  private readonly issuers = new Map<string, KeyObject>();

  certificate(certificate: DeployedCertificate): EstateCertificate {
    const created = toEpoch(certificate.notBefore) ?? 1_767_225_600;
    const base = { name: certificate.name, enabled: certificate.enabled, created, updated: created, ...(certificate.policy === null ? {} : { policy: this.policy(certificate) }) };
    if (certificate.pending) return base;

    const keyPair = this.keyPair(certificate.publicKeyThumbprint ?? `certificate:${certificate.name}`, certificate.keyType, certificate.keySize, certificate.curve);
    const der = buildCertificate({
      subject: certificate.subject,
      issuer: certificate.selfSigned ? certificate.subject : certificate.issuer,
      notBefore: new Date(certificate.notBefore ?? "2026-01-01T00:00:00Z"),
      notAfter: new Date(certificate.expires ?? "2027-01-01T00:00:00Z"),
      keyPair,
      ...(certificate.selfSigned ? {} : { issuerKey: this.issuerKey(certificate.issuer) }),
    });
    return { ...base, cer: der.toString("base64") };
  }

  /** Returns the public JWK of the certificate key pair made for this thumbprint, if there is one. */
  publicKeyFor(thumbprint: string | null): EstateKey["publicKey"] | undefined {
    const keyPair = thumbprint === null ? undefined : this.keyPairs.get(thumbprint);
    if (keyPair === undefined) return undefined;
    const jwk = keyPair.publicKey.export({ format: "jwk" });
    return jwk.kty === "RSA" ? { n: jwk.n, e: jwk.e } : { crv: jwk.crv, x: jwk.x, y: jwk.y };
  }

  private keyPair(thumbprint: string, keyType: string | null, keySize: number | null, curve: string | null) {
    let keyPair = this.keyPairs.get(thumbprint);
    if (keyPair === undefined) {
      keyPair = generateKeyPair(keyType ?? "EC", keySize, curve);
      this.keyPairs.set(thumbprint, keyPair);
    }
    return keyPair;
  }

  private issuerKey(issuer: string): KeyObject {
    let key = this.issuers.get(issuer);
    if (key === undefined) {
      key = generateKeyPairSync("ec", { namedCurve: "prime256v1" }).privateKey;
      this.issuers.set(issuer, key);
    }
    return key;
  }

  private policy(certificate: DeployedCertificate): Record<string, unknown> {
    const policy = certificate.policy!;
    return {
      key_props: { kty: certificate.keyType, ...(certificate.keySize === null ? {} : { key_size: certificate.keySize }), ...(certificate.curve === null ? {} : { crv: certificate.curve }) },
      x509_props: { subject: certificate.subject },
      lifetime_actions: policy.lifetimeActions.map((action) => ({
        trigger: action.lifetimePercentage !== null ? { lifetime_percentage: action.lifetimePercentage } : { days_before_expiry: action.daysBeforeExpiry },
        action: { action_type: action.action },
      })),
      ...(policy.issuerName === null ? {} : { issuer: { name: policy.issuerName } }),
    };
  }
}

/** A key whose current version carries the key-level attributes of the snapshot, listed last as the emulator expects. */
export function estateKey(key: DeployedKey, certificates: CertificateFactory): EstateKey {
  const current = key.currentVersion ?? key.versions?.at(-1)?.version ?? "00000000000000000000000000000000";
  const older: EstateKeyVersion[] = (key.versions ?? [])
    .filter((version) => version.version !== current)
    .map((version) => withDates({ version: version.version, enabled: version.enabled }, version.created, undefined, version.notBefore, version.expires));
  const latest = withDates({ version: current, enabled: key.enabled }, key.created, key.updated, key.notBefore, key.expires);
  const policy = key.rotationPolicy;
  const publicKey = certificates.publicKeyFor(key.publicKeyThumbprint);
  return {
    name: key.name,
    kty: key.kty,
    ...(key.keySize === null ? {} : { keySize: key.keySize }),
    ...(key.curve === null ? {} : { curve: key.curve }),
    keyOps: key.keyOps,
    tags: key.tags,
    managed: key.managed,
    ...(key.hsmPlatform === null ? {} : { hsmPlatform: key.hsmPlatform }),
    ...(key.exportable === null ? {} : { exportable: key.exportable }),
    hasReleasePolicy: key.hasReleasePolicy === true,
    versions: [...older, latest],
    rotationPolicy:
      policy === null || (policy.expiryTime === null && policy.lifetimeActions.length === 0)
        ? null
        : {
            ...(policy.expiryTime === null ? {} : { expiryTime: policy.expiryTime }),
            lifetimeActions: policy.lifetimeActions.map((action) => ({
              action: action.action === "rotate" ? ("Rotate" as const) : ("Notify" as const),
              ...(action.timeAfterCreate === null ? {} : { timeAfterCreate: action.timeAfterCreate }),
              ...(action.timeBeforeExpiry === null ? {} : { timeBeforeExpiry: action.timeBeforeExpiry }),
            })),
          },
    ...(publicKey !== undefined ? { publicKey } : key.publicKeyThumbprint === null ? {} : { publicKeySeed: key.publicKeyThumbprint }),
  };
}

function withDates(version: EstateKeyVersion, created: string | null, updated: string | null | undefined, notBefore: string | null, expires: string | null): EstateKeyVersion {
  const result = { ...version };
  if (created !== null) result.created = toEpoch(created)!;
  if (updated !== null && updated !== undefined) result.updated = toEpoch(updated)!;
  if (notBefore !== null) result.notBefore = toEpoch(notBefore)!;
  if (expires !== null) result.expires = toEpoch(expires)!;
  return result;
}

export function estateSecret(secret: DeployedSecret): EstateSecret {
  return {
    name: secret.name,
    ...(secret.contentType === null ? {} : { contentType: secret.contentType }),
    enabled: secret.enabled,
    created: toEpoch(secret.created) ?? 0,
    updated: toEpoch(secret.updated) ?? 0,
    ...(secret.expires === null ? {} : { expires: toEpoch(secret.expires)! }),
  };
}

export function estateDeletedKey(deleted: DeletedKey): EstateDeletedKey {
  return { name: deleted.name, deletedDate: toEpoch(deleted.deletedOn) ?? 0, scheduledPurgeDate: toEpoch(deleted.scheduledPurgeDate) ?? 0 };
}
