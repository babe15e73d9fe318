import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { certificateRef } from "../resources.js";
import { isoDate } from "../evidence.js";
import { warningHorizon } from "../thresholds.js";

export const certificateExpiringSoon: Rule = {
  id: "certificate-expiring-soon",
  title: "Enabled certificates do not expire within the warning window",
  severity: "medium",
  requirements: ["4.2.1", "4.2.1.1"],
  rationale:
    "A certificate close to its expiry date must be renewed and redeployed before it expires, or the connection it protects fails. The warning gives its custodians time to act, especially for certificates that do not renew automatically.",
  remediation: {
    text: "Renew the certificate, or configure an AutoRenew lifetime action with its issuer.",
    command: "az keyvault certificate set-attributes --vault-name <vault> --name <certificate> --policy @policy.json",
  },
  notes: "The window is `policy.expiryWarning` (default P30D). Expired certificates belong to certificate-expired, which also reports a missing expiry date. Disabled and pending certificates are not applicable.",
  check(estate) {
    const horizon = warningHorizon(estate.policy, estate.asOf);
    return estate.certificates
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const fields = { resource: certificateRef(pair), declaredAt: pair.declared?.at ?? null, expected: `expiry after ${isoDate(horizon)}` };
        if (!deployed.enabled || deployed.pending) return notApplicable({ ...fields, messageId: "not-in-use", message: `${name} is ${deployed.pending ? "a pending certificate request" : "disabled"}.` });
        if (deployed.expires === null) return notApplicable({ ...fields, messageId: "expiry-unknown", message: `${name} has no expiry date in the inventory, which certificate-expired reports.` });
        const expires = new Date(deployed.expires);
        const actual = isoDate(expires);
        if (expires.getTime() <= estate.asOf.getTime()) return notApplicable({ ...fields, actual, messageId: "expired", message: `${name} has already expired, which certificate-expired reports.` });
        return expires.getTime() <= horizon.getTime()
          ? fail({ ...fields, actual, messageId: "expiring", message: `${name} expires on ${actual}, within the warning window ${estate.policy.expiryWarning}.` })
          : pass({ ...fields, actual, messageId: "not-expiring", message: `${name} expires on ${actual}, after the warning window ${estate.policy.expiryWarning}.` });
      });
  },
};
