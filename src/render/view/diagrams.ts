// Diagrams as the document shows them. A page embeds the first parts of a
// split diagram and lists the rest as links to their files. Past a few dozen
// pictures a page is scrolled rather than read, and each embedded part makes
// the page slower to format and to load in a wiki.
import type { Diagram } from "../diagrams/index.js";

/** Parts of one diagram embedded in the document; further parts are linked. */
export const EMBEDDED_PARTS = 20;

export interface DiagramView {
  name: string;
  title: string;
  description: string;
  parts: { name: string; title: string; source: string; partTitle: string }[];
  /** Parts that are only linked, each with its file: its picture when there is one, else its Mermaid source. */
  moreParts: { title: string; file: string }[];
}

export function diagramViews(diagrams: Diagram[], pictures: ReadonlySet<string>): DiagramView[] {
  return diagrams.map((diagram) => ({
    name: diagram.name,
    title: diagram.title,
    description: diagram.description,
    parts: diagram.parts.slice(0, EMBEDDED_PARTS).map((part) => ({ ...part, partTitle: diagram.parts.length > 1 ? part.title : "" })),
    moreParts: diagram.parts.slice(EMBEDDED_PARTS).map((part) => ({ title: part.title, file: `diagrams/${part.name}.${pictures.has(part.name) ? "svg" : "mmd"}` })),
  }));
}
