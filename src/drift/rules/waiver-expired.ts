import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { waiverIsValid } from "../waivers.js";
import { quoted } from "../text.js";

export const waiverExpired: Rule = {
  id: "waiver-expired",
  title: "Every waiver is within its expiry date",
  severity: "high",
  requirements: ["12.3.3", "3.6.1.1"],
  rationale:
    "A waiver accepts a known deviation for a limited time. Once it expires, the finding it covered counts again, and the waiver must be renewed by its approver or the deviation fixed.",
  remediation: {
    text: "Fix the deviation and delete the waiver, or have the approver renew it with a new expiry date.",
  },
  notes: "The finding an expired waiver covered is reported as failed by its own rule; this rule reports the waiver itself. It cannot be turned off.",
  check(estate) {
    return estate.architecture.waivers.map((waiver, index) => {
      const resource = { id: `declared:waivers/${index}`, store: null, name: `${waiver.rule} ${waiver.resource}`, declaredName: null };
      const fields = { resource, declaredAt: waiver.at, expected: `expiry after ${estate.asOf.toISOString().slice(0, 10)}`, actual: waiver.expires };
      return !waiverIsValid(waiver, estate.asOf)
        ? fail({ ...fields, messageId: "expired", message: `Waiver of ${quoted(waiver.rule)} for ${quoted(waiver.resource)}, approved by ${waiver.approver.replace(/`/g, "'")}, expired on ${waiver.expires}.` })
        : pass({ ...fields, messageId: "valid", message: `Waiver of ${quoted(waiver.rule)} for ${quoted(waiver.resource)}, approved by ${waiver.approver.replace(/`/g, "'")}, is valid until ${waiver.expires}.` });
    });
  },
};
