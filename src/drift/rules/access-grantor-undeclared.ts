import { grantingPower } from "../../model/permissions.js";
import type { Outcome, Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { describeGrantScope, describePrincipal, roleGrants } from "../access.js";

export const accessGrantorUndeclared: Rule = {
  id: "access-grantor-undeclared",
  title: "Only declared custodians can grant access to a store's keys",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.3"],
  rationale:
    "An Owner, a User Access Administrator, or anyone who can write an access-policy vault holds no key rights today but can give themselves any at will. Such principals are custodians in effect, so they must be declared and kept as few as the custodians themselves.",
  remediation: {
    text: "Remove the role assignment, scope it away from the store, or declare the principal as a custodian of the store.",
    command: "az role assignment delete --ids <role assignment id>",
  },
  notes: "Judged from each role definition's actions minus its not-actions (and, for Managed HSM, data actions), with wildcards, at the store, on its keys, or inherited from above it. Key rights that a principal already holds belong to custodian-undeclared; this rule covers the power to grant them. Grants without that power are not reported.",
  check(estate) {
    const outcomes: Outcome[] = [];
    const custodians = estate.architecture.custodians;
    for (const store of estate.stores) {
      if (store.deployed === null || store.deployed.state !== "active") continue;
      const access = roleGrants(estate.inventory, store.deployed);
      if (!access.ok) {
        outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "only declared custodians can grant key access", actual: "unknown", message: `Cannot tell who can grant access to the keys in \`${store.name}\`: ${access.reason}.` }));
        continue;
      }
      for (const missing of access.undecided) {
        outcomes.push(undecided({ messageId: "role-unknown", resource: { id: missing.id, store: store.name, name: missing.principalId, declaredName: null }, declaredAt: store.declared?.at ?? null, expected: "a known role definition", actual: "unknown", message: `Cannot tell whether principal \`${missing.principalId}\` can grant access to the keys in \`${store.name}\`: ${missing.reason}.` }));
      }
      const model = store.deployed.permissionModel;
      if (model === null) {
        outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "only declared custodians can grant key access", actual: "unknown", message: `Cannot tell who can grant access to the keys in \`${store.name}\`: its permission model is not in the inventory.` }));
        continue;
      }
      for (const grant of access.grants) {
        // Azure RBAC assignments inherited from above a Managed HSM reach its control plane only.
        const hsmInherited = model === "local-rbac" && grant.relation === "inherited";
        const power = hsmInherited ? null : grantingPower(grant.definition!, model);
        if (power === null) continue;
        const custodian = custodians.find((candidate) => candidate.principalId.toLowerCase() === grant.principalId.toLowerCase() && candidate.stores.includes(store.name));
        const resource = { id: grant.id, store: store.name, name: grant.principalName ?? grant.principalId, declaredName: custodian?.name ?? null };
        const fields = { resource, declaredAt: custodian?.at ?? store.declared?.at ?? null, expected: "a declared custodian of this store", actual: custodian === undefined ? "not a custodian of this store" : `custodian \`${custodian.name}\`` };
        const what = `${describePrincipal(grant)} holds \`${grant.grantName}\` on \`${store.name}\` (${describeGrantScope(grant)}), which ${power}`;
        outcomes.push(custodian === undefined
          ? fail({ ...fields, messageId: "undeclared-grantor", message: `${what}, but is not a declared custodian of the store.` })
          : pass({ ...fields, messageId: "custodian", message: `${what}, as declared custodian \`${custodian.name}\`.` }));
      }
    }
    return outcomes;
  },
};
