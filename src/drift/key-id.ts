// Key Vault key identifiers as clusters and applications write them:
// `https://<vault>.vault.azure.net[:443]/keys/<name>[/<version>]`, matched
// to deployed keys ignoring case, the default port and the version.
import type { Estate, KeyPair } from "./estate.js";

export interface KeyIdentifier {
  /** The key's identifier without a version or port, lower-cased. */
  base: string;
  name: string;
  version: string | null;
}

/** Parses a key identifier, or returns null when `keyId` is not one. */
export function parseKeyId(keyId: string): KeyIdentifier | null {
  const match = /^(https:\/\/[^/:]+)(?::443)?\/keys\/([^/]+)(?:\/([^/]+))?\/?$/i.exec(keyId.trim());
  if (match === null) return null;
  return { base: `${match[1]}/keys/${match[2]}`.toLowerCase(), name: match[2]!, version: match[3] ?? null };
}

/** Finds the deployed key that `keyId` names. */
export function findKeyById(estate: Estate, keyId: string): KeyPair | null {
  const parsed = parseKeyId(keyId);
  if (parsed === null) return null;
  return estate.keys.find((pair) => pair.deployed !== null && parseKeyId(pair.deployed.kid)?.base === parsed.base) ?? null;
}
