// The drift summary for the document: counts, the failed and waived findings,
// and error results grouped by store and cause, so a store whose data plane
// was unreachable is one line rather than one per key.
import { collectionErrorsFor } from "../../drift/estate.js";
import type { Result, Severity } from "../../drift/model.js";
import type { FailOn, Summary } from "../../drift/verdict.js";
import type { Inventory } from "../../inventory/model.js";

export interface FindingView {
  severity: Severity;
  ruleId: string;
  status: string;
  resource: string;
  store: string;
  message: string;
  waiver: string;
}

export interface ErrorGroupView {
  store: string;
  cause: string;
  count: string;
  rules: string;
}

export interface DriftSummaryView {
  failOn: FailOn;
  verdict: string;
  counts: { status: string; count: number }[];
  failedBySeverity: { severity: Severity; count: number }[];
  findings: FindingView[];
  moreFindings: number;
  errorGroups: ErrorGroupView[];
}

/** Findings shown in the document; the full list is in drift-report.md. */
const DOCUMENT_FINDING_LIMIT = 100;

function causeOf(inventory: Inventory, result: Result): string {
  const errors = collectionErrorsFor(inventory, result.resource.id);
  if (errors.length === 0) return result.ruleId === "inventory-incomplete" ? result.actual : result.message.replace(/`/g, "");
  return [...new Set(errors.map((error) => `${error.operation} failed${error.status === null ? "" : ` with HTTP ${error.status}`}${error.code === null ? "" : ` ${error.code}`}`))].join("; ");
}

export function driftSummaryView(results: readonly Result[], summary: Summary, failOn: FailOn, inventory: Inventory): DriftSummaryView {
  const findings = results.filter((result) => result.status === "fail" || result.status === "waived");
  const groups = new Map<string, { store: string; cause: string; count: number; rules: Set<string> }>();
  for (const result of results) {
    if (result.status !== "error") continue;
    const store = result.resource.store ?? "(no store)";
    const cause = causeOf(inventory, result);
    const key = `${store}\u0000${cause}`;
    const group = groups.get(key) ?? { store, cause, count: 0, rules: new Set<string>() };
    group.count++;
    group.rules.add(result.ruleId);
    groups.set(key, group);
  }

  return {
    failOn,
    verdict: summary.failed ? `fails (threshold \`${failOn}\`)` : `passes (threshold \`${failOn}\`)`,
    counts: Object.entries(summary.byStatus).map(([status, count]) => ({ status, count })),
    failedBySeverity: Object.entries(summary.failedBySeverity).map(([severity, count]) => ({ severity: severity as Severity, count })),
    findings: findings.slice(0, DOCUMENT_FINDING_LIMIT).map((result) => ({
      severity: result.severity,
      ruleId: result.ruleId,
      status: result.status,
      resource: result.resource.name,
      store: result.resource.store ?? "",
      message: result.message,
      waiver: result.waiver === null ? "" : `${result.waiver.reason} (approved by ${result.waiver.approver}, until ${result.waiver.expires})`,
    })),
    moreFindings: Math.max(0, findings.length - DOCUMENT_FINDING_LIMIT),
    errorGroups: [...groups.values()]
      .sort((a, b) => (a.store < b.store ? -1 : a.store > b.store ? 1 : a.cause < b.cause ? -1 : 1))
      .map((group) => ({ store: group.store, cause: group.cause, count: String(group.count), rules: [...group.rules].sort().join(", ") })),
  };
}
