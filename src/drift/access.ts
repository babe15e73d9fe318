// Who can do what to the keys in a store: role assignments that reach the
// store and the access policies of access-policy vaults, each with the key
// rights it grants. Rules about custodians and workloads read this.
import type { DeployedKeyStore, Inventory, RoleDefinition } from "../inventory/model.js";
import { type KeyRight, keyRightsOfAccessPolicy, keyRightsOfRole, scopeRelation, type ScopeRelation } from "../model/permissions.js";

export interface AccessGrant {
  /** The role assignment id, or `<store id>/accessPolicies/<object id>` for an access policy. */
  id: string;
  principalId: string;
  principalType: string | null;
  principalName: string | null;
  /** Role name, or `access policy` for an access policy. */
  grantName: string;
  relation: ScopeRelation | "access-policy";
  scope: string;
  /** The role definition, or null for an access policy. */
  definition: RoleDefinition | null;
  rights: KeyRight[];
}

export type StoreAccess =
  | { ok: true; grants: AccessGrant[]; undecided: { id: string; principalId: string; reason: string }[] }
  | { ok: false; reason: string };

const lastSegment = (id: string) => id.slice(id.lastIndexOf("/") + 1).toLowerCase();

/** Lists the grants that give principals rights on `store`'s keys. */
export function storeAccess(inventory: Inventory, store: DeployedKeyStore): StoreAccess {
  const principal = (id: string) => inventory.principals.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());

  if (store.permissionModel === "access-policies") {
    if (store.accessPolicies === null) return { ok: false, reason: "its access policies were not collected" };
    return {
      ok: true,
      undecided: [],
      grants: store.accessPolicies.map((policy) => ({
        id: `${store.id}/accessPolicies/${policy.objectId}`,
        principalId: policy.objectId,
        principalType: principal(policy.objectId)?.type ?? null,
        principalName: principal(policy.objectId)?.displayName ?? null,
        grantName: "access policy",
        relation: "access-policy",
        scope: store.id,
        definition: null,
        rights: keyRightsOfAccessPolicy(policy),
      })),
    };
  }

  if (inventory.roleAssignments === null) return { ok: false, reason: "role assignments were not collected" };
  const definitions = new Map((inventory.roleDefinitions ?? []).map((definition) => [lastSegment(definition.id), definition]));
  const grants: AccessGrant[] = [];
  const undecided: { id: string; principalId: string; reason: string }[] = [];
  for (const assignment of inventory.roleAssignments) {
    const relation = scopeRelation(assignment.scope, store.id);
    if (relation === null) continue;
    const definition = definitions.get(lastSegment(assignment.roleDefinitionId));
    if (definition === undefined) {
      undecided.push({ id: assignment.id, principalId: assignment.principalId, reason: `role definition \`${assignment.roleDefinitionId}\` was not collected` });
      continue;
    }
    grants.push({
      id: assignment.id,
      principalId: assignment.principalId,
      principalType: assignment.principalType,
      principalName: principal(assignment.principalId)?.displayName ?? null,
      grantName: definition.roleName,
      relation,
      scope: assignment.scope,
      definition,
      // Managed HSM data-plane access comes only from local role assignments inside the HSM;
      // Azure RBAC assignments inherited from above reach its control plane only.
      rights: store.type === "managed-hsm" && relation === "inherited" ? [] : keyRightsOfRole(definition, store.type === "managed-hsm" ? "hsm" : "vault"),
    });
  }
  return { ok: true, grants, undecided };
}

/** Describes where a grant applies: "at the store", "inherited from `<scope>`" or "on key `<name>`". */
export function describeGrantScope(grant: AccessGrant): string {
  switch (grant.relation) {
    case "exact":
    case "access-policy":
      return "at the store";
    case "inherited":
      return `inherited from \`${grant.scope}\``;
    case "key":
      return `on key \`${grant.scope.slice(grant.scope.lastIndexOf("/") + 1)}\``;
  }
}
