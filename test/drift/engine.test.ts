import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/drift/engine.js";
import type { Rule } from "../../src/drift/rule.js";
import { RULES } from "../../src/drift/rules/index.js";
import { inventoryIncomplete } from "../../src/drift/rules/inventory-incomplete.js";
import { waiverExpired } from "../../src/drift/rules/waiver-expired.js";
import { summarize } from "../../src/drift/verdict.js";
import { check, estateOf, storeNamed, workedExample } from "../support/worked-example.js";

const migrationKey = (results: ReturnType<typeof evaluate>) =>
  results.find((result) => result.ruleId === "key-undeclared" && result.resource.name === "migration-temp-2026")!;

describe("engine", () => {
  it("waives a matching finding and keeps it in the results", () => {
    const result = migrationKey(evaluate(estateOf(workedExample())));
    expect(result.status).toBe("waived");
    expect(result.waiver).toEqual({
      reason: "Temporary key for the card vault migration; deleted once the migration completes.",
      approver: "Marta Okafor, Head of Platform Security",
      expires: "2027-01-31",
    });
  });

  it("matches waiver globs ignoring case", () => {
    const example = workedExample();
    example.architecture.waivers[0]!.resource = "KV-CDE-PROD/migration-*";
    expect(migrationKey(evaluate(estateOf(example))).status).toBe("waived");
  });

  it("stops waiving after the expiry date", () => {
    const results = evaluate(estateOf(workedExample(), "2027-02-01T00:00:00Z"));
    expect(migrationKey(results).status).toBe("fail");
    const expired = results.find((result) => result.ruleId === "waiver-expired")!;
    expect(expired.status).toBe("fail");
    expect(expired.message).toBe("Waiver of `key-undeclared` for `kv-cde-prod/migration-temp-2026`, approved by Marta Okafor, Head of Platform Security, expired on 2027-01-31.");
  });

  it("still waives on the expiry day itself", () => {
    expect(migrationKey(evaluate(estateOf(workedExample(), "2027-01-31T23:00:00Z"))).status).toBe("waived");
  });

  it("never waives an error result", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-prod");
    store.keys = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "keys.list", status: 403, code: "ForbiddenByRbac", message: "denied" });
    example.architecture.waivers[0]!.rule = "key-missing";
    example.architecture.waivers[0]!.resource = "*";
    const results = evaluate(estateOf(example)).filter((result) => result.ruleId === "key-missing" && result.resource.store === "kv-cde-prod");
    expect(results.map((result) => result.status)).toEqual(["error", "error", "error"]);
  });

  it("applies severity overrides and turns rules off", () => {
    const example = workedExample();
    example.architecture.rules = { "key-expiry-not-set": "low", "store-public-network-access": "off" };
    const results = evaluate(estateOf(example));
    expect(results.filter((result) => result.ruleId === "key-expiry-not-set").every((result) => result.severity === "low")).toBe(true);
    expect(results.some((result) => result.ruleId === "store-public-network-access")).toBe(false);
  });

  it("keeps always-on rules when told to turn them off", () => {
    const example = workedExample();
    example.architecture.rules = { "inventory-incomplete": "off" };
    expect(evaluate(estateOf(example)).some((result) => result.ruleId === "inventory-incomplete")).toBe(true);
  });

  it("turns a rule that throws into an error result", () => {
    const broken: Rule = { ...RULES[1]!, id: "broken-rule", check: () => { throw new Error("cannot read property"); } };
    const [result] = evaluate(estateOf(workedExample()), [broken]);
    expect(result).toMatchObject({ ruleId: "broken-rule", status: "error", message: "Rule `broken-rule` could not be evaluated: cannot read property" });
  });

  it("sorts by severity, rule and resource", () => {
    const results = evaluate(estateOf(workedExample()));
    const keys = results.map((result) => `${["critical", "high", "medium", "low", "info"].indexOf(result.severity)}|${result.ruleId}|${result.resource.id.toLowerCase()}`);
    expect(keys).toEqual([...keys].sort());
  });

  it("summarises the worked example below the threshold", () => {
    const summary = summarize(evaluate(estateOf(workedExample())), "high");
    expect(summary.failed).toBe(false);
    expect(summary.byStatus.fail).toBe(13);
    expect(summary.byStatus.waived).toBe(1);
    expect(summary.byStatus.error).toBe(0);
    expect(summarize(evaluate(estateOf(workedExample())), "medium").failed).toBe(true);
  });
});

describe("inventory-incomplete", () => {
  it("passes once for a complete inventory", () => {
    const outcomes = check(inventoryIncomplete, workedExample());
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["pass"]);
  });

  it("is one error per collection error", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    example.inventory.collectionErrors.push(
      { scope: store.id, operation: "certificates.list", status: 403, code: "ForbiddenByFirewall", message: "Client address is not authorized and caller is not a trusted service." },
      { scope: "/subscriptions/9d4c2b1a-0e8f-4a6b-b5c7-d8e9f0a1b2c3", operation: "managedClusters.list", status: 429, code: "ResourceRequestsThrottled", message: "try again after '17' seconds" },
    );
    const outcomes = check(inventoryIncomplete, example);
    expect(outcomes.map((outcome) => [outcome.status, outcome.resource.store])).toEqual([["error", "kv-cde-test"], ["error", null]]);
    expect(outcomes[0]!.message).toBe("`certificates.list` on `kv-cde-test` failed with HTTP 403 `ForbiddenByFirewall`: Client address is not authorized and caller is not a trusted service.");
  });
});

describe("waiver-expired", () => {
  it("passes for a valid waiver and fails for an expired one", () => {
    expect(check(waiverExpired, workedExample()).map((outcome) => outcome.status)).toEqual(["pass"]);
    expect(check(waiverExpired, workedExample(), "2027-02-01T00:00:00Z").map((outcome) => outcome.status)).toEqual(["fail"]);
  });
});
