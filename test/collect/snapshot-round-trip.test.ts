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
import { comparable } from "./comparable.js";
import { collectFrom, startEmulator } from "./support.js";

async function roundTrip(snapshot: Inventory): Promise<Inventory> {
  const { estate, unconverted } = estateFromSnapshot(snapshot);
  expect(unconverted).toEqual([]);
  const emulator = await startEmulator(estate);
  const { inventory } = await collectFrom(emulator, { subscriptions: snapshot.collection.scopeRequested.subscriptions });
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
