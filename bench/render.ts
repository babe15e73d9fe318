// Measures SVG rendering side by side in one run, on the same diagrams:
// - the build's renderer (one browser, Mermaid loaded once, and per diagram
//   Mermaid's render, XML serialisation and the safety check);
// - a bare baseline: one browser, one page, Mermaid loaded once, and only
//   `mermaid.render` per diagram;
// - a fresh browser and page per diagram, the least that one command-line
//   process per diagram (such as mermaid-cli's mmdc) has to do.
// Setup (launch and loading Mermaid) is reported apart from the amortised
// cost per diagram. Rounds alternate between the methods so that both see the
// same machine load.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Flowchart } from "../src/render/diagrams/flowchart.js";
import { browserArguments, DEFAULT_BROWSER, launchBrowser, closeBrowser } from "../src/render/svg/browser.js";
import { MermaidRenderer } from "../src/render/svg/mermaid-renderer.js";
import { MERMAID_CONFIG } from "../src/render/svg/page-script.js";

const ROUNDS = 3;
const DIAGRAMS_PER_SIZE = 8;
const FRESH_BROWSER_DIAGRAMS = 3;

/** Builds a flowchart of `nodes` key-like nodes in stores of ten, with a wrapping edge per key. */
function sampleFlowchart(nodes: number, seed: number): string {
  const chart = new Flowchart("TB");
  let group = "";
  for (let index = 0; index < nodes; index++) {
    if (index % 10 === 0) group = chart.subgraph(`kv-bench-${seed}-${index / 10} (Key Vault premium, prod)`);
    const id = chart.node(`key:${index}`, `key-${seed}-${index}\nRSA-HSM, 128 bits`, { subgraph: group, shape: "round" });
    if (index > 0) chart.edge(chart.idOf(`key:${Math.floor((index - 1) / 2)}`)!, id, "wraps");
  }
  return chart.toString();
}

interface Timing {
  setupMs: number;
  perDiagramMs: number;
}

async function timeBuildRenderer(browser: string, sources: string[]): Promise<Timing> {
  const start = performance.now();
  const renderer = await MermaidRenderer.start(browser);
  const ready = performance.now();
  try {
    for (const [index, source] of sources.entries()) {
      const outcome = await renderer.render({ name: `d${index}`, source });
      if (!("svg" in outcome)) throw new Error(`the build's renderer failed: ${outcome.error}`);
    }
  } finally {
    await renderer.close();
  }
  return { setupMs: ready - start, perDiagramMs: (performance.now() - ready) / sources.length };
}

const mermaidBundle = () => readFileSync(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js"), "utf8");

async function timeBaseline(browser: string, sources: string[]): Promise<Timing> {
  const start = performance.now();
  const launched = await launchBrowser(browser);
  try {
    const page = await launched.browser.newPage();
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: mermaidBundle() });
    await page.evaluate(`window.mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)})`);
    const ready = performance.now();
    for (const [index, source] of sources.entries()) {
      await page.evaluate(`window.mermaid.render("b${index}", ${JSON.stringify(source)}).then((result) => result.svg.length)`);
    }
    return { setupMs: ready - start, perDiagramMs: (performance.now() - ready) / sources.length };
  } finally {
    await closeBrowser(launched);
  }
}

async function timeFreshBrowserPerDiagram(browser: string, sources: string[]): Promise<number> {
  const start = performance.now();
  for (const source of sources) {
    const renderer = await MermaidRenderer.start(browser);
    try {
      await renderer.render({ name: "fresh", source });
    } finally {
      await renderer.close();
    }
  }
  return (performance.now() - start) / sources.length;
}

const median = (values: number[]) => [...values].sort((left, right) => left - right)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Runs the render benchmark and returns its Markdown section; `browser` defaults to Debian's Chromium. */
export async function benchmarkRender(browser: string = process.env.CRYPTODOC_BROWSER ?? DEFAULT_BROWSER): Promise<string> {
  if (!existsSync(browser)) return `Skipped: no browser at \`${browser}\` (install Debian's chromium or set CRYPTODOC_BROWSER).\n`;
  const rows: string[] = [];
  for (const nodes of [30, 300]) {
    const sources = Array.from({ length: DIAGRAMS_PER_SIZE }, (_, index) => sampleFlowchart(nodes, index));
    const build: Timing[] = [];
    const baseline: Timing[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(await timeBaseline(browser, sources));
      build.push(await timeBuildRenderer(browser, sources));
      process.stderr.write(`render ${nodes} nodes, round ${round + 1}: build ${ms(build.at(-1)!.perDiagramMs)}, baseline ${ms(baseline.at(-1)!.perDiagramMs)} per diagram\n`);
    }
    const fresh = await timeFreshBrowserPerDiagram(browser, sources.slice(0, FRESH_BROWSER_DIAGRAMS));
    const buildPerDiagram = median(build.map((timing) => timing.perDiagramMs));
    const baselinePerDiagram = median(baseline.map((timing) => timing.perDiagramMs));
    rows.push(`| ${nodes} | ${ms(buildPerDiagram)} | ${ms(baselinePerDiagram)} | ${(buildPerDiagram / baselinePerDiagram).toFixed(2)} | ${ms(median(build.map((timing) => timing.setupMs)))} | ${ms(median(baseline.map((timing) => timing.setupMs)))} | ${ms(fresh)} | ${(fresh / buildPerDiagram).toFixed(1)} |`);
  }
  return [
    `Chromium at \`${browser}\` with ${browserArguments().length} launch switches; ${DIAGRAMS_PER_SIZE} flowcharts per size, median of ${ROUNDS} alternating rounds; a fresh browser per diagram over ${FRESH_BROWSER_DIAGRAMS} diagrams.`,
    "",
    "| Nodes | Build's renderer per diagram | Baseline per diagram | Ratio (goal at most 1.5) | Build's setup | Baseline setup | Fresh browser per diagram | Fresh ÷ build's renderer |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
    "",
  ].join("\n");
}
