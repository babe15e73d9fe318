import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Root, Table } from "mdast";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { codeSpan, messageMarkdown, tableCell } from "../../src/render/escape.js";
import { parseTable } from "../../src/render/markdown/fast-tables.js";
import { remarkGfmTables } from "../../src/render/markdown/gfm-tables.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { HOSTILE_STRINGS } from "../support/hostile-strings.js";

const withoutPositions = (node: unknown) => JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "position" ? undefined : value))) as unknown;

/** Parses `markdown` with micromark and returns its tables with the source lines of each. */
function tablesOf(markdown: string): { lines: string[]; table: Table }[] {
  const tree = unified().use(remarkParse).use(remarkGfmTables).parse(markdown) as Root;
  return tree.children
    .filter((node): node is Table => node.type === "table")
    .map((table) => ({ table, lines: markdown.slice(table.position!.start.offset, table.position!.end.offset).split("\n") }));
}

function expectSameTrees(markdown: string): number {
  let accepted = 0;
  for (const { lines, table } of tablesOf(markdown)) {
    const fast = parseTable(lines);
    if (fast === null) continue;
    accepted++;
    expect(withoutPositions(fast), lines.join("\n").slice(0, 200)).toEqual(withoutPositions(table));
  }
  return accepted;
}

describe("fast table parser", () => {
  it("builds micromark's tree for every table of the expected pages", () => {
    let accepted = 0;
    for (const example of ["worked-example", "drifted-example"]) {
      const folder = join(PACKAGE_ROOT, "test", "fixtures", "expected", example);
      for (const page of readdirSync(folder).filter((name) => name.endsWith(".md"))) accepted += expectSameTrees(readFileSync(join(folder, page), "utf8"));
    }
    expect(accepted).toBeGreaterThan(40);
  });

  it("builds micromark's tree for hostile cell values", () => {
    const rows = HOSTILE_STRINGS.map((value) => `| ${tableCell(value)} | ${codeSpan(value, true)} | ${messageMarkdown(`Key \`${value.replace(/`/g, "'")}\` in \`kv\`.`, true)} |`);
    const markdown = ["| Text | Code | Message |", "| --- | --- | --- |", ...rows].join("\n") + "\n";
    expect(expectSameTrees(markdown)).toBe(1);
  });

  it("leaves rows with other syntax to micromark", () => {
    expect(parseTable(["| A |", "| --- |", "| **bold** |"])).toBeNull();
    expect(parseTable(["| A |", "| --- |", "| [link](x) |"])).toBeNull();
    expect(parseTable(["| A |", "| --- |", "| a <b> |"])).toBeNull();
    expect(parseTable(["| A |", "| --- |", "| not a row"])).toBeNull();
  });
});
