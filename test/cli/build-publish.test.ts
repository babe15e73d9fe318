// `cryptodoc build` as a user runs it: check mode, flavors, inject mode,
// templates and redaction, through the built executable.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { runCli } from "../support/cli.js";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "cryptodoc-build-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const KEY = { CRYPTODOC_REDACTION_KEY: "test-redaction-key-0123456789" };

function filesUnder(root: string, prefix = ""): string[] {
  return readdirSync(join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(prefix, entry.name)) : [join(prefix, entry.name)]);
}

describe("build --check", () => {
  it("passes right after a build", () => {
    const out = join(folder, "out");
    expect(runCli(["build", "--out", out]).code).toBe(0);
    const check = runCli(["build", "--check", "--out", out]);
    expect(check.stderr).toContain(`Checked 12 files in ${out}: all up to date`);
    expect(check.code).toBe(0);
  });

  it("exits 3 naming stale files", () => {
    const out = join(folder, "out");
    runCli(["build", "--out", out]);
    writeFileSync(join(out, "key-inventory.md"), "edited by hand\n");
    rmSync(join(out, "diagrams", "data-flows.mmd"));
    writeFileSync(join(out, "diagrams", "old.mmd"), "flowchart LR\n");
    const manifest = JSON.parse(readFileSync(join(out, ".cryptodoc-manifest.json"), "utf8")) as { files: string[] };
    writeFileSync(join(out, ".cryptodoc-manifest.json"), JSON.stringify({ ...manifest, files: [...manifest.files, "diagrams/old.mmd"] }));
    const check = runCli(["build", "--check", "--out", out]);
    expect(check.code).toBe(3);
    expect(check.stderr).toContain(`3 generated files are out of date:\n  ${out}/diagrams/data-flows.mmd (missing)\n  ${out}/diagrams/old.mmd (no longer produced)\n  ${out}/key-inventory.md (differs)\n`);
    expect(readFileSync(join(out, "key-inventory.md"), "utf8")).toBe("edited by hand\n");
  });

  it("writes nothing", () => {
    const check = runCli(["build", "--check", "--out", join(folder, "out")]);
    expect(check.code).toBe(3);
    expect(existsSync(join(folder, "out"))).toBe(false);
  });
});

