// Vault, Managed HSM, cluster, role and error mappings on real recorded
// responses, passed through the SDKs' own deserializers.
import { RestError } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { toCollectionError } from "../../../src/inventory/azure/collection-error.js";
import { Limiter } from "../../../src/inventory/azure/limiter.js";
import { mapCluster } from "../../../src/inventory/azure/map-cluster.js";
import { mapManagedHsm } from "../../../src/inventory/azure/map-managed-hsm.js";
import { mapRoleAssignment, mapRoleDefinition, scopeReachesStore } from "../../../src/inventory/azure/map-role.js";
import { mapDeletedVault, mapVault } from "../../../src/inventory/azure/map-vault.js";
import { recording } from "../../support/recordings.js";
import { sdk } from "./sdk-shapes.js";

describe("mapVault", () => {
  it("missing flags mean access policies", () => {
    const store = mapVault(sdk.vault(recording("arm-vaults/vault-get-access-policies-no-rbac-field.json")), true);

    expect(store).toMatchObject({
      name: "cli-test-kv-key-000002",
      subscriptionId: "00000000-0000-0000-0000-000000000000",
      resourceGroup: "cli_test_keyvault_key000001",
      sku: "standard",
      permissionModel: "access-policies",
      purgeProtection: false,
      softDelete: { enabled: true, retentionDays: 7 },
      publicNetworkAccess: "Enabled",
      networkAcls: null,
      privateEndpoints: [],
      auditLogging: true,
      keys: null,
      secrets: null,
      certificates: null,
      state: "active",
    });
    expect(store.accessPolicies?.[0]?.permissions.keys).toEqual(["all"]);
  });

  it("RBAC and purge protection", () => {
    expect(mapVault(sdk.vault(recording("arm-vaults/vault-get-rbac-2024-11-01-created-by-app.json")), null).permissionModel).toBe("rbac");
    expect(mapVault(sdk.vault(recording("arm-vaults/vault-get-purge-protection-7day-retention.json")), null).purgeProtection).toBe(true);
    expect(mapVault(sdk.vault(recording("arm-vaults/vault-get-rbac-premium-2018-api-dogfood.json")), null).sku).toBe("premium");
  });

  it("network rules with Allow", () => {
    const store = mapVault(sdk.vault(recording("arm-vaults/vault-get-registeringdns-4-iprules-3-subnets.json")), null);

    expect(store.networkAcls?.defaultAction).toBe("Allow");
    expect(store.networkAcls?.bypass).toBe("AzureServices");
    expect(store.networkAcls?.ipRules).toEqual(["1.2.3.4/32", "2.3.4.0/24", "3.4.5.0/24", "4.5.0.0/16"]);
    expect(store.networkAcls?.virtualNetworkRules.length).toBe(3);
  });

  it("soft-deleted vault keeps what Azure returns", () => {
    const deleted = sdk.deletedVault({
      id: "/subscriptions/s/providers/Microsoft.KeyVault/locations/westeurope/deletedVaults/kv-old",
      name: "kv-old",
      type: "Microsoft.KeyVault/deletedVaults",
      properties: { vaultId: "/subscriptions/s/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old", location: "westeurope", deletionDate: "2026-03-01T10:00:00Z", scheduledPurgeDate: "2026-05-30T10:00:00Z", tags: { env: "prod" }, purgeProtectionEnabled: true },
    });

    expect(mapDeletedVault(deleted, "t", "vault.azure.net")).toMatchObject({
      id: "/subscriptions/s/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-old",
      uri: "https://kv-old.vault.azure.net/",
      state: "soft-deleted",
      sku: null,
      permissionModel: null,
      publicNetworkAccess: null,
      purgeProtection: true,
      keys: null,
      tags: { env: "prod" },
    });
  });
});

describe("mapManagedHsm", () => {
  it("maps the recorded pool", () => {
    const store = mapManagedHsm(sdk.managedHsm(recording("managed-hsm/managedhsm-get-2020-04-01-preview.json")), "t", null);

    expect(store).toMatchObject({ name: "clitest-1102", type: "managed-hsm", sku: "Standard_B1", permissionModel: "local-rbac", purgeProtection: false, uri: "https://clitest-1102.managedhsm.azure.net/", secrets: [], certificates: [] });
  });
});

