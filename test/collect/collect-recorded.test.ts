// Collection from an estate built of real recorded Azure responses: vaults,
// a Managed HSM pool, an AKS cluster, a soft-deleted vault.
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Estate, WireResource } from "../emulator/estate.js";
import { generateEstate, generateKey } from "../emulator/generate-estate.js";
import { recording } from "../support/recordings.js";
import { collectFrom, startEmulator } from "./support.js";

const RECORDED_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

function recordedEstate(): Estate {
  const estate = generateEstate({ vaults: 1, keysPerVault: 2, certificatesPerVault: 1 });
  estate.subscriptions.push({ id: RECORDED_SUBSCRIPTION, displayName: "recorded" });
  for (const file of ["vault-get-access-policies-no-rbac-field.json", "vault-get-purge-protection-7day-retention.json", "vault-get-registeringdns-4-iprules-3-subnets.json"]) {
    estate.vaults.push({ arm: recording<WireResource>(`arm-vaults/${file}`), keys: [generateKey(0)], secrets: [], certificates: [] });
  }
  estate.vaults.push({
    arm: recording<WireResource>("arm-vaults/vault-get-rbac-2024-11-01-created-by-app.json"),
    dataPlane: "private-link",
    keys: [generateKey(1)],
    secrets: [],
    certificates: [],
  });
  estate.managedHsms.push({
    arm: recording<WireResource>("managed-hsm/managedhsm-get-2020-04-01-preview.json"),
    keys: [{ ...generateKey(0), kty: "RSA-HSM", keySize: 2048 }],
    localRoleAssignments: [
      {
        id: "/providers/Microsoft.Authorization/roleAssignments/4f1b0c2e-0000-4000-8000-000000000001",
        name: "4f1b0c2e-0000-4000-8000-000000000001",
        type: "Microsoft.Authorization/roleAssignments",
        properties: { scope: "/keys", roleDefinitionId: "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/21dbd100-6940-42c2-9190-5d6cb909625b", principalId: "00000000-0000-0000-0000-000000000014" },
      },
    ],
    localRoleDefinitions: [
      {
        id: "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/21dbd100-6940-42c2-9190-5d6cb909625b",
        name: "21dbd100-6940-42c2-9190-5d6cb909625b",
        type: "Microsoft.Authorization/roleDefinitions",
        properties: { roleName: "Managed HSM Crypto User", type: "AKVBuiltInRole", permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/managedHsm/keys/read/action"], notDataActions: [] }], assignableScopes: ["/"] },
      },
    ],
  });
  estate.deletedVaults.push({
    id: `/subscriptions/${RECORDED_SUBSCRIPTION}/providers/Microsoft.KeyVault/locations/eastus2/deletedVaults/kv-retired`,
    name: "kv-retired",
    type: "Microsoft.KeyVault/deletedVaults",
    properties: {
      vaultId: `/subscriptions/${RECORDED_SUBSCRIPTION}/resourceGroups/rg-old/providers/Microsoft.KeyVault/vaults/kv-retired`,
      location: "eastus2",
      deletionDate: "2026-03-01T10:00:00Z",
      scheduledPurgeDate: "2026-05-30T10:00:00Z",
      tags: { env: "prod" },
      purgeProtectionEnabled: true,
    },
  });
  estate.clusters.push(recording<WireResource>("aks/managedcluster-get-secrets-provider-rotation.json"));
  return estate;
}

describe("collectInventory from recorded responses", () => {
  it("maps recorded vault shapes", async () => {
    const emulator = await startEmulator(recordedEstate());
    const { inventory } = await collectFrom(emulator);
    const byName = new Map(inventory.keyStores.map((store) => [store.name, store]));

    const accessPolicies = byName.get("cli-test-kv-key-000002")!;
    expect(accessPolicies.permissionModel).toBe("access-policies");
    expect(accessPolicies.purgeProtection).toBe(false);
    expect(accessPolicies.softDelete).toEqual({ enabled: true, retentionDays: 7 });
    expect(accessPolicies.networkAcls).toBeNull();
    expect(accessPolicies.accessPolicies).toEqual([
      { tenantId: "00000000-0000-0000-0000-000000000010", objectId: "00000000-0000-0000-0000-000000000011", applicationId: null, permissions: { keys: ["all"], secrets: ["all"], certificates: ["all"], storage: ["all"] } },
    ]);
    const network = [...byName.values()].find((store) => store.networkAcls !== null && store.networkAcls.ipRules.length === 4)!;
    expect(network.networkAcls?.defaultAction).toBe("Allow");
    expect(network.networkAcls?.virtualNetworkRules.length).toBe(3);

    const privateVault = byName.get("cliakstestkv000002")!;
    expect(privateVault.permissionModel).toBe("rbac");
    expect(privateVault.keys?.[0]?.kty).toBe("EC-HSM");
    expect(privateVault.certificates).toBeNull();
    expect(inventory.collectionErrors.map((error) => [error.scope, error.operation, error.status, error.code])).toEqual([
      [privateVault.id, "dataPlane.keys.listDeleted", 403, "ForbiddenByConnection"],
    ]);
  });

  it("maps pool cluster and deleted vault", async () => {
    const emulator = await startEmulator(recordedEstate());
    const { inventory } = await collectFrom(emulator);

    const hsm = inventory.keyStores.find((store) => store.type === "managed-hsm")!;
    expect(hsm.name).toBe("clitest-1102");
    expect(hsm.sku).toBe("Standard_B1");
    expect(hsm.permissionModel).toBe("local-rbac");
    expect(hsm.purgeProtection).toBe(false);
    expect(hsm.keys?.map((key) => [key.kty, key.keySize])).toEqual([["RSA-HSM", 2048]]);
    expect(inventory.roleAssignments?.filter((assignment) => assignment.scope.startsWith(hsm.id))).toEqual([
      {
        id: "/providers/Microsoft.Authorization/roleAssignments/4f1b0c2e-0000-4000-8000-000000000001",
        scope: `${hsm.id}/keys`,
        principalId: "00000000-0000-0000-0000-000000000014",
        principalType: "Unknown",
        roleDefinitionId: "Microsoft.KeyVault/providers/Microsoft.Authorization/roleDefinitions/21dbd100-6940-42c2-9190-5d6cb909625b",
        condition: null,
      },
    ]);
    expect(inventory.roleDefinitions?.map((definition) => definition.roleName)).toContain("Managed HSM Crypto User");

    const deleted = inventory.keyStores.find((store) => store.state === "soft-deleted")!;
    expect(deleted).toMatchObject({ name: "kv-retired", resourceGroup: "rg-old", purgeProtection: true, permissionModel: null, sku: null, keys: null, tags: { env: "prod" } });

    expect(inventory.clusters?.map((cluster) => [cluster.name, cluster.kms.state, cluster.secretsStoreCsi, cluster.workloadIdentity, cluster.kubernetesVersion])).toEqual([
      ["cliakstest000002", "none", { enabled: true, rotationEnabled: true, rotationPollInterval: "30m" }, false, "1.25.6"],
    ]);
  });

  it("snapshot validates against its schema", async () => {
    const estate = recordedEstate();
    estate.vaults[0]!.dataPlane = "firewall";
    const { inventory } = await collectFrom(await startEmulator(estate));
    const schema = JSON.parse(readFileSync(new URL("../../schemas/inventory.schema.json", import.meta.url), "utf8")) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    (addFormats as unknown as (ajv: Ajv) => void)(ajv);
    const validate = ajv.compile(schema);

    validate(inventory);
    expect(validate.errors ?? []).toEqual([]);
    expect(inventory.keyStores.length).toBe(7);
  });
});
