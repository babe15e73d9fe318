import type { Result } from "../model.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { findWaiver, waiverIsValid, waiverMatches } from "../waivers.js";
import { quoted } from "../text.js";

const WAIVER_UNUSED = "waiver-unused";

export const waiverUnused: Rule = {
  id: "waiver-unused",
  title: "Every waiver waives at least one finding",
  severity: "low",
  requirements: ["12.3.3"],
  rationale:
    "A waiver that matches no finding, because the deviation was fixed, the resource renamed or the pattern mistyped, still reads as an accepted risk. Reporting it gets stale waivers removed before they silently cover a future finding.",
  remediation: {
    text: "Delete the waiver from architecture.yaml, or correct its rule or resource pattern.",
  },
  notes: "Judged on the other rules' results: a waiver is used when it is the first valid waiver to match a failed result. Expired waivers belong to waiver-expired. A waiver that matches only results it cannot waive (passes, errors, or findings of rules that cannot be waived) is reported with those statuses. Waivers of this rule itself are not applicable.",
  readsResults: true,
  check(estate, results) {
    const waivers = estate.architecture.waivers;
    const used = new Map<number, number>();
    for (const result of results.filter((candidate) => candidate.status === "waived")) {
      const waiver = findWaiver(waivers, estate.asOf, result.ruleId, result.resource);
      if (waiver !== undefined) used.set(waivers.indexOf(waiver), (used.get(waivers.indexOf(waiver)) ?? 0) + 1);
    }

    return waivers.map((waiver, index) => {
      const resource = { id: `declared:waivers/${index}`, store: null, name: `${waiver.rule} ${waiver.resource}`, declaredName: null };
      const fields = { resource, declaredAt: waiver.at, expected: "at least one waived finding" };
      const what = `Waiver of ${quoted(waiver.rule)} for ${quoted(waiver.resource)}`;
      if (!waiverIsValid(waiver, estate.asOf)) return notApplicable({ ...fields, messageId: "expired", message: `${what} has expired, which waiver-expired reports.` });
      if (waiver.rule === WAIVER_UNUSED) return notApplicable({ ...fields, messageId: "self", message: `${what} waives this rule's own findings.` });
      const count = used.get(index) ?? 0;
      if (count > 0) return pass({ ...fields, actual: `${count} waived`, messageId: "used", message: `${what} waives ${count} finding(s).` });
      if (estate.architecture.rules[waiver.rule] === "off") {
        return fail({ ...fields, actual: "rule turned off", messageId: "rule-off", message: `${what} waives nothing, because the rule is turned off.` });
      }
      const matched = results.filter((result: Result) => waiverMatches(waiver, result.ruleId, result.resource));
      if (matched.length === 0) return fail({ ...fields, actual: "no matching result", messageId: "unused", message: `${what} matches no result.` });
      const statuses = [...new Set(matched.map((result) => result.status))].sort().map((status) => quoted(status)).join(", ");
      return fail({ ...fields, actual: `matches only ${statuses}`, messageId: "nothing-to-waive", message: `${what} matches ${matched.length} result(s), none of which it waives: their status is ${statuses}.` });
    });
  },
};
