import type { Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { keyRef, describeKey } from "../resources.js";
import { showKeyType } from "../evidence.js";

export const keyTypeMismatch: Rule = {
  id: "key-type-mismatch",
  title: "Deployed keys have the declared type, size and curve",
  severity: "high",
  requirements: ["3.6.1.1", "3.6.1.2", "3.7.7"],
  rationale:
    "The document states each key's algorithm and strength. A deployed key of another type, size or curve makes that statement false, and may be weaker or stored outside an HSM.",
  remediation: {
    text: "Create a new key version of the declared type and size, move its users to it, or correct architecture.yaml if the declaration is wrong.",
    command: "az keyvault key create --vault-name <vault> --name <key> --kty RSA-HSM --size 3072",
  },
  notes: "Only keys that are both declared and deployed are judged; key-missing and key-undeclared own the rest.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const expected = showKeyType(declared.type, declared.size, declared.curve);
        const family = declared.type.replace(/-HSM$/, "");
        const detail = family === "EC" ? "curve" : "size";
        const detailMissing = deployed.kty.replace(/-HSM$/, "") === family && (family === "EC" ? deployed.curve === null : deployed.keySize === null);
        if (detailMissing) {
          return undecided({ messageId: "detail-unknown", resource, declaredAt: declared.at, expected, actual: `\`${deployed.kty}\``, message: `${describeKey(pair)} has no ${detail} in the inventory, so it cannot be compared with ${expected}.` });
        }
        const actual = showKeyType(deployed.kty, family === "EC" ? null : deployed.keySize, deployed.curve);
        const matches =
          deployed.kty === declared.type &&
          (family === "EC" ? deployed.curve === declared.curve : deployed.keySize === declared.size);
        const fields = { resource, declaredAt: declared.at, expected, actual };
        return matches
          ? pass({ ...fields, messageId: "matches", message: `${describeKey(pair)} is ${actual}, as declared.` })
          : fail({ ...fields, messageId: "mismatch", message: `${describeKey(pair)} is ${actual}, expected ${expected}.` });
      });
  },
};
