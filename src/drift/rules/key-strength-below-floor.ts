import { keyStrength } from "../../model/strength.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { showKeyType } from "../evidence.js";
import { minimumStrengthBits } from "../thresholds.js";

export const keyStrengthBelowFloor: Rule = {
  id: "key-strength-below-floor",
  title: "Every key reaches the minimum comparable strength",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.1", "3.7.1"],
  rationale:
    "PCI DSS strong cryptography needs at least 112 bits of comparable strength (NIST SP 800-57 Part 1), and the organisation's policy may ask for more. A weaker key does not render account data unreadable.",
  remediation: {
    text: "Create a new key of sufficient size or curve, move its users to it and retire the weak key.",
    command: "az keyvault key create --vault-name <vault> --name <key> --kty RSA-HSM --size 3072",
  },
  notes: "The threshold is `policy.minimumStrengthBits`, never below 112. Deployed keys are judged as deployed; keys held wrapped outside a store are judged as declared. Keys that back a certificate belong to certificate-strength-below-floor. A declared type that differs from the deployed one is reported by key-type-mismatch.",
  check(estate) {
    const floor = minimumStrengthBits(estate.policy);
    const expected = `at least ${floor} bits`;
    return estate.keys
      .filter((pair) => pair.deployed !== null || (pair.declared !== null && pair.store === null))
      .map((pair) => {
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        if (pair.deployed?.managed === true) {
          return notApplicable({ messageId: "certificate-key", resource, declaredAt, message: `${describeKey(pair)} backs a certificate, whose strength certificate-strength-below-floor judges.` });
        }
        const kty = pair.deployed?.kty ?? pair.declared!.type;
        const size = pair.deployed === null ? pair.declared!.size : pair.deployed.keySize;
        const curve = pair.deployed === null ? pair.declared!.curve : pair.deployed.curve;
        const type = showKeyType(kty, size, curve);
        const strength = keyStrength(kty, size, curve);
        if (!strength.ok) {
          return undecided({ messageId: "strength-unknown", resource, declaredAt, expected, actual: "unknown", message: `${describeKey(pair)} is ${type}, whose strength cannot be computed: ${strength.reason}.` });
        }
        const fields = { resource, declaredAt, expected, actual: `${strength.display} bits (${type})` };
        return strength.bits < floor
          ? fail({ ...fields, messageId: "below-floor", message: `${describeKey(pair)} is ${type}, ${strength.display} bits of strength; expected at least ${floor} bits.` })
          : pass({ ...fields, messageId: "strong-enough", message: `${describeKey(pair)} is ${type}, ${strength.display} bits of strength.` });
      });
  },
};
