import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const keyVersionWithoutExpiry: Rule = {
  id: "key-version-without-expiry",
  title: "Older key versions that are still enabled have an expiry date",
  severity: "medium",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "Rotating a key creates a new current version but leaves older versions enabled. An older version without an expiry date stays usable for ever, so a key replaced at the end of its cryptoperiod is never retired.",
  remediation: {
    text: "Disable the older versions once nothing decrypts with them, or give them an expiry date.",
    command: "az keyvault key set-attributes --vault-name <vault> --name <key> --version <version> --enabled false",
  },
  notes: "Only versions other than the current one are judged; the current version's expiry belongs to key-expiry-not-set. Disabled keys are not applicable.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const fields = { resource: keyRef(pair), declaredAt: pair.declared?.at ?? null, expected: "no enabled older version without expiry" };
        if (!deployed.enabled) return notApplicable({ ...fields, messageId: "disabled", message: `${describeKey(pair)} is disabled.` });
        if (deployed.versions === null || deployed.currentVersion === null) {
          return undecided({ ...fields, messageId: "not-collected", actual: "unknown", message: `Cannot tell whether ${describeKey(pair)} has older versions without expiry: its versions were not collected: ${notCollectedBecause(estate.inventory, deployed.id)}.` });
        }
        const older = deployed.versions.filter((version) => version.version !== deployed.currentVersion);
        if (older.length === 0) return notApplicable({ ...fields, messageId: "single-version", message: `${describeKey(pair)} has no older versions.` });
        const open = older.filter((version) => version.enabled && version.expires === null).map((version) => `\`${version.version}\``);
        return open.length === 0
          ? pass({ ...fields, actual: `${older.length} older version(s), none enabled without expiry`, messageId: "all-bounded", message: `${describeKey(pair)} has ${older.length} older version(s), each disabled or with an expiry date.` })
          : fail({ ...fields, actual: `enabled without expiry: ${open.join(", ")}`, messageId: "open-ended", message: `${describeKey(pair)} has older version(s) ${open.join(", ")} enabled without an expiry date.` });
      });
  },
};
