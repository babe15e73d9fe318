// The worked example's whole output against expected files in
// test/fixtures/expected/, reviewed as plain diffs. Regenerate them with
// UPDATE_EXPECTED=1 npm test, then review the diff before committing.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { runCli, temporaryFolder } from "../support/cli.js";

const EXPECTED = join(PACKAGE_ROOT, "test", "fixtures", "expected");
const UPDATE = process.env.UPDATE_EXPECTED === "1";

function listFiles(folder: string): string[] {
  const files: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current)) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(folder, path).split("\\").join("/"));
    }
  };
  walk(folder);
  return files.sort();
}

function compareWithExpected(name: string, outDir: string): void {
  const expectedDir = join(EXPECTED, name);
  const produced = listFiles(outDir).filter((file) => file !== "inventory.json");
  if (UPDATE) {
    rmSync(expectedDir, { recursive: true, force: true });
    for (const file of produced) {
      mkdirSync(join(expectedDir, file, ".."), { recursive: true });
      writeFileSync(join(expectedDir, file), readFileSync(join(outDir, file)));
    }
  }
  expect(produced).toEqual(listFiles(expectedDir));
  for (const file of produced) {
    expect(readFileSync(join(outDir, file), "utf8"), `${file} differs from test/fixtures/expected/${name}/${file}; rerun with UPDATE_EXPECTED=1 and review the diff`).toBe(readFileSync(join(expectedDir, file), "utf8"));
  }
}

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");

describe("worked example", () => {
  it("builds the expected documents and exits 0", () => {
    const out = temporaryFolder();
    const run = runCli(["build", "--out", out]);
    expect(run.stderr).toMatch(/^Loaded architecture\.yaml: 3 key stores, 7 keys, 3 certificates, 3 custodians in \d+\.\d s\n/);
    expect(run.stderr).toMatch(/\nEvaluated 57 rules as of 2026-11-30T06:00:00\.000Z: 13 failed, 0 errors, 1 waived, \d+ passed in \d+\.\d s\n/);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    compareWithExpected("worked-example", out);
    expect(sha256(join(out, "inventory.json"))).toBe(sha256(join(PACKAGE_ROOT, "inventory", "snapshot.json")));
  });

  it("gives byte-identical output on a second build", () => {
    const first = temporaryFolder();
    const second = temporaryFolder();
    expect(runCli(["build", "--out", first]).code).toBe(0);
    expect(runCli(["build", "--out", second]).code).toBe(0);
    const files = listFiles(first);
    expect(listFiles(second)).toEqual(files);
    for (const file of files) expect(sha256(join(second, file)), file).toBe(sha256(join(first, file)));
  });

  it("shows the waived finding and those below the threshold", () => {
    const out = temporaryFolder();
    runCli(["build", "--out", out]);
    const report = JSON.parse(readFileSync(join(out, "drift-report.json"), "utf8")) as { summary: { failed: boolean; byStatus: Record<string, number>; failedBySeverity: Record<string, number> } };
    expect(report.summary.failed).toBe(false);
    expect(report.summary.byStatus.waived).toBe(1);
    expect(report.summary.failedBySeverity).toEqual({ critical: 0, high: 0, medium: 4, low: 0, info: 9 });
  });
});

describe("drifted example", () => {
  it("fails the build with exit code 1 and still writes the documents", () => {
    const out = temporaryFolder();
    const run = runCli(["build", "--inventory", "examples/drifted/snapshot.json", "--out", out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Build failed at threshold high: 4 high findings failed, and 4 results could not be decided. See ${out}/drift-report.md.`);
    compareWithExpected("drifted-example", out);
  });

  it("passes with --fail-on never", () => {
    expect(runCli(["build", "--inventory", "examples/drifted/snapshot.json", "--out", temporaryFolder(), "--fail-on", "never"]).code).toBe(0);
  });
});
