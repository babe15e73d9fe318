import { describe, expect, it } from "vitest";
import { storeUndeclared } from "../../src/drift/rules/store-undeclared.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("store-undeclared", () => {
  it("passes for a declared store", () => {
    expect(outcomeFor(check(storeUndeclared, workedExample()), "kv-cde-prod").messageId).toBe("declared");
  });

  it("fails for an undeclared store and points at the keyStores section", () => {
    const example = workedExample();
    example.architecture.keyStores = example.architecture.keyStores.filter((store) => store.name !== "kv-cde-test");
    const outcome = outcomeFor(check(storeUndeclared, example), "kv-cde-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key vault `kv-cde-test` in resource group `rg-cde-keys-test` is deployed but not declared.");
    expect(outcome.declaredAt).toEqual(example.architecture.sections.keyStores);
  });

  it("is not applicable to a soft-deleted undeclared store", () => {
    const example = workedExample();
    example.architecture.keyStores = example.architecture.keyStores.filter((store) => store.name !== "kv-cde-test");
    storeNamed(example.inventory, "kv-cde-test").state = "soft-deleted";
    expect(outcomeFor(check(storeUndeclared, example), "kv-cde-test").status).toBe("not-applicable");
  });

  it("is an error for each failed store listing", () => {
    const example = workedExample();
    example.inventory.collectionErrors.push({ scope: "/subscriptions/9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3", operation: "managedHsms.listBySubscription", status: 429, code: "Throttled", message: "slow down" });
    const errors = check(storeUndeclared, example).filter((outcome) => outcome.status === "error");
    expect(errors.map((outcome) => outcome.message)).toEqual(["Cannot tell whether `/subscriptions/9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3` holds undeclared key stores: `managedHsms.listBySubscription` failed with HTTP 429 `Throttled`."]);
  });
});
