import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { schemaValidator } from "../../src/schema/validator.js";
import { runCli, temporaryFolder } from "../support/cli.js";

describe("drift-report.json", () => {
  it.each([
    ["worked example", []],
    ["drifted example", ["--inventory", "examples/drifted/snapshot.json"]],
  ])("validates against the findings schema for the %s", (_name, args) => {
    const out = temporaryFolder();
    runCli(["build", "--out", out, ...args]);
    const validate = schemaValidator("findings");
    const report: unknown = JSON.parse(readFileSync(join(out, "drift-report.json"), "utf8"));
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });

  it("rejects a report with an unknown status", () => {
    const out = temporaryFolder();
    runCli(["build", "--out", out]);
    const report = JSON.parse(readFileSync(join(out, "drift-report.json"), "utf8")) as { results: { status: string }[] };
    report.results[0]!.status = "ok";
    expect(schemaValidator("findings")(report)).toBe(false);
  });
});
