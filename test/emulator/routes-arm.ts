// ARM paths of the emulator: subscriptions, Key Vault, Managed HSM, AKS,
// Authorization and diagnostic settings.
import type { Estate, EstateKey, EstateManagedHsm, EstateVault, WireResource } from "./estate.js";
import { pageOf, type PagingSettings } from "./paging.js";
import { azureError, notFound, ok, sameId, type EmulatorRequest, type Reply } from "./reply.js";
import { armKey, armKeyListItem } from "./wire-keys.js";

export interface ArmState {
  estate: Estate;
  paging: PagingSettings;
  /** Loopback data-plane URL of each store, keyed by lower-cased store name. */
  storeUrls: Map<string, string>;
}

/**
 * Rewrites the declared store URLs in a cluster body (its KMS key id) to the stores' loopback
 * URLs, so that the emulated world is consistent: a key id names a key the emulator serves.
 */
function withLoopbackUrls(state: ArmState, body: WireResource): WireResource {
  let text = JSON.stringify(body);
  for (const vault of state.estate.vaults) {
    const declared = String((vault.arm["properties"] as { vaultUri?: string }).vaultUri ?? "").replace(/\/+$/, "");
    const loopback = state.storeUrls.get(vault.arm.name.toLowerCase())?.replace(/\/+$/, "");
    if (declared !== "" && loopback !== undefined) text = text.split(`${declared}/`).join(`${loopback}/`);
  }
  return JSON.parse(text) as WireResource;
}

type Store = { kind: "vault"; vault: EstateVault } | { kind: "hsm"; hsm: EstateManagedHsm };

const KEY_VAULT = "/providers/microsoft.keyvault/";

export function handleArm(state: ArmState, request: EmulatorRequest): Reply {
  const path = request.path.replace(/\/+$/, "");
  const lower = path.toLowerCase();
  const { estate } = state;
  const list = (items: unknown[]) => ok(pageOf(items, request.url, state.paging));

  if (lower === "/subscriptions") {
    return list(
      estate.subscriptions
        .filter((subscription) => subscription.visible !== false)
        .map((subscription) => ({ id: `/subscriptions/${subscription.id}`, subscriptionId: subscription.id, displayName: subscription.displayName, state: "Enabled", tenantId: estate.tenantId })),
    );
  }

  const subscriptionId = /^\/subscriptions\/([^/]+)/i.exec(path)?.[1];
  if (subscriptionId !== undefined) {
    const subscription = estate.subscriptions.find((candidate) => sameId(candidate.id, subscriptionId));
    if (subscription === undefined || subscription.visible === false) {
      return azureError(403, "AuthorizationFailed", `The client '${estate.identity.objectId}' does not have authorization to perform action over scope '/subscriptions/${subscriptionId}'.`);
    }
  }

  const roleAssignments = /^(.*)\/providers\/microsoft\.authorization\/roleassignments$/i.exec(path);
  if (roleAssignments !== null) return list(assignmentsReaching(estate, roleAssignments[1] ?? ""));
  const roleDefinition = /\/providers\/microsoft\.authorization\/roledefinitions\/([^/]+)$/i.exec(path);
  if (roleDefinition !== null) return getRoleDefinition(estate, path, roleDefinition[1] ?? "");
  const diagnostics = /^(.*)\/providers\/microsoft\.insights\/diagnosticsettings$/i.exec(path);
  if (diagnostics !== null) {
    const store = findStoreById(estate, diagnostics[1] ?? "");
    if (store === null) return notFound("resource", diagnostics[1] ?? "");
    return ok({ value: (store.kind === "vault" ? store.vault.diagnosticSettings : store.hsm.diagnosticSettings) ?? [] });
  }

  const inSubscription = (resource: { id: string }) => subscriptionId !== undefined && resource.id.toLowerCase().startsWith(`/subscriptions/${subscriptionId.toLowerCase()}/`);
  if (/^\/subscriptions\/[^/]+\/providers\/microsoft\.keyvault\/vaults$/i.test(path)) {
    return list(estate.vaults.filter((vault) => inSubscription(vault.arm)).map((vault) => servedVault(state, vault)));
  }
  if (/^\/subscriptions\/[^/]+\/providers\/microsoft\.keyvault\/deletedvaults$/i.test(path)) {
    return list(estate.deletedVaults.filter((vault) => inSubscription(vault)));
  }
  if (/^\/subscriptions\/[^/]+\/providers\/microsoft\.keyvault\/managedhsms$/i.test(path)) {
    return list(estate.managedHsms.filter((hsm) => inSubscription(hsm.arm)).map((hsm) => servedHsm(state, hsm)));
  }
  if (/^\/subscriptions\/[^/]+\/providers\/microsoft\.containerservice\/managedclusters$/i.test(path)) {
    return list(estate.clusters.filter(inSubscription).map((cluster) => withLoopbackUrls(state, cluster)));
  }
  if (/\/providers\/microsoft\.containerservice\/managedclusters\/[^/]+$/i.test(path)) {
    const cluster = estate.clusters.find((candidate) => sameId(candidate.id, path));
    return cluster === undefined ? notFound("managed cluster", path) : ok(withLoopbackUrls(state, cluster));
  }
  if (lower.includes(KEY_VAULT)) return handleStore(state, request, path);
  return notFound("resource", path);
}

