import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { isoDate } from "../evidence.js";

export const keyExpired: Rule = {
  id: "key-expired",
  title: "Enabled keys have not expired",
  severity: "high",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "A key past its expiry date has reached the end of its cryptoperiod. It must be replaced and retired, not kept enabled.",
  remediation: {
    text: "Rotate the key so that a new version is current, move its users to the new version, then disable the expired one.",
    command: "az keyvault key rotate --vault-name <vault> --name <key>",
  },
  notes: "Disabled keys are not applicable; keys without an expiry date belong to key-expiry-not-set, and keys that back a certificate to certificate-expired.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        if (!deployed.enabled) return notApplicable({ messageId: "disabled", resource, declaredAt, message: `${describeKey(pair)} is disabled.` });
        if (deployed.managed) return notApplicable({ messageId: "certificate-key", resource, declaredAt, message: `${describeKey(pair)} backs a certificate, whose expiry certificate-expired judges.` });
        if (deployed.expires === null) return notApplicable({ messageId: "no-expiry", resource, declaredAt, message: `${describeKey(pair)} has no expiry date.` });
        const expires = isoDate(deployed.expires);
        const fields = { resource, declaredAt, expected: `expiry after ${isoDate(estate.asOf)}`, actual: expires };
        return new Date(deployed.expires).getTime() <= estate.asOf.getTime()
          ? fail({ ...fields, messageId: "expired", message: `${describeKey(pair)} expired on ${expires} and is still enabled.` })
          : pass({ ...fields, messageId: "valid", message: `${describeKey(pair)} is valid until ${expires}.` });
      });
  },
};
