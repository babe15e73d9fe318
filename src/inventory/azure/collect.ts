// Collects a live inventory snapshot from Azure: the one entry point of the
// Azure collectors.
import { DefaultAzureCredential } from "@azure/identity";
import { CollectionFailedError } from "../../errors.js";
import { TOOL_NAME, TOOL_VERSION } from "../../version.js";
import { SNAPSHOT_SCHEMA_VERSION, type CollectionError, type DeployedKeyStore, type Inventory, type Principal, type RoleAssignment, type RoleDefinition } from "../model.js";
import { collectManagedHsm } from "./collect-managed-hsm.js";
import { collectPrincipals } from "./collect-principals.js";
import { collectRoles } from "./collect-roles.js";
import { collectVault } from "./collect-vault.js";
import { createContext } from "./context.js";
import { discover } from "./discover.js";
import { login } from "./login.js";
import { mapCluster } from "./map-cluster.js";
import { parseResourceId } from "./map-common.js";
import { mapDeletedVault } from "./map-vault.js";
import { DEFAULT_TUNING, type CollectOptions } from "./options.js";
import { restClient } from "./rest.js";
import { resolveSubscriptions } from "./subscriptions.js";

export type { CollectOptions, CollectScope, ClientTuning, ProgressEvent } from "./options.js";

/**
 * Collects the stores, keys, role assignments, principals and clusters in `options.scope`.
 * Throws CollectionFailedError when the login fails or no subscription is visible; every
 * other failed call becomes a `collectionErrors` entry and its data stays null.
 */
export async function collectInventory(options: CollectOptions): Promise<Inventory> {
  const now = options.now ?? (() => new Date());
  const started = Date.now();
  const progress = options.progress ?? (() => undefined);
  const credential = options.credential ?? new DefaultAzureCredential();
  const context = createContext(credential, options.scope, { ...DEFAULT_TUNING, ...options.tuning }, progress, options.allowLoopbackChallenge === true);
  const collectedAt = now().toISOString();
  const { identity } = await login(credential, context.cloud, options.scope.tenantId);
  const who = identity.name ?? identity.objectId ?? "an unknown identity";
  progress({ phase: "start", message: `Collecting from \`${context.armEndpoint}\` as \`${who}\` in tenant \`${options.scope.tenantId}\`.`, keys: 0, stores: 0 });
  const armRest = restClient(context, context.cloud.armAudience);
  const subscriptions = await resolveSubscriptions(context, armRest);
  if (subscriptions.length === 0) {
    throw new CollectionFailedError(`No subscription in scope is visible to identity \`${identity.objectId ?? "unknown"}\`, so nothing could be collected.`, {
      hint: "Grant the identity Reader on the subscriptions in inventory.azure, or pass the right ones with --subscription.",
    });
  }
  progress({ phase: "scope", message: `Found ${subscriptions.length} subscriptions in scope.`, keys: 0, stores: 0 });

  const found = await discover(context, armRest, subscriptions);
  // Role assignments depend only on the vault ids found, so they are read beside the stores.
  const vaultRefs = found.vaults.map((vault) => ({ id: vault.id ?? "", subscriptionId: parseResourceId(vault.id ?? "").subscriptionId }));
  const [vaults, hsms, roles] = await Promise.all([
    Promise.all(found.vaults.map((vault) => collectVault(context, armRest, vault))),
    Promise.all(found.managedHsms.map((hsm) => collectManagedHsm(context, armRest, hsm))),
    collectRoles(context, subscriptions, vaultRefs),
  ]);
  const deleted = found.deletedVaults.map((vault) => mapDeletedVault(vault, options.scope.tenantId, context.cloud.vaultDnsSuffix));
  const stores = sortById([...vaults, ...hsms.map((result) => result.store), ...deleted]);

  const roleAssignments = mergeNullable(roles.assignments, hsms.map((result) => result.roleAssignments));
  const roleDefinitions = mergeNullable(roles.definitions, hsms.map((result) => result.roleDefinitions));
  const principals = await collectPrincipals(context, principalIds(stores, roleAssignments));
  const typedAssignments = withPrincipalTypes(roleAssignments, principals);
  const clusterFailed = context.errors.some((error) => error.operation.startsWith("managedClusters."));
  const clusters = clusterFailed
    ? null
    : sortById(found.clusters.map((cluster) => mapCluster(cluster, found.rawSecurityProfiles.get((cluster.id ?? "").toLowerCase()) ?? null)));

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  progress({
    phase: "done",
    message: `Collected ${context.counts.keys} keys from ${stores.length} key stores in ${subscriptions.length} subscriptions in ${seconds} s (${context.errors.length} collection errors, ${context.counts.retries} retried responses).`,
    keys: context.counts.keys,
    stores: stores.length,
  });

  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    collection: {
      collectedAt,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      identity,
      tenantId: options.scope.tenantId,
      cloud: context.cloud.name,
      armEndpoint: context.armEndpoint,
      scopeRequested: {
        subscriptions: [...options.scope.subscriptions],
        managementGroup: options.scope.managementGroup,
        resourceGroups: [...options.scope.resourceGroups],
        keyStores: [...options.scope.keyStores],
      },
      scopeVisible: { subscriptions },
    },
    keyStores: stores,
    roleAssignments: typedAssignments,
    roleDefinitions,
    principals,
    clusters,
    collectionErrors: sortErrors(context.errors),
  };
}

/** Joins lists that are each null when not collected; the result is null when any part is. */
function mergeNullable<T extends RoleAssignment | RoleDefinition>(first: T[] | null, rest: (T[] | null)[]): T[] | null {
  const parts = [first, ...rest];
  if (parts.some((part) => part === null)) return null;
  return sortById(parts.flatMap((part) => part ?? []));
}

/** Managed HSM local assignments carry no principal type; Microsoft Graph supplies it where it resolved the principal. */
function withPrincipalTypes(assignments: RoleAssignment[] | null, principals: Principal[]): RoleAssignment[] | null {
  if (assignments === null) return null;
  const types = new Map(principals.map((principal) => [principal.id, principal.type]));
  return assignments.map((assignment) => {
    const type = types.get(assignment.principalId.toLowerCase());
    return assignment.principalType === "Unknown" && type !== undefined && type !== null ? { ...assignment, principalType: type } : assignment;
  });
}

function principalIds(stores: DeployedKeyStore[], assignments: RoleAssignment[] | null): string[] {
  const fromPolicies = stores.flatMap((store) => (store.accessPolicies ?? []).map((policy) => policy.objectId));
  return [...fromPolicies, ...(assignments ?? []).map((assignment) => assignment.principalId)];
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}

function sortErrors(errors: CollectionError[]): CollectionError[] {
  const key = (error: CollectionError) => `${error.scope.toLowerCase()}\u0000${error.operation}\u0000${error.code ?? ""}\u0000${error.message}`;
  return [...errors].sort((a, b) => key(a).localeCompare(key(b)));
}
