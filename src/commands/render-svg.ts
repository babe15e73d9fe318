// The SVG step of a build: one browser for every diagram part. A part that
// fails to render stays as Mermaid source in the pages, with a warning naming
// it; the others are still rendered.
import { elapsed, type Logger } from "../log.js";
import type { OutputFile } from "../output/write-output.js";
import type { DiagramPart } from "../render/diagrams/index.js";
import { MermaidRenderer } from "../render/svg/mermaid-renderer.js";

export interface RenderedPictures {
  files: OutputFile[];
  /** Names of the parts that have a picture. */
  pictures: Set<string>;
}

/** Renders each part's source (already redacted when the build redacts) to `diagrams/<name>.svg`. */
export async function renderPictures(parts: DiagramPart[], browser: string, sourceOf: (part: DiagramPart) => string, log: Logger): Promise<RenderedPictures> {
  const start = performance.now();
  const renderer = await MermaidRenderer.start(browser);
  const files: OutputFile[] = [];
  const pictures = new Set<string>();
  try {
    for (const part of parts) {
      const outcome = await renderer.render({ name: part.name, source: sourceOf(part) });
      if ("svg" in outcome) {
        files.push({ path: `diagrams/${part.name}.svg`, content: `${outcome.svg}\n` });
        pictures.add(part.name);
      } else {
        log.warn(`Diagram \`${part.name}\` could not be rendered to SVG and stays as Mermaid source: ${outcome.error.split("\n")[0]}`);
      }
    }
  } finally {
    await renderer.close();
  }
  if (renderer.blockedRequests.length > 0) log.warn(`The rendering page tried to load ${renderer.blockedRequests.length} URLs, all blocked: ${renderer.blockedRequests.slice(0, 3).join(", ")}`);
  log.info(`Rendered ${pictures.size} of ${parts.length} diagrams to SVG with ${browser} in ${elapsed(start)}`);
  return { files, pictures };
}
