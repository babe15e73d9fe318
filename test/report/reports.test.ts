import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/drift/engine.js";
import type { Result } from "../../src/drift/model.js";
import { RULES } from "../../src/drift/rules/index.js";
import { summarize } from "../../src/drift/verdict.js";
import { writeJsonReport } from "../../src/report/json.js";
import { writeJunitReport, xmlEscape } from "../../src/report/junit.js";
import type { ReportInput } from "../../src/report/report-input.js";
import { FINGERPRINT_KEY, writeSarifReport } from "../../src/report/sarif.js";
import { StringSink, type Sink } from "../../src/report/sink.js";
import { schemaValidator } from "../../src/schema/validator.js";
import { estateOf, workedExample } from "../support/worked-example.js";

function reportOf(results: Result[]): ReportInput {
  return {
    tool: { name: "cryptodoc", version: "0.1.0" },
    asOf: "2026-11-30T06:00:00.000Z",
    snapshot: { collectedAt: "2026-11-30T06:00:00Z", sha256: "0".repeat(64) },
    failOn: "high",
    summary: summarize(results, "high"),
    results,
    rules: RULES,
    architectureFile: "architecture.yaml",
  };
}

function render(write: (input: ReportInput, sink: Sink) => void, input: ReportInput): string {
  const sink = new StringSink();
  write(input, sink);
  return sink.toString();
}

const results = () => evaluate(estateOf(workedExample()), RULES);

describe("drift-report.json", () => {
  it("validates against schemas/findings.schema.json", () => {
    const report = JSON.parse(render(writeJsonReport, reportOf(results()))) as unknown;
    const validate = schemaValidator("findings");
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe("drift-report.sarif", () => {
  const sarif = () => JSON.parse(render(writeSarifReport, reportOf(results()))) as {
    version: string;
    runs: { tool: { driver: { rules: { id: string; help: { markdown: string }; properties: { tags: string[] } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; partialFingerprints: Record<string, string>; suppressions?: { status: string }[]; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } }; logicalLocations: { name: string }[] }[] }[] }[];
  };

  it("lists every rule with help text and PCI DSS tags", () => {
    const driver = sarif().runs[0]!.tool.driver;
    expect(driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    const rule = driver.rules.find((candidate) => candidate.id === "kek-weaker-than-dek")!;
    expect(rule.properties.tags).toEqual(["security", "cryptography", "PCI-DSS-4.0.1/3.6.1", "PCI-DSS-4.0.1/3.6.1.2"]);
    expect(rule.help.markdown).toContain("**Remediation:** Wrap the keys under a stronger key-encrypting key");
  });

  it("reports findings only, with the waiver as an accepted suppression", () => {
    const run = sarif().runs[0]!;
    expect(run.results).toHaveLength(14);
    const waived = run.results.find((result) => result.ruleId === "key-undeclared")!;
    expect(waived.suppressions).toEqual([{ kind: "external", status: "accepted", justification: "Temporary key for the card vault migration; deleted once the migration completes. Approved by Marta Okafor, Head of Platform Security until 2027-01-31." }]);
    expect(waived.level).toBe("error");
    expect(run.tool.driver.rules[waived.ruleIndex]!.id).toBe("key-undeclared");
  });

  it("locates an undeclared key at its store's line", () => {
    const storeLine = workedExample().architecture.keyStores.find((store) => store.name === "kv-cde-prod")!.at.line;
    const result = sarif().runs[0]!.results.find((candidate) => candidate.ruleId === "key-quantum-vulnerable" && candidate.locations[0]!.logicalLocations[0]!.name === "migration-temp-2026")!;
    expect(result.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: "architecture.yaml" }, region: { startLine: storeLine, startColumn: 5 } });
  });

  it("keeps fingerprints stable when the message changes", () => {
    const first = results();
    const second = results().map((result) => ({ ...result, message: `${result.message} (reworded)` }));
    const fingerprints = (input: Result[]) => (JSON.parse(render(writeSarifReport, reportOf(input))) as ReturnType<typeof sarif>).runs[0]!.results.map((result) => result.partialFingerprints[FINGERPRINT_KEY]);
    expect(fingerprints(second)).toEqual(fingerprints(first));
    expect(new Set(fingerprints(first)).size).toBe(14);
  });
});

describe("drift-report.junit.xml", () => {
  it("has one test case per rule and resource, passes included", () => {
    const all = results();
    const xml = render(writeJunitReport, reportOf(all));
    expect(xml.match(/<testcase /g)).toHaveLength(all.length);
    expect(xml).toContain('<testsuite name="key-expiry-not-set" tests="10" failures="1" errors="0" skipped="0">');
    expect(xml).toContain('<testcase classname="cryptodoc.store-missing" name="kv-cde-test"/>');
  });

  it("writes failures, errors and skips", () => {
    const all = results();
    const failed = all.find((result) => result.status === "fail" && result.ruleId === "key-expiry-not-set")!;
    const undecided: Result = { ...failed, ruleId: "inventory-incomplete", status: "error", message: "`keys.list` on `kv` failed with HTTP 403." };
    const xml = render(writeJunitReport, reportOf([failed, undecided]));
    expect(xml).toContain('<failure type="medium" message="Key `settlement-signing-test` in `kv-cde-test` has no expiry date.">');
    expect(xml).toContain('<error type="undecided" message="`keys.list` on `kv` failed with HTTP 403.">');
    expect(render(writeJunitReport, reportOf(all))).toContain('<skipped message="Waived until 2027-01-31 by Marta Okafor, Head of Platform Security: Temporary key for the card vault migration; deleted once the migration completes."/>');
  });

  it("escapes markup and drops characters XML cannot hold", () => {
    expect(xmlEscape(`<a href="x">&'\u0001</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
    const failed = results().find((result) => result.status === "fail")!;
    const xml = render(writeJunitReport, reportOf([{ ...failed, resource: { ...failed.resource, name: "</testcase><x>" } }]));
    expect(xml).toContain('name="&lt;/testcase&gt;&lt;x&gt; in ');
    expect(xml).not.toContain("<x>");
  });
});

describe("drift-report.junit.xml case names", () => {
  it("are unique within each rule", () => {
    const xml = render(writeJunitReport, reportOf(results()));
    const cases = [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(cases.length).toBeGreaterThan(200);
    expect(new Set(cases).size).toBe(cases.length);
  });
});
