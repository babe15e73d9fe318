// A snapshot converted to an estate and collected again from the emulator
// gives the snapshot back, apart from what a snapshot cannot carry.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Inventory } from "../../src/inventory/model.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { estateFromSnapshot } from "../emulator/from-snapshot.js";
import { generateEstate } from "../emulator/generate-estate.js";
import { restoreStoreUrls } from "../emulator/restore-urls.js";
import { collectFrom, startEmulator } from "./support.js";

/**
 * Removes what differs by construction: collection metadata, millisecond padding of dates,
 * certificate SHA-256 thumbprints, and public key thumbprints, which are replaced by the
 * order of their first appearance so that equal keys must stay equal.
 */
function comparable(inventory: Inventory, reference: Inventory = inventory): unknown {
  const { collection: _collection, ...rest } = inventory;
  delete (rest as { $schema?: string }).$schema;
  rest.keyStores = [...rest.keyStores]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((store) => {
      // A hand-written snapshot may leave out the optional deleted-key list.
      const declared = reference.keyStores.find((candidate) => candidate.id === store.id);
      if (declared !== undefined && !("deletedKeys" in declared)) {
        const { deletedKeys: _deletedKeys, ...withoutDeleted } = store;
        return withoutDeleted;
      }
      return store;
    });
  const classes = new Map<string, string>();
  const text = JSON.stringify(rest)
    .replace(/(\d{2}:\d{2}:\d{2})\.000Z/g, "$1Z")
    .replace(/"thumbprintSha256":"[^"]*"/g, '"thumbprintSha256":"-"')
    .replace(/"publicKeyThumbprint":"([^"]*)"/g, (_match, thumbprint: string) => {
      if (!classes.has(thumbprint)) classes.set(thumbprint, `key-${classes.size + 1}`);
      return `"publicKeyThumbprint":"${classes.get(thumbprint)}"`;
    });
  return JSON.parse(text);
}

async function roundTrip(snapshot: Inventory): Promise<Inventory> {
  const { estate, unconverted } = estateFromSnapshot(snapshot);
  expect(unconverted).toEqual([]);
  const emulator = await startEmulator(estate);
  const { inventory } = await collectFrom(emulator, {
    scope: {
      tenantId: snapshot.collection.tenantId,
      subscriptions: snapshot.collection.scopeRequested.subscriptions,
      managementGroup: null,
      resourceGroups: [],
      keyStores: [],
      cloud: "AzurePublicCloud",
      armEndpoint: emulator.armUrl,
      graphEndpoint: emulator.armUrl,
    },
  });
  return restoreStoreUrls(inventory, emulator);
}

describe("estateFromSnapshot", () => {
  it("round trip of a collected snapshot", async () => {
    const source = generateEstate({ vaults: 2, keysPerVault: 3, certificatesPerVault: 1, clusters: 2 });
    source.vaults[1]!.dataPlane = "firewall";
    source.faults = [{ target: "arm", path: "/vaults/kv-cde-02/secrets$", status: 403, code: "AuthorizationFailed", message: "No access to secrets." }];
    const emulator = await startEmulator(source);
    const snapshot = restoreStoreUrls((await collectFrom(emulator)).inventory, emulator);

    const again = await roundTrip(snapshot);
    expect(again.collectionErrors.map((error) => error.code)).toEqual(["ForbiddenByFirewall", "AuthorizationFailed"]);
    expect(comparable(again)).toEqual(comparable(snapshot));
  });

  it("round trip of the committed snapshot", async () => {
    const snapshot = JSON.parse(readFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json"), "utf8")) as Inventory;

    const again = await roundTrip(snapshot);
    expect(comparable(again, snapshot)).toEqual(comparable(snapshot));
  });
});
