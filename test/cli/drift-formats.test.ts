import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli.js");

function drift(...args: string[]) {
  return spawnSync(process.execPath, [CLI, "drift", ...args], { cwd: PACKAGE_ROOT, encoding: "utf8" });
}

describe("cryptodoc drift --format", () => {
  it("prints SARIF", () => {
    const run = drift("--format", "sarif");
    expect(run.status).toBe(0);
    const sarif = JSON.parse(run.stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results).toHaveLength(14);
  });

  it("prints JUnit XML", () => {
    const run = drift("--format", "junit");
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cryptodoc drift" tests="')).toBe(true);
  });

  it("rejects an unknown format", () => {
    const run = drift("--format", "html");
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("cryptodoc: --format `html` is not one of `text`, `json`, `markdown`, `sarif`, `junit`.\n");
  });

  it("fails a stale snapshot as of now", () => {
    const run = drift("--format", "text", "--as-of", "2027-01-15");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("high fail snapshot-stale: The inventory snapshot was collected at 2026-11-30T06:00:00Z, more than P7D before 2027-01-15T00:00:00.000Z.");
  });
});