function handleStore(state: ArmState, request: EmulatorRequest, path: string): Reply {
  const match = /^(\/subscriptions\/[^/]+\/resourcegroups\/[^/]+\/providers\/microsoft\.keyvault\/(?:vaults|managedhsms)\/[^/]+)(\/.*)?$/i.exec(path);
  if (match === null) return notFound("resource", path);
  const store = findStoreById(state.estate, match[1] ?? "");
  if (store === null) return notFound("key store", path);
  const rest = match[2] ?? "";
  const arm = store.kind === "vault" ? store.vault.arm : store.hsm.arm;
  const storeUrl = state.storeUrls.get(arm.name.toLowerCase()) ?? "";
  const keyType = store.kind === "vault" ? "Microsoft.KeyVault/vaults/keys" : "Microsoft.KeyVault/managedHSMs/keys";
  const location = String(arm["location"] ?? "");
  const keys = store.kind === "vault" ? store.vault.keys : store.hsm.keys;
  const list = (items: unknown[]) => ok(pageOf(items, request.url, state.paging));

  if (rest === "") return ok(store.kind === "vault" ? servedVault(state, store.vault) : servedHsm(state, store.hsm));
  if (/^\/keys$/i.test(rest)) return list(keys.map((key) => armKeyListItem(arm.id, storeUrl, location, key, keyType)));
  const keyPath = /^\/keys\/([^/]+)(?:\/versions(?:\/([^/]+))?)?$/i.exec(rest);
  if (keyPath !== null) {
    const key = findByName(keys, keyPath[1] ?? "");
    if (key === undefined) return notFound("key", path);
    if (!/\/versions/i.test(rest)) return ok(armKey(arm.id, storeUrl, location, key, keyType));
    if (keyPath[2] === undefined) return list(key.versions.map((version) => armKey(arm.id, storeUrl, location, key, keyType, version, true)));
    const version = key.versions.find((candidate) => candidate.version === keyPath[2]);
    return version === undefined ? notFound("key version", path) : ok(armKey(arm.id, storeUrl, location, key, keyType, version, true));
  }
  if (store.kind === "vault" && /^\/secrets(\/[^/]+)?$/i.test(rest)) {
    const secrets = store.vault.secrets.map((secret) => ({
      id: `${arm.id}/secrets/${secret.name}`,
      name: secret.name,
      type: "Microsoft.KeyVault/vaults/secrets",
      location,
      properties: {
        attributes: { enabled: secret.enabled, created: secret.created, updated: secret.updated, ...(secret.expires === undefined ? {} : { exp: secret.expires }) },
        ...(secret.contentType === undefined ? {} : { contentType: secret.contentType }),
        secretUri: `${storeUrl}secrets/${secret.name}`,
      },
    }));
    const name = rest.split("/")[2];
    if (name === undefined) return list(secrets);
    const secret = secrets.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    return secret === undefined ? notFound("secret", path) : ok(secret);
  }
  return notFound("resource", path);
}

function servedVault(state: ArmState, vault: EstateVault): WireResource {
  const properties = vault.arm["properties"] as Record<string, unknown>;
  return { ...vault.arm, properties: { ...properties, vaultUri: state.storeUrls.get(vault.arm.name.toLowerCase()) } };
}

function servedHsm(state: ArmState, hsm: EstateManagedHsm): WireResource {
  const properties = hsm.arm["properties"] as Record<string, unknown>;
  return { ...hsm.arm, properties: { ...properties, hsmUri: state.storeUrls.get(hsm.arm.name.toLowerCase()) } };
}

export function findStoreById(estate: Estate, id: string): Store | null {
  const vault = estate.vaults.find((candidate) => sameId(candidate.arm.id, id));
  if (vault !== undefined) return { kind: "vault", vault };
  const hsm = estate.managedHsms.find((candidate) => sameId(candidate.arm.id, id));
  return hsm === undefined ? null : { kind: "hsm", hsm };
}

function findByName(keys: EstateKey[], name: string): EstateKey | undefined {
  return keys.find((key) => key.name.toLowerCase() === decodeURIComponent(name).toLowerCase());
}

/** Assignments at the scope, above it (ancestors, the root and management groups) and below it. */
function assignmentsReaching(estate: Estate, scope: string) {
  const target = scope.toLowerCase().replace(/\/+$/, "");
  return estate.roleAssignments
    .filter((assignment) => {
      const at = assignment.scope.toLowerCase().replace(/\/+$/, "");
      return at === "" || at.startsWith("/providers/microsoft.management/") || target === at || target.startsWith(`${at}/`) || at.startsWith(`${target}/`);
    })
    .map((assignment) => ({
      id: assignment.id,
      name: assignment.id.split("/").pop(),
      type: "Microsoft.Authorization/roleAssignments",
      properties: {
        roleDefinitionId: assignment.roleDefinitionId,
        principalId: assignment.principalId,
        principalType: assignment.principalType,
        scope: assignment.scope,
        condition: assignment.condition ?? null,
        conditionVersion: assignment.condition ? "2.0" : null,
        createdOn: "2025-04-17T22:54:30.3125318Z",
        updatedOn: "2025-04-17T22:54:30.4525443Z",
        createdBy: null,
        updatedBy: null,
        delegatedManagedIdentityResourceId: null,
        description: null,
      },
    }));
}

/** Built-in role ids come back subscription-qualified, so the definition is found by its trailing GUID. */
function getRoleDefinition(estate: Estate, path: string, guid: string): Reply {
  const definition = estate.roleDefinitions.find((candidate) => candidate.id.toLowerCase().endsWith(`/${guid.toLowerCase()}`));
  if (definition === undefined) return azureError(404, "RoleDefinitionDoesNotExist", `The specified role definition with ID '${guid}' does not exist.`);
  return ok({
    properties: { roleName: definition.roleName, type: definition.type, description: "", assignableScopes: ["/"], permissions: definition.permissions },
    id: definition.id,
    type: "Microsoft.Authorization/roleDefinitions",
    name: guid,
  });
}
