import { describe, expect, it } from "vitest";
import { keyTypeMismatch } from "../../src/drift/rules/key-type-mismatch.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-type-mismatch", () => {
  it("passes when type and size match", () => {
    const outcome = outcomeFor(check(keyTypeMismatch, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is `RSA-HSM` 3072, as declared.");
  });

  it("fails on a smaller modulus", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keySize = 2048;
    const outcome = outcomeFor(check(keyTypeMismatch, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is `RSA-HSM` 2048, expected `RSA-HSM` 3072.");
    expect(outcome.expected).toBe("`RSA-HSM` 3072");
    expect(outcome.actual).toBe("`RSA-HSM` 2048");
  });

  it("fails on a software key where HSM is declared", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "settlement-signing").kty = "EC";
    expect(outcomeFor(check(keyTypeMismatch, example), "settlement-signing").message).toBe("Key `settlement-signing` in `kv-cde-prod` is `EC` P-384, expected `EC-HSM` P-384.");
  });

  it("fails on another curve", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-test", "settlement-signing-test").curve = "P-256K";
    expect(outcomeFor(check(keyTypeMismatch, example), "settlement-signing-test").status).toBe("fail");
  });

  it("is an error when the size is unknown", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keySize = null;
    const outcome = outcomeFor(check(keyTypeMismatch, example), "export-kek");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` has no size in the inventory, so it cannot be compared with `RSA-HSM` 3072.");
  });

  it("judges only keys both declared and deployed", () => {
    const names = check(keyTypeMismatch, workedExample()).map((outcome) => outcome.resource.declaredName);
    expect(names).toEqual(["pan-kek", "aks-etcd-kms", "settlement-signing", "export-kek", "pan-kek-test", "settlement-signing-test"]);
  });
});
