import { describe, expect, it } from "vitest";
import { keyRotationOverdue } from "../../src/drift/rules/key-rotation-overdue.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-rotation-overdue", () => {
  it("passes before the rotation is due", () => {
    const outcome = outcomeFor(check(keyRotationOverdue, workedExample()), "aks-etcd-kms");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("current version created 2026-06-01; rotation was due 2026-12-01");
  });

  it("fails when the policy should have rotated", () => {
    const outcome = outcomeFor(check(keyRotationOverdue, workedExample()), "pan-kek-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `pan-kek` (declared as `pan-kek-test`) in `kv-cde-test` should have rotated on 2026-11-01 by its rotation policy, but its current version is still the one created on 2026-05-01.");
  });

  it("allows one day for the rotation to run", () => {
    expect(outcomeFor(check(keyRotationOverdue, workedExample(), "2026-12-01T12:00:00Z"), "aks-etcd-kms").status).toBe("pass");
    expect(outcomeFor(check(keyRotationOverdue, workedExample(), "2026-12-02T00:00:01Z"), "aks-etcd-kms").status).toBe("fail");
  });

  it("counts back from expiry for a timeBeforeExpiry trigger", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "export-kek");
    key.rotationPolicy = { expiryTime: "P1Y", lifetimeActions: [{ action: "rotate", timeAfterCreate: null, timeBeforeExpiry: "P30D" }] };
    expect(outcomeFor(check(keyRotationOverdue, example), "export-kek").actual).toBe("current version created 2026-04-15; rotation was due 2027-03-16");
  });

  it("is not applicable without a Rotate action", () => {
    expect(outcomeFor(check(keyRotationOverdue, workedExample()), "export-kek").messageId).toBe("no-rotate-action");
  });

  it("is an error when the policy was not collected", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "aks-etcd-kms").rotationPolicy = null;
    const outcome = outcomeFor(check(keyRotationOverdue, example), "aks-etcd-kms");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Cannot tell whether key `aks-etcd-kms` in `kv-cde-prod` rotated on time: its rotation policy was not collected: no collection error was recorded for it.");
  });
});
