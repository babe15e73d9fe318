// Formats a large page in pieces. remark parses a page into one syntax tree,
// which for a page of tens of thousands of table rows takes minutes and
// gigabytes. Cryptodoc's pages are sequences of blocks separated by blank
// lines, and tables are written without padding, so each block and each group
// of table rows formats the same alone as in the whole page. The table of
// contents is the exception: it is filled from all the page's headings at once.
import type { FormatOptions, PageLinks } from "./format.js";

/** Pages up to this many characters are formatted as one tree. */
export const CHUNK_SIZE = 256 * 1024;

/** Rows of one table formatted together when a table is larger than a chunk. */
export const TABLE_ROWS_PER_CHUNK = 2_000;

type FormatWhole = (markdown: string, options: FormatOptions, withToc: boolean) => { markdown: string; links: PageLinks };

interface Block {
  text: string;
  isTable: boolean;
  isHeading: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Splits Markdown into blocks at blank lines outside fenced code. */
export function splitBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];
  let fence: string | null = null;
  const flush = () => {
    if (lines.length === 0) return;
    const text = lines.join("\n");
    blocks.push({ text, isTable: lines[0]!.startsWith("|") && (lines[1] ?? "").startsWith("| -"), isHeading: /^#{1,6} /.test(text) && lines.length === 1 });
    lines = [];
  };
  for (const line of markdown.split("\n")) {
    const marker = FENCE.exec(line)?.[1];
    if (fence === null && marker !== undefined) fence = marker;
    else if (fence !== null && marker !== undefined && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
    if (fence === null && line.trim() === "" && marker === undefined) flush();
    else lines.push(line);
  }
  flush();
  return blocks;
}

/** Fills the table of contents from every heading of the page, formatted as a page of headings only. */
function tableOfContents(blocks: Block[], options: FormatOptions, formatWhole: FormatWhole): string | null {
  const headings = blocks.filter((block) => block.isHeading).map((block) => block.text);
  const contents = headings.findIndex((heading) => /^#{1,6} Contents$/.test(heading));
  if (contents === -1 || options.flavor === "azure-devops") return null;
  const formatted = formatWhole(headings.join("\n\n"), { ...options, diagrams: new Map() }, true).markdown.split("\n");
  const start = formatted.findIndex((line) => /^#{1,6} Contents$/.test(line));
  let end = start + 1;
  while (end < formatted.length && !/^#{1,6} /.test(formatted[end]!)) end++;
  return formatted.slice(start + 1, end).join("\n").trim();
}

/** Groups blocks into pieces of at most `chunkSize` characters; a large table becomes several pieces of rows. */
function piecesOf(blocks: Block[], chunkSize: number, rowsPerChunk: number): { text: string; continuesTable: boolean }[] {
  const pieces: { text: string; continuesTable: boolean }[] = [];
  let current: string[] = [];
  let size = 0;
  const flush = () => {
    if (current.length > 0) pieces.push({ text: current.join("\n\n"), continuesTable: false });
    current = [];
    size = 0;
  };
  for (const block of blocks) {
    if (block.isTable && block.text.length > chunkSize) {
      flush();
      const [header, delimiter, ...rows] = block.text.split("\n");
      for (let first = 0; first < rows.length; first += rowsPerChunk) {
        pieces.push({ text: [header, delimiter, ...rows.slice(first, first + rowsPerChunk)].join("\n"), continuesTable: first > 0 });
      }
      continue;
    }
    if (size + block.text.length > chunkSize) flush();
    current.push(block.text);
    size += block.text.length + 2;
  }
  flush();
  return pieces;
}

export function formatInChunks(
  markdown: string,
  options: FormatOptions,
  chunkSize: number,
  formatWhole: FormatWhole,
  rowsPerChunk = TABLE_ROWS_PER_CHUNK,
): { markdown: string; links: PageLinks } {
  const blocks = splitBlocks(markdown);
  const toc = tableOfContents(blocks, options, formatWhole);
  if (toc !== null) {
    // As remark-toc does, the list replaces whatever stands between the heading and the next one of its rank or higher.
    const contents = blocks.findIndex((block) => block.isHeading && /^#{1,6} Contents$/.test(block.text));
    const depth = /^#+/.exec(blocks[contents]!.text)![0].length;
    let end = contents + 1;
    while (end < blocks.length && !(blocks[end]!.isHeading && /^#+/.exec(blocks[end]!.text)![0].length <= depth)) end++;
    blocks.splice(contents + 1, end - contents - 1, { text: toc, isTable: false, isHeading: false });
  }

  const output: string[] = [];
  const links: PageLinks = { urls: [], headings: [] };
  for (const piece of piecesOf(blocks, chunkSize, rowsPerChunk)) {
    const formatted = formatWhole(piece.text, options, false);
    links.urls.push(...formatted.links.urls);
    links.headings.push(...formatted.links.headings);
    if (piece.continuesTable) {
      // The rows continue the table above: drop the repeated header and delimiter rows.
      output[output.length - 1] += formatted.markdown.split("\n").slice(2).join("\n");
    } else {
      output.push(formatted.markdown);
    }
  }
  return { markdown: output.join("\n"), links };
}
