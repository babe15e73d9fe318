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
  const match = /^(https:\/\/[^/:]+)(?::(\d+))?\/keys\/([^/]+)(?:\/([^/]+))?\/?$/i.exec(keyId.trim());
  if (match === null) return null;
  // Only the default port is dropped: a vault served on another port, such as a test emulator's, keeps it.
  const port = match[2] === undefined || match[2] === "443" ? "" : `:${match[2]}`;
  return { base: `${match[1]}${port}/keys/${match[3]}`.toLowerCase(), name: match[3]!, version: match[4] ?? null };
}

/** Finds the deployed key that `keyId` names. */
export function findKeyById(estate: Estate, keyId: string): KeyPair | null {
  const parsed = parseKeyId(keyId);
  if (parsed === null) return null;
  return estate.keys.find((pair) => pair.deployed !== null && parseKeyId(pair.deployed.kid)?.base === parsed.base) ?? null;
}
