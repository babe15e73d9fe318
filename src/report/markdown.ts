// drift-report.md: the summary, every finding, and per-rule counts of the
// results that passed or did not apply.
import { codeSpan, messageMarkdown, tableCell } from "../render/escape.js";
import type { ResultStatus } from "../drift/model.js";
import type { ReportInput } from "./report-input.js";
import type { Sink } from "./sink.js";

const STATUSES: ResultStatus[] = ["fail", "waived", "error", "pass", "not-applicable"];

export function writeMarkdownReport(input: ReportInput, sink: Sink): void {
  const { summary } = input;
  sink.write("# Drift report\n\n");
  sink.write(`Judged as of ${input.asOf} against the inventory snapshot collected at ${input.snapshot.collectedAt} (SHA-256 \`${input.snapshot.sha256}\`) by ${input.tool.name} ${input.tool.version}. `);
  sink.write(`The build ${summary.failed ? "fails" : "passes"} at threshold \`${input.failOn}\`: ${summary.byStatus.fail} failed, ${summary.byStatus.error} could not be decided, ${summary.byStatus.waived} waived, ${summary.byStatus.pass} passed, ${summary.byStatus["not-applicable"]} not applicable.\n\n`);

  sink.write("| Severity | Failed |\n| --- | --- |\n");
  for (const [severity, count] of Object.entries(summary.failedBySeverity)) sink.write(`| ${severity} | ${count} |\n`);

  const findings = input.results.filter((result) => result.status === "fail" || result.status === "error" || result.status === "waived");
  sink.write("\n## Findings\n\n");
  if (findings.length === 0) {
    sink.write("No findings.\n");
  } else {
    sink.write("| Severity | Status | Rule | Resource | Store | Message | Expected | Actual | Declared at | Waiver |\n");
    sink.write("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
    for (const result of findings) {
      const at = result.declaredAt === null ? "" : `${result.declaredAt.file}:${result.declaredAt.line}`;
      const waiver = result.waiver === null ? "" : `${result.waiver.reason} (approved by ${result.waiver.approver}, until ${result.waiver.expires})`;
      sink.write(`| ${result.severity} | ${result.status} | ${codeSpan(result.ruleId, true)} | ${codeSpan(result.resource.name, true)} | ${tableCell(result.resource.store)} | ${messageMarkdown(result.message, true)} | ${messageMarkdown(result.expected, true)} | ${messageMarkdown(result.actual, true)} | ${tableCell(at)} | ${tableCell(waiver)} |\n`);
    }
  }

  sink.write("\n## Results per rule\n\n| Rule | Requirements | Severity | Failed | Waived | Errors | Passed | Not applicable |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n");
  const counts = new Map<string, Record<ResultStatus, number>>();
  for (const result of input.results) {
    const row = counts.get(result.ruleId) ?? { pass: 0, fail: 0, waived: 0, error: 0, "not-applicable": 0 };
    row[result.status]++;
    counts.set(result.ruleId, row);
  }
  for (const rule of input.rules) {
    const row = counts.get(rule.id);
    if (row === undefined) continue;
    const severity = input.results.find((result) => result.ruleId === rule.id)?.severity ?? rule.severity;
    sink.write(`| ${codeSpan(rule.id, true)} | ${rule.requirements.join(", ")} | ${severity} | ${STATUSES.map((status) => row[status]).join(" | ")} |\n`);
  }
}
