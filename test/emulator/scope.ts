// The collection scope that points a collector at an emulator serving `estate`.
import type { CollectScope } from "../../src/inventory/azure/options.js";
import type { Estate } from "./estate.js";

/** Returns a scope over `subscriptions` (every subscription of the estate by default), with ARM and Microsoft Graph at `armUrl`. */
export function emulatorScope(estate: Estate, armUrl: string, subscriptions?: string[]): CollectScope {
  return {
    tenantId: estate.tenantId,
    subscriptions: subscriptions ?? estate.subscriptions.map((subscription) => subscription.id),
    managementGroup: null,
    resourceGroups: [],
    keyStores: [],
    cloud: "AzurePublicCloud",
    armEndpoint: armUrl,
    graphEndpoint: armUrl,
  };
}
