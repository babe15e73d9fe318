import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { roleGrants } from "../access.js";
import { notCollectedBecause } from "../evidence.js";
import { quoted } from "../text.js";

export const storeInertAccessGrant: Rule = {
  id: "store-inert-access-grant",
  title: "Key stores have no grants that their permission model ignores",
  severity: "medium",
  requirements: ["3.6.1", "3.6.1.3"],
  rationale:
    "A vault that uses Azure RBAC ignores its access policies, and an access-policy vault ignores data-plane role assignments. Such grants do nothing today, so reviews skip them, but they take effect the moment someone switches the permission model, giving key access nobody reviewed.",
  remediation: {
    text: "Remove the access policies from an RBAC vault, or the Key Vault data-plane role assignments from an access-policy vault.",
    command: "az keyvault delete-policy --name <vault> --object-id <principal object id>",
  },
  notes: "Role assignments count when they are made at the vault or on one of its keys and grant key rights through data actions; those inherited from a resource group or subscription may serve other vaults and are not counted. Managed HSMs, which have only local RBAC, are not applicable.",
  check(estate) {
    return estate.stores
      .filter((store) => store.deployed !== null && store.deployed.state === "active")
      .map((store) => {
        const deployed = store.deployed!;
        const fields = { resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "no grants that the permission model ignores" };
        if (deployed.permissionModel === "local-rbac") return notApplicable({ ...fields, messageId: "local-rbac", message: `Key store \`${store.name}\` is a Managed HSM, which has only local RBAC.` });

        if (deployed.permissionModel === "rbac") {
          if (deployed.accessPolicies === null) {
            return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether \`${store.name}\` has access policies: they were not collected: ${notCollectedBecause(estate.inventory, deployed.id)}.` });
          }
          const principals = deployed.accessPolicies.map((policy) => quoted(policy.objectId));
          return principals.length === 0
            ? pass({ ...fields, actual: "no access policies", messageId: "none", message: `Key store \`${store.name}\` uses Azure RBAC and has no access policies.` })
            : fail({ ...fields, actual: `${principals.length} access policies`, messageId: "access-policies-on-rbac", message: `Key store \`${store.name}\` uses Azure RBAC but still has access policies for ${principals.join(", ")}, which take effect if the vault returns to access policies.` });
        }

        const access = roleGrants(estate.inventory, deployed);
        if (!access.ok) return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether \`${store.name}\` has data-plane role assignments: ${access.reason}.` });
        const inert = access.grants.filter((grant) => grant.rights.length > 0 && (grant.relation === "exact" || grant.relation === "key"));
        const names = inert.map((grant) => `${quoted(grant.grantName)} for ${quoted(grant.principalName ?? grant.principalId)}`);
        return names.length === 0
          ? pass({ ...fields, actual: "no data-plane role assignments", messageId: "none", message: `Key store \`${store.name}\` uses access policies and has no Key Vault data-plane role assignments.` })
          : fail({ ...fields, actual: `${names.length} data-plane role assignments`, messageId: "role-assignments-on-access-policies", message: `Key store \`${store.name}\` uses access policies but has data-plane role assignments ${names.join(", ")}, which take effect if the vault switches to Azure RBAC.` });
      });
  },
};
