import { describe, expect, it } from "vitest";
import { RULES } from "../../src/drift/rules/index.js";
import { keyUndeclared } from "../../src/drift/rules/key-undeclared.js";
import { protocolReviewOverdue } from "../../src/drift/rules/protocol-review-overdue.js";
import { protocolVersionInsecure } from "../../src/drift/rules/protocol-version-insecure.js";
import { snapshotStale } from "../../src/drift/rules/snapshot-stale.js";
import { waiverExpired } from "../../src/drift/rules/waiver-expired.js";
import { waiverUnused } from "../../src/drift/rules/waiver-unused.js";
import { inventoryIncomplete } from "../../src/drift/rules/inventory-incomplete.js";
import { evaluateRules } from "../support/example-edits.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("protocol-version-insecure", () => {
  it("passes TLS 1.2 and 1.3", () => {
    expect(outcomeFor(check(protocolVersionInsecure, workedExample()), "tls-public-ingress").message).toBe("Protocol `tls-public-ingress` allows only `1.2`, `1.3`.");
  });

  it("fails TLS 1.1 in any spelling", () => {
    const example = workedExample();
    example.architecture.protocols[0]!.versions = ["TLSv1.1", "1.2"];
    expect(outcomeFor(check(protocolVersionInsecure, example), "tls-public-ingress").message).toBe("Protocol `tls-public-ingress` allows `TLSv1.1`; expected TLS 1.2 or later only.");
  });

  it("is an error for an unrecognised version", () => {
    const example = workedExample();
    example.architecture.protocols[0]!.versions = ["1.4"];
    expect(outcomeFor(check(protocolVersionInsecure, example), "tls-public-ingress").status).toBe("error");
  });

  it("is not applicable to SSH", () => {
    const example = workedExample();
    example.architecture.protocols[0]!.protocol = "SSH";
    expect(outcomeFor(check(protocolVersionInsecure, example), "tls-public-ingress").status).toBe("not-applicable");
  });
});

describe("protocol-review-overdue", () => {
  it("passes a review within twelve months", () => {
    expect(outcomeFor(check(protocolReviewOverdue, workedExample()), "mtls-acquirer").message).toBe("Protocol `mtls-acquirer` was last reviewed on 2026-06-30; the next review is due on 2027-06-30.");
  });

  it("defaults a protocol's review to the document's", () => {
    expect(outcomeFor(check(protocolReviewOverdue, workedExample()), "tls-public-ingress").actual).toBe("last reviewed 2026-09-15");
  });

  it("fails a protocol's own older review date", () => {
    const example = workedExample();
    example.architecture.protocols[1]!.lastReview = "2025-10-01";
    expect(outcomeFor(check(protocolReviewOverdue, example), "mtls-acquirer").message).toBe("Protocol `mtls-acquirer` was last reviewed on 2025-10-01; its review every P1Y was due on 2026-10-01.");
  });

  it("caps a longer review interval at twelve months", () => {
    const example = workedExample();
    example.architecture.document.reviewInterval = "P2Y";
    expect(outcomeFor(check(protocolReviewOverdue, example, "2027-10-01T00:00:00Z"), "mtls-acquirer").status).toBe("fail");
  });
});

describe("snapshot-stale", () => {
  it("cannot fire at the default as-of date", () => {
    expect(check(snapshotStale, workedExample())[0]!.status).toBe("pass");
  });

  it("fails a snapshot older than the policy allows", () => {
    const outcome = check(snapshotStale, workedExample(), "2026-12-08T00:00:00Z")[0]!;
    expect(outcome.status).toBe("fail");
    expect(outcome.message).toBe("The inventory snapshot was collected at 2026-11-30T06:00:00Z, more than P7D before 2026-12-08T00:00:00.000Z.");
  });

  it("reads the maximum age from the policy", () => {
    const example = workedExample();
    example.architecture.policy.maxSnapshotAge = "P30D";
    expect(check(snapshotStale, example, "2026-12-08T00:00:00Z")[0]!.status).toBe("pass");
  });
});

