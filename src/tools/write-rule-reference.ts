// Writes docs/rules.md from the rule registry: `npm run rules:reference`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ALWAYS_ON_RULES, RULES } from "../drift/rules/index.js";
import { ruleReference } from "../report/rule-reference.js";
import { PACKAGE_ROOT } from "../version.js";

const target = join(PACKAGE_ROOT, "docs", "rules.md");
writeFileSync(target, ruleReference(RULES, ALWAYS_ON_RULES));
process.stderr.write(`Wrote ${RULES.length} rules to ${target}\n`);
