import type { Rule } from "../rule.js";
import { pass, undecided } from "../rule.js";
import { quoted } from "../text.js";

export const inventoryIncomplete: Rule = {
  id: "inventory-incomplete",
  title: "The inventory was collected completely",
  severity: "high",
  requirements: ["3.6.1.1"],
  rationale:
    "The drift report can only show what was collected. A call that failed leaves keys, certificates or access unknown, and unknown must never read as compliant.",
  remediation: {
    text: "Give the collecting identity the read roles it lacks, or run the collection from a network that can reach the store, then collect again.",
    command: "az role assignment create --role \"Key Vault Reader\" --assignee <collector object id> --scope <store id>",
  },
  notes: "One error result per collection error, naming its scope and cause. It cannot be turned off or waived.",
  check(estate) {
    const { collectionErrors, collection } = estate.inventory;
    if (collectionErrors.length === 0) {
      return [pass({
        messageId: "complete",
        resource: { id: `snapshot:${collection.collectedAt}`, store: null, name: "inventory snapshot", declaredName: null },
        expected: "no collection errors",
        actual: "no collection errors",
        message: `The inventory collected at ${collection.collectedAt} has no collection errors.`,
      })];
    }
    return collectionErrors.map((error) => {
      const store = estate.stores.find((candidate) => {
        const id = candidate.deployed?.id.toLowerCase();
        return id !== undefined && (error.scope.toLowerCase() === id || error.scope.toLowerCase().startsWith(`${id}/`));
      });
      const status = error.status === null ? "" : ` with HTTP ${error.status}`;
      const code = error.code === null ? "" : ` \`${error.code}\``;
      return undecided({
        messageId: "collection-error",
        resource: { id: error.scope, store: store?.name ?? null, name: store?.name ?? error.scope, declaredName: store?.declared?.name ?? null },
        declaredAt: store?.declared?.at ?? null,
        expected: "collected",
        actual: `${error.operation} failed${status}${code}`,
        message: `${quoted(error.operation)} on ${quoted(store?.name ?? error.scope)} failed${status}${code}: ${error.message.replace(/`/g, "'")}`,
      });
    });
  },
};
