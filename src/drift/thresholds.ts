// Thresholds rules read from the YAML `policy` section, never below the
// floors PCI DSS sets.
import type { Policy } from "../declared/model.js";
import { addDuration, requireDuration } from "../model/duration.js";

/** PCI DSS strong cryptography: at least 112 bits of comparable strength. */
export const PCI_FLOOR_BITS = 112;

/** Returns the minimum strength in bits, which is the policy's but never below the PCI floor. */
export function minimumStrengthBits(policy: Policy): number {
  return Math.max(PCI_FLOOR_BITS, policy.minimumStrengthBits);
}

/** Returns the end of the expiry warning window that starts at `asOf`. */
export function warningHorizon(policy: Policy, asOf: Date): Date {
  return addDuration(asOf, requireDuration(policy.expiryWarning));
}
