import { describe, expect, it } from "vitest";
import { keyOperationsExceedUsage } from "../../src/drift/rules/key-operations-exceed-usage.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-operations-exceed-usage", () => {
  it("passes when deployed operations match", () => {
    const outcome = outcomeFor(check(keyOperationsExceedUsage, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("`wrapKey`, `unwrapKey`");
  });

  it("fails for a key-encrypting key that can encrypt", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keyOps = ["wrapKey", "unwrapKey", "encrypt", "decrypt"];
    const outcome = outcomeFor(check(keyOperationsExceedUsage, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.messageId).toBe("kek-data-operations");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is a key-encrypting key but also allows `encrypt`, `decrypt`; expected only `wrapKey`, `unwrapKey`.");
  });

  it("fails for a signing key that can also encrypt", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "settlement-signing").keyOps = ["sign", "verify", "encrypt"];
    const outcome = outcomeFor(check(keyOperationsExceedUsage, example), "settlement-signing");
    expect(outcome.messageId).toBe("exceeds-declared");
    expect(outcome.message).toBe("Key `settlement-signing` in `kv-cde-prod` allows `encrypt` beyond its declared operations `sign`, `verify`.");
  });

  it("judges only keys both declared and deployed", () => {
    const outcomes = check(keyOperationsExceedUsage, workedExample());
    expect(outcomes.map((outcome) => outcome.resource.name).sort()).toEqual(["aks-etcd-kms", "export-kek", "pan-kek", "pan-kek", "settlement-signing", "settlement-signing-test"]);
  });
});
