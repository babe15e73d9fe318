import { describe, expect, it } from "vitest";
import { keyCryptoperiodAboveNist } from "../../src/drift/rules/key-cryptoperiod-above-nist.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-cryptoperiod-above-nist", () => {
  it("passes a declared cryptoperiod within NIST", () => {
    const outcome = outcomeFor(check(keyCryptoperiodAboveNist, workedExample()), "settlement-signing");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `settlement-signing` in `kv-cde-prod` is declared with cryptoperiod P2Y, within the P3Y NIST SP 800-57 suggests for a private signature key.");
  });

  it("fails a declared cryptoperiod above NIST", () => {
    const example = workedExample();
    example.architecture.keys.find((key) => key.name === "export-kek")!.cryptoperiod = "P3Y";
    const outcome = outcomeFor(check(keyCryptoperiodAboveNist, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.expected).toBe("at most P2Y for a key-wrapping or key-transport key");
  });

  it("passes a young undeclared key", () => {
    const outcome = outcomeFor(check(keyCryptoperiodAboveNist, workedExample()), "migration-temp-2026");
    expect(outcome.status).toBe("pass");
    expect(outcome.expected).toBe("at most P2Y for a key-wrapping or key-transport key");
  });

  it("fails an undeclared key valid beyond NIST", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "migration-temp-2026").expires = "2030-01-31T00:00:00Z";
    const outcome = outcomeFor(check(keyCryptoperiodAboveNist, example), "migration-temp-2026");
    expect(outcome.messageId).toBe("validity-above-nist");
    expect(outcome.message).toBe("Key `migration-temp-2026` in `kv-cde-prod` has no declared cryptoperiod, and its current version, created on 2026-10-20, is valid until 2030-01-31, beyond the P2Y NIST SP 800-57 suggests for a key-wrapping or key-transport key.");
  });

  it("fails an undeclared key older than NIST suggests", () => {
    const outcome = outcomeFor(check(keyCryptoperiodAboveNist, workedExample(), "2029-01-01T00:00:00Z"), "migration-temp-2026");
    expect(outcome.messageId).toBe("age-above-nist");
  });

  it("judges an undeclared key without expiry on its age only", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "migration-temp-2026").expires = null;
    expect(outcomeFor(check(keyCryptoperiodAboveNist, example), "migration-temp-2026").messageId).toBe("no-expiry");
  });

  it("is not applicable to certificate keys", () => {
    expect(outcomeFor(check(keyCryptoperiodAboveNist, workedExample()), "api-tls").messageId).toBe("certificate-key");
  });

  it("is an error when the creation date is unknown", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "migration-temp-2026");
    key.created = null;
    key.versions = null;
    expect(outcomeFor(check(keyCryptoperiodAboveNist, example), "migration-temp-2026").status).toBe("error");
  });
});
