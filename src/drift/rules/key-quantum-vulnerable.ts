import { isQuantumVulnerable, quantumDates } from "../../model/quantum.js";
import { keyStrength } from "../../model/strength.js";
import type { SourceLocation } from "../../declared/model.js";
import type { ResourceRef } from "../model.js";
import type { Outcome, Rule } from "../rule.js";
import { fail, notApplicable, undecided } from "../rule.js";
import { certificateRef, describeKey, keyRef } from "../resources.js";
import { showKeyType } from "../evidence.js";

/** Judges one RSA, EC or symmetric key, named `subject` in messages. */
function judge(subject: string, resource: ResourceRef, declaredAt: SourceLocation | null, kty: string, size: number | null | undefined, curve: string | null | undefined): Outcome {
  const type = showKeyType(kty, size, curve);
  const fields = { resource, declaredAt, expected: "a post-quantum or symmetric algorithm" };
  if (!isQuantumVulnerable(kty)) return notApplicable({ ...fields, actual: type, messageId: "not-public-key", message: `${subject} is ${type}, which NIST IR 8547 does not retire.` });
  const strength = keyStrength(kty, size, curve);
  if (!strength.ok) return undecided({ ...fields, actual: type, messageId: "strength-unknown", message: `${subject} is ${type}, whose strength cannot be computed: ${strength.reason}.` });
  const dates = quantumDates(strength.bits);
  const deprecated = dates.deprecatedAfter === null ? "" : `deprecated after ${dates.deprecatedAfter} and `;
  return fail({ ...fields, actual: `${type}, ${deprecated}disallowed after ${dates.disallowedAfter}`, messageId: dates.deprecatedAfter === null ? "disallowed-2035" : "deprecated-2030", message: `${subject} is ${type}, ${strength.display} bits; NIST IR 8547 has it ${deprecated}disallowed after ${dates.disallowedAfter}.` });
}

export const keyQuantumVulnerable: Rule = {
  id: "key-quantum-vulnerable",
  title: "Keys and certificates are ready for the post-quantum transition",
  severity: "info",
  requirements: ["3.6.1.1", "12.3.3"],
  rationale:
    "The architecture description exists to keep up with the strength of algorithms. NIST IR 8547 retires RSA and elliptic-curve cryptography, which a quantum computer breaks: 112-bit keys such as RSA 2048 are deprecated after 2030, and every RSA and elliptic-curve key is disallowed after 2035. Listing each such key with its dates gives the migration plan its inventory.",
  remediation: {
    text: "Plan the move of each key to a post-quantum scheme (ML-KEM, ML-DSA) or a symmetric key before its dates, and raise RSA 2048 keys to 3072 bits meanwhile.",
  },
  notes: "Every RSA and elliptic-curve key and certificate gives an informational finding with its dates; symmetric keys are not applicable. Keys that back a certificate are reported through the certificate.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const pair of estate.keys) {
      if (pair.deployed?.managed === true) continue;
      if (pair.deployed !== null) {
        outcomes.push(judge(describeKey(pair), keyRef(pair), pair.declared?.at ?? null, pair.deployed.kty, pair.deployed.keySize, pair.deployed.curve));
      } else if (pair.declared !== null && pair.store === null) {
        outcomes.push(judge(describeKey(pair), keyRef(pair), pair.declared.at, pair.declared.type, pair.declared.size, pair.declared.curve));
      }
    }
    for (const pair of estate.certificates) {
      const deployed = pair.deployed;
      if (deployed === null) continue;
      const subject = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
      if (deployed.keyType === null) {
        outcomes.push(undecided({ resource: certificateRef(pair), declaredAt: pair.declared?.at ?? null, expected: "a post-quantum or symmetric algorithm", actual: "unknown", messageId: "key-unknown", message: `${subject} has no key type in the inventory.` }));
        continue;
      }
      outcomes.push(judge(subject, certificateRef(pair), pair.declared?.at ?? null, deployed.keyType, deployed.keySize, deployed.curve));
    }
    return outcomes;
  },
};
