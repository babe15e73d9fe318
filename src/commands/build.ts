// `cryptodoc build`: load, evaluate, render and write the output folder, then
// exit by the --fail-on threshold. Documents are written even when the build
// fails on findings.
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { elapsed, type Logger } from "../log.js";
import { writeOutput } from "../output/write-output.js";
import { renderBuild } from "../render/render-build.js";
import { loadAndEvaluate } from "./evaluate.js";
import type { CommonOptions } from "./options.js";

function plural(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export interface BuildOptions extends CommonOptions {
  templates?: string;
}

export async function runBuild(options: BuildOptions, log: Logger): Promise<number> {
  const evaluation = await loadAndEvaluate(options, log);

  const start = performance.now();
  const files = renderBuild(evaluation, { failOn: options.failOn, ...(options.templates === undefined ? {} : { templates: options.templates }) });
  const { removed } = await writeOutput(options.out, files);
  log.info(`Wrote ${files.length} files to ${options.out}${removed.length > 0 ? `, removed ${removed.length} no longer produced` : ""} in ${elapsed(start)}`);

  const { summary } = evaluation;
  if (summary.failed) {
    const bySeverity = Object.entries(summary.failedBySeverity).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`);
    const failed = `${plural(summary.byStatus.fail, "finding", "findings")} failed${bySeverity.length > 0 ? ` (${bySeverity.join(", ")})` : ""}`;
    const undecided = `${plural(summary.byStatus.error, "result", "results")} could not be decided`;
    log.info(`Build failed at threshold ${options.failOn}: ${failed}, and ${undecided}. See ${options.out}/drift-report.md.`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
