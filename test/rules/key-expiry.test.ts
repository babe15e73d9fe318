import { describe, expect, it } from "vitest";
import { keyExpired } from "../../src/drift/rules/key-expired.js";
import { keyExpiryNotSet } from "../../src/drift/rules/key-expiry-not-set.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-expiry-not-set", () => {
  it("passes for a key with an expiry date", () => {
    const outcome = outcomeFor(check(keyExpiryNotSet, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.actual).toBe("2027-04-15");
  });

  it("fails for a key without one", () => {
    const outcome = outcomeFor(check(keyExpiryNotSet, workedExample()), "settlement-signing-test");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `settlement-signing-test` in `kv-cde-test` has no expiry date.");
  });

  it("is not applicable to a disabled key", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-test", "settlement-signing-test").enabled = false;
    expect(outcomeFor(check(keyExpiryNotSet, example), "settlement-signing-test").status).toBe("not-applicable");
  });
});

describe("key-expired", () => {
  it("passes before the expiry date", () => {
    expect(outcomeFor(check(keyExpired, workedExample()), "export-kek").status).toBe("pass");
  });

  it("fails after the expiry date as of a later date", () => {
    const outcome = outcomeFor(check(keyExpired, workedExample(), "2027-04-16T00:00:00Z"), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` expired on 2027-04-15 and is still enabled.");
  });

  it("fails at the exact expiry instant", () => {
    expect(outcomeFor(check(keyExpired, workedExample(), "2027-04-15T00:00:00Z"), "export-kek").status).toBe("fail");
  });

  it("leaves keys without expiry to key-expiry-not-set", () => {
    expect(outcomeFor(check(keyExpired, workedExample()), "settlement-signing-test").messageId).toBe("no-expiry");
  });
});
