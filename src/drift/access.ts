// Access to the keys in a store: the role assignments that reach the store and
// the access policies of access-policy vaults, each with the key rights it
// grants. Rules about custodians and workloads read this.
import type { DeployedKeyStore, Inventory, Principal, RoleAssignment, RoleDefinition } from "../inventory/model.js";
import { type KeyRight, keyRightsOfAccessPolicy, keyRightsOfRole, scopeRelation, type ScopeRelation } from "../model/permissions.js";
import { quoted } from "./text.js";

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
const normalise = (id: string) => id.toLowerCase().replace(/\/+$/, "");

/** Role assignments grouped by the stores they reach, with definitions and principals by id, built once per inventory. */
interface AccessIndex {
  assignmentsByStore: Map<string, { assignment: RoleAssignment; relation: ScopeRelation }[]>;
  definitions: Map<string, RoleDefinition>;
  principals: Map<string, Principal>;
}

const indexes = new WeakMap<Inventory, AccessIndex>();

/** Returns the store id in a store-level or key-level scope, such as `<vault id>` for `<vault id>/keys/pan-kek`. */
function storeIdInScope(scope: string): string | null {
  const match = /^(.*\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+)/.exec(scope);
  return match?.[1] ?? null;
}

function buildIndex(inventory: Inventory): AccessIndex {
  const assignmentsByStore = new Map<string, { assignment: RoleAssignment; relation: ScopeRelation }[]>();
  const storesByAncestor = new Map<string, string[]>();
  const allStores = inventory.keyStores.map((store) => normalise(store.id));
  for (const id of allStores) {
    assignmentsByStore.set(id, []);
    const segments = id.split("/");
    for (let length = 3; length < segments.length; length += 2) {
      const ancestor = segments.slice(0, length).join("/");
      storesByAncestor.set(ancestor, [...(storesByAncestor.get(ancestor) ?? []), id]);
    }
  }

  for (const assignment of inventory.roleAssignments ?? []) {
    const scope = normalise(assignment.scope);
    const storeId = storeIdInScope(scope);
    const reached = storeId !== null ? [storeId] : storesByAncestor.get(scope) ?? (scope === "" || scope.startsWith("/providers/microsoft.management/") ? allStores : []);
    for (const id of reached) {
      const relation = scopeRelation(scope, id);
      if (relation !== null) assignmentsByStore.get(id)?.push({ assignment, relation });
    }
  }
  return {
    assignmentsByStore,
    definitions: new Map((inventory.roleDefinitions ?? []).map((definition) => [lastSegment(definition.id), definition])),
    principals: new Map(inventory.principals.map((principal) => [principal.id.toLowerCase(), principal])),
  };
}

function accessIndex(inventory: Inventory): AccessIndex {
  let index = indexes.get(inventory);
  if (index === undefined) {
    index = buildIndex(inventory);
    indexes.set(inventory, index);
  }
  return index;
}

/** Lists the grants that give principals rights on `store`'s keys. */
export function storeAccess(inventory: Inventory, store: DeployedKeyStore): StoreAccess {
  const index = accessIndex(inventory);
  const principal = (id: string) => index.principals.get(id.toLowerCase());

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

  return roleGrants(inventory, store);
}

/** Lists the role assignments that reach `store`, whatever its permission model, with the key rights each role grants. */
export function roleGrants(inventory: Inventory, store: DeployedKeyStore): StoreAccess {
  const index = accessIndex(inventory);
  const principal = (id: string) => index.principals.get(id.toLowerCase());
  if (inventory.roleAssignments === null) return { ok: false, reason: "role assignments were not collected" };
  const grants: AccessGrant[] = [];
  const undecided: { id: string; principalId: string; reason: string }[] = [];
  for (const { assignment, relation } of index.assignmentsByStore.get(normalise(store.id)) ?? []) {
    const definition = index.definitions.get(lastSegment(assignment.roleDefinitionId));
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

/** Finds a principal of the inventory by object id, ignoring case. */
export function findPrincipal(inventory: Inventory, id: string): Principal | undefined {
  return accessIndex(inventory).principals.get(id.toLowerCase());
}

/** Names a grant's principal for messages: "Principal `Ana Ferreira` (`5e2a…`)". */
export function describePrincipal(grant: AccessGrant): string {
  return `Principal ${quoted(grant.principalName ?? grant.principalId)}${grant.principalName === null ? "" : ` (${quoted(grant.principalId)})`}`;
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
