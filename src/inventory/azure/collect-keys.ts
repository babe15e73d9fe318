// Reads a store's keys through ARM: the list, then one get per key (the list
// has no key type) and the versions of each key. Beside those calls it reads
// the data plane's view of each key where that is reachable. ARM needs no
// network path to the vault, so the key list works for private vaults too.
import type { Key, ManagedHsmKey } from "@azure/arm-keyvault";
import type { DeployedKey } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import type { CollectContext } from "./context.js";
import type { DataPlaneSession } from "./data-plane-session.js";
import { mapArmKey, mapArmKeyVersions, withDataPlaneKey } from "./map-key.js";
import { mapDataPlaneRotationPolicy } from "./map-rotation-policy.js";

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
 * Returns the store's keys sorted by name, or null when they could not be listed. A key
 * whose get or versions call failed is still returned, with what the list gave and an
 * error entry, so a failure never hides a key.
 */
export async function collectKeys(context: CollectContext, store: StoreRef, operations: ArmKeyOperations, dataPlane: DataPlaneSession): Promise<DeployedKey[] | null> {
  const runArm = <T>(task: () => Promise<T>) => context.arm.run(store.subscriptionId, task);
  const listed = await runArm(() => attempt(context, store.id, "keys.list", () => listAll(operations.list(store.resourceGroup, store.name))));
  if (listed === null) return null;

  const keys = await Promise.all(
    listed.map(async (item) => {
      const keyName = item.name ?? "";
      const keyId = item.id ?? `${store.id}/keys/${keyName}`;
      const [full, versions, dataPlaneKey] = await Promise.all([
        runArm(() => attempt(context, keyId, "keys.get", () => operations.get(store.resourceGroup, store.name, keyName))),
        runArm(() => attempt(context, keyId, "keys.listVersions", () => listAll(operations.listVersions(store.resourceGroup, store.name, keyName)))),
        dataPlane.key(keyName),
      ]);
      let key = { ...mapArmKey(full ?? item), versions: versions === null ? null : mapArmKeyVersions(versions) };
      if (dataPlaneKey !== null) key = withDataPlaneKey(key, dataPlaneKey);
      // ARM returns a rotation policy on GET only where it has one (not verified live); otherwise the data plane has it.
      if (key.rotationPolicy === null) {
        const policy = await dataPlane.rotationPolicy(keyName);
        if (policy !== null) key = { ...key, rotationPolicy: mapDataPlaneRotationPolicy(policy) };
      }
      context.counts.keys += 1;
      return key;
    }),
  );
  return keys.sort((a, b) => a.name.localeCompare(b.name));
}
