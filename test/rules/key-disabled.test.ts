import { describe, expect, it } from "vitest";
import { keyDisabled } from "../../src/drift/rules/key-disabled.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-disabled", () => {
  it("passes for an enabled active key", () => {
    const outcome = outcomeFor(check(keyDisabled, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is enabled, as declared active.");
  });

  it("fails for a disabled active key", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").enabled = false;
    const outcome = outcomeFor(check(keyDisabled, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is disabled but declared active.");
  });

  it("fails for an enabled retired key", () => {
    const example = workedExample();
    example.architecture.keys.find((key) => key.name === "export-kek")!.state = "retired";
    const outcome = outcomeFor(check(keyDisabled, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.messageId).toBe("retired-enabled");
    expect(outcome.expected).toBe("disabled");
  });

  it("passes for a disabled retired key", () => {
    const example = workedExample();
    example.architecture.keys.find((key) => key.name === "export-kek")!.state = "retired";
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").enabled = false;
    expect(outcomeFor(check(keyDisabled, example), "export-kek").status).toBe("pass");
  });
});
