import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { isoDate } from "../evidence.js";
import { warningHorizon } from "../thresholds.js";

export const keyExpiringSoon: Rule = {
  id: "key-expiring-soon",
  title: "Enabled keys do not expire within the warning window",
  severity: "medium",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "A key close to its expiry date must be replaced before it expires, or what it protects stops working or falls back to an expired key. The warning gives custodians time to rotate it.",
  remediation: {
    text: "Rotate the key before it expires, or configure a rotation policy that rotates it automatically.",
    command: "az keyvault key rotate --vault-name <vault> --name <key>",
  },
  notes: "The window is `policy.expiryWarning` (default P30D). Keys already expired belong to key-expired, keys without an expiry date to key-expiry-not-set, and keys that back a certificate to certificate-expiring-soon. Disabled keys are not applicable.",
  check(estate) {
    const horizon = warningHorizon(estate.policy, estate.asOf);
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: pair.declared?.at ?? null, expected: `expiry after ${isoDate(horizon)}` };
        if (!deployed.enabled) return notApplicable({ ...fields, messageId: "disabled", message: `${describeKey(pair)} is disabled.` });
        if (deployed.managed) return notApplicable({ ...fields, messageId: "certificate-key", message: `${describeKey(pair)} backs a certificate, whose expiry certificate-expiring-soon judges.` });
        if (deployed.expires === null) return notApplicable({ ...fields, messageId: "no-expiry", message: `${describeKey(pair)} has no expiry date.` });
        const expires = new Date(deployed.expires);
        const actual = isoDate(expires);
        if (expires.getTime() <= estate.asOf.getTime()) return notApplicable({ ...fields, actual, messageId: "expired", message: `${describeKey(pair)} has already expired, which key-expired reports.` });
        return expires.getTime() <= horizon.getTime()
          ? fail({ ...fields, actual, messageId: "expiring", message: `${describeKey(pair)} expires on ${actual}, within the warning window ${estate.policy.expiryWarning}.` })
          : pass({ ...fields, actual, messageId: "not-expiring", message: `${describeKey(pair)} expires on ${actual}, after the warning window ${estate.policy.expiryWarning}.` });
      });
  },
};
