import { describe, expect, it } from "vitest";
import { evaluate } from "../../src/drift/engine.js";
import { RULES } from "../../src/drift/rules/index.js";
import { coverageRows, quantumRows } from "../../src/render/view/coverage.js";
import { estateOf, workedExample } from "../support/worked-example.js";

describe("requirement coverage", () => {
  const estate = estateOf(workedExample());
  const rows = coverageRows(estate, RULES, evaluate(estate, RULES));

  it("lists every requirement in scope, in order", () => {
    expect(rows.map((row) => row.id)).toEqual(["3.6.1", "3.6.1.1", "3.6.1.2", "3.6.1.3", "3.6.1.4", "3.7.1", "3.7.2", "3.7.3", "3.7.4", "3.7.5", "3.7.6", "3.7.7", "3.7.8", "3.7.9", "4.2.1", "4.2.1.1", "12.3.3"]);
  });

  it("shows a requirement no rule covers, with its declared procedure", () => {
    const row = rows.find((candidate) => candidate.id === "3.7.6")!;
    expect(row.rules).toBe("none");
    expect(row.results).toBe("no results");
    expect(row.declared).toBe("split knowledge and dual control: KM-PROC-05 Managed HSM security domain quorum (3 of 5)");
    expect(row.manual).toBe("Every manual cleartext key operation; no inventory shows split knowledge or dual control.");
  });

  it("shows nothing declared where the YAML has nothing", () => {
    expect(rows.find((candidate) => candidate.id === "3.7.9")!.declared).toBe("nothing declared");
  });

  it("lists custodian acknowledgements for 3.7.8", () => {
    const row = rows.find((candidate) => candidate.id === "3.7.8")!;
    expect(row.rules).toBe("custodian-undeclared, custodian-unassigned, custodian-acknowledgement-stale");
    expect(row.declared).toBe("ana-ferreira acknowledged 2026-03-02; jonas-weber acknowledged 2026-03-02; priya-raman acknowledged 2026-05-18");
  });
});

describe("post-quantum inventory", () => {
  it("lists RSA and EC keys and certificates with their dates, deprecated ones first", () => {
    const rows = quantumRows(estateOf(workedExample()));
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({ kind: "key", name: "aks-etcd-kms", store: "kv-cde-prod", type: "RSA-HSM 2048", deprecatedAfter: "2030-12-31", disallowedAfter: "2035-12-31" });
    expect(rows.find((row) => row.name === "settlement-signing")).toEqual({ kind: "key", name: "settlement-signing", store: "kv-cde-prod", type: "EC-HSM P-384", deprecatedAfter: "not deprecated first", disallowedAfter: "2035-12-31" });
  });
});
