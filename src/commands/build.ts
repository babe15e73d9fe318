// `cryptodoc build`: load, evaluate, render and write the output folder, then
// exit by the --fail-on threshold. Documents are written even when the build
// fails on findings.
import { EXIT_FINDINGS, EXIT_OK } from "../errors.js";
import { elapsed, type Logger } from "../log.js";
import { writeOutput } from "../output/write-output.js";
import { renderBuild } from "../render/render-build.js";
import { loadAndEvaluate } from "./evaluate.js";
import type { CommonOptions } from "./options.js";

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
    log.info(`Build failed: ${summary.byStatus.fail} findings failed (${Object.entries(summary.failedBySeverity).filter(([, count]) => count > 0).map(([severity, count]) => `${count} ${severity}`).join(", ") || "none"}) and ${summary.byStatus.error} results could not be decided, at threshold ${options.failOn}. See ${options.out}/drift-report.md.`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
