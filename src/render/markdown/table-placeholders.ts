// Swaps the tables the fast parser can read for placeholders before micromark
// parses a page, and puts the parsed tables back into the syntax tree after.
import type { Html, Root, Table } from "mdast";
import { splitBlocks } from "./chunks.js";
import { parseTable } from "./fast-tables.js";

const PLACEHOLDER = /^<!--cryptodoc-table:(\d+)-->$/;

/** Replaces each table block the fast parser accepts with an HTML comment naming its index. */
export function extractTables(markdown: string): { markdown: string; tables: Table[] } {
  const tables: Table[] = [];
  const blocks = splitBlocks(markdown).map((block) => {
    if (!block.isTable) return block.text;
    const table = parseTable(block.text.split("\n"));
    if (table === null) return block.text;
    tables.push(table);
    return `<!--cryptodoc-table:${tables.length - 1}-->`;
  });
  if (tables.length === 0) return { markdown, tables };
  return { markdown: `${blocks.join("\n\n")}\n`, tables };
}

/** Puts the tables back where their placeholders were parsed. */
export function restoreTables(tree: Root, tables: readonly Table[]): void {
  if (tables.length === 0) return;
  tree.children = tree.children.map((node) => {
    const index = node.type === "html" ? PLACEHOLDER.exec((node as Html).value)?.[1] : undefined;
    return index === undefined ? node : tables[Number(index)]!;
  });
}
