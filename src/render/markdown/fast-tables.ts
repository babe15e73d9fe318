// A fast path for the large tables cryptodoc writes. micromark parses about
// half a megabyte of Markdown a second on a 2-core machine, and a page of tens of thousands of key
// rows is almost all table. The cells the escaping helpers write use a small
// part of the inline syntax: text with backslash escapes, code spans, `<br>`,
// and underscores inside words. This parser builds the same syntax tree for
// such rows and declines any row with other syntax, which micromark then
// parses as usual. A test compares both parsers on every row of the expected
// pages and of pages built from hostile values.
import type { AlignType, Html, InlineCode, PhrasingContent, Table, TableCell, TableRow, Text } from "mdast";

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Splits a row into raw cells at pipes that no backslash escapes; null when the row is not `| ... |`. */
function splitCells(row: string): string[] | null {
  if (!row.startsWith("|") || !row.endsWith("|") || row.length < 2) return null;
  const cells: string[] = [];
  let current = "";
  for (let index = 1; index < row.length; index++) {
    const character = row[index]!;
    if (character === "\\" && row[index + 1] === "|") {
      current += "|";
      index++;
    } else if (character === "|") {
      cells.push(current);
      current = "";
    } else {
      current += character;
    }
  }
  return current === "" ? cells : null;
}

/** Parses one cell's inline content, or returns null when it uses syntax this parser leaves to micromark. */
export function parseCell(raw: string): PhrasingContent[] | null {
  const content = raw.trim();
  const nodes: PhrasingContent[] = [];
  let text = "";
  const flushText = () => {
    if (text !== "") nodes.push({ type: "text", value: text } satisfies Text);
    text = "";
  };

  for (let index = 0; index < content.length; index++) {
    const character = content[index]!;
    if (character === "\\") {
      const next = content[index + 1];
      if (next !== undefined && ASCII_PUNCTUATION.test(next)) {
        text += next;
        index++;
      } else {
        if (next === undefined) return null; // A backslash that ends a cell is left to micromark.
        text += character;
      }
    } else if (character === "`") {
      let run = 1;
      while (content[index + run] === "`") run++;
      const fence = "`".repeat(run);
      const close = findClosingFence(content, index + run, run);
      if (close === -1) return null;
      let code = content.slice(index + run, close);
      if (code.length > 2 && code.startsWith(" ") && code.endsWith(" ") && code.trim() !== "") code = code.slice(1, -1);
      flushText();
      nodes.push({ type: "inlineCode", value: code } satisfies InlineCode);
      index = close + fence.length - 1;
    } else if (character === "<") {
      if (!content.startsWith("<br>", index)) return null;
      flushText();
      nodes.push({ type: "html", value: "<br>" } satisfies Html);
      index += 3;
    } else if (character === "_") {
      if (!WORD_CHARACTER.test(content[index - 1] ?? "") || !WORD_CHARACTER.test(content[index + 1] ?? "")) return null;
      text += character;
    } else if ("*[]!&~$".includes(character)) {
      return null;
    } else {
      text += character;
    }
  }
  flushText();
  return nodes;
}

/** Finds the backtick run of exactly `length` that closes a code span, or -1. */
function findClosingFence(content: string, from: number, length: number): number {
  for (let index = from; index < content.length; index++) {
    if (content[index] !== "`") continue;
    let run = 1;
    while (content[index + run] === "`") run++;
    if (run === length) return index;
    index += run - 1;
  }
  return -1;
}

function alignOf(delimiter: string): AlignType | undefined {
  const cell = delimiter.trim();
  if (!/^:?-+:?$/.test(cell)) return undefined;
  if (cell.startsWith(":") && cell.endsWith(":")) return "center";
  if (cell.startsWith(":")) return "left";
  if (cell.endsWith(":")) return "right";
  return null;
}

/** Builds a GFM table from its lines, or returns null when any line needs the full parser. */
export function parseTable(lines: readonly string[]): Table | null {
  const [header, delimiter, ...rows] = lines;
  if (header === undefined || delimiter === undefined) return null;
  const delimiterCells = splitCells(delimiter);
  if (delimiterCells === null) return null;
  const align = delimiterCells.map(alignOf);
  if (align.some((value) => value === undefined)) return null;

  const children: TableRow[] = [];
  for (const line of [header, ...rows]) {
    const cells = splitCells(line);
    if (cells === null) return null;
    // GFM pads short rows with empty cells and drops cells beyond the header's width.
    const parsed: TableCell[] = [];
    for (let column = 0; column < align.length; column++) {
      const content = column < cells.length ? parseCell(cells[column]!) : [];
      if (content === null) return null;
      parsed.push({ type: "tableCell", children: content });
    }
    if (line === header && cells.length !== align.length) return null;
    children.push({ type: "tableRow", children: parsed });
  }
  return { type: "table", align: align as AlignType[], children };
}
