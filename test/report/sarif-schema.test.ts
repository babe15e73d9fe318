// Validates drift-report.sarif against the official SARIF 2.1.0 JSON Schema.
// The schema file comes from the pinned dev dependency @microsoft/jest-sarif
// (MIT licence, lib/schemas/sarif-2.1.0-rtm.5.json), so it is fixed by
// package-lock.json rather than copied into this repository. It is written in
// JSON Schema draft-04, which Ajv reads through ajv-draft-04, and one of its
// patterns is invalid with the `u` flag, so Unicode regular expressions are off.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { runCli, temporaryFolder } from "../support/cli.js";

const require = createRequire(import.meta.url);
const schemaPath = join(require.resolve("@microsoft/jest-sarif/package.json"), "..", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
const addFormats = addFormatsModule as unknown as (ajv: Ajv04) => Ajv04;

function sarifValidator() {
  const ajv = addFormats(new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false }));
  return ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")) as object);
}

describe("drift-report.sarif", () => {
  it.each([
    ["worked example", []],
    ["drifted example", ["--inventory", "examples/drifted/snapshot.json"]],
  ])("conforms to the SARIF 2.1.0 schema for the %s", (_name, args) => {
    const out = temporaryFolder();
    runCli(["build", "--out", out, "--fail-on", "never", ...args]);
    const validate = sarifValidator();
    const log: unknown = JSON.parse(readFileSync(join(out, "drift-report.sarif"), "utf8"));
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
  });

  it("rejects a log whose result has an invalid level", () => {
    const out = temporaryFolder();
    runCli(["build", "--out", out]);
    const log = JSON.parse(readFileSync(join(out, "drift-report.sarif"), "utf8")) as { runs: { results: { level: string }[] }[] };
    log.runs[0]!.results[0]!.level = "severe";
    expect(sarifValidator()(log)).toBe(false);
  });
});
