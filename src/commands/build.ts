// `cryptodoc build`: load, evaluate, render and write the output folder, then
// exit by the --fail-on threshold. Documents are written even when the build
// fails on findings. With --check nothing is written: the files the build
// would write are compared with those on disk.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { EXIT_FINDINGS, EXIT_OK, EXIT_STALE } from "../errors.js";
import { SEVERITIES, type Severity } from "../drift/model.js";
import type { FailOn } from "../drift/verdict.js";
import { elapsed, type Logger, plural } from "../log.js";
import { findStaleFiles } from "../output/check-output.js";
import { Redactor, redactionKey } from "../output/redact.js";
import { type OutputFile, readManifest, writeOutput } from "../output/write-output.js";
import { buildDiagrams, diagramParts } from "../render/diagrams/index.js";
import { type Flavor, pageFile } from "../render/markdown/flavors.js";
import { findBrokenLinks } from "../render/markdown/links.js";
import { type Publication, renderPublication } from "../render/render-build.js";
import { loadAndEvaluate } from "./evaluate.js";
import { preparePageInjection, writeInjectedPage } from "./inject-page.js";
import type { CommonOptions } from "./options.js";
import { type PublishOptions, resolvePublishSettings } from "./publish-settings.js";
import { renderPictures } from "./render-svg.js";

/** Whether `severity` is at or above the --fail-on threshold. */
function isAtOrAbove(severity: Severity, failOn: FailOn): boolean {
  return failOn !== "never" && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(failOn);
}

export interface BuildOptions extends CommonOptions, PublishOptions {
  /** Compare with the output folder instead of writing it. */
  check?: boolean;
  /** A hand-written page whose marked sections are replaced. */
  inject?: string;
  /** Replace ids and IP addresses with keyed pseudonyms. */
  redact?: boolean;
}

/** Keeps an Azure DevOps `.order` file that cryptodoc did not write, since it orders the user's own pages. */
function respectForeignOrderFile(outDir: string, files: OutputFile[], log: Logger): OutputFile[] {
  const order = files.find((file) => file.path === ".order");
  if (order === undefined || !existsSync(join(outDir, ".order")) || readManifest(outDir).includes(".order")) return files;
  log.warn(`${outDir}/.order exists and was not written by cryptodoc, so it is left unchanged; add these page names to it in this order: ${String(order.content).trim().split("\n").join(", ")}.`);
  return files.filter((file) => file !== order);
}

/** Warns of links a custom template got wrong; the built-in templates have none, which a test checks. */
function warnOfBrokenLinks(publication: Publication, files: OutputFile[], svgFiles: OutputFile[], flavor: Flavor, wantPictures: boolean, log: Logger): void {
  const paths = new Set([...files, ...svgFiles].map((file) => file.path));
  // --check renders no pictures but links them, as the build it stands for would.
  for (const broken of findBrokenLinks(publication.links, paths, flavor)) {
    if (wantPictures && svgFiles.length === 0 && broken.url.endsWith(".svg")) continue;
    log.warn(`The link \`${broken.url}\` in ${broken.page} does not resolve: ${broken.reason}.`);
  }
}

export async function runBuild(options: BuildOptions, log: Logger): Promise<number> {
  const evaluation = await loadAndEvaluate(options, log);
  const architecture = evaluation.loaded.architecture;
  const settings = resolvePublishSettings(options, architecture);
  const redactor = options.redact === true ? new Redactor(redactionKey(architecture.publish.redaction)) : undefined;
  const redact = (text: string) => (redactor === undefined ? text : redactor.redact(text));

  let start = performance.now();
  const diagrams = buildDiagrams(evaluation.estate);
  const parts = diagramParts(diagrams);
  const wantPictures = settings.diagrams === "svg";
  const render = (pictures: ReadonlySet<string>) => renderPublication(evaluation, {
    failOn: options.failOn,
    flavor: settings.flavor,
    pictures,
    redacted: redactor !== undefined,
    ...(settings.templates === undefined ? {} : { templates: settings.templates }),
  }, diagrams);
  // Rendered first as if every picture succeeds, so template and marker errors surface before the browser starts.
  let publication = render(new Set(wantPictures ? parts.map((part) => part.name) : []));
  const injection = options.inject === undefined ? undefined : preparePageInjection(options.inject, options.out, publication, redact);
  for (const unused of publication.templates.unusedOverrides) log.warn(unused);
  log.info(`Rendered ${publication.files.length} files (${parts.length} diagrams, flavor ${settings.flavor}) in ${elapsed(start)}`);

  let svgFiles: OutputFile[] = [];
  if (wantPictures && options.check !== true) {
    const rendered = await renderPictures(parts, settings.browser, (part) => redact(part.source), log);
    svgFiles = rendered.files;
    if (rendered.pictures.size < parts.length) publication = render(rendered.pictures);
  }
  let files = publication.files.map((file) => (redactor === undefined ? file : redactor.redactFile(file)));
  files = respectForeignOrderFile(options.out, files, log);
  warnOfBrokenLinks(publication, files, svgFiles, settings.flavor, wantPictures, log);

  start = performance.now();
  if (options.check === true) {
    const stale = findStaleFiles(options.out, files).map((file) => `${options.out}/${file.path} (${file.reason})`);
    if (injection !== undefined && injection.stale) stale.push(`${injection.page} (marked sections differ)`);
    if (stale.length > 0) {
      log.info(`${stale.length} generated ${stale.length === 1 ? "file is" : "files are"} out of date:\n${stale.map((line) => `  ${line}`).join("\n")}\nRun \`cryptodoc build\` with the same options and commit the result.`);
      return EXIT_STALE;
    }
    log.info(`Checked ${files.filter((file) => !file.path.endsWith(".svg")).length} files in ${options.out}${injection === undefined ? "" : ` and ${injection.page}`}: all up to date in ${elapsed(start)}`);
  } else {
    const { removed } = await writeOutput(options.out, [...files, ...svgFiles], { redacted: redactor !== undefined });
    if (injection !== undefined) writeInjectedPage(injection);
    log.info(`Wrote ${files.length + svgFiles.length} files to ${options.out}${removed.length > 0 ? `, removed ${removed.length} no longer produced` : ""}${injection === undefined ? "" : `, updated ${injection.sections} sections of ${injection.page}`} in ${elapsed(start)}`);
  }

  const { summary } = evaluation;
  if (summary.failed) {
    const reasons: string[] = [];
    const atThreshold = Object.entries(summary.failedBySeverity).filter(([severity, count]) => count > 0 && isAtOrAbove(severity as Severity, options.failOn));
    if (atThreshold.length > 0) reasons.push(`${atThreshold.map(([severity, count]) => `${count} ${severity}`).join(", ")} ${atThreshold.reduce((sum, [, count]) => sum + count, 0) === 1 ? "finding" : "findings"} failed`);
    if (summary.byStatus.error > 0) reasons.push(`${plural(summary.byStatus.error, "result")} could not be decided`);
    log.info(`Build failed at threshold ${options.failOn}: ${reasons.join(", and ")}. See ${options.out}/${pageFile(settings.flavor, "drift-report.md")}.`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
