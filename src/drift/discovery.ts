// Whether the inventory can show that a resource is absent: a declared store
// or cluster missing from the snapshot is only "missing" when the listing
// that would have found it succeeded and covered its scope.
import type { CollectionError, Inventory } from "../inventory/model.js";
import { describeFailure } from "./evidence.js";

export type DiscoveredKind = "stores" | "clusters";

// Operation names the collectors record for the listings that discover each kind.
const DISCOVERY_OPERATIONS: Record<DiscoveredKind, RegExp> = {
  stores: /^(vaults|managedHsms)\.(listBySubscription|get|listDeleted)$|^resourceGraph\.|^subscriptions\.list$/i,
  clusters: /^managedClusters\.(list|get)$|^resourceGraph\.|^subscriptions\.list$/i,
};

const subscriptionOf = (resourceId: string) => /^\/subscriptions\/([^/]+)/i.exec(resourceId)?.[1]?.toLowerCase() ?? null;

/** Returns the collection errors of listings that could have found resources of `kind`. */
export function discoveryErrors(inventory: Inventory, kind: DiscoveredKind): CollectionError[] {
  return inventory.collectionErrors.filter((error) => DISCOVERY_OPERATIONS[kind].test(error.operation));
}

/** Describes why the snapshot cannot show whether `resourceId` exists, or returns null when its listing covered it. */
export function discoveryGap(inventory: Inventory, kind: DiscoveredKind, resourceId: string): string | null {
  const id = resourceId.toLowerCase();
  const subscription = subscriptionOf(resourceId);
  const visible = inventory.collection.scopeVisible.subscriptions.map((candidate) => candidate.toLowerCase());
  if (subscription !== null && !visible.includes(subscription)) return `subscription \`${subscription}\` was not visible to the collecting identity`;

  const requested = inventory.collection.scopeRequested;
  const groups = requested.resourceGroups.map((group) => group.toLowerCase());
  const group = /\/resourcegroups\/([^/]+)/i.exec(resourceId)?.[1]?.toLowerCase();
  if (groups.length > 0 && (group === undefined || !groups.includes(group))) return `its resource group is outside the collection scope ${requested.resourceGroups.map((name) => `\`${name}\``).join(", ")}`;
  const name = id.slice(id.lastIndexOf("/") + 1);
  if (kind === "stores" && requested.keyStores.length > 0 && !requested.keyStores.some((entry) => entry.toLowerCase() === name || entry.toLowerCase() === id)) {
    return "it is outside the collection scope's list of key stores";
  }

  const errors = discoveryErrors(inventory, kind).filter((error) => {
    const scope = error.scope.toLowerCase().replace(/\/+$/, "");
    return id === scope || id.startsWith(`${scope}/`) || !scope.startsWith("/subscriptions/");
  });
  if (errors.length === 0) return null;
  return errors.map((error) => `${describeFailure(error)} on \`${error.scope}\``).join("; ");
}
