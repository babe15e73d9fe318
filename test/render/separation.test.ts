import { describe, expect, it } from "vitest";
import { separationChecks } from "../../src/render/view/separation.js";
import { estateOf, storeNamed, workedExample } from "../support/worked-example.js";

describe("separation evidence", () => {
  it("holds for the worked example", () => {
    expect(separationChecks(estateOf(workedExample())).map((check) => check.result)).toEqual(["holds", "holds", "holds", "holds"]);
  });

  it("is violated by a public key used on both sides", () => {
    const example = workedExample();
    const test = storeNamed(example.inventory, "kv-cde-test").keys!.find((key) => key.name === "pan-kek")!;
    test.publicKeyThumbprint = storeNamed(example.inventory, "kv-cde-prod").keys!.find((key) => key.name === "export-kek")!.publicKeyThumbprint;
    const check = separationChecks(estateOf(example))[2]!;
    expect(check.result).toBe("violated");
    expect(check.evidence).toBe("key kv-cde-prod/export-kek = key kv-cde-test/pan-kek");
  });

  it("is unknown when keys were not collected", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-test").keys = null;
    expect(separationChecks(estateOf(example))[2]!.result).toBe("unknown");
  });

  it("is not applicable without a test environment", () => {
    const example = workedExample();
    example.architecture.environments[1]!.production = true;
    const checks = separationChecks(estateOf(example));
    expect(checks.map((check) => check.result)).toEqual(["holds", "not applicable", "not applicable", "not applicable"]);
    expect(checks[1]!.evidence).toBe("architecture.yaml declares no test environment, so there is nothing to keep apart");
  });
});
