import { describe, expect, it } from "vitest";
import { keyQuantumVulnerable } from "../../src/drift/rules/key-quantum-vulnerable.js";
import { certificateNamed, outcomeIn } from "../support/example-edits.js";
import { check, outcomeFor, storeNamed, workedExample } from "../support/worked-example.js";

describe("key-quantum-vulnerable", () => {
  it("gives RSA 2048 both dates", () => {
    const outcome = outcomeFor(check(keyQuantumVulnerable, workedExample()), "aks-etcd-kms");
    expect(outcome.status).toBe("fail");
    expect(outcome.messageId).toBe("deprecated-2030");
    expect(outcome.message).toBe("Key `aks-etcd-kms` in `kv-cde-prod` is `RSA-HSM` 2048, 112 bits; NIST IR 8547 has it deprecated after 2030-12-31 and disallowed after 2035-12-31.");
  });

  it("gives stronger keys the 2035 date only", () => {
    const outcome = outcomeFor(check(keyQuantumVulnerable, workedExample()), "settlement-signing");
    expect(outcome.messageId).toBe("disallowed-2035");
    expect(outcome.actual).toBe("`EC-HSM` P-384, disallowed after 2035-12-31");
  });

  it("reports certificates, not their keys", () => {
    const example = workedExample();
    const outcome = outcomeFor(check(keyQuantumVulnerable, example), "api-tls");
    expect(outcome.resource.id).toBe(`${storeNamed(example.inventory, "kv-cde-prod").id}/certificates/api-tls`);
    expect(outcome.message).toBe("Certificate `api-tls` in `kv-cde-prod` is `RSA` 2048, 112 bits; NIST IR 8547 has it deprecated after 2030-12-31 and disallowed after 2035-12-31.");
  });

  it("is not applicable to symmetric keys", () => {
    expect(outcomeIn(check(keyQuantumVulnerable, workedExample()), "mhsm-cde-prod", "pan-kek").status).toBe("not-applicable");
    expect(outcomeFor(check(keyQuantumVulnerable, workedExample()), "pan-dek").status).toBe("not-applicable");
  });

  it("is an error when a certificate's key type is unknown", () => {
    const example = workedExample();
    certificateNamed(example.inventory, "kv-cde-prod", "api-tls").keyType = null;
    expect(outcomeFor(check(keyQuantumVulnerable, example), "api-tls").status).toBe("error");
  });
});
