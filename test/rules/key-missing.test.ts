import { describe, expect, it } from "vitest";
import { keyMissing } from "../../src/drift/rules/key-missing.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("key-missing", () => {
  it("passes for a deployed key", () => {
    const outcome = outcomeFor(check(keyMissing, workedExample()), "export-kek");
    expect(outcome.status).toBe("pass");
    expect(outcome.messageId).toBe("deployed");
    expect(outcome.declaredAt?.line).toBeGreaterThan(1);
  });

  it("fails for a key deleted from its store", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.keys = store.keys!.filter((key) => key.name !== "export-kek");
    const outcome = outcomeFor(check(keyMissing, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` is declared but not found in `kv-cde-prod`.");
    expect(outcome.resource.id).toBe(`${store.id}/keys/export-kek`);
  });

  it("matches names ignoring case", () => {
    const example = workedExample();
    const key = storeNamed(example.inventory, "kv-cde-prod").keys!.find((candidate) => candidate.name === "export-kek")!;
    key.name = "Export-KEK";
    expect(outcomeFor(check(keyMissing, example), "export-kek").status).toBe("pass");
  });

  it("is not applicable to a wrapped key", () => {
    const outcome = outcomeFor(check(keyMissing, workedExample()), "pan-dek");
    expect(outcome.status).toBe("not-applicable");
    expect(outcome.messageId).toBe("wrapped");
  });

  it("is an error when the store's keys were not collected", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.keys = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "keys.list", status: 403, code: "ForbiddenByRbac", message: "Caller is not authorized." });
    const outcome = outcomeFor(check(keyMissing, example), "pan-kek-test");
    expect(outcome.status).toBe("error");
    expect(outcome.message).toBe("Cannot tell whether key `pan-kek` is deployed in `kv-cde-test`: its keys were not collected: `keys.list` failed with HTTP 403 `ForbiddenByRbac`.");
  });
});