describe("waivers", () => {
  it("waive a matching failure and keep it in the results", () => {
    const result = evaluateRules(workedExample(), [keyUndeclared]).find((candidate) => candidate.resource.name === "migration-temp-2026")!;
    expect(result.status).toBe("waived");
    expect(result.waiver).toEqual({ reason: "Temporary key for the card vault migration; deleted once the migration completes.", approver: "Marta Okafor, Head of Platform Security", expires: "2027-01-31" });
  });

  it("stop waiving after the expiry date and report the waiver", () => {
    const results = evaluateRules(workedExample(), [keyUndeclared, waiverExpired], "2027-02-01T00:00:00Z");
    expect(results.find((candidate) => candidate.resource.name === "migration-temp-2026")!.status).toBe("fail");
    expect(results.find((candidate) => candidate.ruleId === "waiver-expired")!.message).toBe("Waiver of `key-undeclared` for `kv-cde-prod/migration-temp-2026`, approved by Marta Okafor, Head of Platform Security, expired on 2027-01-31.");
  });

  it("cover the expiry date to the end of the day", () => {
    const results = evaluateRules(workedExample(), [keyUndeclared], "2027-01-31T23:59:59Z");
    expect(results.find((candidate) => candidate.resource.name === "migration-temp-2026")!.status).toBe("waived");
  });

  it("never waive an error", () => {
    const example = workedExample();
    const store = storeNamed(example.inventory, "kv-cde-test");
    store.keys = null;
    example.inventory.collectionErrors.push({ scope: store.id, operation: "keys.list", status: 403, code: "ForbiddenByRbac", message: "denied" });
    example.architecture.waivers.push({ ...example.architecture.waivers[0]!, resource: "kv-cde-test", rule: "key-undeclared" });
    const result = evaluateRules(example, [keyUndeclared]).find((candidate) => candidate.status === "error")!;
    expect(result.resource.name).toBe("kv-cde-test");
    expect(result.waiver).toBeNull();
  });

  it("never waive or turn off an always-on rule", () => {
    const example = workedExample();
    example.inventory.collectionErrors.push({ scope: "/subscriptions/x", operation: "keys.list", status: 500, code: null, message: "boom" });
    example.architecture.rules["inventory-incomplete"] = "off";
    example.architecture.waivers.push({ ...example.architecture.waivers[0]!, rule: "inventory-incomplete", resource: "*" });
    expect(evaluateRules(example, [inventoryIncomplete]).map((result) => result.status)).toEqual(["error"]);
  });
});

describe("waiver-unused", () => {
  it("passes a waiver that waives a finding", () => {
    const results = evaluateRules(workedExample(), RULES);
    expect(results.find((result) => result.ruleId === "waiver-unused")!.message).toBe("Waiver of `key-undeclared` for `kv-cde-prod/migration-temp-2026` waives 1 finding(s).");
  });

  it("fails a waiver that matches nothing", () => {
    const example = workedExample();
    example.architecture.waivers[0]!.resource = "kv-cde-prod/migration-temp-2025";
    const result = evaluateRules(example, [keyUndeclared, waiverUnused]).find((candidate) => candidate.ruleId === "waiver-unused")!;
    expect(result.status).toBe("fail");
    expect(result.severity).toBe("low");
    expect(result.message).toBe("Waiver of `key-undeclared` for `kv-cde-prod/migration-temp-2025` matches no result.");
  });

  it("fails a waiver that matches only passes", () => {
    const example = workedExample();
    example.architecture.waivers[0]!.resource = "kv-cde-prod/export-kek";
    const result = evaluateRules(example, [keyUndeclared, waiverUnused]).find((candidate) => candidate.ruleId === "waiver-unused")!;
    expect(result.message).toBe("Waiver of `key-undeclared` for `kv-cde-prod/export-kek` matches 1 result(s), none of which it waives: their status is `pass`.");
  });

  it("fails a waiver of a rule turned off", () => {
    const example = workedExample();
    example.architecture.rules["key-undeclared"] = "off";
    expect(evaluateRules(example, [keyUndeclared, waiverUnused]).find((candidate) => candidate.ruleId === "waiver-unused")!.messageId).toBe("rule-off");
  });

  it("leaves an expired waiver to waiver-expired", () => {
    const result = evaluateRules(workedExample(), [keyUndeclared, waiverUnused], "2027-02-01T00:00:00Z").find((candidate) => candidate.ruleId === "waiver-unused")!;
    expect(result.status).toBe("not-applicable");
  });
});
