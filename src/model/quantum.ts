// Transition dates for quantum-vulnerable public-key cryptography from NIST
// IR 8547 (initial public draft, November 2024): RSA and elliptic-curve
// schemes at 112 bits of strength are deprecated after 2030, and every RSA
// and elliptic-curve scheme is disallowed after 2035.

export const DEPRECATED_AFTER = "2030-12-31";
export const DISALLOWED_AFTER = "2035-12-31";

export interface QuantumDates {
  /** The last day the key is acceptable without the deprecation caveat, or null when it is not deprecated first. */
  deprecatedAfter: string | null;
  disallowedAfter: string;
}

/** Whether a Key Vault key type is a public-key type that a quantum computer breaks (RSA or elliptic curve). */
export function isQuantumVulnerable(kty: string): boolean {
  const family = kty.replace(/-HSM$/, "");
  return family === "RSA" || family === "EC";
}

/** Returns the IR 8547 dates for an RSA or elliptic-curve key of `bits` comparable strength. */
export function quantumDates(bits: number): QuantumDates {
  return { deprecatedAfter: bits <= 112 ? DEPRECATED_AFTER : null, disallowedAfter: DISALLOWED_AFTER };
}
