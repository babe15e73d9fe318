// Inject mode: only the text between markers changes, and every misplaced
// marker is reported with its line.
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { findMarkedSections, injectSections } from "../../src/output/inject.js";

const NAMES = ["keys-table", "drift-summary", "stores-table"];

function problems(page: string): string[] {
  try {
    findMarkedSections("page.md", page, NAMES);
  } catch (error) {
    if (error instanceof InputError) return error.diagnostics;
    throw error;
  }
  return [];
}

describe("injectSections", () => {
  it("keeps the rest byte for byte", () => {
    const page = "# Hand-written\r\n\r\nIntro.  \r\n<!-- cryptodoc:begin keys-table -->\r\nold text\r\n<!-- cryptodoc:end keys-table -->\r\nMiddle\twith tab\r\n  <!-- cryptodoc:begin drift-summary -->\r\n  <!-- cryptodoc:end drift-summary -->\r\nEnd without newline";
    const sections = findMarkedSections("page.md", page, NAMES);
    const result = injectSections(page, sections, (name) => `## ${name}\n\n| a |\n| - |\n| 1 |\n`);
    expect(result).toBe("# Hand-written\r\n\r\nIntro.  \r\n<!-- cryptodoc:begin keys-table -->\r\n\r\n## keys-table\r\n\r\n| a |\r\n| - |\r\n| 1 |\r\n\r\n<!-- cryptodoc:end keys-table -->\r\nMiddle\twith tab\r\n  <!-- cryptodoc:begin drift-summary -->\r\n\r\n## drift-summary\r\n\r\n| a |\r\n| - |\r\n| 1 |\r\n\r\n  <!-- cryptodoc:end drift-summary -->\r\nEnd without newline");
  });

  it("injecting twice changes nothing", () => {
    const page = "A\n<!-- cryptodoc:begin keys-table -->\n<!-- cryptodoc:end keys-table -->\nB\n";
    const once = injectSections(page, findMarkedSections("page.md", page, NAMES), () => "text\n");
    expect(injectSections(once, findMarkedSections("page.md", once, NAMES), () => "text\n")).toBe(once);
  });
});

describe("marker problems", () => {
  it("missing end marker", () => {
    expect(problems("<!-- cryptodoc:begin keys-table -->\ntext\n")).toEqual([
      "page.md:1: `<!-- cryptodoc:begin keys-table -->` is never closed; add `<!-- cryptodoc:end keys-table -->` after it.",
    ]);
  });

  it("missing begin marker", () => {
    expect(problems("text\n<!-- cryptodoc:end keys-table -->\n")).toEqual([
      "page.md:2: `<!-- cryptodoc:end keys-table -->` has no `<!-- cryptodoc:begin keys-table -->` above it.",
    ]);
  });

  it("duplicated section", () => {
    expect(problems("<!-- cryptodoc:begin keys-table -->\n<!-- cryptodoc:end keys-table -->\n\n<!-- cryptodoc:begin keys-table -->\n<!-- cryptodoc:end keys-table -->\n")).toEqual([
      "page.md:4: section `keys-table` is marked a second time; it is already marked at line 1.",
    ]);
  });

  it("misordered markers", () => {
    expect(problems("<!-- cryptodoc:begin keys-table -->\n<!-- cryptodoc:begin stores-table -->\n<!-- cryptodoc:end keys-table -->\n<!-- cryptodoc:end stores-table -->\n")).toEqual([
      "page.md:2: `<!-- cryptodoc:begin stores-table -->` opens inside section `keys-table` begun at line 1; add `<!-- cryptodoc:end keys-table -->` before it.",
      "page.md:4: `<!-- cryptodoc:end stores-table -->` has no `<!-- cryptodoc:begin stores-table -->` above it.",
    ]);
  });

  it("end closes another section", () => {
    expect(problems("<!-- cryptodoc:begin keys-table -->\n<!-- cryptodoc:end stores-table -->\n<!-- cryptodoc:end keys-table -->\n")).toEqual([
      "page.md:2: `<!-- cryptodoc:end stores-table -->` closes `stores-table`, but the open section is `keys-table` from line 1.",
    ]);
  });

  it("unknown section name", () => {
    expect(problems("<!-- cryptodoc:begin kyes-table -->\n<!-- cryptodoc:end kyes-table -->\n")).toEqual([
      "page.md:1: unknown section `kyes-table`; expected the name of a template or partial, such as `keys-table` or `drift-summary`.",
    ]);
  });

  it("marker not alone on its line", () => {
    expect(problems("See <!-- cryptodoc:begin keys-table --> here\n")).toEqual([
      "page.md:1: a cryptodoc marker must stand alone on its line as `<!-- cryptodoc:begin NAME -->` or `<!-- cryptodoc:end NAME -->`.",
    ]);
  });

  it("page without markers", () => {
    expect(problems("# Nothing to do\n")).toEqual(["page.md: no `<!-- cryptodoc:begin NAME -->` marker was found, so there is nothing to inject."]);
  });
});
