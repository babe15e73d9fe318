// Cryptoperiods that NIST SP 800-57 Part 1 Rev. 5 (section 5.3.6) suggests,
// by what a key does. Where it gives a range, the upper end is used, so a
// finding means the key exceeds every period NIST suggests for its use.
import type { KeyUsage } from "../declared/model.js";

export interface SuggestedCryptoperiod {
  years: number;
  /** The same period as an ISO 8601 duration. */
  period: string;
  /** The key kind NIST names, for messages. */
  kind: string;
}

const SIGNATURE: SuggestedCryptoperiod = { years: 3, period: "P3Y", kind: "private signature key" };
const KEY_WRAPPING: SuggestedCryptoperiod = { years: 2, period: "P2Y", kind: "key-wrapping or key-transport key" };
const DATA_ENCRYPTION: SuggestedCryptoperiod = { years: 2, period: "P2Y", kind: "data-encryption key" };
const AUTHENTICATION: SuggestedCryptoperiod = { years: 2, period: "P2Y", kind: "symmetric authentication key" };

const BY_USAGE: Record<KeyUsage, SuggestedCryptoperiod> = {
  "key-encryption": KEY_WRAPPING,
  "aks-kms": KEY_WRAPPING,
  "data-encryption": DATA_ENCRYPTION,
  signing: SIGNATURE,
  // A TLS key signs handshakes or, with RSA key exchange, transports keys; the shorter period applies.
  tls: KEY_WRAPPING,
  mac: AUTHENTICATION,
};

/** Returns the suggested cryptoperiod for a declared usage. */
export function suggestedForUsage(usage: KeyUsage): SuggestedCryptoperiod {
  return BY_USAGE[usage];
}

/**
 * Returns the suggested cryptoperiod for a deployed key from its key operations
 * (wrapKey/unwrapKey: key wrapping; encrypt/decrypt: data encryption;
 * sign/verify: signature), taking the shortest when it allows several kinds;
 * null when it allows none of them.
 */
export function suggestedForOperations(keyOps: readonly string[]): SuggestedCryptoperiod | null {
  const ops = new Set(keyOps.map((operation) => operation.toLowerCase()));
  const candidates: SuggestedCryptoperiod[] = [];
  if (ops.has("wrapkey") || ops.has("unwrapkey")) candidates.push(KEY_WRAPPING);
  if (ops.has("encrypt") || ops.has("decrypt")) candidates.push(DATA_ENCRYPTION);
  if (ops.has("sign") || ops.has("verify")) candidates.push(SIGNATURE);
  if (candidates.length === 0) return null;
  return candidates.reduce((shortest, candidate) => (candidate.years < shortest.years ? candidate : shortest));
}
