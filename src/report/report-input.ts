import type { Result } from "../drift/model.js";
import type { FailOn, Summary } from "../drift/verdict.js";
import type { Rule } from "../drift/rule.js";

/** Everything a reporter needs: results in report order, their summary and the evidence they were judged on. */
export interface ReportInput {
  tool: { name: string; version: string };
  asOf: string;
  snapshot: { collectedAt: string; sha256: string };
  failOn: FailOn;
  summary: Summary;
  results: readonly Result[];
  rules: readonly Rule[];
  /** The architecture file the results point into, as the user named it. */
  architectureFile: string;
}
