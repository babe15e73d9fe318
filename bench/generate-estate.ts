// Generates a synthetic estate of a given size: architecture.yaml and a
// matching inventory snapshot with stores of 100 keys each, one custodian
// role assignment per store and one workload role assignment per key. Every
// key is declared and deployed, so the build evaluates every rule on it.
import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import type { DeployedKey, DeployedKeyStore, Inventory, RoleAssignment } from "../src/inventory/model.js";

const KEYS_PER_STORE = 100;
const TENANT = "7c1f2a9e-4b3d-4e8a-9f61-2d5c8b0a7e13";
const SUBSCRIPTION = "3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f";
const CUSTODIAN = "5e2a8c71-3f4b-4d9e-a1c6-7b8d9e0f1a2b";
const CRYPTO_OFFICER = "14b46e9e-c2b7-41b4-b07b-48a6ebf60603";
const ENCRYPTION_USER = "e147488a-f6f5-4113-8e2d-b22465e65bf6";

/** A deterministic GUID derived from `seed`. */
function guid(seed: string): string {
  const hex = createHash("sha256").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function storeId(index: number): string {
  return `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg-keys-${Math.floor(index / 10)}/providers/Microsoft.KeyVault/vaults/kv-bench-${index}`;
}

function deployedKey(store: string, name: string): DeployedKey {
  return {
    id: `${store}/keys/${name}`, name, kid: `https://${store.split("/").pop()}.vault.azure.net/keys/${name}`,
    kty: "RSA-HSM", keySize: 3072, curve: null, keyOps: ["wrapKey", "unwrapKey"], enabled: true,
    created: "2026-06-01T00:00:00Z", updated: "2026-06-01T00:00:00Z", notBefore: null, expires: "2027-06-01T00:00:00Z",
    exportable: false, hasReleasePolicy: false, managed: false, hsmPlatform: "2", currentVersion: "v2",
    versions: [
      { version: "v1", enabled: false, created: "2025-12-01T00:00:00Z", notBefore: null, expires: "2026-12-01T00:00:00Z" },
      { version: "v2", enabled: true, created: "2026-06-01T00:00:00Z", notBefore: null, expires: "2027-06-01T00:00:00Z" },
    ],
    rotationPolicy: { expiryTime: "P1Y", lifetimeActions: [{ action: "rotate", timeAfterCreate: "P6M", timeBeforeExpiry: null }] },
    publicKeyThumbprint: createHash("sha256").update(`${store}/${name}`).digest("base64url"), tags: {},
  };
}

/** Writes architecture.yaml and inventory/snapshot.json for `keyCount` keys into `folder`. */
export function generateEstate(folder: string, keyCount: number): void {
  const storeCount = Math.max(1, Math.ceil(keyCount / KEYS_PER_STORE));
  const stores: DeployedKeyStore[] = [];
  const assignments: RoleAssignment[] = [];
  const declaredKeys: object[] = [];
  const workloads: object[] = [];

  for (let index = 0; index < storeCount; index++) {
    const id = storeId(index);
    const keys: DeployedKey[] = [];
    const workload = guid(`workload-${index}`);
    const uses: object[] = [];
    for (let position = 0; position < Math.min(KEYS_PER_STORE, keyCount - index * KEYS_PER_STORE); position++) {
      const name = `key-${index}-${position}`;
      keys.push(deployedKey(id, name));
      declaredKeys.push({ name, store: `kv-bench-${index}`, type: "RSA-HSM", size: 3072, usage: "key-encryption", keyOps: ["wrapKey", "unwrapKey"], purpose: "Wraps data-encryption keys.", cryptoperiod: "P1Y", rotation: { automatic: true, every: "P6M" }, custodians: ["custodian"] });
      uses.push({ key: name, operations: ["wrapKey", "unwrapKey"] });
      assignments.push({ id: `${id}/keys/${name}/providers/Microsoft.Authorization/roleAssignments/${guid(`${id}/${name}`)}`, scope: `${id}/keys/${name}`, principalId: workload, principalType: "ServicePrincipal", roleDefinitionId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${ENCRYPTION_USER}`, condition: null });
    }
    if (uses.length > 0) workloads.push({ name: `workload-${index}`, principalId: workload, environment: "prod", uses });
    assignments.push({ id: `${id}/providers/Microsoft.Authorization/roleAssignments/${guid(id)}`, scope: id, principalId: CUSTODIAN, principalType: "User", roleDefinitionId: `/subscriptions/${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_OFFICER}`, condition: null });
    stores.push({
      id, name: `kv-bench-${index}`, type: "key-vault", subscriptionId: SUBSCRIPTION, resourceGroup: `rg-keys-${Math.floor(index / 10)}`, location: "westeurope", sku: "premium",
      tenantId: TENANT, uri: `https://kv-bench-${index}.vault.azure.net/`, state: "active", softDelete: { enabled: true, retentionDays: 90 }, purgeProtection: true,
      permissionModel: "rbac", publicNetworkAccess: "Disabled", networkAcls: { defaultAction: "Deny", bypass: "AzureServices", ipRules: [], virtualNetworkRules: [] },
      privateEndpoints: [], auditLogging: true, accessPolicies: [], keys, secrets: [], certificates: [], tags: {},
    });
  }

  const architecture = {
    document: { title: `Benchmark estate of ${keyCount} keys`, owner: "Benchmark", serviceProvider: true, lastReview: "2026-09-15" },
    inventory: { source: "snapshot", snapshot: "inventory/snapshot.json" },
    environments: [{ name: "prod", production: true, subscriptions: [SUBSCRIPTION] }],
    keyStores: stores.map((store) => ({ name: store.name, type: "key-vault", sku: "premium", resourceId: store.id, environment: "prod" })),
    custodians: [{ name: "custodian", principalId: CUSTODIAN, principalType: "User", role: "Key custodian", stores: stores.map((store) => store.name), acknowledged: "2026-03-02" }],
    keys: declaredKeys,
    workloads,
  };
  const inventory: Inventory = {
    schemaVersion: 1,
    collection: {
      collectedAt: "2026-11-30T06:00:00Z", tool: { name: "cryptodoc", version: "bench" }, identity: { objectId: null, type: null }, tenantId: TENANT,
      cloud: "AzurePublicCloud", armEndpoint: "https://management.azure.com/",
      scopeRequested: { subscriptions: [SUBSCRIPTION], managementGroup: null, resourceGroups: [], keyStores: [] }, scopeVisible: { subscriptions: [SUBSCRIPTION] },
    },
    keyStores: stores,
    roleAssignments: assignments,
    roleDefinitions: [
      { id: `/providers/Microsoft.Authorization/roleDefinitions/${CRYPTO_OFFICER}`, roleName: "Key Vault Crypto Officer", type: "BuiltInRole", permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/keys/*"], notDataActions: [] }] },
      { id: `/providers/Microsoft.Authorization/roleDefinitions/${ENCRYPTION_USER}`, roleName: "Key Vault Crypto Service Encryption User", type: "BuiltInRole", permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/wrap/action", "Microsoft.KeyVault/vaults/keys/unwrap/action"], notDataActions: [] }] },
    ],
    principals: [
      { id: CUSTODIAN, displayName: "Key custodian", type: "User", state: "resolved" },
      ...workloads.map((workload) => ({ id: (workload as { principalId: string }).principalId, displayName: (workload as { name: string }).name, type: "ServicePrincipal", state: "resolved" as const })),
    ],
    clusters: [],
    collectionErrors: [],
  };

  mkdirSync(join(folder, "inventory"), { recursive: true });
  writeFileSync(join(folder, "architecture.yaml"), stringify(architecture));
  writeFileSync(join(folder, "inventory", "snapshot.json"), JSON.stringify(inventory));
}
