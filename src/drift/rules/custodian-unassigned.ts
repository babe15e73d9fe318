import type { Outcome, Rule } from "../rule.js";
import { fail, pass, undecided, notApplicable } from "../rule.js";
import { storeAccess } from "../access.js";

export const custodianUnassigned: Rule = {
  id: "custodian-unassigned",
  title: "Every declared custodian holds key-management rights on each of their stores",
  severity: "low",
  requirements: ["3.6.1.1", "3.7.8"],
  rationale:
    "The document names who manages each store's keys. A declared custodian without any key-management grant there is either no longer a custodian, or manages the keys through an identity the document does not name.",
  remediation: {
    text: "Assign the custodian a key-management role on the store, or remove the store from the custodian's `stores` in architecture.yaml.",
    command: "az role assignment create --role \"Key Vault Crypto Officer\" --assignee <custodian object id> --scope <store id>",
  },
  notes: "One result per custodian and declared store. Rights held through a group the custodian belongs to are not visible, because the inventory does not list group members; declare the group as the custodian instead. A store that is not deployed belongs to store-missing.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const custodian of estate.architecture.custodians) {
      for (const storeName of custodian.stores) {
        const store = estate.stores.find((candidate) => candidate.declared?.name === storeName);
        const resource = { id: `declared:custodians/${custodian.name}/${storeName}`, store: storeName, name: custodian.displayName ?? custodian.name, declaredName: custodian.name };
        const fields = { resource, declaredAt: custodian.at, expected: "a key-management grant on the store" };
        const custodianText = `Custodian \`${custodian.name}\``;
        if (store === undefined || store.deployed === null || store.deployed.state === "soft-deleted") {
          outcomes.push(notApplicable({ ...fields, messageId: "store-missing", message: `${custodianText} is declared for \`${storeName}\`, a store that store-missing reports as not deployed.` }));
          continue;
        }
        const access = storeAccess(estate.inventory, store.deployed);
        if (!access.ok) {
          outcomes.push(undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether ${custodianText} can manage the keys in \`${storeName}\`: ${access.reason}.` }));
          continue;
        }
        const managementGrants = access.grants.filter((grant) => grant.principalId.toLowerCase() === custodian.principalId.toLowerCase() && grant.rights.includes("manage"));
        if (managementGrants.length > 0) {
          const roles = [...new Set(managementGrants.map((grant) => `\`${grant.grantName}\``))].join(", ");
          outcomes.push(pass({ ...fields, actual: roles, messageId: "assigned", message: `${custodianText} holds ${roles} on \`${storeName}\`.` }));
        } else if (access.undecided.some((missing) => missing.principalId.toLowerCase() === custodian.principalId.toLowerCase())) {
          outcomes.push(undecided({ ...fields, actual: "unknown", messageId: "role-unknown", message: `Cannot tell whether ${custodianText} can manage the keys in \`${storeName}\`: a role definition it holds was not collected.` }));
        } else {
          outcomes.push(fail({ ...fields, actual: "no key-management grant", messageId: "unassigned", message: `${custodianText} is declared for \`${storeName}\` but holds no role or access policy there that can manage keys.` }));
        }
      }
    }
    return outcomes;
  },
};
