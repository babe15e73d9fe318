// Results and findings, as schemas/findings.schema.json describes them. The
// engine records a result for every rule and resource; findings are the
// results that are neither `pass` nor `not-applicable`.
import type { Severity, SourceLocation } from "../declared/model.js";

export type { Severity } from "../declared/model.js";
export type ResultStatus = "pass" | "fail" | "waived" | "error" | "not-applicable";

export const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low", "info"];

export interface Requirement {
  standard: "PCI DSS";
  version: "4.0.1";
  id: string;
}

export interface ResourceRef {
  /** The Azure resource id, or a declared id such as `declared:keys/pan-dek` for what Azure does not hold. */
  id: string;
  /** The name of the key store the resource lives in, when it has one. */
  store: string | null;
  /** The resource's name in Azure, or its declared name when it is not deployed. */
  name: string;
  /** The name under which architecture.yaml declares it, or null when it is undeclared. */
  declaredName: string | null;
}

export interface Result {
  ruleId: string;
  messageId: string;
  severity: Severity;
  status: ResultStatus;
  resource: ResourceRef;
  message: string;
  expected: string;
  actual: string;
  requirements: Requirement[];
  declaredAt: SourceLocation | null;
  waiver: { reason: string; approver: string; expires: string } | null;
}

/** Orders results for reports: severity (critical first), then rule id, then resource id. */
export function compareResults(a: Result, b: Result): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.resource.id.toLowerCase(), b.resource.id.toLowerCase()) ||
    compareText(a.messageId, b.messageId)
  );
}

/** Compares by UTF-16 code units, so the order does not depend on the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isFinding(result: Result): boolean {
  return result.status !== "pass" && result.status !== "not-applicable";
}
