// Template overrides: a custom folder replaces templates and partials by name,
// and a reference to an unknown field fails with the template file and line.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { RenderError } from "../../src/errors.js";
import { TemplateSet } from "../../src/render/templates.js";

let folder: string;
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function templatesWith(files: Record<string, string>): TemplateSet {
  folder = mkdtempSync(join(tmpdir(), "cryptodoc-templates-"));
  mkdirSync(join(folder, "partials"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(folder, name), text);
  return new TemplateSet(folder);
}

function renderError(action: () => unknown): RenderError {
  try {
    action();
  } catch (error) {
    if (error instanceof RenderError) return error;
    throw error;
  }
  throw new Error("expected a RenderError");
}

const view = { title: "T", keys: [{ name: "k|1", purpose: "line one\nline two" }] };

describe("TemplateSet overrides", () => {
  it("custom page uses a table partial", () => {
    const templates = templatesWith({
      "page.hbs": "# {{heading title}}\n\n{{> my-table}}\n",
      "partials/my-table.hbs": "| Key | Purpose |\n| --- | --- |\n{{#each keys}}\n| {{codeCell name}} | {{cell purpose}} |\n{{/each}}\n",
    });
    expect(templates.render("page", view)).toBe("# T\n\n| Key | Purpose |\n| --- | --- |\n| `k\\|1` | line one<br>line two |\n");
  });

  it("overrides a built-in partial", () => {
    const templates = templatesWith({ "partials/keys-table.hbs": "{{#each keys}}{{name}};{{/each}}\n" });
    expect(templates.renderPartial("keys-table", view)).toBe("k|1;\n");
    expect(templates.names).toContain("cryptographic-architecture");
  });

  it("unknown field names template and line", () => {
    const templates = templatesWith({ "page.hbs": "# {{title}}\n\n{{#each keys}}\n| {{nmae}} |\n{{/each}}\n" });
    const error = renderError(() => templates.render("page", view));
    expect(error.message).toBe(`${join(folder, "page.hbs")}:4:5: template \`page\` uses the unknown field \`nmae\`.`);
  });

  it("unknown list names template and line", () => {
    const templates = templatesWith({ "page.hbs": "# {{title}}\n{{#each kyes}}\n{{/each}}\n" });
    expect(renderError(() => templates.render("page", view)).message).toBe(`${join(folder, "page.hbs")}:2:9: template \`page\` uses the unknown field \`kyes\`.`);
  });

  it("unknown field in a partial names the partial", () => {
    const templates = templatesWith({ "page.hbs": "# {{title}}\n{{> broken}}\n", "partials/broken.hbs": "\n\n{{#if missing}}x{{/if}}\n" });
    expect(renderError(() => templates.render("page", view)).message).toBe(`${join(folder, "partials", "broken.hbs")}:3:7: template \`broken\` uses the unknown field \`missing\`.`);
  });

  it("syntax error names the file", () => {
    const templates = templatesWith({ "page.hbs": "{{#each keys}}\n{{/if}}\n" });
    expect(renderError(() => templates.render("page", view)).message).toBe(`${join(folder, "page.hbs")}:1: template \`page\` failed: each doesn't match if - 1:3`);
  });

  it("missing folder is an error", () => {
    folder = mkdtempSync(join(tmpdir(), "cryptodoc-templates-"));
    expect(renderError(() => new TemplateSet(join(folder, "nope"))).message).toBe(`Templates folder \`${join(folder, "nope")}\` was not found.`);
  });
});

describe("template overrides that replace nothing", () => {
  it("names a misplaced file and a misspelt partial, and accepts a new partial", () => {
    folder = mkdtempSync(join(tmpdir(), "cryptodoc-templates-"));
    mkdirSync(join(folder, "partials"));
    writeFileSync(join(folder, "keys-table.hbs"), "x\n");
    writeFileSync(join(folder, "partials", "keys-tabel.hbs"), "y\n");
    writeFileSync(join(folder, "partials", "team-footer.hbs"), "z\n");
    expect(new TemplateSet(folder).unusedOverrides).toEqual([
      `${join(folder, "keys-table.hbs")} replaces nothing: \`keys-table\` is a partial, so move it to the templates folder's partials/ folder.`,
      `${join(folder, "partials", "keys-tabel.hbs")} replaces nothing: no built-in partial is called \`keys-tabel\` (did you mean \`keys-table\`?).`,
    ]);
  });
});
