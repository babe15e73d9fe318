// drift-report.junit.xml: JUnit XML for CI test views. Each rule is a test
// suite and each result a test case: failed results are failures, undecided
// ones errors, waived and not-applicable ones skipped, so passes show too.
import type { Result, ResultStatus } from "../drift/model.js";
import type { ReportInput } from "./report-input.js";
import type { Sink } from "./sink.js";

/** Escapes text for XML content and attribute values, dropping the characters XML 1.0 cannot hold. */
export function xmlEscape(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** Names a test case after its resource and store, as CI test views show it. */
function caseName(result: Result): string {
  const store = result.resource.store === null || result.resource.store === result.resource.name ? "" : ` in ${result.resource.store}`;
  return `${result.resource.name}${store}`;
}

function testCase(result: Result, unique: boolean): string {
  // Two results of one rule can share a resource name, such as one principal's two role assignments in a store.
  const name = xmlEscape(unique ? caseName(result) : `${caseName(result)} (${result.resource.id})`);
  const open = `    <testcase classname="cryptodoc.${xmlEscape(result.ruleId)}" name="${name}">`;
  const detail = xmlEscape(`${result.message}\nExpected: ${result.expected}\nActual: ${result.actual}\nResource: ${result.resource.id}${result.declaredAt === null ? "" : `\nDeclared at: ${result.declaredAt.file}:${result.declaredAt.line}:${result.declaredAt.column}`}`);
  switch (result.status) {
    case "pass":
      return `    <testcase classname="cryptodoc.${xmlEscape(result.ruleId)}" name="${name}"/>\n`;
    case "fail":
      return `${open}\n      <failure type="${result.severity}" message="${xmlEscape(result.message)}">${detail}</failure>\n    </testcase>\n`;
    case "error":
      return `${open}\n      <error type="undecided" message="${xmlEscape(result.message)}">${detail}</error>\n    </testcase>\n`;
    case "waived":
      return `${open}\n      <skipped message="${xmlEscape(`Waived until ${result.waiver!.expires} by ${result.waiver!.approver}: ${result.waiver!.reason}`)}"/>\n    </testcase>\n`;
    case "not-applicable":
      return `${open}\n      <skipped message="${xmlEscape(`Not applicable: ${result.message}`)}"/>\n    </testcase>\n`;
  }
}

export function writeJunitReport(input: ReportInput, sink: Sink): void {
  const byRule = new Map<string, Result[]>();
  for (const result of input.results) {
    const results = byRule.get(result.ruleId);
    if (results === undefined) byRule.set(result.ruleId, [result]);
    else results.push(result);
  }
  const count = (results: readonly Result[], ...statuses: ResultStatus[]) => results.filter((result) => statuses.includes(result.status)).length;

  sink.write(`<?xml version="1.0" encoding="UTF-8"?>\n`);
  sink.write(`<testsuites name="cryptodoc drift" tests="${input.results.length}" failures="${count(input.results, "fail")}" errors="${count(input.results, "error")}" skipped="${count(input.results, "waived", "not-applicable")}">\n`);
  for (const rule of input.rules) {
    const results = byRule.get(rule.id);
    if (results === undefined) continue;
    sink.write(`  <testsuite name="${xmlEscape(rule.id)}" tests="${results.length}" failures="${count(results, "fail")}" errors="${count(results, "error")}" skipped="${count(results, "waived", "not-applicable")}">\n`);
    const names = new Map<string, number>();
    for (const result of results) names.set(caseName(result), (names.get(caseName(result)) ?? 0) + 1);
    for (const result of results) sink.write(testCase(result, names.get(caseName(result)) === 1));
    sink.write("  </testsuite>\n");
  }
  sink.write("</testsuites>\n");
}
