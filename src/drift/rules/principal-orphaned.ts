import type { Outcome, Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { describeGrantScope, findPrincipal, storeAccess } from "../access.js";

export const principalOrphaned: Rule = {
  id: "principal-orphaned",
  title: "Every grant on a key store belongs to an existing principal",
  severity: "medium",
  requirements: ["3.6.1", "3.7.5"],
  rationale:
    "When a user, group or service principal is deleted, its role assignments and access policies stay behind as unknown identities. They clutter access reviews and hide which grants are still needed, and a key custodian who left must have their access withdrawn, not merely their account.",
  remediation: {
    text: "Delete the role assignment or access policy of the deleted principal.",
    command: "az role assignment delete --ids <role assignment id>",
  },
  notes: "A principal that Microsoft Graph reports as missing fails; one the collecting identity could not look up gives an error. Every grant on the store counts, including those without key rights.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const store of estate.stores) {
      if (store.deployed === null || store.deployed.state !== "active") continue;
      const access = storeAccess(estate.inventory, store.deployed);
      if (!access.ok) {
        outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "existing principals", actual: "unknown", message: `Cannot tell whether the grants on \`${store.name}\` belong to existing principals: ${access.reason}.` }));
        continue;
      }
      for (const grant of access.grants) {
        const principal = findPrincipal(estate.inventory, grant.principalId);
        const resource = { id: grant.id, store: store.name, name: grant.principalName ?? grant.principalId, declaredName: null };
        const fields = { resource, declaredAt: store.declared?.at ?? null, expected: "an existing principal" };
        const grantText = `\`${grant.grantName}\` on \`${store.name}\` (${describeGrantScope(grant)})`;
        if (principal === undefined || principal.state === "unresolved") {
          outcomes.push(undecided({ ...fields, actual: "unknown", messageId: "principal-unknown", message: `Cannot tell whether principal \`${grant.principalId}\`, which holds ${grantText}, still exists: it was not looked up in Microsoft Graph.` }));
        } else if (principal.state === "deleted") {
          outcomes.push(fail({ ...fields, actual: "deleted", messageId: "orphaned", message: `Principal \`${grant.principalId}\` holds ${grantText} but no longer exists.` }));
        } else {
          outcomes.push(pass({ ...fields, actual: "exists", messageId: "exists", message: `Principal \`${principal.displayName ?? grant.principalId}\`, which holds ${grantText}, exists.` }));
        }
      }
    }
    return outcomes;
  },
};
