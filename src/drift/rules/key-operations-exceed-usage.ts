import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { quoted } from "../text.js";

/** Operations that use a key directly on data; a key-encrypting key must allow only wrapping. */
const DATA_OPERATIONS = new Set(["encrypt", "decrypt", "sign", "verify"]);
const KEY_WRAPPING_USAGES = new Set(["key-encryption", "aks-kms"]);

const list = (operations: readonly string[]) => (operations.length === 0 ? "none" : operations.map((operation) => quoted(operation)).join(", "));

export const keyOperationsExceedUsage: Rule = {
  id: "key-operations-exceed-usage",
  title: "Deployed keys allow only the operations their declared usage needs",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.1"],
  rationale:
    "Each key has one intended usage. A key-encrypting key that can also encrypt or sign data can be misused to protect or authenticate data directly, and any operation beyond the declared ones widens what a compromised caller can do with it.",
  remediation: {
    text: "Restrict the key's permitted operations to the declared ones.",
    command: "az keyvault key set-attributes --vault-name <vault> --name <key> --ops wrapKey unwrapKey",
  },
  notes: "Compares the deployed key's keyOps with the declared `keyOps`; a key-encrypting or AKS KMS key that allows `encrypt`, `decrypt`, `sign` or `verify` gets its own message. Undeclared keys belong to key-undeclared.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const declaredOps = new Set(declared.keyOps.map((operation) => operation.toLowerCase()));
        const extra = deployed.keyOps.filter((operation) => !declaredOps.has(operation.toLowerCase()));
        const fields = { resource: keyRef(pair), declaredAt: declared.at, expected: list(declared.keyOps), actual: list(deployed.keyOps) };
        if (extra.length === 0) {
          return pass({ ...fields, messageId: "within-usage", message: `${describeKey(pair)} allows ${list(deployed.keyOps)}, within its declared operations.` });
        }
        const dataOps = extra.filter((operation) => DATA_OPERATIONS.has(operation.toLowerCase()));
        if (KEY_WRAPPING_USAGES.has(declared.usage) && dataOps.length > 0) {
          return fail({ ...fields, messageId: "kek-data-operations", message: `${describeKey(pair)} is a key-encrypting key but also allows ${list(dataOps)}; expected only ${list(declared.keyOps)}.` });
        }
        return fail({ ...fields, messageId: "exceeds-declared", message: `${describeKey(pair)} allows ${list(extra)} beyond its declared operations ${list(declared.keyOps)}.` });
      });
  },
};
