import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const keyRotationNotConfigured: Rule = {
  id: "key-rotation-not-configured",
  title: "Keys declared with automatic rotation have a rotation policy with a Rotate action",
  severity: "medium",
  requirements: ["3.7.4"],
  rationale:
    "Keys must change at the end of their cryptoperiod. When the architecture says Key Vault rotates a key, its rotation policy must contain a Rotate action; a policy with only Notify actions rotates nothing.",
  remediation: {
    text: "Give the key a rotation policy with a Rotate action, triggered before the end of its cryptoperiod.",
    command: "az keyvault key rotation-policy update --vault-name <vault> --name <key> --value policy.json",
  },
  notes: "Keys not declared with `rotation.automatic: true` are not applicable; whether the interval fits the cryptoperiod is judged by key-rotation-exceeds-cryptoperiod.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: declared.at, expected: "a Rotate action" };
        if (declared.rotation?.automatic !== true) {
          return notApplicable({ ...fields, messageId: "manual", message: `${describeKey(pair)} is declared with manual rotation.` });
        }
        if (deployed.rotationPolicy === null) {
          return undecided({ ...fields, messageId: "not-collected", actual: "unknown", message: `${describeKey(pair)} is declared with automatic rotation, but its rotation policy was not collected: ${notCollectedBecause(estate.inventory, deployed.id)}.` });
        }
        const rotate = deployed.rotationPolicy.lifetimeActions.find((action) => action.action === "rotate");
        if (rotate === undefined) {
          const actions = deployed.rotationPolicy.lifetimeActions.map((action) => action.action);
          const actual = actions.length === 0 ? "no lifetime actions" : `only ${actions.map((action) => `\`${action}\``).join(", ")}`;
          return fail({ ...fields, messageId: "no-rotate-action", actual, message: `${describeKey(pair)} is declared with automatic rotation, but its rotation policy has ${actual}.` });
        }
        const trigger = rotate.timeAfterCreate === null ? `${rotate.timeBeforeExpiry} before expiry` : `${rotate.timeAfterCreate} after creation`;
        return pass({ ...fields, messageId: "rotates", actual: `Rotate ${trigger}`, message: `${describeKey(pair)} rotates automatically ${trigger}.` });
      });
  },
};
