// Summaries of results and the build's verdict against the --fail-on threshold.
import { SEVERITIES, type Result, type ResultStatus, type Severity } from "./model.js";

export type FailOn = Severity | "never";
export const FAIL_ON_VALUES: readonly FailOn[] = [...SEVERITIES, "never"];

export interface Summary {
  total: number;
  byStatus: Record<ResultStatus, number>;
  /** Failed results (not waived) per severity. */
  failedBySeverity: Record<Severity, number>;
  /** Whether the build fails: a failed result at or above the threshold, or any error result unless `never`. */
  failed: boolean;
}

export function summarize(results: Iterable<Result>, failOn: FailOn): Summary {
  const byStatus: Record<ResultStatus, number> = { pass: 0, fail: 0, waived: 0, error: 0, "not-applicable": 0 };
  const failedBySeverity: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let total = 0;
  for (const result of results) {
    total++;
    byStatus[result.status]++;
    if (result.status === "fail") failedBySeverity[result.severity]++;
  }
  const threshold = failOn === "never" ? -1 : SEVERITIES.indexOf(failOn);
  const failedAtThreshold = SEVERITIES.some((severity, index) => index <= threshold && failedBySeverity[severity] > 0);
  return { total, byStatus, failedBySeverity, failed: failOn !== "never" && (failedAtThreshold || byStatus.error > 0) };
}
