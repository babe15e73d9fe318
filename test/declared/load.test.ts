import { describe, expect, it } from "vitest";
import { parseArchitecture } from "../../src/declared/load.js";
import { RULE_CATALOGUE } from "../../src/drift/rules/index.js";
import { InputError } from "../../src/errors.js";
import { workedExampleYaml } from "../support/worked-example.js";

/** Parses an edited copy of the worked example and returns its diagnostics, or [] when it loads. */
function diagnosticsOf(edit: (text: string) => string): string[] {
  try {
    parseArchitecture("architecture.yaml", workedExampleYaml(edit), RULE_CATALOGUE);
    return [];
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error.diagnostics;
  }
}

/** Replaces exactly one occurrence of `from`, so a fixture edit cannot silently miss. */
function replaceOnce(from: string, to: string): (text: string) => string {
  return (text) => {
    const index = text.indexOf(from);
    if (index < 0 || text.indexOf(from, index + 1) >= 0) throw new Error(`expected exactly one \`${from}\` in the worked example`);
    return text.slice(0, index) + to + text.slice(index + from.length);
  };
}

function lineOf(text: string, fragment: string): number {
  return text.slice(0, text.indexOf(fragment)).split("\n").length;
}

describe("architecture loader", () => {
  it("loads the worked example", () => {
    const { architecture } = parseArchitecture("architecture.yaml", workedExampleYaml(), RULE_CATALOGUE);
    expect(architecture.keys.map((key) => key.name)).toEqual([
      "pan-kek", "pan-dek", "aks-etcd-kms", "settlement-signing", "export-kek", "pan-kek-test", "settlement-signing-test",
    ]);
    expect(architecture.policy).toEqual({ minimumStrengthBits: 112, allowedCurves: ["P-256", "P-384", "P-521"], expiryWarning: "P30D", minimumSoftDeleteRetentionDays: 90, maxSnapshotAge: "P7D", maxCustodiansPerStore: 3 });
    expect(architecture.keys[1]!.environment).toBe("prod");
    expect(architecture.keys[5]!.azureName).toBe("pan-kek");
    expect(architecture.keys[0]!.at).toEqual({ file: "architecture.yaml", line: lineOf(workedExampleYaml(), "  - name: pan-kek\n") , column: 5 });
  });

  it("applies schema defaults", () => {
    const { architecture } = parseArchitecture("architecture.yaml", workedExampleYaml(replaceOnce("policy:\n  minimumStrengthBits: 112\n", "policy:\n")), RULE_CATALOGUE);
    expect(architecture.policy.minimumStrengthBits).toBe(112);
    expect(architecture.document.standard).toBe("PCI DSS 4.0.1");
  });

  it("reports a duration that is not ISO 8601", () => {
    const edit = replaceOnce("    cryptoperiod: P2Y\n", "    cryptoperiod: 2 years\n");
    const line = lineOf(edit(workedExampleYaml()), "cryptoperiod: 2 years");
    expect(diagnosticsOf(edit)).toEqual([
      `architecture.yaml:${line}:19 keys[3].cryptoperiod: \`2 years\` is not an ISO 8601 duration; expected one such as \`P1Y\`, \`P90D\` or \`P1Y6M\``,
    ]);
  });

  it("reports an unknown field with a suggestion", () => {
    const edit = replaceOnce("    cryptoperiod: P2Y\n", "    cryptoperiod: P2Y\n    cryptoPeriod: P2Y\n");
    const line = lineOf(edit(workedExampleYaml()), "cryptoPeriod");
    const [diagnostic] = diagnosticsOf(edit);
    expect(diagnostic).toMatch(new RegExp(`^architecture\\.yaml:${line}:5 keys\\[3\\]\\.cryptoPeriod: unknown field \`cryptoPeriod\`; expected one of \`name\`, `));
    expect(diagnostic).toMatch(/ \(did you mean `cryptoperiod`\?\)$/);
  });

  it("reports every schema problem at once", () => {
    const edits = [
      replaceOnce("    acknowledged: 2026-05-18\n", "    acknowledged: 18/05/2026\n"),
      replaceOnce("    type: RSA-HSM\n    size: 3072\n", "    type: RSA-3072\n    size: 3072\n"),
      replaceOnce("  minimumStrengthBits: 112\n", "  minimumStrengthBits: 80\n"),
    ];
    const diagnostics = diagnosticsOf((text) => edits.reduce((current, edit) => edit(current), text));
    expect(diagnostics.map((line) => line.replace(/^architecture\.yaml:\d+:\d+ /, ""))).toEqual([
      "policy.minimumStrengthBits: `80` is below the minimum of 112",
      "custodians[2].acknowledged: `18/05/2026` is not an ISO date; expected `YYYY-MM-DD`, such as `2027-03-31`",
      "keys[4].type: `RSA-3072` is not one of `RSA`, `RSA-HSM`, `EC`, `EC-HSM`, `oct`, `oct-HSM`",
    ]);
  });

  it("reports a key with both store and wrappedBy", () => {
    const diagnostics = diagnosticsOf(replaceOnce("  - name: pan-dek\n    wrappedBy: pan-kek\n", "  - name: pan-dek\n    store: kv-cde-prod\n    wrappedBy: pan-kek\n"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/ keys\[1\]: does not match exactly one allowed form; expected a key held in a key store \(with `store`\) or held wrapped outside one \(with `wrappedBy` and `heldIn`\), not both$/);
  });

  it("reports unknown references with suggestions", () => {
    const edit = (text: string) => replaceOnce("    store: kv-cde-test\n    type: EC\n", "    store: kv-cde-tst\n    type: EC\n")(replaceOnce("  - rule: key-undeclared\n", "  - rule: key-undeclard\n")(text));
    const text = edit(workedExampleYaml());
    expect(diagnosticsOf(edit)).toEqual([
      `architecture.yaml:${lineOf(text, "kv-cde-tst")}:12 keys[6].store: unknown key store \`kv-cde-tst\`; expected one of the names under \`keyStores\` (did you mean \`kv-cde-test\`?)`,
      `architecture.yaml:${lineOf(text, "key-undeclard")}:11 waivers[0].rule: unknown rule \`key-undeclard\` (did you mean \`key-undeclared\`?); a waiver must name a rule id`,
    ]);
  });

  it("reports duplicate names", () => {
    const edit = replaceOnce("  - name: settlement-signing-test\n", "  - name: settlement-signing\n");
    const diagnostics = diagnosticsOf(edit);
    expect(diagnostics.map((line) => line.replace(/^architecture\.yaml:\d+:\d+ /, ""))).toEqual([
      "keys[6].name: duplicate key name `settlement-signing`, first declared at keys[3]; expected each name once",
    ]);
  });

  it("rejects a key in a store of another environment", () => {
    const diagnostics = diagnosticsOf(replaceOnce("    store: kv-cde-test\n    type: EC\n", "    store: kv-cde-prod\n    environment: test\n    type: EC\n"));
    expect(diagnostics.map((line) => line.replace(/^architecture\.yaml:\d+:\d+ /, ""))).toEqual([
      "keys[6].environment: key is declared in environment `test` but its store `kv-cde-prod` belongs to `prod`; production and test keys must not share a store",
    ]);
  });

  it("rejects a size the strength table cannot interpret", () => {
    const diagnostics = diagnosticsOf(replaceOnce("    type: oct-HSM\n    size: 256\n", "    type: oct-HSM\n    size: 512\n"));
    expect(diagnostics.map((line) => line.replace(/^architecture\.yaml:\d+:\d+ /, ""))).toEqual([
      "keys[0].size: the key's strength cannot be computed: symmetric key size `512` is not 128, 192 or 256 bits; expected `128`, `192` or `256`",
      "keys[0].algorithm: algorithm `AES-256-KW` uses 256-bit keys, but the key's size is 512; expected an algorithm with the same key size",
    ]);
  });

  it("rejects turning off an always-on rule", () => {
    const diagnostics = diagnosticsOf(replaceOnce("policy:\n", "rules:\n  inventory-incomplete: off\n  key-expiry-not-set: low\npolicy:\n"));
    expect(diagnostics).toEqual([
      "architecture.yaml:38:3 rules.inventory-incomplete: rule `inventory-incomplete` cannot be turned off, because the build must fail closed; set a severity instead",
    ]);
  });

  it("rejects a workload that is also a custodian", () => {
    const diagnostics = diagnosticsOf(replaceOnce("    principalId: 8b5d1fa4-6c7e-4a2b-94f9-0e1a2b3c4d5e\n", "    principalId: 5e2a8c71-3f4b-4d9e-a1c6-7b8d9e0f1a2b\n"));
    expect(diagnostics.map((line) => line.replace(/^architecture\.yaml:\d+:\d+ /, ""))).toEqual([
      "workloads[0].principalId: principal is also custodian `ana-ferreira`; key users and key custodians must be different identities",
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    const edit = replaceOnce("keys:\n  - name: pan-kek\n", "keys:\n  - name: pan-kek\n   bad: [\n");
    const diagnostics = diagnosticsOf(edit);
    const line = lineOf(edit(workedExampleYaml()), "   bad: [");
    expect(diagnostics[0]).toBe(`architecture.yaml:${line}:1 YAML syntax error: Sequence item without - indicator`);
    expect(diagnostics.length).toBeLessThanOrEqual(6);
  });

  it("reports a duplicate YAML key", () => {
    const diagnostics = diagnosticsOf(replaceOnce("    cryptoperiod: P2Y\n", "    cryptoperiod: P2Y\n    cryptoperiod: P1Y\n"));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatch(/^architecture\.yaml:\d+:5 YAML syntax error: Map keys must be unique$/);
  });

  it("reports an empty file", () => {
    expect(() => parseArchitecture("architecture.yaml", "", RULE_CATALOGUE)).toThrow(InputError);
    expect(diagnosticsOf(() => "# nothing\n")).toEqual([
      "architecture.yaml:1:1 (top level): the file is empty; expected the sections `document`, `environments`, `keyStores` and `keys`",
    ]);
  });
});
