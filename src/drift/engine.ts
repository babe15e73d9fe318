// Evaluates every rule against the estate and records a result for each rule
// and resource. A rule that throws gives an error result rather than silently
// passing, and error results cannot be waived.
import type { Severity, SourceLocation } from "../declared/model.js";
import type { Estate } from "./estate.js";
import { compareResults, type Result } from "./model.js";
import type { Outcome, Rule } from "./rule.js";
import { ALWAYS_ON_RULES, RULES } from "./rules/index.js";
import { findWaiver } from "./waivers.js";

/**
 * Returns the place a result points to when its rule gave no declaration: the
 * declaration of the resource's store, or else the `keyStores` section. Every
 * finding then has a line in architecture.yaml to show.
 */
function fallbackLocation(estate: Estate, outcome: Outcome): SourceLocation | null {
  if (outcome.declaredAt !== null) return outcome.declaredAt;
  const store = outcome.resource.store === null ? undefined : estate.stores.find((candidate) => candidate.name === outcome.resource.store);
  return store?.declared?.at ?? estate.architecture.sections.keyStores ?? null;
}

function toResult(rule: Rule, severity: Severity, outcome: Outcome, estate: Estate): Result {
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
    declaredAt: fallbackLocation(estate, outcome),
    waiver: null,
  };
}

function runRule(rule: Rule, estate: Estate, earlier: readonly Result[]): Outcome[] {
  try {
    return rule.check(estate, earlier);
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
  const results: Result[] = [];
  const enabled = rules.filter((rule) => overrides[rule.id] !== "off" || ALWAYS_ON_RULES.includes(rule.id));
  // Rules that read results run last, so they see every other rule's results.
  const ordered = [...enabled.filter((rule) => rule.readsResults !== true), ...enabled.filter((rule) => rule.readsResults === true)];

  for (const rule of ordered) {
    const override = overrides[rule.id];
    const severity = override === undefined || override === "off" ? rule.severity : override;

    for (const outcome of runRule(rule, estate, results)) {
      const result = toResult(rule, severity, outcome, estate);
      if (result.status === "fail" && !ALWAYS_ON_RULES.includes(rule.id)) {
        const waiver = findWaiver(estate.architecture.waivers, estate.asOf, rule.id, result.resource);
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
