import { describe, expect, it } from "vitest";
import { keyCurveNotApproved } from "../../src/drift/rules/key-curve-not-approved.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-curve-not-approved", () => {
  it("passes for P-384", () => {
    const outcome = outcomeFor(check(keyCurveNotApproved, workedExample()), "settlement-signing");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("`P-384`");
  });

  it("fails for P-256K and names secp256k1", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "settlement-signing").curve = "P-256K";
    const outcome = outcomeFor(check(keyCurveNotApproved, example), "settlement-signing");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `settlement-signing` in `kv-cde-prod` uses curve `P-256K` (secp256k1, not the NIST curve P-256); expected one of `P-256`, `P-384`, `P-521`.");
  });

  it("fails for a curve the policy leaves out", () => {
    const example = workedExample();
    example.architecture.policy.allowedCurves = ["P-384"];
    const outcome = outcomeFor(check(keyCurveNotApproved, example), "settlement-signing-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.messageId).toBe("not-allowed");
    expect(outcome.expected).toBe("one of `P-384`");
  });

  it("is not applicable to RSA keys", () => {
    expect(outcomeFor(check(keyCurveNotApproved, workedExample()), "export-kek").messageId).toBe("not-ec");
  });

  it("is an error when the curve is unknown", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "settlement-signing").curve = null;
    const outcome = outcomeFor(check(keyCurveNotApproved, example), "settlement-signing");
    expect(outcome.status).toBe("error");
    expect(outcome.messageId).toBe("curve-unknown");
  });
});
