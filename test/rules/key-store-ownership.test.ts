import { describe, expect, it } from "vitest";
import { keyExpired } from "../../src/drift/rules/key-expired.js";
import { keyMissing } from "../../src/drift/rules/key-missing.js";
import { keyUndeclared } from "../../src/drift/rules/key-undeclared.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("key rules leave stores to the store rules", () => {
  it("key-missing leaves keys of a missing store to store-missing", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    const outcome = outcomeFor(check(keyMissing, example), "settlement-signing-test");
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.messageId).toBe("store-missing");
  });

  it("key-undeclared leaves keys of an undeclared store to store-undeclared", () => {
    const example = workedExample();
    example.architecture.keyStores = example.architecture.keyStores.filter((store) => store.name !== "kv-cde-test");
    example.architecture.keys = example.architecture.keys.filter((key) => key.store !== "kv-cde-test");
    const outcomes = check(keyUndeclared, example);
    expect(outcomeFor(outcomes, "settlement-signing-test").messageId).toBe("store-undeclared");
    expect(outcomes.filter((outcome) => outcome.status === "error")).toEqual([]);
  });

  it("key-undeclared still reports keys not collected in a declared store", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-test").keys = null;
    expect(check(keyUndeclared, example).filter((outcome) => outcome.status === "error").map((outcome) => outcome.resource.name)).toEqual(["kv-cde-test"]);
  });

  it("key-expired leaves certificate keys to certificate-expired", () => {
    expect(outcomeFor(check(keyExpired, workedExample()), "api-tls").messageId).toBe("certificate-key");
  });
});
