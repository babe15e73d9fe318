// Key rows for the document and the key inventory: declared and deployed
// facts side by side, with the strength computed from the deployed key when
// there is one and from the declaration otherwise.
import type { Estate, KeyPair } from "../../drift/estate.js";
import { currentVersionCreated, isoDate, notCollectedBecause } from "../../drift/evidence.js";
import { keyStrength } from "../../model/strength.js";

export interface KeyView {
  name: string;
  /** True for a key that backs a certificate; such keys are shown with their certificate. */
  certificateKey: boolean;
  azureName: string;
  store: string;
  environment: string;
  /** `deployed`, `missing`, `undeclared`, `not collected`, or `wrapped` for keys held outside a store. */
  state: string;
  declaredType: string;
  deployedType: string;
  strength: string;
  strengthSource: string;
  algorithm: string;
  usage: string;
  keyOpsDeclared: string;
  keyOpsDeployed: string;
  purpose: string;
  protects: string;
  cryptoperiod: string;
  rotationDeclared: string;
  rotationDeployed: string;
  enabled: string;
  created: string;
  expires: string;
  wraps: string;
  wrappedBy: string;
  heldIn: string;
  custodians: string;
  hsmPlatform: string;
}

function typeText(kty: string, size: number | null | undefined, curve: string | null | undefined): string {
  const detail = curve ?? size;
  return detail === null || detail === undefined ? kty : `${kty} ${detail}`;
}

function strengthOf(pair: KeyPair): { strength: string; source: string } {
  const source = pair.deployed !== null ? "deployed" : "declared";
  const result = pair.deployed !== null
    ? keyStrength(pair.deployed.kty, pair.deployed.keySize, pair.deployed.curve)
    : keyStrength(pair.declared!.type, pair.declared!.size, pair.declared!.curve);
  return result.ok ? { strength: result.display, source } : { strength: `unknown: ${result.reason}`, source };
}

function stateOf(estate: Estate, pair: KeyPair): string {
  if (pair.declared !== null && pair.store === null) return "wrapped";
  if (pair.deployed?.managed === true && pair.declared === null) return `backs certificate ${pair.deployed.name}`;
  if (pair.deployed !== null) return pair.declared === null ? "undeclared" : "deployed";
  if (pair.store?.deployed?.keys === null) return `not collected (${notCollectedBecause(estate.inventory, pair.store.deployed.id).replace(/`/g, "")})`;
  return "missing";
}

function rotationOfDeployed(pair: KeyPair): string {
  const policy = pair.deployed?.rotationPolicy;
  if (pair.deployed === null) return "";
  if (policy === null || policy === undefined) return "unknown";
  const rotate = policy.lifetimeActions.find((action) => action.action === "rotate");
  if (rotate === undefined) return policy.lifetimeActions.length === 0 ? "none" : "notify only";
  const trigger = rotate.timeAfterCreate !== null ? `${rotate.timeAfterCreate} after creation` : `${rotate.timeBeforeExpiry} before expiry`;
  return `rotate ${trigger}${policy.expiryTime === null ? "" : `, versions expire after ${policy.expiryTime}`}`;
}

// Key Vault's hsmPlatform key attribute names the protection behind a key.
const HSM_PLATFORMS: Record<string, string> = { "0": "software", "1": "HSM, FIPS 140-2 Level 2", "2": "HSM, FIPS 140-3 Level 3" };

function rotationOfDeclared(declared: KeyPair["declared"]): string {
  if (declared?.rotation === undefined) return "";
  if (!declared.rotation.automatic) return "manual";
  return `automatic${declared.rotation.every ? ` every ${declared.rotation.every}` : ""}`;
}

function yesNo(value: boolean): string {
  return value ? "yes" : "no";
}

function expiryText(pair: KeyPair): string {
  if (pair.deployed !== null) return pair.deployed.expires === null ? "never" : isoDate(pair.deployed.expires);
  if (pair.declared !== null && pair.store === null) return `not tracked: the key is held outside a key store; cryptoperiod ${pair.declared.cryptoperiod}`;
  return "";
}

function hsmPlatformText(platform: string | null, deployed: boolean): string {
  if (!deployed) return "";
  if (platform === null) return "not reported";
  return HSM_PLATFORMS[platform] ?? `hsmPlatform ${platform}`;
}

/** Builds one row per key pair, declared keys first in declaration order, then undeclared keys by store and name. */
export function keyViews(estate: Estate): KeyView[] {
  const wrapsByKey = new Map<string, string[]>();
  for (const key of estate.architecture.keys) {
    if (key.wrappedBy !== undefined) wrapsByKey.set(key.wrappedBy, [...(wrapsByKey.get(key.wrappedBy) ?? []), key.name]);
  }
  for (const cluster of estate.architecture.clusters) {
    if (cluster.kms !== undefined) wrapsByKey.set(cluster.kms.key, [...(wrapsByKey.get(cluster.kms.key) ?? []), `etcd data-encryption keys of ${cluster.name}`]);
  }

  return estate.keys.map((pair) => {
    const declared = pair.declared;
    const deployed = pair.deployed;
    const { strength, source } = strengthOf(pair);
    const created = deployed === null ? null : currentVersionCreated(deployed);
    return {
      name: declared?.name ?? deployed?.name ?? "",
      certificateKey: declared === null && deployed?.managed === true,
      azureName: deployed?.name ?? declared?.azureName ?? "",
      store: pair.store?.name ?? "",
      environment: declared?.environment ?? pair.store?.environment ?? "unknown",
      state: stateOf(estate, pair),
      declaredType: declared === null ? "" : typeText(declared.type, declared.size, declared.curve),
      deployedType: deployed === null ? "" : typeText(deployed.kty, deployed.keySize, deployed.curve),
      strength,
      strengthSource: source,
      algorithm: declared?.algorithm ?? "",
      usage: declared?.usage ?? "",
      keyOpsDeclared: declared?.keyOps.join(", ") ?? "",
      keyOpsDeployed: deployed?.keyOps.join(", ") ?? "",
      purpose: declared?.purpose ?? "",
      protects: declared?.protects.join(", ") ?? "",
      cryptoperiod: declared?.cryptoperiod ?? "",
      rotationDeclared: rotationOfDeclared(declared),
      rotationDeployed: rotationOfDeployed(pair),
      enabled: deployed === null ? "" : yesNo(deployed.enabled),
      created: created === null ? "" : isoDate(created),
      expires: expiryText(pair),
      wraps: declared === null ? "" : (wrapsByKey.get(declared.name) ?? []).join(", "),
      wrappedBy: declared?.wrappedBy ?? "",
      heldIn: declared?.heldIn ?? "",
      custodians: declared?.custodians.join(", ") ?? "",
      hsmPlatform: hsmPlatformText(deployed?.hsmPlatform ?? null, deployed !== null),
    };
  });
}
