// Key rights of roles and access policies, judged from a role definition's
// data actions minus its not-data actions, with `*` wildcards, as Azure RBAC
// evaluates them. Key Vault roles grant key rights only through dataActions:
// `Microsoft.KeyVault/vaults/keys/*` under `actions` is control plane only.
import type { AccessPolicy, RoleDefinition } from "../inventory/model.js";

export type KeyRight = "manage" | "use" | "read";

const VAULT = "Microsoft.KeyVault/vaults";
const HSM = "Microsoft.KeyVault/managedHsm";

/** Data actions that create, change, move or destroy keys, for vaults and for Managed HSM pools. */
const MANAGE_ACTIONS = {
  vault: [
    `${VAULT}/keys/create/action`, `${VAULT}/keys/import/action`, `${VAULT}/keys/delete`, `${VAULT}/keys/update/action`,
    `${VAULT}/keys/backup/action`, `${VAULT}/keys/restore/action`, `${VAULT}/keys/recover/action`, `${VAULT}/keys/rotate/action`,
    `${VAULT}/keys/release/action`, `${VAULT}/deletedKeys/delete`, `${VAULT}/keyrotationpolicies/write`,
  ],
  hsm: [
    `${HSM}/keys/create`, `${HSM}/keys/import/action`, `${HSM}/keys/delete`, `${HSM}/keys/write/action`,
    `${HSM}/keys/backup/action`, `${HSM}/keys/restore/action`, `${HSM}/keys/release/action`, `${HSM}/keys/export/action`,
    `${HSM}/keys/deletedKeys/recover/action`, `${HSM}/keys/deletedKeys/delete`, `${HSM}/keys/rotate/action`,
  ],
};

/** Data actions that perform cryptographic operations with a key. */
const USE_ACTIONS = {
  vault: ["encrypt", "decrypt", "wrap", "unwrap", "sign", "verify"].map((operation) => `${VAULT}/keys/${operation}/action`),
  hsm: ["encrypt", "decrypt", "wrap", "unwrap", "sign", "verify"].map((operation) => `${HSM}/keys/${operation}/action`),
};

const READ_ACTIONS = { vault: [`${VAULT}/keys/read`], hsm: [`${HSM}/keys/read/action`] };

export type StoreFamily = "vault" | "hsm";

/** Maps Key Vault key operation names (as in keyOps) to their data action verbs. */
export const OPERATION_ACTIONS: Record<string, string> = {
  encrypt: "encrypt", decrypt: "decrypt", sign: "sign", verify: "verify", wrapKey: "wrap", unwrapKey: "unwrap",
};

const compiledPatterns = new Map<string, RegExp>();

function wildcardPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    compiled = new RegExp(`^${escaped}$`, "i");
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}

/** Returns whether `definition` allows the data action `action`. */
export function allowsDataAction(definition: RoleDefinition, action: string): boolean {
  return definition.permissions.some(
    (permission) =>
      permission.dataActions.some((pattern) => wildcardPattern(pattern).test(action)) &&
      !permission.notDataActions.some((pattern) => wildcardPattern(pattern).test(action)),
  );
}

/** Returns the key rights a role grants in a store of `family`, strongest first. */
export function keyRightsOfRole(definition: RoleDefinition, family: StoreFamily): KeyRight[] {
  const rights: KeyRight[] = [];
  if (MANAGE_ACTIONS[family].some((action) => allowsDataAction(definition, action))) rights.push("manage");
  if (USE_ACTIONS[family].some((action) => allowsDataAction(definition, action))) rights.push("use");
  if (READ_ACTIONS[family].some((action) => allowsDataAction(definition, action))) rights.push("read");
  return rights;
}

/** Returns the key operations (keyOps names) a role allows, in a fixed order. */
export function keyOperationsOfRole(definition: RoleDefinition): string[] {
  return Object.entries(OPERATION_ACTIONS)
    .filter(([, verb]) => allowsDataAction(definition, `${VAULT}/keys/${verb}/action`) || allowsDataAction(definition, `${HSM}/keys/${verb}/action`))
    .map(([operation]) => operation);
}

