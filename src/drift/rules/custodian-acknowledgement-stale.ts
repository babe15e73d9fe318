import { addDuration, requireDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { isoDate } from "../evidence.js";

/** How often custodians renew their written acknowledgement. */
const ACKNOWLEDGEMENT_INTERVAL = "P1Y";

export const custodianAcknowledgementStale: Rule = {
  id: "custodian-acknowledgement-stale",
  title: "Every custodian acknowledged their responsibilities within the last twelve months",
  severity: "medium",
  requirements: ["3.7.8"],
  rationale:
    "Key custodians must formally acknowledge, in writing or electronically, that they understand and accept their responsibilities. An acknowledgement renewed every year keeps it current with the procedures and the keys in the custodian's care.",
  remediation: {
    text: "Have the custodian sign the current custodian acknowledgement form, then update `acknowledged` in architecture.yaml.",
  },
  notes: "Judged from the declared `acknowledged` date as of the build's as-of date; the signed form itself is evidence outside the tool.",
  check(estate) {
    return estate.architecture.custodians.map((custodian) => {
      const due = addDuration(new Date(`${custodian.acknowledged}T00:00:00Z`), requireDuration(ACKNOWLEDGEMENT_INTERVAL));
      const resource = { id: `declared:custodians/${custodian.name}`, store: null, name: custodian.displayName ?? custodian.name, declaredName: custodian.name };
      const fields = { resource, declaredAt: custodian.at, expected: `acknowledged after ${isoDate(addDuration(estate.asOf, requireDuration(ACKNOWLEDGEMENT_INTERVAL), -1))}`, actual: custodian.acknowledged };
      return due.getTime() <= estate.asOf.getTime()
        ? fail({ ...fields, messageId: "stale", message: `Custodian \`${custodian.name}\` last acknowledged their responsibilities on ${custodian.acknowledged}; a new acknowledgement was due on ${isoDate(due)}.` })
        : pass({ ...fields, messageId: "current", message: `Custodian \`${custodian.name}\` acknowledged their responsibilities on ${custodian.acknowledged}; the next acknowledgement is due on ${isoDate(due)}.` });
    });
  },
};
