// Maps Key Vault and Managed HSM keys from ARM (arm-keyvault 5.0.0) and the
// data plane (keyvault-keys 4.10.2) to inventory keys.
import type { Key, ManagedHsmKey } from "@azure/arm-keyvault";
import type { DeletedKey as SdkDeletedKey, KeyVaultKey } from "@azure/keyvault-keys";
import type { DeletedKey, DeployedKey, KeyVersion } from "../model.js";
import { dateToIso, epochSecondsToIso, normalizeKeyVaultUrl, splitObjectId, tagsOf } from "./map-common.js";
import { mapArmRotationPolicy } from "./map-rotation-policy.js";
import { publicKeyThumbprint, publicKeySize } from "./public-key.js";

/**
 * Maps an ARM key GET. ARM attributes are epoch seconds, even after the SDK renames
 * nbf/exp to notBefore/expires. The data-plane facts (hsmPlatform, public key, managed)
 * stay unknown until `withDataPlaneKey` adds them.
 */
export function mapArmKey(key: Key | ManagedHsmKey): DeployedKey {
  const attributes = key.attributes ?? {};
  const kid = normalizeKeyVaultUrl(key.keyUri ?? "");
  const current = key.keyUriWithVersion === undefined ? null : splitObjectId(key.keyUriWithVersion).version;
  return {
    id: key.id ?? "",
    name: key.name ?? splitObjectId(kid).name,
    kid,
    kty: key.kty ?? "",
    keySize: key.keySize ?? null,
    curve: key.curveName ?? null,
    keyOps: [...(key.keyOps ?? [])],
    enabled: attributes.enabled !== false,
    created: epochSecondsToIso(attributes.created),
    updated: epochSecondsToIso(attributes.updated),
    notBefore: epochSecondsToIso(attributes.notBefore),
    expires: epochSecondsToIso(attributes.expires),
    exportable: attributes.exportable ?? null,
    // ARM 2026-02-01 returns a release policy only where one is set, but that is not verified live.
    hasReleasePolicy: key.releasePolicy === undefined ? null : true,
    managed: false,
    hsmPlatform: null,
    currentVersion: current,
    versions: null,
    rotationPolicy: key.rotationPolicy === undefined ? null : mapArmRotationPolicy(key.rotationPolicy),
    publicKeyThumbprint: null,
    tags: tagsOf(key.tags),
  };
}

/** Maps the items of ARM `keys.listVersions`, oldest first. Each item's URI ends in its version. */
export function mapArmKeyVersions(versions: (Key | ManagedHsmKey)[]): KeyVersion[] {
  return versions
    .map((version) => {
      const attributes = version.attributes ?? {};
      const fromUri = version.keyUriWithVersion === undefined ? null : splitObjectId(version.keyUriWithVersion).version;
      return {
        version: fromUri ?? version.name ?? "",
        enabled: attributes.enabled !== false,
        created: epochSecondsToIso(attributes.created),
        notBefore: epochSecondsToIso(attributes.notBefore),
        expires: epochSecondsToIso(attributes.expires),
      };
    })
    .sort((a, b) => (a.created ?? "").localeCompare(b.created ?? "") || a.version.localeCompare(b.version));
}

/**
 * Adds what only the data plane returns: the hsmPlatform attribute, the public key
 * (reduced to its RFC 7638 thumbprint), `managed`, exportability and release policy.
 * The data plane returns no key size, so RSA size is derived from the modulus.
 */
export function withDataPlaneKey(key: DeployedKey, dataPlane: KeyVaultKey): DeployedKey {
  const properties = dataPlane.properties;
  const jwk = dataPlane.key;
  return {
    ...key,
    kty: key.kty !== "" ? key.kty : (dataPlane.keyType ?? ""),
    keySize: key.keySize ?? (jwk === undefined ? null : publicKeySize(jwk)),
    curve: key.curve ?? jwk?.crv ?? null,
    keyOps: key.keyOps.length > 0 ? key.keyOps : [...(dataPlane.keyOperations ?? [])],
    exportable: key.exportable ?? properties.exportable ?? null,
    hasReleasePolicy: properties.releasePolicy !== undefined,
    managed: properties.managed === true,
    hsmPlatform: properties.hsmPlatform ?? null,
    publicKeyThumbprint: jwk === undefined ? null : publicKeyThumbprint(jwk),
  };
}

/** Maps a data-plane deleted key (`listDeletedKeys`), which can still be recovered until its purge date. */
export function mapDeletedKey(deleted: SdkDeletedKey): DeletedKey {
  const properties = deleted.properties;
  const kid = splitObjectId(properties.id ?? deleted.id ?? "").base;
  return {
    name: deleted.name,
    kid,
    deletedOn: dateToIso(properties.deletedOn),
    scheduledPurgeDate: dateToIso(properties.scheduledPurgeDate),
  };
}
