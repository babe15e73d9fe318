// Builds the ARM and data-plane JSON of keys, as Key Vault sends them.
import { createHash } from "node:crypto";
import type { EstateKey, EstateKeyVersion, EstateRotationPolicy } from "./estate.js";

const CURVE_BYTES: Record<string, number> = { "P-256": 32, "P-384": 48, "P-521": 66, "P-256K": 32 };

/** Returns the current version, the last one; an estate key has at least one. */
export function currentVersion(key: EstateKey): EstateKeyVersion {
  const last = key.versions[key.versions.length - 1];
  if (last === undefined) throw new Error(`Estate key \`${key.name}\` has no versions; give it at least one.`);
  return last;
}

function armAttributes(key: EstateKey, version: EstateKeyVersion) {
  const updated = version.updated ?? version.created;
  return {
    enabled: version.enabled,
    ...(version.notBefore === undefined ? {} : { nbf: version.notBefore }),
    ...(version.expires === undefined ? {} : { exp: version.expires }),
    ...(version.created === undefined ? {} : { created: version.created }),
    ...(updated === undefined ? {} : { updated }),
    recoveryLevel: key.recoveryLevel ?? "Recoverable+Purgeable",
    ...(key.exportable === undefined ? {} : { exportable: key.exportable }),
  };
}

/**
 * ARM `keys.list` item: attributes and keyUri only, no key type (2023-07-01 spec example).
 * ARM writes the vault host with `:443`; a loopback URL already has its port.
 */
export function armKeyListItem(storeId: string, storeUrl: string, location: string, key: EstateKey, type: string) {
  return {
    id: `${storeId}/keys/${key.name}`,
    name: key.name,
    type,
    location,
    tags: key.tags ?? {},
    properties: { attributes: armAttributes(key, currentVersion(key)), keyUri: `${armHost(storeUrl)}keys/${key.name}` },
  };
}

/** ARM `keys.get` and `keys.getVersion`. */
export function armKey(storeId: string, storeUrl: string, location: string, key: EstateKey, type: string, version = currentVersion(key), asVersion = false) {
  return {
    id: asVersion ? `${storeId}/keys/${key.name}/versions/${version.version}` : `${storeId}/keys/${key.name}`,
    // ARM names a version item by its version id.
    name: asVersion ? version.version : key.name,
    type: asVersion ? `${type}/versions` : type,
    location,
    tags: key.tags ?? {},
    properties: {
      attributes: armAttributes(key, version),
      kty: key.kty,
      keyOps: key.keyOps,
      ...(key.keySize === undefined ? {} : { keySize: key.keySize }),
      ...(key.curve === undefined ? {} : { curveName: key.curve }),
      keyUri: `${armHost(storeUrl)}keys/${key.name}`,
      keyUriWithVersion: `${armHost(storeUrl)}keys/${key.name}/${version.version}`,
      ...(key.rotationPolicyOnArm === true && key.rotationPolicy !== null ? { rotationPolicy: armRotationPolicy(key.rotationPolicy) } : {}),
    },
  };
}

/** ARM 2026-02-01 writes rotation action types in lower case. */
function armRotationPolicy(policy: EstateRotationPolicy) {
  return {
    attributes: { ...(policy.expiryTime === undefined ? {} : { expiryTime: policy.expiryTime }) },
    lifetimeActions: policy.lifetimeActions.map((action) => ({ trigger: trigger(action), action: { type: action.action.toLowerCase() } })),
  };
}

function trigger(action: EstateRotationPolicy["lifetimeActions"][number]) {
  return {
    ...(action.timeAfterCreate === undefined ? {} : { timeAfterCreate: action.timeAfterCreate }),
    ...(action.timeBeforeExpiry === undefined ? {} : { timeBeforeExpiry: action.timeBeforeExpiry }),
  };
}

function dataPlaneAttributes(key: EstateKey, version: EstateKeyVersion) {
  const { recoveryLevel, ...rest } = armAttributes(key, version);
  return { ...rest, recoveryLevel, recoverableDays: 90, ...(key.hsmPlatform === undefined ? {} : { hsmPlatform: key.hsmPlatform }) };
}

/** Data-plane `GET /keys` item: a version-less kid and no key type; `managed` only when true. */
export function dataPlaneKeyItem(storeUrl: string, key: EstateKey) {
  return {
    kid: `${storeUrl}keys/${key.name}`,
    attributes: dataPlaneAttributes(key, currentVersion(key)),
    tags: key.tags ?? {},
    ...(key.managed === true ? { managed: true } : {}),
  };
}

/** Data-plane `GET /keys/{name}/{version}`: the public key as a JWK, with base64url members. */
export function dataPlaneKeyBundle(storeUrl: string, storeName: string, key: EstateKey, version = currentVersion(key)) {
  return {
    key: { kid: `${storeUrl}keys/${key.name}/${version.version}`, kty: key.kty, key_ops: key.keyOps, ...publicJwk(storeName, key, version) },
    attributes: dataPlaneAttributes(key, version),
    tags: key.tags ?? {},
    ...(key.managed === true ? { managed: true } : {}),
    ...(key.hasReleasePolicy === true ? { release_policy: { contentType: "application/json; charset=utf-8", data: "e30" } } : {}),
  };
}

/**
 * Builds the data-plane rotation policy. A key that never had one gets the 7.3-preview
 * response, whose members are null. Action types are PascalCase here.
 */
export function dataPlaneRotationPolicy(storeUrl: string, key: EstateKey) {
  if (key.rotationPolicy === null) return { lifetimeActions: null, attributes: null };
  return {
    id: `${storeUrl}keys/${key.name}/rotationpolicy`,
    lifetimeActions: key.rotationPolicy.lifetimeActions.map((action) => ({ trigger: trigger(action), action: { type: action.action } })),
    attributes: { ...(key.rotationPolicy.expiryTime === undefined ? {} : { expiryTime: key.rotationPolicy.expiryTime }), created: 1_700_000_000, updated: 1_700_000_000 },
  };
}

/**
 * Public key members derived from the store, key and version names, so they are the same
 * in every run whatever port the store gets. They are not a real key pair: the collector
 * only measures and fingerprints them.
 */
function publicJwk(storeName: string, key: EstateKey, version: EstateKeyVersion) {
  if (key.publicKey !== undefined) return key.publicKey;
  const seed = key.publicKeySeed ?? `${storeName}|${key.name}|${version.version}`;
  const kty = key.kty.toUpperCase();
  if (kty.startsWith("RSA")) {
    const modulus = expand(seed, (key.keySize ?? 2048) / 8);
    modulus[0] = (modulus[0] ?? 0) | 0x80;
    return { n: modulus.toString("base64url"), e: "AQAB" };
  }
  if (kty.startsWith("EC")) {
    const size = CURVE_BYTES[key.curve ?? "P-256"] ?? 32;
    return { crv: key.curve ?? "P-256", x: expand(`${seed}|x`, size).toString("base64url"), y: expand(`${seed}|y`, size).toString("base64url") };
  }
  return {};
}

function expand(seed: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 32 < length; counter += 1) blocks.push(createHash("sha256").update(`${seed}|${counter}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

function armHost(storeUrl: string): string {
  return storeUrl.replace(/^(https:\/\/[^/:]+)\//i, "$1:443/");
}