const POLICY_MANAGE = new Set(["create", "import", "delete", "update", "backup", "restore", "recover", "purge", "rotate", "setrotationpolicy", "release", "all"]);
const POLICY_USE = new Set(["encrypt", "decrypt", "wrapkey", "unwrapkey", "sign", "verify"]);

/** Returns the key rights an access policy grants on an access-policy vault. */
export function keyRightsOfAccessPolicy(policy: AccessPolicy): KeyRight[] {
  const permissions = policy.permissions.keys.map((permission) => permission.toLowerCase());
  const rights: KeyRight[] = [];
  if (permissions.some((permission) => POLICY_MANAGE.has(permission))) rights.push("manage");
  if (permissions.some((permission) => POLICY_USE.has(permission) || permission === "all")) rights.push("use");
  if (permissions.some((permission) => permission === "get" || permission === "list" || permission === "all")) rights.push("read");
  return rights;
}

export type ScopeRelation = "exact" | "inherited" | "key";

/** Tells how an assignment scope reaches a store: at it, above it, or below it at a single key; null when it does not. */
export function scopeRelation(scope: string, storeId: string): ScopeRelation | null {
  const assignment = scope.toLowerCase().replace(/\/+$/, "");
  const store = storeId.toLowerCase().replace(/\/+$/, "");
  if (assignment === store) return "exact";
  if (assignment === "" || store.startsWith(`${assignment}/`)) return "inherited";
  // NOTE: a management group's id does not show which subscriptions it contains. The
  // inventory lists only assignments that reach a collected store, so one at a
  // management group is taken to reach every store in the snapshot.
  if (assignment.startsWith("/providers/microsoft.management/managementgroups/")) return "inherited";
  if (assignment.startsWith(`${store}/`)) return "key";
  return null;
}

/** Tells whether `definition` allows the control-plane action `action`: its actions minus its notActions. */
export function allowsAction(definition: RoleDefinition, action: string): boolean {
  return definition.permissions.some(
    (permission) =>
      permission.actions.some((pattern) => wildcardPattern(pattern).test(action)) &&
      !permission.notActions.some((pattern) => wildcardPattern(pattern).test(action)),
  );
}

/**
 * Describes how a role lets its holder give principals key access to a store
 * of `permissionModel`, or returns null when it cannot. Owner and User Access
 * Administrator create role assignments. On an access-policy vault, writing
 * the vault or its access policies grants key permissions, and in a Managed
 * HSM, local role assignments do.
 */
export function grantingPower(definition: RoleDefinition, permissionModel: string): string | null {
  // Managed HSM key access comes only from local role assignments, which Azure RBAC roles cannot create.
  if (permissionModel === "local-rbac") {
    return allowsDataAction(definition, `${HSM}/roleAssignments/write/action`) ? `can create Managed HSM role assignments (\`${HSM}/roleAssignments/write/action\`)` : null;
  }
  if (allowsAction(definition, "Microsoft.Authorization/roleAssignments/write")) return "can create role assignments (`Microsoft.Authorization/roleAssignments/write`)";
  if (permissionModel === "access-policies") {
    if (allowsAction(definition, `${VAULT}/accessPolicies/write`)) return `can write access policies (\`${VAULT}/accessPolicies/write\`)`;
    if (allowsAction(definition, `${VAULT}/write`)) return `can write the vault and its access policies (\`${VAULT}/write\`)`;
  }
  if (allowsDataAction(definition, `${HSM}/roleAssignments/write/action`)) return `can create Managed HSM role assignments (\`${HSM}/roleAssignments/write/action\`)`;
  return null;
}

/** Returns the key operations (keyOps names) an access policy allows, in a fixed order. */
export function keyOperationsOfAccessPolicy(policy: AccessPolicy): string[] {
  const permissions = new Set(policy.permissions.keys.map((permission) => permission.toLowerCase()));
  return Object.keys(OPERATION_ACTIONS).filter((operation) => permissions.has("all") || permissions.has(operation.toLowerCase()));
}
