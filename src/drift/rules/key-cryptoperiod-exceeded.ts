import { addDuration, requireDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyPhrase, keyRef } from "../resources.js";
import { currentVersionCreated, isoDate } from "../evidence.js";

export const keyCryptoperiodExceeded: Rule = {
  id: "key-cryptoperiod-exceeded",
  title: "The current version of each key is younger than its declared cryptoperiod",
  severity: "high",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "Keys must be changed at the end of their defined cryptoperiod. The cryptoperiod is counted from the creation of the version currently in use.",
  remediation: {
    text: "Rotate the key now, then configure a rotation policy that rotates it before the cryptoperiod ends.",
    command: "az keyvault key rotate --vault-name <vault> --name <key>",
  },
  notes: "This rule owns a current version already older than its cryptoperiod. A rotation policy whose interval will overrun the cryptoperiod belongs to key-rotation-exceeds-cryptoperiod; undeclared keys belong to key-cryptoperiod-above-nist.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: declared.at, expected: `a current version younger than ${declared.cryptoperiod}` };
        if (!deployed.enabled) return notApplicable({ ...fields, messageId: "disabled", message: `${describeKey(pair)} is disabled.` });
        const created = currentVersionCreated(deployed);
        if (created === null) {
          return undecided({ ...fields, messageId: "created-unknown", actual: "unknown", message: `${describeKey(pair)} has no creation date in the inventory, so its age cannot be compared with its cryptoperiod ${declared.cryptoperiod}.` });
        }
        const end = addDuration(new Date(created), requireDuration(declared.cryptoperiod));
        const actual = `created ${isoDate(created)}, cryptoperiod ends ${isoDate(end)}`;
        return end.getTime() <= estate.asOf.getTime()
          ? fail({ ...fields, actual, messageId: "exceeded", message: `The current version of ${keyPhrase(pair)} was created on ${isoDate(created)}; its cryptoperiod ${declared.cryptoperiod} ended on ${isoDate(end)}.` })
          : pass({ ...fields, actual, messageId: "within", message: `The current version of ${keyPhrase(pair)} was created on ${isoDate(created)}; its cryptoperiod ${declared.cryptoperiod} ends on ${isoDate(end)}.` });
      });
  },
};
