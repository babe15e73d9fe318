// The one Markdown pipeline every page passes through. It parses GFM tables,
// fills the table of contents, embeds diagrams and links pages as the wiki
// flavor needs, and serialises with fixed options, so the same input always
// gives the same bytes. For the github and plain flavors, formatting the output again
// gives it back unchanged.
import { posix } from "node:path";
import type { Code, Heading, Html, Image, Paragraph, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import remarkStringify, { type Options as StringifyOptions } from "remark-stringify";
import remarkToc from "remark-toc";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { CHUNK_SIZE, formatInChunks } from "./chunks.js";
import { extractTables, restoreTables } from "./table-placeholders.js";
import { remarkGfmTables } from "./gfm-tables.js";
import { type Flavor, PAGES, pageFile } from "./flavors.js";

export interface DiagramEmbedding {
  title: string;
  /** True when the picture `diagrams/<name>.svg` is linked; false when the diagram stays as Mermaid source. */
  picture: boolean;
}

export interface FormatOptions {
  flavor: Flavor;
  /** Every diagram part by name. A `mermaid` code block whose meta is `diagram=<name>` is embedded as its entry specifies. */
  diagrams: ReadonlyMap<string, DiagramEmbedding>;
  /** Prefix for relative links, for a section injected into a page outside the output folder. */
  linkBase?: string;
}

/** The heading under which the table of contents goes: the first heading whose whole text is this. */
export const CONTENTS_HEADING = "Contents";

const STRINGIFY: StringifyOptions = {
  bullet: "-",
  emphasis: "_",
  strong: "*",
  fence: "`",
  fences: true,
  rule: "-",
  listItemIndent: "one",
  incrementListMarker: true,
  closeAtx: false,
  setext: false,
  resourceLink: false,
  tightDefinitions: true,
};

const isExternal = (url: string) => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("/") || url.startsWith("#");

function diagramName(node: Code): string | undefined {
  return /(?:^|\s)diagram=([A-Za-z0-9._-]+)(?:\s|$)/.exec(node.meta ?? "")?.[1];
}

/** Writes a Mermaid block as Azure DevOps wants it: a `::: mermaid` container, with `graph` for `flowchart`. */
function azureDevOpsMermaid(source: string): Html {
  const text = source.replace(/\n+$/, "").replace(/^flowchart(\s)/, "graph$1");
  return { type: "html", value: `::: mermaid\n${text}\n:::` };
}

function embedDiagrams(tree: Root, options: FormatOptions): void {
  visit(tree, "code", (node, index, parent) => {
    if (node.lang !== "mermaid" || parent === undefined || index === undefined) return;
    const name = diagramName(node);
    const embedding = name === undefined ? undefined : options.diagrams.get(name);
    let replacement: RootContent;
    if (embedding?.picture === true) {
      const image: Image = { type: "image", url: `diagrams/${name}.svg`, alt: embedding.title };
      replacement = { type: "paragraph", children: [image] } satisfies Paragraph;
    } else if (options.flavor === "azure-devops") {
      replacement = azureDevOpsMermaid(node.value);
    } else {
      replacement = { type: "code", lang: "mermaid", meta: null, value: node.value };
    }
    parent.children.splice(index, 1, replacement as never);
  });
}

/** Replaces the contents heading with Azure DevOps' own `[[_TOC_]]`, which the wiki fills in. */
function azureDevOpsToc(tree: Root): void {
  const index = tree.children.findIndex((node) => node.type === "heading" && toString(node) === CONTENTS_HEADING);
  if (index === -1) return;
  const depth = (tree.children[index] as Heading).depth;
  let end = index + 1;
  while (end < tree.children.length && !(tree.children[end]!.type === "heading" && (tree.children[end] as Heading).depth <= depth)) end++;
  tree.children.splice(index, end - index, { type: "html", value: "[[_TOC_]]" });
}

function rewriteLinks(tree: Root, options: FormatOptions): void {
  const pages = new Set<string>(PAGES);
  visit(tree, (node) => {
    if (node.type !== "link" && node.type !== "image" && node.type !== "definition") return;
    if (isExternal(node.url)) return;
    const hash = node.url.indexOf("#");
    const path = hash === -1 ? node.url : node.url.slice(0, hash);
    const fragment = hash === -1 ? "" : node.url.slice(hash);
    let target = pages.has(path) ? pageFile(options.flavor, path) : path;
    // Azure DevOps resolves a relative link to another page from `./`.
    if (options.flavor === "azure-devops" && pages.has(path)) target = `./${target}`;
    if (options.linkBase !== undefined) target = posix.join(options.linkBase, target);
    node.url = `${target}${fragment}`;
  });
}

/** The links and headings of a formatted page, for checking links without parsing the page again. */
export interface PageLinks {
  urls: string[];
  headings: string[];
}

/** Lists the link and image targets and the heading texts of a tree, in document order. */
export function collectLinks(tree: Root): PageLinks {
  const links: PageLinks = { urls: [], headings: [] };
  visit(tree, (node) => {
    if (node.type === "link" || node.type === "image" || node.type === "definition") links.urls.push(node.url);
    if (node.type === "heading") links.headings.push(toString(node));
  });
  return links;
}

/** Formats `markdown` as one tree; `withToc` fills the table of contents from the tree's own headings. */
export function formatWhole(markdown: string, options: FormatOptions, withToc: boolean): { markdown: string; links: PageLinks } {
  let links: PageLinks = { urls: [], headings: [] };
  const fillToc = remarkToc({ heading: CONTENTS_HEADING, maxDepth: 2, tight: true });
  const { markdown: withPlaceholders, tables } = extractTables(markdown);
  const formatted = unified()
    .use(remarkParse)
    .use(remarkGfmTables)
    .use(() => (tree: Root) => {
      restoreTables(tree, tables);
      if (options.flavor === "azure-devops") azureDevOpsToc(tree);
      if (withToc) fillToc(tree);
    })
    .use(() => (tree: Root) => {
      embedDiagrams(tree, options);
      rewriteLinks(tree, options);
      links = collectLinks(tree);
    })
    .use(remarkStringify, STRINGIFY)
    .processSync(withPlaceholders);
  return { markdown: String(formatted), links };
}

/**
 * Formats one page, or one section of a page, for the wiki flavor, and lists its links. Pages larger
 * than `chunkSize` characters are formatted in pieces, which gives the same bytes while keeping
 * parsing linear in the page's size and the syntax tree small.
 */
export function formatPage(markdown: string, options: FormatOptions, chunkSize = CHUNK_SIZE): { markdown: string; links: PageLinks } {
  if (markdown.length <= chunkSize) return formatWhole(markdown, options, true);
  return formatInChunks(markdown, options, chunkSize, formatWhole);
}

/** Formats one page, or one section of a page, for the wiki flavor. */
export function formatMarkdown(markdown: string, options: FormatOptions): string {
  return formatPage(markdown, options).markdown;
}
