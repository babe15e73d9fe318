// docs/rules.md: the rule reference, generated from the rules' own metadata
// so it cannot drift from what the rules do. `npm run rules:reference`
// rewrites it, and a test fails when the committed file is stale.
import type { Rule } from "../drift/rule.js";

const ALWAYS_ON_NOTE = "It cannot be turned off, and its findings cannot be waived.";

/** Renders the rule reference as Markdown. */
export function ruleReference(rules: readonly Rule[], alwaysOn: readonly string[]): string {
  const lines: string[] = [
    "# Rule reference",
    "",
    "<!-- Generated from the rule metadata in src/drift/rules by `npm run rules:reference`; do not edit by hand. -->",
    "",
    `cryptodoc evaluates ${rules.length} drift rules. Each has a permanent id, a default severity that \`rules:\` in architecture.yaml may override or turn \`off\`, and the PCI DSS 4.0.1 requirements it gives evidence for. A rule that lacks the data to decide gives an error result, which fails the build and cannot be waived.`,
    "",
    "| Rule | Severity | PCI DSS 4.0.1 | Passes when |",
    "| --- | --- | --- | --- |",
    ...rules.map((rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.requirements.join(", ")} | ${rule.title.replace(/\|/g, "\\|")} |`),
    "",
  ];
  for (const rule of rules) {
    lines.push(`## ${rule.id}`, "", `**${rule.title}.** Severity: ${rule.severity}. PCI DSS 4.0.1: ${rule.requirements.join(", ")}.${alwaysOn.includes(rule.id) ? ` ${ALWAYS_ON_NOTE}` : ""}`, "");
    lines.push(rule.rationale, "", `**Remediation:** ${rule.remediation.text}`, "");
    if (rule.remediation.command !== undefined) lines.push("```sh", rule.remediation.command, "```", "");
    if (rule.notes !== undefined) lines.push(`**Notes:** ${rule.notes}`, "");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
