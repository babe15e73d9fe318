import { describe, expect, it } from "vitest";
import { keyNotHsmProtected } from "../../src/drift/rules/key-not-hsm-protected.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-not-hsm-protected", () => {
  it("passes for an HSM key", () => {
    expect(outcomeFor(check(keyNotHsmProtected, workedExample()), "export-kek").status).toBe("pass");
  });

  it("fails for a software key that protects stored data", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").kty = "RSA";
    const outcome = outcomeFor(check(keyNotHsmProtected, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is `RSA`, a software-protected key in production; expected an `-HSM` key type.");
  });

  it("fails for an undeclared software key in production", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "migration-temp-2026").kty = "RSA";
    expect(outcomeFor(check(keyNotHsmProtected, example), "migration-temp-2026").status).toBe("fail");
  });

  it("is not applicable to test keys", () => {
    const outcome = outcomeFor(check(keyNotHsmProtected, workedExample()), "pan-kek-test");
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.messageId).toBe("not-production");
  });

  it("is not applicable to certificate and signing keys", () => {
    const outcomes = check(keyNotHsmProtected, workedExample());
    expect(outcomeFor(outcomes, "api-tls").messageId).toBe("certificate-key");
    expect(outcomeFor(outcomes, "settlement-signing").messageId).toBe("not-stored-data");
  });

  it("is not applicable to a wrapped key", () => {
    expect(outcomeFor(check(keyNotHsmProtected, workedExample()), "pan-dek").messageId).toBe("wrapped");
  });
});