describe("mapCluster", () => {
  const recorded = () => recording<Record<string, unknown> & { properties: Record<string, unknown> }>("aks/managedcluster-get-secrets-provider-rotation.json");

  it("recorded cluster without KMS", () => {
    const cluster = mapCluster(sdk.cluster(recorded()), {});

    expect(cluster.kms).toEqual({ state: "none", keyId: null, keyVaultNetworkAccess: null, keyVaultResourceId: null });
    expect(cluster.secretsStoreCsi).toEqual({ enabled: true, rotationEnabled: true, rotationPollInterval: "30m" });
    expect(cluster.resourceGroup).toBe("clitest000001");
  });

  it("string false turns rotation off", () => {
    const body = recorded();
    body.properties["addonProfiles"] = { azureKeyvaultSecretsProvider: { enabled: true, config: { enableSecretRotation: "false" } } };
    expect(mapCluster(sdk.cluster(body), null).secretsStoreCsi).toEqual({ enabled: true, rotationEnabled: false, rotationPollInterval: null });

    body.properties["addonProfiles"] = { azureKeyvaultSecretsProvider: { enabled: true } };
    expect(mapCluster(sdk.cluster(body), null).secretsStoreCsi.rotationEnabled).toBe(false);
  });

  it("customer key and platform encryption", () => {
    const body = recorded();
    const kms = { enabled: true, keyId: "https://kv.vault.azure.net/keys/etcd/0123", keyVaultNetworkAccess: "Private", keyVaultResourceId: "/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv" };
    body.properties["securityProfile"] = { azureKeyVaultKms: kms };
    expect(mapCluster(sdk.cluster(body), null).kms).toEqual({ state: "customer-managed", keyId: kms.keyId, keyVaultNetworkAccess: "Private", keyVaultResourceId: kms.keyVaultResourceId });

    const platform = { kubernetesResourceObjectEncryptionProfile: { infrastructureEncryption: "Enabled" } };
    body.properties["securityProfile"] = platform;
    expect(mapCluster(sdk.cluster(body), platform).kms.state).toBe("platform-managed");
  });
});

describe("role mappings", () => {
  it("maps the recorded assignment and definition", () => {
    expect(mapRoleAssignment(sdk.roleAssignment(recording("rbac/role-assignment-create-at-vault-scope.json")))).toEqual({
      id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest000001/providers/Microsoft.KeyVault/vaults/cliakstestkv000002/providers/Microsoft.Authorization/roleAssignments/c69a63eb-c3e4-4df3-b5f9-b306e2bef2e2",
      scope: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/clitest000001/providers/Microsoft.KeyVault/vaults/cliakstestkv000002",
      principalId: "00000000-0000-0000-0000-000000000001",
      principalType: "ServicePrincipal",
      roleDefinitionId: "/subscriptions/00000000-0000-0000-0000-000000000000/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6",
      condition: null,
    });
    const list = recording<{ value: unknown[] }>("rbac/role-definitions-list-at-vault-scope-key-vault-secrets-user.json");
    expect(mapRoleDefinition(sdk.roleDefinition(list.value[0]))).toMatchObject({
      roleName: "Key Vault Secrets User",
      type: "BuiltInRole",
      permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/secrets/getSecret/action", "Microsoft.KeyVault/vaults/secrets/readMetadata/action"], notDataActions: [] }],
    });
  });

  it("scopes that reach a store", () => {
    const store = "/subscriptions/S/resourceGroups/G/providers/Microsoft.KeyVault/vaults/kv";
    const cases: [string, boolean][] = [
      ["/subscriptions/s", true],
      ["/subscriptions/s/resourcegroups/g", true],
      [store, true],
      [`${store}/keys/pan-kek`, true],
      ["/providers/Microsoft.Management/managementGroups/mg-cde", true],
      ["/", true],
      ["/subscriptions/s/resourceGroups/g2", false],
      ["/subscriptions/s/resourceGroups/g/providers/Microsoft.KeyVault/vaults/kv2", false],
      ["/subscriptions/other", false],
    ];
    for (const [scope, expected] of cases) expect(scopeReachesStore(scope, store, "s"), scope).toBe(expected);
  });
});

describe("toCollectionError", () => {
  it("prefers the inner Key Vault code", () => {
    const error = new RestError("Forbidden", { statusCode: 403, code: "Forbidden" });
    error.details = recording("dataplane-keys/error-403-forbidden-by-firewall-RECONSTRUCTED.json");

    expect(toCollectionError("/vault", "dataPlane.keys.listDeleted", error)).toEqual({
      scope: "/vault",
      operation: "dataPlane.keys.listDeleted",
      status: 403,
      code: "ForbiddenByFirewall",
      message: "Client address is not authorized and caller is not a trusted service.",
    });
  });

  it("keeps a throttling code", () => {
    const error = new RestError("Too many", { statusCode: 429 });
    error.details = recording("dataplane-keys/error-429-throttled-user-captured.json");

    expect(toCollectionError("/vault", "dataPlane.keys.get", error)).toMatchObject({ status: 429, code: "Throttled" });
  });
});

describe("Limiter", () => {
  it("alternates lanes when both wait", async () => {
    const limiter = new Limiter(1);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = limiter.run(() => gate, "a");
    const tasks = ["a1", "a2", "a3", "b1", "b2"].map((name) => limiter.run(async () => void order.push(name), name[0]!));
    release();
    await Promise.all([first, ...tasks]);

    expect(order).toEqual(["a1", "b1", "a2", "b2", "a3"]);
  });
});
