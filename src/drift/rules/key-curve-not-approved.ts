import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { quoted } from "../text.js";

export const keyCurveNotApproved: Rule = {
  id: "key-curve-not-approved",
  title: "Elliptic-curve keys use a curve the policy allows",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.1", "3.7.1"],
  rationale:
    "Only approved curves give the documented strength. Key Vault's `P-256K` is secp256k1, a Koblitz curve, not the NIST curve P-256, and it is not one of the NIST curves.",
  remediation: {
    text: "Create a new key on an allowed curve, such as P-384, move its users to it and retire the old key.",
    command: "az keyvault key create --vault-name <vault> --name <key> --kty EC-HSM --curve P-384",
  },
  notes: "The allowed curves are `policy.allowedCurves` (default P-256, P-384, P-521). Keys that back a certificate are judged too, since no certificate rule looks at curves. RSA and symmetric keys are not applicable.",
  check(estate) {
    const allowed = estate.policy.allowedCurves;
    const expected = `one of ${allowed.map((curve) => quoted(curve)).join(", ")}`;
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: pair.declared?.at ?? null, expected };
        if (deployed.kty.replace(/-HSM$/, "") !== "EC") {
          return notApplicable({ ...fields, messageId: "not-ec", message: `${describeKey(pair)} is ${quoted(deployed.kty)}, not an elliptic-curve key.` });
        }
        if (deployed.curve === null) {
          return undecided({ ...fields, messageId: "curve-unknown", actual: "unknown", message: `${describeKey(pair)} is ${quoted(deployed.kty)} with no curve in the inventory.` });
        }
        const actual = quoted(deployed.curve);
        if (allowed.includes(deployed.curve)) {
          return pass({ ...fields, actual, messageId: "allowed", message: `${describeKey(pair)} uses curve ${actual}, which the policy allows.` });
        }
        const secp256k1 = deployed.curve === "P-256K" ? " (secp256k1, not the NIST curve P-256)" : "";
        return fail({ ...fields, actual, messageId: "not-allowed", message: `${describeKey(pair)} uses curve ${actual}${secp256k1}; expected ${expected}.` });
      });
  },
};
