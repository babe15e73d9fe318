// The requirement coverage matrix and the post-quantum inventory for the
// document. The matrix shows, per requirement, which rules give evidence
// and how they judged, what architecture.yaml declares for it, and what no
// automation covers, so gaps stay visible.
import type { Estate } from "../../drift/estate.js";
import type { Result } from "../../drift/model.js";
import type { Rule } from "../../drift/rule.js";
import { DISALLOWED_AFTER, isQuantumVulnerable, quantumDates } from "../../model/quantum.js";
import { COVERED_REQUIREMENTS } from "../../model/requirements.js";
import { keyStrength } from "../../model/strength.js";

export interface CoverageRow {
  id: string;
  title: string;
  rules: string;
  results: string;
  declared: string;
  manual: string;
}

export interface QuantumRow {
  kind: string;
  name: string;
  store: string;
  type: string;
  deprecatedAfter: string;
  disallowedAfter: string;
}

function resultCounts(results: readonly Result[]): string {
  if (results.length === 0) return "no results";
  const count = (status: Result["status"]) => results.filter((result) => result.status === status).length;
  const parts: [string, number][] = [["failed", count("fail")], ["undecided", count("error")], ["waived", count("waived")], ["passed", count("pass")]];
  const shown = parts.filter(([, value]) => value > 0).map(([label, value]) => `${value} ${label}`);
  return shown.length === 0 ? "not applicable" : shown.join(", ");
}

/** Facts architecture.yaml declares for a requirement beyond its procedures. */
function declaredFacts(estate: Estate, id: string): string[] {
  const a = estate.architecture;
  switch (id) {
    case "3.6.1.1":
      return [`${a.keyStores.length} key stores, ${a.keys.length} keys, ${a.algorithms.length} algorithms, ${a.protocols.length} protocols`];
    case "3.6.1.3":
    case "3.6.1":
      return [`${a.custodians.length} custodians`];
    case "3.7.4":
      return [`cryptoperiods for ${a.keys.length} keys`];
    case "3.7.8":
      return a.custodians.map((custodian) => `${custodian.name} acknowledged ${custodian.acknowledged}`);
    case "4.2.1":
      return a.protocols.map((protocol) => `${protocol.name}: ${protocol.protocol} ${protocol.versions.join(", ")}`);
    case "4.2.1.1":
      return [`${a.certificates.length} certificates`];
    case "12.3.3":
      return a.protocols.map((protocol) => `${protocol.name} reviewed ${protocol.lastReview}`);
    default:
      return [];
  }
}

export function coverageRows(estate: Estate, rules: readonly Rule[], results: readonly Result[]): CoverageRow[] {
  const procedures = Object.entries(estate.architecture.document.procedures);
  return COVERED_REQUIREMENTS.map((requirement) => {
    const evidencing = rules.filter((rule) => rule.requirements.includes(requirement.id)).map((rule) => rule.id);
    const matched = procedures.filter(([topic]) => requirement.procedures.test(topic)).map(([topic, reference]) => `${topic}: ${reference}`);
    const declared = [...matched, ...declaredFacts(estate, requirement.id)];
    return {
      id: requirement.id,
      title: requirement.title,
      rules: evidencing.length === 0 ? "none" : evidencing.join(", "),
      results: resultCounts(results.filter((result) => evidencing.includes(result.ruleId))),
      declared: declared.length === 0 ? "nothing declared" : declared.join("; "),
      manual: requirement.manual,
    };
  });
}

/** Adds a row for an RSA or elliptic-curve key, or returns nothing for other keys. */
function quantumRow(kind: string, name: string, store: string, kty: string, size: number | null | undefined, curve: string | null | undefined): QuantumRow[] {
  if (!isQuantumVulnerable(kty)) return [];
  const strength = keyStrength(kty, size, curve);
  const dates = strength.ok ? quantumDates(strength.bits) : null;
  return [{
    kind,
    name,
    store,
    type: `${kty} ${curve ?? size ?? ""}`.trim(),
    deprecatedAfter: dates === null ? "unknown strength" : dates.deprecatedAfter ?? "not deprecated first",
    disallowedAfter: dates?.disallowedAfter ?? DISALLOWED_AFTER,
  }];
}

/** Lists every deployed RSA and elliptic-curve key and certificate with its NIST IR 8547 dates, earliest first. */
export function quantumRows(estate: Estate): QuantumRow[] {
  const rows: QuantumRow[] = [];
  for (const pair of estate.keys) {
    const deployed = pair.deployed;
    if (deployed === null || deployed.managed) continue;
    rows.push(...quantumRow("key", pair.declared?.name ?? deployed.name, pair.store?.name ?? "", deployed.kty, deployed.keySize, deployed.curve));
  }
  for (const pair of estate.certificates) {
    const deployed = pair.deployed;
    if (deployed === null || deployed.keyType === null) continue;
    rows.push(...quantumRow("certificate", pair.declared?.name ?? deployed.name, pair.store.name, deployed.keyType, deployed.keySize, deployed.curve));
  }
  const order = (row: QuantumRow) => `${row.deprecatedAfter.startsWith("2") ? "0" : "1"}${row.store}\u0000${row.name}`;
  return rows.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}
