// `cryptodoc drift`: evaluate only, and print one report to stdout.
import { EXIT_FINDINGS, EXIT_OK, UsageError } from "../errors.js";
import type { Logger } from "../log.js";
import { reportInput } from "../render/render-build.js";
import { writeJsonReport } from "../report/json.js";
import { writeJunitReport } from "../report/junit.js";
import { writeMarkdownReport } from "../report/markdown.js";
import type { ReportInput } from "../report/report-input.js";
import { writeSarifReport } from "../report/sarif.js";
import { type Sink, StdoutSink } from "../report/sink.js";
import { writeTextReport } from "../report/text.js";
import { loadAndEvaluate } from "./evaluate.js";
import type { CommonOptions } from "./options.js";

export const REPORT_FORMATS: Record<string, (input: ReportInput, sink: Sink) => void> = {
  text: writeTextReport,
  json: writeJsonReport,
  markdown: writeMarkdownReport,
  sarif: writeSarifReport,
  junit: writeJunitReport,
};

export function parseFormat(value: string | undefined): string {
  const format = value ?? "text";
  if (!(format in REPORT_FORMATS)) {
    throw new UsageError(`--format \`${format}\` is not one of ${Object.keys(REPORT_FORMATS).map((name) => `\`${name}\``).join(", ")}.`);
  }
  return format;
}

export async function runDrift(options: CommonOptions & { format: string }, log: Logger): Promise<number> {
  const evaluation = await loadAndEvaluate(options, log);
  const sink = new StdoutSink();
  REPORT_FORMATS[options.format]!(reportInput(evaluation, options.failOn), sink);
  await sink.close();
  return evaluation.summary.failed ? EXIT_FINDINGS : EXIT_OK;
}
