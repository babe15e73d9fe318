import { describe, expect, it } from "vitest";
import { keyUndeclared } from "../../src/drift/rules/key-undeclared.js";
import { check, keyNamed, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("key-undeclared", () => {
  it("passes for a declared key", () => {
    const outcome = outcomeFor(check(keyUndeclared, workedExample()), "settlement-signing");
    expect(outcome.status).toBe("pass");
    expect(outcome.message).toBe("Key `settlement-signing` in `kv-cde-prod` is declared as `settlement-signing`.");
  });

  it("fails for a deployed key nobody declared", () => {
    const outcome = outcomeFor(check(keyUndeclared, workedExample()), "migration-temp-2026");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `migration-temp-2026` in `kv-cde-prod` is deployed but not declared.");
    expect(outcome.resource.declaredName).toBeNull();
    expect(outcome.declaredAt?.line).toBe(workedExample().architecture.keyStores[1]!.at.line);
  });

  it("is not applicable to a certificate's key", () => {
    const outcome = outcomeFor(check(keyUndeclared, workedExample()), "api-tls");
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.messageId).toBe("certificate-key");
  });

  it("is one error for a store whose keys were not collected", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.keys = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "keys.list", status: 403, code: "AuthorizationFailed", message: "no access" });
    const outcomes = check(keyUndeclared, example).filter((outcome) => outcome.resource.store === "kv-cde-test");
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.status).toBe("error");
    expect(outcomes[0]!.message).toBe("Cannot tell whether `kv-cde-test` holds undeclared keys: its keys were not collected: `keys.list` failed with HTTP 403 `AuthorizationFailed`.");
  });

  it("matches a renamed declared key by azureName", () => {
    const example = workedExample();
    expect(keyNamed(example.inventory, "kv-cde-test", "pan-kek").name).toBe("pan-kek");
    expect(outcomeFor(check(keyUndeclared, example), "pan-kek-test").status).toBe("pass");
  });
});
