import { describe, expect, it } from "vitest";
import { storeMissing } from "../../src/drift/rules/store-missing.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

const TEST_SUBSCRIPTION = "/subscriptions/9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3";

describe("store-missing", () => {
  it("passes for a deployed store", () => {
    expect(outcomeFor(check(storeMissing, workedExample()), "kv-cde-test").status).toBe("pass");
  });

  it("fails for a store that is gone", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    const outcome = outcomeFor(check(storeMissing, example), "kv-cde-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe(`Key store \`kv-cde-test\` is declared but not found at \`${TEST_SUBSCRIPTION}/resourceGroups/rg-cde-keys-test/providers/Microsoft.KeyVault/vaults/kv-cde-test\`.`);
  });

  it("fails for a soft-deleted store", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-test").state = "soft-deleted";
    expect(outcomeFor(check(storeMissing, example), "kv-cde-test").messageId).toBe("soft-deleted");
  });

  it("is an error when the vault listing failed", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    example.inventory.collectionErrors.push({ scope: TEST_SUBSCRIPTION, operation: "vaults.listBySubscription", status: 403, code: "AuthorizationFailed", message: "denied" });
    const outcome = outcomeFor(check(storeMissing, example), "kv-cde-test");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe(`Cannot tell whether key store \`kv-cde-test\` is deployed: \`vaults.listBySubscription\` failed with HTTP 403 \`AuthorizationFailed\` on \`${TEST_SUBSCRIPTION}\`.`);
  });

  it("is an error when the subscription was not visible", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    example.inventory.collection.scopeVisible.subscriptions = ["3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f"];
    expect(outcomeFor(check(storeMissing, example), "kv-cde-test").message).toBe("Cannot tell whether key store `kv-cde-test` is deployed: subscription `9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3` was not visible to the collecting identity.");
  });

  it("is an error when the store was outside the scope's store list", () => {
    const example = workedExample();
    example.inventory.keyStores = example.inventory.keyStores.filter((store) => store.name !== "kv-cde-test");
    example.inventory.collection.scopeRequested.keyStores = ["kv-cde-prod", "mhsm-cde-prod"];
    expect(outcomeFor(check(storeMissing, example), "kv-cde-test").status).toBe("error");
  });
});
