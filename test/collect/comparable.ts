// Reduces an inventory to what a round trip through the emulator must keep.
import type { Inventory } from "../../src/inventory/model.js";

/**
 * Removes what differs by construction: collection metadata, millisecond padding of dates,
 * certificate SHA-256 thumbprints, and public key thumbprints, which are replaced by the
 * order of their first appearance so that equal keys must stay equal.
 */
export function comparable(inventory: Inventory, reference: Inventory = inventory): unknown {
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
