// drift-report.json: the machine-readable report, validated by
// schemas/findings.schema.json. Results are written one at a time.
import type { ReportInput } from "./report-input.js";
import type { Sink } from "./sink.js";

export const FINDINGS_SCHEMA_VERSION = 1;

function indent(json: string, spaces: number): string {
  const pad = " ".repeat(spaces);
  return json.split("\n").map((line) => pad + line).join("\n");
}

export function writeJsonReport(input: ReportInput, sink: Sink): void {
  const header = {
    schemaVersion: FINDINGS_SCHEMA_VERSION,
    tool: input.tool,
    asOf: input.asOf,
    snapshot: input.snapshot,
    failOn: input.failOn,
    summary: input.summary,
  };
  const headerJson = JSON.stringify(header, null, 2);
  sink.write(`${headerJson.slice(0, -2)},\n  "results": [`);
  input.results.forEach((result, index) => {
    sink.write(`${index === 0 ? "\n" : ",\n"}${indent(JSON.stringify(result, null, 2), 4)}`);
  });
  sink.write(input.results.length === 0 ? "]\n}\n" : "\n  ]\n}\n");
}
