import { describe, expect, it } from "vitest";
import { keyExportableWithoutReleasePolicy } from "../../src/drift/rules/key-exportable-without-release-policy.js";
import { check, keyNamed, outcomeFor, workedExample } from "../support/worked-example.js";

describe("key-exportable-without-release-policy", () => {
  it("passes for a key that is not exportable", () => {
    expect(outcomeFor(check(keyExportableWithoutReleasePolicy, workedExample()), "export-kek").messageId).toBe("not-exportable");
  });

  it("fails for an exportable key without a release policy", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").exportable = true;
    const outcome = outcomeFor(check(keyExportableWithoutReleasePolicy, example), "export-kek");
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("Key `export-kek` in `kv-cde-prod` is exportable but has no release policy.");
  });

  it("passes an exportable key with a release policy", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "export-kek");
    key.exportable = true;
    key.hasReleasePolicy = true;
    expect(outcomeFor(check(keyExportableWithoutReleasePolicy, example), "export-kek").messageId).toBe("release-policy");
  });

  it("is not applicable to certificate keys", () => {
    expect(outcomeFor(check(keyExportableWithoutReleasePolicy, workedExample()), "api-tls").status).toBe("not-applicable");
  });

  it("is an error when exportability is unknown", () => {
    const example = workedExample();
    keyNamed(example.inventory, "kv-cde-prod", "export-kek").exportable = null;
    expect(outcomeFor(check(keyExportableWithoutReleasePolicy, example), "export-kek").status).toBe("error");
  });

  it("is an error when the release policy is unknown", () => {
    const example = workedExample();
    const key = keyNamed(example.inventory, "kv-cde-prod", "export-kek");
    key.exportable = true;
    key.hasReleasePolicy = null;
    expect(outcomeFor(check(keyExportableWithoutReleasePolicy, example), "export-kek").messageId).toBe("policy-unknown");
  });
});
