import type { Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { discoveryGap } from "../discovery.js";

export const storeMissing: Rule = {
  id: "store-missing",
  title: "Every declared key store is deployed",
  severity: "high",
  requirements: ["3.6.1.1", "3.6.1.4"],
  rationale:
    "The inventory of secure cryptographic devices exists to detect lost or missing devices. A declared key store that is not deployed, or only soft-deleted, is such a loss, or a description that no longer matches the estate.",
  remediation: {
    text: "Recover the store if it was deleted by mistake, or remove it and its keys from architecture.yaml if it was retired on purpose.",
    command: "az keyvault recover --name <vault>",
  },
  notes: "This rule owns the store; the keys and certificates declared in a missing store are not reported again by key-missing and certificate-missing. A soft-deleted store fails with its own message. When the listing that would have found the store failed or did not cover it, the result is an error.",
  check(estate) {
    return estate.stores
      .filter((store) => store.declared !== null)
      .map((store) => {
        const declared = store.declared!;
        const fields = { resource: storeRef(store), declaredAt: declared.at, expected: "deployed" };
        if (store.deployed?.state === "soft-deleted") {
          return fail({ ...fields, actual: "soft-deleted", messageId: "soft-deleted", message: `Key store \`${store.name}\` is soft-deleted; it and its keys can only be recovered until its retention period ends.` });
        }
        if (store.deployed !== null) return pass({ ...fields, actual: "deployed", messageId: "deployed", message: `Key store \`${store.name}\` is deployed.` });
        const gap = discoveryGap(estate.inventory, "stores", declared.resourceId);
        return gap === null
          ? fail({ ...fields, actual: "not found", messageId: "missing", message: `Key store \`${store.name}\` is declared but not found at \`${declared.resourceId}\`.` })
          : undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether key store \`${store.name}\` is deployed: ${gap}.` });
      });
  },
};
