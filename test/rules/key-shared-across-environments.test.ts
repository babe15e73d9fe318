import { describe, expect, it } from "vitest";
import { keySharedAcrossEnvironments } from "../../src/drift/rules/key-shared-across-environments.js";
import { outcomeIn } from "../support/example-edits.js";
import { check, keyNamed, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("key-shared-across-environments", () => {
  it("passes for a key whose public key is unique", () => {
    const outcome = outcomeFor(check(keySharedAcrossEnvironments, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.messageId).toBe("separate");
  });

  it("fails for a production public key copied into test", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-test", "pan-kek").publicKeyThumbprint = keyNamed(example.inventory, "kv-cde-prod", "export-kek").publicKeyThumbprint;
    const outcome = outcomeFor(check(keySharedAcrossEnvironments, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is a production key with the same public key as non-production key `pan-kek` (declared as `pan-kek-test`) in `kv-cde-test`.");
    expect(outcomeIn(check(keySharedAcrossEnvironments, example), "kv-cde-test", "pan-kek").messageId).toBe("same-public-key");
  });

  it("fails for a production key used by a test workload", () => {
    const example = workedExample();
    example.architecture.workloads.find((workload) => workload.name === "tokenisation-service-test")!.uses.push({ key: "export-kek", operations: ["wrapKey"] });
    const outcome = outcomeFor(check(keySharedAcrossEnvironments, example), "export-kek");
    expect(outcome.messageId).toBe("used-across");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is a production key but is declared for use by workload `tokenisation-service-test` (test).");
  });

  it("fails for a store deployed in the other environment's subscription", () => {
    const example = workedExample();
    storeNamed(example.inventory, "kv-cde-test").subscriptionId = "3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f";
    const outcome = check(keySharedAcrossEnvironments, example).find((candidate) => candidate.resource.declaredName === "kv-cde-test" && candidate.resource.store === "kv-cde-test" && candidate.messageId.startsWith("store"));
    expect(outcome?.status).toBe("fail");
    expect(outcome?.message).toBe("Key store `kv-cde-test` is declared in `test` but deployed in a subscription of `prod`, so production and test keys share a store.");
  });

  it("is not applicable to symmetric keys", () => {
    expect(outcomeIn(check(keySharedAcrossEnvironments, workedExample()), "mhsm-cde-prod", "pan-kek").messageId).toBe("symmetric");
  });

  it("is an error without a thumbprint", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").publicKeyThumbprint = null;
    expect(outcomeFor(check(keySharedAcrossEnvironments, example), "export-kek").status).toBe("error");
  });
});
