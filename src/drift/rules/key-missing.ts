import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { keyRef } from "../resources.js";
import { storeKeys } from "../evidence.js";

export const keyMissing: Rule = {
  id: "key-missing",
  title: "Every declared key is deployed",
  severity: "high",
  requirements: ["3.6.1.1", "3.7.5"],
  rationale:
    "The architecture description must list every key in use. A declared key that is not deployed is a lost key, or a description that no longer matches the estate.",
  remediation: {
    text: "Recover the key if it was deleted by mistake, create it, or remove it from architecture.yaml if it was retired on purpose.",
    command: "az keyvault key recover --vault-name <vault> --name <key>",
  },
  notes: "Keys held wrapped outside a key store and keys declared `retired` are not applicable. Keys of a store that is not deployed, or only soft-deleted, belong to store-missing, which reports the store once.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: declared.at, expected: "deployed" };
        if (pair.store === null) {
          return notApplicable({ ...fields, messageId: "wrapped", message: `Key \`${declared.name}\` is held wrapped by \`${declared.wrappedBy}\` in ${declared.heldIn}, outside any key store.` });
        }
        if (declared.state === "retired") {
          return notApplicable({ ...fields, messageId: "retired", message: `Key \`${declared.name}\` is declared retired.` });
        }
        if (pair.deployed !== null) {
          return pass({ ...fields, messageId: "deployed", actual: "deployed", message: `Key \`${declared.azureName}\` is deployed in \`${pair.store.name}\`.` });
        }
        if (pair.store.deployed === null || pair.store.deployed.state === "soft-deleted") {
          return notApplicable({ ...fields, messageId: "store-missing", message: `Key \`${declared.azureName}\` is declared in \`${pair.store.name}\`, a store that store-missing reports as not deployed.` });
        }
        const keys = storeKeys(estate.inventory, pair.store);
        if ("reason" in keys) {
          return undecided({ ...fields, messageId: "not-collected", actual: "unknown", message: `Cannot tell whether key \`${declared.azureName}\` is deployed in \`${pair.store.name}\`: ${keys.reason}.` });
        }
        return fail({ ...fields, messageId: "missing", actual: "not found", message: `Key \`${declared.azureName}\` is declared but not found in \`${pair.store.name}\`.` });
      });
  },
};
