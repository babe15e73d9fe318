import { keyStrength } from "../../model/strength.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { certificateRef } from "../resources.js";
import { showKeyType } from "../evidence.js";
import { minimumStrengthBits } from "../thresholds.js";

export const certificateStrengthBelowFloor: Rule = {
  id: "certificate-strength-below-floor",
  title: "Every certificate's key reaches the minimum comparable strength",
  severity: "high",
  requirements: ["4.2.1", "4.2.1.1"],
  rationale:
    "Strong cryptography for PAN in transit needs at least 112 bits of comparable strength in the certificate's key, and the organisation's policy may ask for more.",
  remediation: {
    text: "Issue a new certificate with a stronger key, such as RSA 3072 or EC P-256, and deploy it.",
    command: "az keyvault certificate create --vault-name <vault> --name <certificate> --policy @policy.json",
  },
  notes: "The threshold is `policy.minimumStrengthBits`, never below 112. This rule owns the keys that back certificates; key-strength-below-floor does not judge them. Curves are judged by key-curve-not-approved.",
  check(estate) {
    const floor = minimumStrengthBits(estate.policy);
    const expected = `at least ${floor} bits`;
    return estate.certificates
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const fields = { resource: certificateRef(pair), declaredAt: pair.declared?.at ?? null, expected };
        if (deployed.pending) return notApplicable({ ...fields, messageId: "pending", message: `${name} is a pending certificate request.` });
        if (deployed.keyType === null) return undecided({ ...fields, actual: "unknown", messageId: "key-unknown", message: `${name} has no key type in the inventory.` });
        const type = showKeyType(deployed.keyType, deployed.keySize, deployed.curve);
        const strength = keyStrength(deployed.keyType, deployed.keySize, deployed.curve);
        if (!strength.ok) return undecided({ ...fields, actual: "unknown", messageId: "strength-unknown", message: `${name} has a ${type} key whose strength cannot be computed: ${strength.reason}.` });
        const actual = `${strength.display} bits (${type})`;
        return strength.bits < floor
          ? fail({ ...fields, actual, messageId: "below-floor", message: `${name} has a ${type} key, ${strength.display} bits of strength; expected at least ${floor} bits.` })
          : pass({ ...fields, actual, messageId: "strong-enough", message: `${name} has a ${type} key, ${strength.display} bits of strength.` });
      });
  },
};
