import { describe, expect, it } from "vitest";
import { keyExpiringSoon } from "../../src/drift/rules/key-expiring-soon.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-expiring-soon", () => {
  it("passes for a key that expires after the window", () => {
    const outcome = outcomeFor(check(keyExpiringSoon, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.expected).toBe("expiry after 2026-12-30");
  });

  it("fails for a key that expires within the window", () => {
    const outcome = outcomeFor(check(keyExpiringSoon, workedExample(), "2027-04-01T00:00:00Z"), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` expires on 2027-04-15, within the warning window P30D.");
  });

  it("leaves an expired key to key-expired", () => {
    expect(outcomeFor(check(keyExpiringSoon, workedExample(), "2027-05-01T00:00:00Z"), "export-kek").messageId).toBe("expired");
  });

  it("is not applicable without an expiry date", () => {
    expect(outcomeFor(check(keyExpiringSoon, workedExample()), "settlement-signing-test").messageId).toBe("no-expiry");
  });

  it("leaves certificate keys to the certificate rule", () => {
    expect(outcomeFor(check(keyExpiringSoon, workedExample()), "api-tls").messageId).toBe("certificate-key");
  });

  it("is not applicable to a disabled key", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").enabled = false;
    expect(outcomeFor(check(keyExpiringSoon, example, "2027-04-01T00:00:00Z"), "export-kek").messageId).toBe("disabled");
  });
});
