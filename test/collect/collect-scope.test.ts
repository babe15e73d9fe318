import { describe, expect, it } from "vitest";
import { CollectionFailedError } from "../../src/errors.js";
import { generateEstate, subscriptionId } from "../emulator/generate-estate.js";
import { collectFrom, startEmulator, withoutRunMetadata } from "./support.js";

describe("collectInventory scope", () => {
  it("invisible subscription is an error", async () => {
    const estate = generateEstate({ subscriptions: 2, vaults: 2, keysPerVault: 1 });
    estate.subscriptions[1]!.visible = false;
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator);

    expect(inventory.collection.scopeRequested.subscriptions).toEqual([subscriptionId(0), subscriptionId(1)]);
    expect(inventory.collection.scopeVisible.subscriptions).toEqual([subscriptionId(0)]);
    expect(inventory.keyStores.map((store) => store.name)).toEqual(["kv-cde-01"]);
    expect(inventory.collectionErrors).toEqual([
      {
        scope: `/subscriptions/${subscriptionId(1)}`,
        operation: "subscriptions.list",
        status: null,
        code: "SubscriptionNotVisible",
        message: `Subscription \`${subscriptionId(1)}\` is not visible to the collecting identity. Grant the identity Reader on it, or remove it from the scope.`,
      },
    ]);
  });

  it("no visible subscription fails", async () => {
    const estate = generateEstate({ vaults: 1, keysPerVault: 1 });
    estate.subscriptions[0]!.visible = false;
    const emulator = await startEmulator(estate);
    const failure = await collectFrom(emulator).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(CollectionFailedError);
    expect((failure as CollectionFailedError).exitCode).toBe(2);
    expect((failure as CollectionFailedError).message).toBe(
      "No subscription in scope is visible to identity `5b0c6f4e-0000-4000-8000-00000000c011`, so nothing could be collected.",
    );
  });

  it("many subscriptions use Resource Graph", async () => {
    const estate = generateEstate({ subscriptions: 4, vaults: 4, keysPerVault: 2, clusters: 2, pageSize: 1 });
    estate.faults = [{ target: "arm", path: "^/providers/Microsoft.ResourceGraph/resources$", status: 429, code: "RateLimiting", headers: { "retry-after-ms": "10" }, times: 1 }];
    const armListed = await collectFrom(await startEmulator(structuredClone(estate)), { subscriptions: estate.subscriptions.slice(0, 3).map((subscription) => subscription.id) });
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator);

    const graphQueries = emulator.requests.filter((request) => request.path.toLowerCase() === "/providers/microsoft.resourcegraph/resources");
    expect(graphQueries.length).toBe(7); // one throttled, then six rows, one per page
    expect(graphQueries[0]!.status).toBe(429);
    expect(emulator.requests.some((request) => /\/providers\/Microsoft\.KeyVault\/vaults$/.test(request.path))).toBe(false);
    expect(inventory.collectionErrors).toEqual([]);
    expect(inventory.keyStores.map((store) => store.name)).toEqual(["kv-cde-01", "kv-cde-02", "kv-cde-03", "kv-cde-04"]);
    expect(inventory.clusters?.length).toBe(2);
    const sameStores = inventory.keyStores.slice(0, 3).map((store) => store.keys?.map((key) => [key.name, key.kty, key.publicKeyThumbprint]));
    expect(sameStores).toEqual(armListed.inventory.keyStores.map((store) => store.keys?.map((key) => [key.name, key.kty, key.publicKeyThumbprint])));
  });

  it("management group scope", async () => {
    const estate = generateEstate({ subscriptions: 3, vaults: 3, keysPerVault: 1 });
    estate.managementGroups = [{ name: "mg-cde", subscriptions: [subscriptionId(0), subscriptionId(2)] }];
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator, {
      scope: { tenantId: estate.tenantId, subscriptions: [], managementGroup: "mg-cde", resourceGroups: [], keyStores: [], cloud: "AzurePublicCloud", armEndpoint: emulator.armUrl, graphEndpoint: emulator.armUrl },
    });

    expect(inventory.collection.scopeVisible.subscriptions).toEqual([subscriptionId(0), subscriptionId(2)]);
    expect(inventory.keyStores.map((store) => store.name)).toEqual(["kv-cde-01", "kv-cde-03"]);
  });

  it("key store and group filters", async () => {
    const estate = generateEstate({ vaults: 3, keysPerVault: 1 });
    const emulator = await startEmulator(estate);
    const scope = { tenantId: estate.tenantId, subscriptions: [subscriptionId(0)], managementGroup: null, cloud: "AzurePublicCloud" as const, armEndpoint: emulator.armUrl, graphEndpoint: emulator.armUrl };
    const byName = await collectFrom(emulator, { scope: { ...scope, resourceGroups: ["RG-KEYS"], keyStores: ["KV-CDE-02", estate.vaults[2]!.arm.id.toUpperCase()] } });
    const byGroup = await collectFrom(emulator, { scope: { ...scope, resourceGroups: ["rg-other"], keyStores: [] } });

    expect(byName.inventory.keyStores.map((store) => store.name)).toEqual(["kv-cde-02", "kv-cde-03"]);
    expect(byGroup.inventory.keyStores).toEqual([]);
  });

  it("Graph denial leaves principals unresolved", async () => {
    const estate = generateEstate({ vaults: 1, keysPerVault: 1 });
    estate.graphForbidden = true;
    const { inventory, progress } = await collectFrom(await startEmulator(estate));

    expect(inventory.collectionErrors).toEqual([]);
    expect(inventory.principals.map((principal) => principal.state)).toEqual(["unresolved", "unresolved"]);
    expect(progress.filter((event) => event.phase === "skip").map((event) => event.message)).toEqual([
      "Principal names not resolved: the identity may not read Microsoft Graph.",
    ]);
  });

  it("empty first pages are followed", async () => {
    const estate = generateEstate({ vaults: 2, keysPerVault: 3, certificatesPerVault: 1, clusters: 1, pageSize: 100 });
    const onePage = await collectFrom(await startEmulator(structuredClone(estate)));
    estate.paging = { pageSize: 1, emptyFirstPage: true };
    const emulator = await startEmulator(estate);
    const paged = await collectFrom(emulator);

    const urls = (inventory: typeof paged.inventory) => JSON.parse(JSON.stringify(withoutRunMetadata(inventory)).replace(/https:\/\/127\.0\.0\.1:\d+/g, "URL")) as unknown;
    expect(urls(paged.inventory)).toEqual(urls(onePage.inventory));
    expect(paged.inventory.keyStores[0]!.keys?.length).toBe(3);
    const keyListPages = emulator.requests.filter((request) => request.target === "arm" && /kv-cde-01\/keys$/.test(request.path));
    expect(keyListPages.length).toBe(4); // one empty page, then one page per key
  });
});
