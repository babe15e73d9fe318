// Assembles every file a build writes: the document, the key inventory, the
// diagrams, the drift reports and the snapshot the build used.
import type { Evaluation } from "../commands/evaluate.js";
import type { FailOn } from "../drift/verdict.js";
import { RULES } from "../drift/rules/index.js";
import type { OutputFile } from "../output/write-output.js";
import { writeJsonReport } from "../report/json.js";
import { writeJunitReport } from "../report/junit.js";
import { writeMarkdownReport } from "../report/markdown.js";
import type { ReportInput } from "../report/report-input.js";
import { writeSarifReport } from "../report/sarif.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { buildDiagrams } from "./diagrams/index.js";
import { TemplateSet } from "./templates.js";
import { buildDocumentView } from "./view/document.js";

export interface RenderSettings {
  failOn: FailOn;
  templates?: string;
}

export function reportInput(evaluation: Evaluation, failOn: FailOn): ReportInput {
  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    asOf: evaluation.estate.asOf.toISOString(),
    snapshot: { collectedAt: evaluation.inventory.inventory.collection.collectedAt, sha256: evaluation.inventory.sha256 },
    failOn,
    summary: evaluation.summary,
    results: evaluation.results,
    rules: RULES,
    architectureFile: evaluation.loaded.architecture.file,
  };
}

export function renderBuild(evaluation: Evaluation, settings: RenderSettings): OutputFile[] {
  const diagrams = buildDiagrams(evaluation.estate);
  const view = buildDocumentView(evaluation.estate, evaluation.results, evaluation.summary, diagrams, {
    snapshotFile: evaluation.inventory.file,
    sha256: evaluation.inventory.sha256,
    source: evaluation.source,
    failOn: settings.failOn,
  });
  const templates = new TemplateSet(settings.templates);
  const report = reportInput(evaluation, settings.failOn);

  return [
    { path: "cryptographic-architecture.md", content: templates.render("cryptographic-architecture", view) },
    { path: "key-inventory.md", content: templates.render("key-inventory", view) },
    ...diagrams.map((diagram) => ({ path: `diagrams/${diagram.name}.mmd`, content: diagram.source })),
    { path: "drift-report.md", content: (sink) => writeMarkdownReport(report, sink) },
    { path: "drift-report.json", content: (sink) => writeJsonReport(report, sink) },
    { path: "drift-report.sarif", content: (sink) => writeSarifReport(report, sink) },
    { path: "drift-report.junit.xml", content: (sink) => writeJunitReport(report, sink) },
    { path: "inventory.json", content: evaluation.inventory.bytes },
  ];
}
