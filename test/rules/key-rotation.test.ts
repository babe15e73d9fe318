import { describe, expect, it } from "vitest";
import { keyCryptoperiodExceeded } from "../../src/drift/rules/key-cryptoperiod-exceeded.js";
import { keyRotationNotConfigured } from "../../src/drift/rules/key-rotation-not-configured.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-rotation-not-configured", () => {
  it("passes for a policy with a Rotate action", () => {
    const outcome = outcomeFor(check(keyRotationNotConfigured, workedExample()), "aks-etcd-kms");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("Rotate P6M after creation");
  });

  it("fails for a notify-only policy", () => {
    const outcome = outcomeFor(check(keyRotationNotConfigured, workedExample()), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is declared with automatic rotation, but its rotation policy has only `notify`.");
  });

  it("fails for a key without a policy", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms").rotationPolicy = { expiryTime: null, lifetimeActions: [] };
    expect(outcomeFor(check(keyRotationNotConfigured, example), "aks-etcd-kms").actual).toBe("no lifetime actions");
  });

  it("is not applicable to manual rotation", () => {
    expect(outcomeFor(check(keyRotationNotConfigured, workedExample()), "settlement-signing").status).toBe("not-applicable");
  });

  it("is an error when the policy was not collected", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms");
    key.rotationPolicy = null;
    example.inventory.collectionErrors.push({ scope: key.id, operation: "keys.getRotationPolicy", status: 403, code: "ForbiddenByFirewall", message: "Client address is not authorized" });
    const outcome = outcomeFor(check(keyRotationNotConfigured, example), "aks-etcd-kms");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Key `aks-etcd-kms` in `kv-cde-prod` is declared with automatic rotation, but its rotation policy was not collected: `keys.getRotationPolicy` failed with HTTP 403 `ForbiddenByFirewall`.");
  });
});

describe("key-cryptoperiod-exceeded", () => {
  it("passes within the cryptoperiod", () => {
    const outcome = outcomeFor(check(keyCryptoperiodExceeded, workedExample()), "pan-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("created 2026-02-10, cryptoperiod ends 2027-02-10");
  });

  it("counts from the current version, not the first", () => {
    const outcome = outcomeFor(check(keyCryptoperiodExceeded, workedExample(), "2026-12-15T00:00:00Z"), "aks-etcd-kms");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("created 2026-06-01, cryptoperiod ends 2027-06-01");
  });

  it("fails once the cryptoperiod has ended", () => {
    const outcome = outcomeFor(check(keyCryptoperiodExceeded, workedExample(), "2027-02-10T00:00:00Z"), "pan-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("The current version of key `pan-kek` in `mhsm-cde-prod` was created on 2026-02-10; its cryptoperiod P1Y ended on 2027-02-10.");
  });

  it("is an error without a creation date", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "export-kek");
    key.created = null;
    key.versions = null;
    expect(outcomeFor(check(keyCryptoperiodExceeded, example), "export-kek").status).toBe("error");
  });
});
