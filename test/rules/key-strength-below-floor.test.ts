import { describe, expect, it } from "vitest";
import { keyStrengthBelowFloor } from "../../src/drift/rules/key-strength-below-floor.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-strength-below-floor", () => {
  it("passes for a 128-bit key", () => {
    const outcome = outcomeFor(check(keyStrengthBelowFloor, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.messageId).toBe("strong-enough");
    expect(outcome.actual).toBe("128 bits (`RSA-HSM` 3072)");
  });

  it("fails for RSA 1024", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keySize = 1024;
    const outcome = outcomeFor(check(keyStrengthBelowFloor, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is `RSA-HSM` 1024, 80 bits of strength; expected at least 112 bits.");
  });

  it("applies a policy minimum above the floor", () => {
    const example = workedExample();
    example.architecture.policy.minimumStrengthBits = 128;
    const outcome = outcomeFor(check(keyStrengthBelowFloor, example), "aks-etcd-kms");
    expect(outcome.status).toBe("fail");
    expect(outcome.expected).toBe("at least 128 bits");
  });

  it("never goes below the PCI floor", () => {
    const example = workedExample();
    example.architecture.policy.minimumStrengthBits = 80;
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keySize = 1024;
    expect(outcomeFor(check(keyStrengthBelowFloor, example), "export-kek").expected).toBe("at least 112 bits");
  });

  it("judges a wrapped key as declared", () => {
    const outcome = outcomeFor(check(keyStrengthBelowFloor, workedExample()), "pan-dek");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("256 bits (`oct` 256)");
  });

  it("leaves certificate keys to the certificate rule", () => {
    const outcome = outcomeFor(check(keyStrengthBelowFloor, workedExample()), "api-tls");
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.messageId).toBe("certificate-key");
  });

  it("is an error when the size is unknown", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").keySize = null;
    const outcome = outcomeFor(check(keyStrengthBelowFloor, example), "export-kek");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is `RSA-HSM`, whose strength cannot be computed: key type `RSA-HSM` has no size.");
  });
});
