// Reads a store's keys through ARM: the list, then one get per key (the list
// has no key type) and the versions of each key. ARM needs no network path to
// the vault, so this works for private vaults too.
import type { Key, ManagedHsmKey } from "@azure/arm-keyvault";
import type { DeployedKey } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import type { CollectContext } from "./context.js";
import { mapArmKey, mapArmKeyVersions } from "./map-key.js";

/** The ARM key operations that `keys` and `managedHsmKeys` of arm-keyvault share. */
export interface ArmKeyOperations {
  list(resourceGroup: string, storeName: string): AsyncIterable<Key | ManagedHsmKey>;
  get(resourceGroup: string, storeName: string, keyName: string): Promise<Key | ManagedHsmKey>;
  listVersions(resourceGroup: string, storeName: string, keyName: string): AsyncIterable<Key | ManagedHsmKey>;
}

export interface StoreRef {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
}

/**
 * Returns the store's keys, or null when they could not be listed. A key whose get or
 * versions call failed is still returned, with what the list gave and an error entry,
 * so a failure never hides a key.
 */
export async function collectArmKeys(context: CollectContext, store: StoreRef, operations: ArmKeyOperations): Promise<DeployedKey[] | null> {
  const runArm = <T>(task: () => Promise<T>) => context.arm.run(store.subscriptionId, task);
  const listed = await runArm(() =>
    attempt(context, store.id, "keys.list", () => listAll(operations.list(store.resourceGroup, store.name))),
  );
  if (listed === null) return null;

  return Promise.all(
    listed.map(async (item) => {
      const keyName = item.name ?? "";
      const keyId = item.id ?? `${store.id}/keys/${keyName}`;
      const [full, versions] = await Promise.all([
        runArm(() => attempt(context, keyId, "keys.get", () => operations.get(store.resourceGroup, store.name, keyName))),
        runArm(() =>
          attempt(context, keyId, "keys.listVersions", () => listAll(operations.listVersions(store.resourceGroup, store.name, keyName))),
        ),
      ]);
      const key = mapArmKey(full ?? item);
      context.counts.keys += 1;
      return { ...key, versions: versions === null ? null : mapArmKeyVersions(versions) };
    }),
  );
}