describe("build --flavor", () => {
  it("plain with source diagrams exits 2", () => {
    const result = runCli(["build", "--flavor", "plain", "--diagrams", "source", "--out", join(folder, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("cryptodoc: --flavor plain shows diagrams only as pictures, so it cannot be combined with --diagrams source.\n  Use --diagrams svg (the default for plain), or a flavor whose wiki draws Mermaid: github or azure-devops.\n");
  });

  it("unknown flavor exits 2", () => {
    const result = runCli(["build", "--flavor", "confluence"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cryptodoc: --flavor `confluence` is not one of `github`, `azure-devops`, `plain`.");
  });

  it("azure-devops keeps a foreign .order", () => {
    const out = join(folder, "wiki");
    mkdirSync(out);
    writeFileSync(join(out, ".order"), "Home\nRunbooks\n");
    const result = runCli(["build", "--flavor", "azure-devops", "--out", out]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, ".order"), "utf8")).toBe("Home\nRunbooks\n");
    expect(result.stderr).toContain(`warning: ${out}/.order exists and was not written by cryptodoc, so it is left unchanged; add these page names to it in this order: Cryptographic-architecture, Key-inventory, Drift-report.`);
  });

  it("azure-devops writes its own .order", () => {
    const out = join(folder, "wiki");
    expect(runCli(["build", "--flavor", "azure-devops", "--out", out]).code).toBe(0);
    expect(readFileSync(join(out, ".order"), "utf8")).toBe("Cryptographic-architecture\nKey-inventory\nDrift-report\n");
    expect(existsSync(join(out, "Cryptographic-architecture.md"))).toBe(true);
  });
});

describe("build --inject", () => {
  it("replaces marked sections only", () => {
    const page = join(folder, "docs", "crypto.md");
    mkdirSync(join(folder, "docs"));
    writeFileSync(page, "# Our page\n\nWritten by hand.\n\n<!-- cryptodoc:begin drift-summary -->\n<!-- cryptodoc:end drift-summary -->\n\nMore hand-written text.\n");
    const result = runCli(["build", "--out", join(folder, "out"), "--inject", page]);
    expect(result.code).toBe(0);
    const text = readFileSync(page, "utf8");
    expect(text.startsWith("# Our page\n\nWritten by hand.\n\n<!-- cryptodoc:begin drift-summary -->\n\n## Drift summary\n\nThe build passes (threshold `high`). The full list of results is in [drift-report.md](../out/drift-report.md).\n")).toBe(true);
    expect(text.endsWith("\n\n<!-- cryptodoc:end drift-summary -->\n\nMore hand-written text.\n")).toBe(true);
    expect(runCli(["build", "--check", "--out", join(folder, "out"), "--inject", page]).code).toBe(0);
  });

  it("bad markers exit 2 and write nothing", () => {
    const page = join(folder, "crypto.md");
    writeFileSync(page, "<!-- cryptodoc:begin keys-table -->\n");
    const result = runCli(["build", "--out", join(folder, "out"), "--inject", page]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cryptodoc: ${page} has a problem with its cryptodoc markers:\n  ${page}:1: \`<!-- cryptodoc:begin keys-table -->\` is never closed; add \`<!-- cryptodoc:end keys-table -->\` after it.\n`);
    expect(existsSync(join(folder, "out"))).toBe(false);
    expect(readFileSync(page, "utf8")).toBe("<!-- cryptodoc:begin keys-table -->\n");
  });
});

describe("build --templates", () => {
  it("unknown field exits 2 naming the template", () => {
    const templates = join(folder, "templates");
    mkdirSync(join(templates, "partials"), { recursive: true });
    writeFileSync(join(templates, "partials", "keys-table.hbs"), "| Key |\n| --- |\n{{#each keys}}\n| {{nmae}} |\n{{/each}}\n");
    const result = runCli(["build", "--out", join(folder, "out"), "--templates", templates]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cryptodoc: ${join(templates, "partials", "keys-table.hbs")}:4:5: template \`keys-table\` uses the unknown field \`nmae\`.`);
    expect(existsSync(join(folder, "out"))).toBe(false);
  });
});

describe("publish section of the YAML", () => {
  it("templates folder is relative to the YAML", () => {
    const project = join(folder, "project");
    mkdirSync(join(project, "inventory"), { recursive: true });
    mkdirSync(join(project, "my-templates", "partials"), { recursive: true });
    writeFileSync(join(project, "inventory", "snapshot.json"), readFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json")));
    writeFileSync(join(project, "architecture.yaml"), readFileSync(join(PACKAGE_ROOT, "architecture.yaml"), "utf8").replace("\ninventory:\n", "\npublish:\n  flavor: azure-devops\n  templates: my-templates\n\ninventory:\n"));
    writeFileSync(join(project, "my-templates", "partials", "algorithms-table.hbs"), "Algorithms: {{#each algorithms}}{{code name}} {{/each}}\n");
    const result = runCli(["build", "--config", join(project, "architecture.yaml"), "--out", join(folder, "out")]);
    expect(result.code).toBe(0);
    const document = readFileSync(join(folder, "out", "Cryptographic-architecture.md"), "utf8");
    expect(document).toContain("Algorithms: `AES-256-GCM` `AES-256-KW` `RSA-OAEP-256` `ECDSA-P384` `ECDSA-P256`\n");
  });
});

describe("build --redact", () => {
  const ORIGINAL_IDS = ["7c1f2a9e-4b3d-4e8a-9f61-2d5c8b0a7e13", "3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f", "5e2a8c71-3f4b-4d9e-a1c6-7b8d9e0f1a2b", "2f9b5de8-a0bc-4e6f-98d3-4c5d6e7f8091"];

  it("without a key exits 2", () => {
    const result = runCli(["build", "--redact", "--out", join(folder, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("cryptodoc: --redact needs a key, but the environment variable CRYPTODOC_REDACTION_KEY is not set.");
  });

  it("leaves no original id in any file", () => {
    const out = join(folder, "out");
    expect(runCli(["build", "--redact", "--out", out], { env: KEY }).code).toBe(0);
    for (const file of filesUnder(out)) {
      const text = readFileSync(join(out, file), "utf8");
      for (const id of ORIGINAL_IDS) expect(text.includes(id), `${id} in ${file}`).toBe(false);
    }
  });

  it("pseudonyms agree across files", () => {
    const out = join(folder, "out");
    runCli(["build", "--redact", "--out", out], { env: KEY });
    const tenant = (JSON.parse(readFileSync(join(out, "inventory.json"), "utf8")) as { collection: { tenantId: string } }).collection.tenantId;
    expect(tenant).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toContain(`| Tenant | \`${tenant}\` |`);
  });

  it("keeps the unredacted snapshot hash", () => {
    const out = join(folder, "out");
    runCli(["build", "--redact", "--out", out], { env: KEY });
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toContain("| Snapshot SHA-256 | `918a1859dc968937c9cf44992e8f6ec98d3f4c9f41ba135d5ccb33aa7d8fe590` (of the snapshot as collected, before redaction) |");
  });

  it("check stays meaningful", () => {
    const out = join(folder, "out");
    runCli(["build", "--redact", "--out", out], { env: KEY });
    expect(runCli(["build", "--redact", "--check", "--out", out], { env: KEY }).code).toBe(0);
    expect(runCli(["build", "--redact", "--check", "--out", out], { env: { CRYPTODOC_REDACTION_KEY: "another-key-0123456789" } }).code).toBe(3);
  });
});
