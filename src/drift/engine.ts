// Evaluates every rule against the estate and records a result for each rule
// and resource. A rule that throws gives an error result rather than silently
// passing, and error results cannot be waived.
import type { Severity } from "../declared/model.js";
import type { Estate } from "./estate.js";
import { compareResults, type Result } from "./model.js";
import type { Outcome, Rule } from "./rule.js";
import { ALWAYS_ON_RULES, RULES } from "./rules/index.js";
import { waiverIsValid, waiverMatches } from "./waivers.js";

function toResult(rule: Rule, severity: Severity, outcome: Outcome): Result {
  return {
    ruleId: rule.id,
    messageId: outcome.messageId,
    severity,
    status: outcome.status,
    resource: outcome.resource,
    message: outcome.message,
    expected: outcome.expected,
    actual: outcome.actual,
    requirements: rule.requirements.map((id) => ({ standard: "PCI DSS", version: "4.0.1", id })),
    declaredAt: outcome.declaredAt,
    waiver: null,
  };
}

function runRule(rule: Rule, estate: Estate): Outcome[] {
  try {
    return rule.check(estate);
  } catch (error) {
    return [{
      status: "error",
      messageId: "rule-failed",
      resource: { id: `rule:${rule.id}`, store: null, name: rule.id, declaredName: null },
      message: `Rule \`${rule.id}\` could not be evaluated: ${(error as Error).message}`,
      expected: "a decision",
      actual: "rule failed",
      declaredAt: null,
    }];
  }
}

/** Evaluates `rules` (by default the whole registry) and returns the results in report order. */
export function evaluate(estate: Estate, rules: readonly Rule[] = RULES): Result[] {
  const overrides = estate.architecture.rules;
  const validWaivers = estate.architecture.waivers.filter((waiver) => waiverIsValid(waiver, estate.asOf));
  const results: Result[] = [];

  for (const rule of rules) {
    const override = overrides[rule.id];
    if (override === "off" && !ALWAYS_ON_RULES.includes(rule.id)) continue;
    const severity = override === undefined || override === "off" ? rule.severity : override;

    for (const outcome of runRule(rule, estate)) {
      const result = toResult(rule, severity, outcome);
      if (result.status === "fail" && !ALWAYS_ON_RULES.includes(rule.id)) {
        const waiver = validWaivers.find((candidate) => waiverMatches(candidate, rule.id, result.resource));
        if (waiver !== undefined) {
          result.status = "waived";
          result.waiver = { reason: waiver.reason, approver: waiver.approver, expires: waiver.expires };
        }
      }
      results.push(result);
    }
  }
  return results.sort(compareResults);
}
