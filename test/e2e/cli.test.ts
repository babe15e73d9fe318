import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { runCli, temporaryFolder } from "../support/cli.js";

const yaml = readFileSync(join(PACKAGE_ROOT, "architecture.yaml"), "utf8");

/** Writes an edited copy of the worked example next to a copy of its snapshot, and returns the folder. */
function project(edit: (text: string) => string = (text) => text): string {
  const folder = temporaryFolder();
  mkdirSync(join(folder, "inventory"));
  writeFileSync(join(folder, "inventory", "snapshot.json"), readFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json")));
  writeFileSync(join(folder, "architecture.yaml"), edit(yaml));
  return folder;
}

describe("cli", () => {
  it("prints help with exit 0", () => {
    const run = runCli(["--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^cryptodoc \d+\.\d+\.\d+: documentation as code/);
    expect(runCli(["build", "--help"]).stdout).toMatch(/^Usage: cryptodoc build \[options\]/);
    expect(runCli(["drift", "--help"]).stdout).toMatch(/\n  key-missing {27}high {5}Every declared key is deployed\n/);
  });

  it("rejects an unknown command with exit 2", () => {
    const run = runCli(["biuld"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("cryptodoc: Unknown command `biuld`; expected `build`, `collect`, `drift` or `validate`.\n  Run `cryptodoc --help` for the usage.\n");
  });

  it("rejects an unknown option and a bad threshold with exit 2", () => {
    expect(runCli(["build", "--fail-on", "severe"]).stderr).toBe(
      "cryptodoc: --fail-on `severe` is not one of `critical`, `high`, `medium`, `low`, `info`, `never`.\n  For example: --fail-on medium\n",
    );
    const run = runCli(["build", "--fail-no", "low"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("cryptodoc: Unknown option '--fail-no'.\n  Did you mean --fail-on? Run `cryptodoc --help` for the usage.\n");
  });

  it("rejects a bad --as-of", () => {
    const run = runCli(["drift", "--as-of", "yesterday"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cryptodoc: --as-of `yesterday` is not `now`, a valid ISO date or an ISO date and time.\n");
    const impossible = runCli(["drift", "--as-of", "2027-02-30"]);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toContain("cryptodoc: --as-of `2027-02-30` is not `now`, a valid ISO date or an ISO date and time.\n");
  });

  it("reports invalid YAML with exit 2, no stack trace and out untouched", () => {
    const folder = project((text) => text.replace("    cryptoperiod: P2Y\n", "    cryptoperiod: 2 years\n"));
    const out = join(folder, "out");
    mkdirSync(out);
    writeFileSync(join(out, "cryptographic-architecture.md"), "previous build\n");
    const run = runCli(["build"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cryptodoc: architecture\.yaml has 1 problem:\n  architecture\.yaml:\d+:19 keys\[3\]\.cryptoperiod: `2 years` is not an ISO 8601 duration; expected one such as `P1Y`, `P90D` or `P1Y6M`\n  Fix the fields named above; cryptodoc's schemas\/architecture\.schema\.json describes every field\.\n$/);
    expect(run.stderr).not.toContain("    at ");
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toBe("previous build\n");
  });

  it("reports a missing snapshot with exit 2", () => {
    const run = runCli(["build", "--inventory", "missing.json", "--out", temporaryFolder()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cryptodoc: Inventory snapshot `missing.json` does not exist.\n");
  });

  it("reports a snapshot that breaks its schema", () => {
    const folder = project();
    const path = join(folder, "inventory", "snapshot.json");
    const snapshot = JSON.parse(readFileSync(path, "utf8")) as { keyStores: { keys: { kty: unknown }[] }[] };
    snapshot.keyStores[0]!.keys[0]!.kty = 3072;
    writeFileSync(path, JSON.stringify(snapshot));
    const run = runCli(["validate", "--inventory", "inventory/snapshot.json"], { cwd: folder });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("  inventory/snapshot.json keyStores[0].keys[0].kty: `3072` is a number, expected text\n");
  });

  it("prints the drift report as JSON", () => {
    const run = runCli(["drift", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { summary: { byStatus: Record<string, number> }; results: unknown[] };
    expect(report.summary.byStatus.fail).toBe(13);
    expect(report.results.length).toBe(301);
  });

  it("judges as of now when asked", () => {
    const run = runCli(["drift", "--as-of", "2027-06-02"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("high fail key-expired: Key `aks-etcd-kms` in `kv-cde-prod` expired on 2027-06-01 and is still enabled.\n");
  });
});

describe("output folder", () => {
  it("leaves files it does not own and removes those it no longer writes", () => {
    const out = temporaryFolder();
    mkdirSync(join(out, ".git"));
    writeFileSync(join(out, ".git", "HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(out, "notes.md"), "hand-written\n");
    writeFileSync(join(out, "old-page.md"), "written by an earlier build\n");
    writeFileSync(join(out, ".cryptodoc-manifest.json"), JSON.stringify({ tool: "cryptodoc", files: ["old-page.md", "cryptographic-architecture.md"] }));

    const run = runCli(["build", "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/Wrote 12 files to .*, removed 1 no longer produced in/);
    expect(readFileSync(join(out, ".git", "HEAD"), "utf8")).toBe("ref: refs/heads/main\n");
    expect(readFileSync(join(out, "notes.md"), "utf8")).toBe("hand-written\n");
    expect(existsSync(join(out, "old-page.md"))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, ".cryptodoc-manifest.json"), "utf8"))).toEqual({
      tool: "cryptodoc",
      files: [
        "cryptographic-architecture.md", "diagrams/custodian-access.mmd", "diagrams/data-flows.mmd", "diagrams/deployment.mmd",
        "diagrams/key-hierarchy.mmd", "diagrams/key-lifecycle.mmd", "drift-report.json", "drift-report.junit.xml", "drift-report.md",
        "drift-report.sarif", "inventory.json", "key-inventory.md",
      ],
    });
  });

  it("refuses to replace a file it did not write", () => {
    const out = temporaryFolder();
    writeFileSync(join(out, "key-inventory.md"), "hand-written\n");
    const run = runCli(["build", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cryptodoc: The output folder \`${out}\` already contains \`key-inventory.md\`, which cryptodoc did not write; nothing was written.\n`);
    expect(readFileSync(join(out, "key-inventory.md"), "utf8")).toBe("hand-written\n");
    expect(existsSync(join(out, "cryptographic-architecture.md"))).toBe(false);
  });

  it("refuses to write real ids over a redacted build", () => {
    const out = temporaryFolder();
    const key = { CRYPTODOC_REDACTION_KEY: "a-redaction-key-of-some-length" };
    expect(runCli(["build", "--out", out, "--redact"], { env: key }).code).toBe(0);
    const redacted = readFileSync(join(out, "cryptographic-architecture.md"), "utf8");
    const run = runCli(["build", "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("contains a redacted build, and this build is not redacted; nothing was written");
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toBe(redacted);
  });

  it("rejects an output folder that cannot be one", () => {
    expect(runCli(["build", "--out="]).stderr).toBe("cryptodoc: --out `` is not a usable output folder; expected a folder such as `out`.\n  cryptodoc writes several files and a manifest there, so give it a folder of its own.\n");
    const run = runCli(["build", "--out", "architecture.yaml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("cryptodoc: The output folder `architecture.yaml` cannot be created: a file of that name is in the way.\n");
    expect(run.stderr).not.toContain("    at ");
  });

  it("keeps the previous files when rendering fails", () => {
    const out = temporaryFolder();
    expect(runCli(["build", "--out", out]).code).toBe(0);
    const before = readFileSync(join(out, "cryptographic-architecture.md"), "utf8");
    const templates = temporaryFolder();
    writeFileSync(join(templates, "key-inventory.hbs"), "# Keys\n{{#each keyInventory}}{{store.nmae}}{{/each}}\n");
    const run = runCli(["build", "--out", out, "--templates", templates]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`cryptodoc: ${join(templates, "key-inventory.hbs")}:2:25: template \`key-inventory\` uses the unknown field \`nmae\`.`);
    expect(readFileSync(join(out, "cryptographic-architecture.md"), "utf8")).toBe(before);
  });
});
