import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatInChunks, splitBlocks } from "../../src/render/markdown/chunks.js";
import { type FormatOptions, formatWhole } from "../../src/render/markdown/format.js";
import { PACKAGE_ROOT } from "../../src/version.js";

const options: FormatOptions = { flavor: "github", diagrams: new Map() };
const page = (example: string, name: string) => readFileSync(join(PACKAGE_ROOT, "test", "fixtures", "expected", example, name), "utf8");

describe("chunked formatting", () => {
  it.each([
    ["worked-example", "cryptographic-architecture.md"],
    ["worked-example", "key-inventory.md"],
    ["worked-example", "drift-report.md"],
    ["drifted-example", "cryptographic-architecture.md"],
  ])("gives the same bytes as one tree for %s %s", (example, name) => {
    const markdown = page(example, name);
    const whole = formatWhole(markdown, options, true);
    const chunked = formatInChunks(markdown, options, 600, formatWhole, 3);
    expect(chunked.markdown).toBe(whole.markdown);
    expect(chunked.links).toEqual(whole.links);
  });

  it("keeps fenced code with blank lines in one block", () => {
    const blocks = splitBlocks("# Title\n\n```mermaid\nflowchart LR\n\n  n0\n```\n\ntext\n");
    expect(blocks.map((block) => block.text)).toEqual(["# Title", "```mermaid\nflowchart LR\n\n  n0\n```", "text"]);
  });

  it("splits a long table into row groups with one header", () => {
    const rows = Array.from({ length: 7 }, (_, index) => `| k${index} | v${index} |`);
    const markdown = ["| Key | Value |", "| --- | --- |", ...rows].join("\n") + "\n";
    const chunked = formatInChunks(markdown, options, 20, formatWhole, 3).markdown;
    expect(chunked).toBe(formatWhole(markdown, options, true).markdown);
    expect(chunked.split("\n").filter((line) => line.startsWith("| Key"))).toHaveLength(1);
  });
});
