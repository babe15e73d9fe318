import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ALWAYS_ON_RULES, RULES } from "../../src/drift/rules/index.js";
import { ruleReference } from "../../src/report/rule-reference.js";
import { PACKAGE_ROOT } from "../../src/version.js";

describe("docs/rules.md", () => {
  it("matches the rule metadata", () => {
    const committed = readFileSync(join(PACKAGE_ROOT, "docs", "rules.md"), "utf8");
    const fresh = ruleReference(RULES, ALWAYS_ON_RULES);
    expect(committed === fresh, "docs/rules.md is stale: run `npm run rules:reference` and commit the result.").toBe(true);
  });

  it("documents every rule with its remediation", () => {
    const reference = ruleReference(RULES, ALWAYS_ON_RULES);
    for (const rule of RULES) expect(reference).toContain(`## ${rule.id}\n\n**${rule.title}.** Severity: ${rule.severity}.`);
    expect(reference).toContain("## waiver-expired\n\n**Every waiver is within its expiry date.** Severity: high. PCI DSS 4.0.1: 12.3.3, 3.6.1.1. It cannot be turned off, and its findings cannot be waived.");
  });
});

describe("rule registry", () => {
  it("has at least fifty rules with ids equal to their file names", () => {
    expect(RULES.length).toBeGreaterThanOrEqual(50);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(readFileSync(join(PACKAGE_ROOT, "src", "drift", "rules", `${rule.id}.ts`), "utf8")).toContain(`id: "${rule.id}"`);
    }
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });
});
