// What a role lets a principal do to keys, judged from the role definition's
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

function wildcardPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/** Whether `definition` allows the data action `action`. */
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
