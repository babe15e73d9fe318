import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { isoDate } from "../evidence.js";

export const keyExpiryNotSet: Rule = {
  id: "key-expiry-not-set",
  title: "Enabled keys have an expiry date",
  severity: "medium",
  requirements: ["3.6.1.1", "3.7.4"],
  rationale:
    "The document must give each key's expiry date, and a key without one never reaches the end of its cryptoperiod on its own.",
  remediation: {
    text: "Set an expiry date on the key, or a rotation policy whose expiryTime gives every new version one.",
    command: "az keyvault key set-attributes --vault-name <vault> --name <key> --expires <YYYY-MM-DDThh:mm:ssZ>",
  },
  notes: "Disabled keys are not applicable.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        if (!deployed.enabled) return notApplicable({ messageId: "disabled", resource, declaredAt, message: `${describeKey(pair)} is disabled.` });
        const fields = { resource, declaredAt, expected: "an expiry date" };
        return deployed.expires === null
          ? fail({ ...fields, messageId: "no-expiry", actual: "none", message: `${describeKey(pair)} has no expiry date.` })
          : pass({ ...fields, messageId: "expiry-set", actual: isoDate(deployed.expires), message: `${describeKey(pair)} expires on ${isoDate(deployed.expires)}.` });
      });
  },
};
