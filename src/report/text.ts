// Plain text for a terminal or a CI log: one line per finding, then a summary.
import type { ReportInput } from "./report-input.js";
import type { Sink } from "./sink.js";

export function writeTextReport(input: ReportInput, sink: Sink): void {
  for (const result of input.results) {
    if (result.status === "pass" || result.status === "not-applicable") continue;
    const where = result.declaredAt === null ? "" : `${result.declaredAt.file}:${result.declaredAt.line}:${result.declaredAt.column} `;
    sink.write(`${where}${result.severity} ${result.status} ${result.ruleId}: ${result.message.replace(/\n/g, " ")}\n`);
  }
  const { summary } = input;
  sink.write(`${summary.byStatus.fail} failed, ${summary.byStatus.error} could not be decided, ${summary.byStatus.waived} waived, ${summary.byStatus.pass} passed, ${summary.byStatus["not-applicable"]} not applicable; `);
  sink.write(input.failOn === "never" ? "the build passes, because --fail-on is never.\n" : `the build ${summary.failed ? "fails" : "passes"} at threshold ${input.failOn}.\n`);
}
