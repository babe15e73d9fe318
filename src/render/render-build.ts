// Assembles every file a build writes: the document, the key inventory, the
// diagrams, the drift reports and the snapshot the build used. Every page goes
// through the one Markdown pipeline for the chosen wiki flavor.
import type { Evaluation } from "../commands/evaluate.js";
import type { FailOn } from "../drift/verdict.js";
import { RULES } from "../drift/rules/index.js";
import type { OutputFile } from "../output/write-output.js";
import { writeJsonReport } from "../report/json.js";
import { writeJunitReport } from "../report/junit.js";
import { writeMarkdownReport } from "../report/markdown.js";
import type { ReportInput } from "../report/report-input.js";
import { StringSink } from "../report/sink.js";
import { writeSarifReport } from "../report/sarif.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { buildDiagrams, type Diagram, diagramParts } from "./diagrams/index.js";
import { azureDevOpsOrder, type Flavor, pageFile } from "./markdown/flavors.js";
import { type DiagramEmbedding, type FormatOptions, formatPage, type PageLinks } from "./markdown/format.js";
import { TemplateSet } from "./templates.js";
import { diagramViews } from "./view/diagrams.js";
import { buildDocumentView, type DocumentView } from "./view/document.js";

export interface RenderSettings {
  failOn: FailOn;
  templates?: string;
  /** The wiki the pages are written for; github when not given. */
  flavor?: Flavor;
  /** Names of the diagram parts whose SVG picture the pages link; the others stay as Mermaid source. */
  pictures?: ReadonlySet<string>;
  /** True when the published files will carry pseudonyms, which the document then states. */
  redacted?: boolean;
}

/** The files a build renders, with the view, templates and options `--inject` needs to render single sections. */
export interface Publication {
  files: OutputFile[];
  diagrams: Diagram[];
  view: DocumentView;
  templates: TemplateSet;
  format: FormatOptions;
  /** The links and headings of each page, by its path in the output folder. */
  links: Map<string, PageLinks>;
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

function embeddings(diagrams: Diagram[], pictures: ReadonlySet<string>): Map<string, DiagramEmbedding> {
  return new Map(diagramParts(diagrams).map((part) => [part.name, { title: part.title, picture: pictures.has(part.name) }]));
}

export function renderPublication(evaluation: Evaluation, settings: RenderSettings, diagrams: Diagram[] = buildDiagrams(evaluation.estate)): Publication {
  const flavor = settings.flavor ?? "github";
  const pictures = settings.pictures ?? new Set<string>();
  const view = buildDocumentView(evaluation.estate, evaluation.results, evaluation.summary, diagramViews(diagrams, pictures), {
    snapshotFile: evaluation.inventory.file,
    sha256: evaluation.inventory.sha256,
    source: evaluation.source,
    failOn: settings.failOn,
    redacted: settings.redacted === true,
  });
  const templates = new TemplateSet(settings.templates);
  const report = reportInput(evaluation, settings.failOn);
  const format: FormatOptions = { flavor, diagrams: embeddings(diagrams, pictures) };
  const links = new Map<string, PageLinks>();
  const page = (name: string, markdown: string): OutputFile => {
    const path = pageFile(flavor, name);
    const formatted = formatPage(markdown, format);
    links.set(path, formatted.links);
    return { path, content: formatted.markdown };
  };

  const driftReport = new StringSink();
  writeMarkdownReport(report, driftReport);
  const files: OutputFile[] = [
    page("cryptographic-architecture.md", templates.render("cryptographic-architecture", view)),
    page("key-inventory.md", templates.render("key-inventory", view)),
    ...diagramParts(diagrams).map((part) => ({ path: `diagrams/${part.name}.mmd`, content: part.source })),
    page("drift-report.md", driftReport.toString()),
    { path: "drift-report.json", content: (sink) => writeJsonReport(report, sink) },
    { path: "drift-report.sarif", content: (sink) => writeSarifReport(report, sink) },
    { path: "drift-report.junit.xml", content: (sink) => writeJunitReport(report, sink) },
    { path: "inventory.json", content: evaluation.inventory.bytes },
  ];
  if (flavor === "azure-devops") files.push({ path: ".order", content: azureDevOpsOrder() });
  return { files, diagrams, view, templates, format, links };
}

export function renderBuild(evaluation: Evaluation, settings: RenderSettings): OutputFile[] {
  return renderPublication(evaluation, settings).files;
}
