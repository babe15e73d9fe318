// drift-report.sarif: SARIF 2.1.0 for code scanning. Every rule is listed
// with its help text and PCI DSS tags. Every finding (failed, waived or
// undecided) is a result located at the architecture.yaml line that
// declares its resource. Passing and not-applicable results are left out,
// because code scanning shows every result as an alert.
import { createHash } from "node:crypto";
import type { Result, Severity } from "../drift/model.js";
import { isFinding } from "../drift/model.js";
import type { Rule } from "../drift/rule.js";
import type { ReportInput } from "./report-input.js";
import type { Sink } from "./sink.js";

const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const RESULTS_PLACEHOLDER = "cryptodoc-results-placeholder";
/** The key of the fingerprint in partialFingerprints; a new version of the fingerprint gets a new key. */
export const FINGERPRINT_KEY = "cryptodocResource/v1";

const LEVELS: Record<Severity, "error" | "warning" | "note"> = { critical: "error", high: "error", medium: "warning", low: "note", info: "note" };
// GitHub code scanning ranks security alerts by this 0-10 score.
const SECURITY_SEVERITY: Record<Severity, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0", info: "0.0" };

/** Identifies a finding across runs: the rule and the resource it is about, not the message, which may change. */
export function fingerprint(result: Result): string {
  return createHash("sha256").update(`${result.ruleId}\u0000${result.resource.id.toLowerCase()}`).digest("hex");
}

/** Strips the backticks messages use for values; SARIF text is plain. */
const plain = (text: string) => text.replace(/`/g, "");

function sarifRule(rule: Rule) {
  const command = rule.remediation.command === undefined ? "" : `\n\n\`\`\`\n${rule.remediation.command}\n\`\`\``;
  const notes = rule.notes === undefined ? "" : `\n\n${rule.notes}`;
  return {
    id: rule.id,
    name: rule.id.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(""),
    shortDescription: { text: plain(rule.title) },
    fullDescription: { text: plain(rule.rationale) },
    help: {
      text: `${plain(rule.rationale)}\n\nRemediation: ${plain(rule.remediation.text)}${rule.remediation.command === undefined ? "" : `\n${rule.remediation.command}`}`,
      markdown: `${rule.rationale}\n\n**Remediation:** ${rule.remediation.text}${command}${notes}\n\nPCI DSS 4.0.1: ${rule.requirements.join(", ")}`,
    },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: ["security", "cryptography", ...rule.requirements.map((id) => `PCI-DSS-4.0.1/${id}`)],
      "security-severity": SECURITY_SEVERITY[rule.severity],
      severity: rule.severity,
    },
  };
}

function sarifResult(result: Result, ruleIndex: number, file: string) {
  const at = result.declaredAt ?? { file, line: 1, column: 1 };
  return {
    ruleId: result.ruleId,
    ruleIndex,
    kind: "fail",
    // An undecided result fails the build, so it is shown as an error whatever the rule's severity.
    level: result.status === "error" ? "error" : LEVELS[result.severity],
    message: { text: plain(result.message) },
    locations: [{
      physicalLocation: { artifactLocation: { uri: at.file.replace(/\\/g, "/") }, region: { startLine: at.line, startColumn: at.column } },
      logicalLocations: [{ name: result.resource.name, fullyQualifiedName: result.resource.id, kind: "resource" }],
    }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprint(result) },
    ...(result.waiver === null ? {} : {
      suppressions: [{ kind: "external", status: "accepted", justification: `${result.waiver.reason} Approved by ${result.waiver.approver} until ${result.waiver.expires}.` }],
    }),
    properties: {
      status: result.status,
      severity: result.severity,
      messageId: result.messageId,
      expected: plain(result.expected),
      actual: plain(result.actual),
      store: result.resource.store,
      requirements: result.requirements.map((requirement) => `${requirement.standard} ${requirement.version} ${requirement.id}`),
    },
  };
}

export function writeSarifReport(input: ReportInput, sink: Sink): void {
  const ruleIndex = new Map(input.rules.map((rule, index) => [rule.id, index]));
  const run = {
    tool: { driver: { name: input.tool.name, version: input.tool.version, semanticVersion: input.tool.version, rules: input.rules.map(sarifRule) } },
    properties: { asOf: input.asOf, snapshot: input.snapshot, failOn: input.failOn },
    results: RESULTS_PLACEHOLDER,
  };
  // Results are streamed in place of the placeholder, so a large estate's report is never one string.
  const [head, tail] = JSON.stringify({ $schema: SARIF_SCHEMA, version: "2.1.0", runs: [run] }, null, 2).split(`"${RESULTS_PLACEHOLDER}"`) as [string, string];
  sink.write(`${head}[`);
  let first = true;
  for (const result of input.results) {
    if (!isFinding(result)) continue;
    const json = JSON.stringify(sarifResult(result, ruleIndex.get(result.ruleId) ?? -1, input.architectureFile), null, 2).replace(/\n/g, "\n        ");
    sink.write(`${first ? "\n" : ",\n"}        ${json}`);
    first = false;
  }
  sink.write(`${first ? "" : "\n      "}]${tail}\n`);
}
