// Renders Mermaid diagrams to SVG in one headless Chromium page: the browser
// is launched once, Mermaid is loaded into the page once, and each diagram is
// one call of Mermaid's render function. The page is opened from about:blank
// and every request it makes is aborted, so a diagram cannot fetch anything.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "puppeteer-core";
import { closeBrowser, launchBrowser, type LaunchedBrowser } from "./browser.js";
import { MERMAID_CONFIG, PAGE_SCRIPT } from "./page-script.js";

/** How long one diagram may take before it is given up and the page is replaced. */
const RENDER_TIMEOUT_MS = 60_000;

export interface RenderRequest {
  name: string;
  source: string;
}

export type RenderOutcome = { name: string; svg: string } | { name: string; error: string };

/** The Mermaid bundle that puts `mermaid` on `window`, read once per process. */
let mermaidBundle: string | undefined;
function readMermaidBundle(): string {
  mermaidBundle ??= readFileSync(createRequire(import.meta.url).resolve("mermaid/dist/mermaid.min.js"), "utf8");
  return mermaidBundle;
}

export class MermaidRenderer {
  /** URLs the page tried to load; each was aborted. */
  readonly blockedRequests: string[] = [];
  private page: Page | undefined;
  private rendered = 0;

  private constructor(private readonly launched: LaunchedBrowser) {}

  /** Launches the browser at `browserPath` and loads Mermaid into a blank page. */
  static async start(browserPath: string): Promise<MermaidRenderer> {
    const renderer = new MermaidRenderer(await launchBrowser(browserPath));
    try {
      await renderer.openPage();
    } catch (error) {
      await renderer.close();
      throw error;
    }
    return renderer;
  }

  get profileDir(): string {
    return this.launched.profileDir;
  }

  get browserArguments(): string[] {
    return this.launched.arguments;
  }

  private async openPage(): Promise<Page> {
    const page = await this.launched.browser.newPage();
    await page.setRequestInterception(true);
    page.on("request", (request) => {
      const url = request.url();
      if (url.startsWith("data:") || url === "about:blank") {
        void request.continue();
        return;
      }
      this.blockedRequests.push(url);
      void request.abort("blockedbyclient");
    });
    await page.setContent("<!doctype html><html><head><meta charset=\"utf-8\"></head><body></body></html>");
    await page.addScriptTag({ content: readMermaidBundle() });
    await page.addScriptTag({ content: PAGE_SCRIPT });
    await page.evaluate(`window.mermaid.initialize(${JSON.stringify(MERMAID_CONFIG)})`);
    this.page = page;
    return page;
  }

  /** Renders one diagram; a diagram Mermaid rejects, or whose picture is unsafe, gives an error outcome. */
  async render(request: RenderRequest): Promise<RenderOutcome> {
    const page = this.page ?? (await this.openPage());
    const id = `cryptodoc-diagram-${this.rendered++}`;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), RENDER_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([
        page.evaluate(`window.cryptodocRender(${JSON.stringify(id)}, ${JSON.stringify(request.source)})`) as Promise<{ svg?: string; error?: string }>,
        timeout,
      ]);
      if (outcome === "timeout") {
        // The page may still be busy with this diagram, so the next one gets a fresh page.
        this.page = undefined;
        void page.close().catch(() => {});
        return { name: request.name, error: `rendering timed out after ${RENDER_TIMEOUT_MS / 1000} s` };
      }
      return outcome.svg !== undefined ? { name: request.name, svg: outcome.svg } : { name: request.name, error: outcome.error ?? "unknown error" };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Renders diagrams one after another in the same page. */
  async renderAll(requests: RenderRequest[]): Promise<RenderOutcome[]> {
    const outcomes: RenderOutcome[] = [];
    for (const request of requests) outcomes.push(await this.render(request));
    return outcomes;
  }

  /** Closes the browser and removes its profile folder. */
  async close(): Promise<void> {
    await closeBrowser(this.launched);
  }
}
