import { describe, expect, it } from "vitest";
import { generateEstate, COLLECTOR_OBJECT_ID, TENANT_ID } from "../emulator/generate-estate.js";
import { collectFrom, startEmulator } from "./support.js";

describe("collectInventory on a clean estate", () => {
  it("collects vaults keys and clusters", async () => {
    const estate = generateEstate({ vaults: 2, keysPerVault: 3, certificatesPerVault: 1, clusters: 2, pageSize: 2 });
    const emulator = await startEmulator(estate);
    const { inventory, progress } = await collectFrom(emulator);

    expect(inventory.collectionErrors).toEqual([]);
    expect(inventory.collection.identity).toEqual({ objectId: COLLECTOR_OBJECT_ID, type: "ServicePrincipal", name: "cryptodoc-ci" });
    expect(inventory.collection.tenantId).toBe(TENANT_ID);
    expect(inventory.keyStores.map((store) => store.name)).toEqual(["kv-cde-01", "kv-cde-02"]);
    const store = inventory.keyStores[0]!;
    expect(store.permissionModel).toBe("rbac");
    expect(store.auditLogging).toBe(true);
    expect(inventory.keyStores[1]!.auditLogging).toBe(false);
    expect(store.keys?.map((key) => key.name)).toEqual(["key-001", "key-002", "key-003"]);
    const rsa = store.keys![0]!;
    expect(rsa.kty).toBe("RSA-HSM");
    expect(rsa.keySize).toBe(3072);
    expect(rsa.hsmPlatform).toBe("2");
    expect(rsa.versions?.length).toBe(2);
    expect(rsa.rotationPolicy?.lifetimeActions.map((action) => action.action)).toEqual(["rotate", "notify"]);
    expect(store.keys![2]!.rotationPolicy).toEqual({ expiryTime: null, lifetimeActions: [] });
    expect(store.certificates?.length).toBe(1);
    expect(store.certificates![0]!.subject).toBe("CN=tls-1.payments.example");
    expect(store.deletedKeys?.map((key) => key.name)).toEqual(["retired-kek"]);
    expect(inventory.clusters?.map((cluster) => cluster.kms.state)).toEqual(["customer-managed", "platform-managed"]);
    expect(inventory.roleAssignments?.length).toBe(3);
    expect(progress.at(-1)?.phase).toBe("done");
    expect(emulator.authFailures).toEqual([]);
  });
});

describe("collectInventory concurrency", () => {
  it("stays within its limits", async () => {
    const estate = generateEstate({ vaults: 3, keysPerVault: 12, latencyMs: 15 });
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator, { tuning: { maxConcurrency: 5, maxConcurrencyPerSubscription: 3, maxConcurrencyPerStore: 2 } });

    expect(inventory.collectionErrors).toEqual([]);
    expect(emulator.concurrency.max).toBe(5);
    for (const vault of ["kv-cde-01", "kv-cde-02", "kv-cde-03"]) {
      expect(emulator.concurrency.maxByTarget.get(vault), vault).toBe(2);
    }
  });
});
