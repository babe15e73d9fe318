import { describe, expect, it } from "vitest";
import { keyRotationExceedsCryptoperiod } from "../../src/drift/rules/key-rotation-exceeds-cryptoperiod.js";
import { outcomeIn } from "../support/example-edits.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-rotation-exceeds-cryptoperiod", () => {
  it("passes when rotation fires within the cryptoperiod", () => {
    const outcome = outcomeIn(check(keyRotationExceedsCryptoperiod, workedExample()), "mhsm-cde-prod", "pan-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `pan-kek` in `mhsm-cde-prod` rotates P11M after creation, within its cryptoperiod P1Y.");
  });

  it("fails when the policy rotates after the cryptoperiod", () => {
    const example = workedExample();
    keyNamed(example.inventory, "mhsm-cde-prod", "pan-kek").rotationPolicy!.lifetimeActions[0]!.timeAfterCreate = "P13M";
    const outcome = outcomeIn(check(keyRotationExceedsCryptoperiod, example), "mhsm-cde-prod", "pan-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `pan-kek` in `mhsm-cde-prod` rotates P13M after creation, later than its cryptoperiod P1Y allows.");
  });

  it("judges a trigger before expiry", () => {
    const example = workedExample();
    const policy = keyNamed(example.inventory, "mhsm-cde-prod", "pan-kek").rotationPolicy!;
    policy.expiryTime = "P2Y";
    policy.lifetimeActions[0] = { action: "rotate", timeAfterCreate: null, timeBeforeExpiry: "P30D" };
    const outcome = outcomeIn(check(keyRotationExceedsCryptoperiod, example), "mhsm-cde-prod", "pan-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.actual).toBe("Rotate P30D before an expiry of P2Y");
  });

  it("fails a declared interval longer than the cryptoperiod", () => {
    const example = workedExample();
    example.architecture.keys.find((key) => key.name === "aks-etcd-kms")!.rotation = { automatic: true, every: "P18M" };
    const outcome = outcomeFor(check(keyRotationExceedsCryptoperiod, example), "aks-etcd-kms");
    expect(outcome.messageId).toBe("declared-interval-exceeds");
    expect(outcome.message).toBe("Key `aks-etcd-kms` in `kv-cde-prod` is declared to rotate every P18M, longer than its cryptoperiod P1Y.");
  });

  it("leaves a key without a Rotate action to key-rotation-not-configured", () => {
    expect(outcomeFor(check(keyRotationExceedsCryptoperiod, workedExample()), "export-kek").messageId).toBe("no-rotate-action");
  });

  it("is an error when the rotation policy was not collected", () => {
    const example = workedExample();
    keyNamed(example.inventory, "mhsm-cde-prod", "pan-kek").rotationPolicy = null;
    expect(outcomeIn(check(keyRotationExceedsCryptoperiod, example), "mhsm-cde-prod", "pan-kek").status).toBe("error");
  });
});
