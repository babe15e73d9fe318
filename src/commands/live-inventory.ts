// Collects the inventory from Azure for `collect` and `build --live`: builds
// the collection scope from architecture.yaml and the command line, runs the
// collectors, and returns the snapshot as the bytes that are written.
import type { Architecture } from "../declared/model.js";
import { InputError } from "../errors.js";
import { isLoopbackUrl } from "../inventory/azure/cloud.js";
import { collectInventory, type CollectScope } from "../inventory/azure/collect.js";
import { parseInventory, type LoadedInventory } from "../inventory/load.js";
import type { Logger } from "../log.js";
import { progressReporter } from "./progress.js";

export interface LiveOptions {
  config: string;
  subscriptions: string[];
  armEndpoint?: string;
}

/** Builds the collection scope from `inventory.azure` of architecture.yaml; --subscription and --arm-endpoint take precedence. */
export function collectScope(architecture: Architecture, options: LiveOptions): CollectScope {
  const azure = architecture.inventory.azure;
  if (azure === undefined) {
    throw new InputError(`${options.config} has no \`inventory.azure\` scope to collect from.`, [], {
      hint: "Add inventory.azure with tenantId and subscriptions (or managementGroup) to architecture.yaml.",
    });
  }
  const subscriptions = options.subscriptions.length > 0 ? options.subscriptions : (azure.subscriptions ?? []);
  const managementGroup = options.subscriptions.length > 0 ? null : (azure.managementGroup ?? null);
  if (subscriptions.length === 0 && managementGroup === null) {
    throw new InputError(`${options.config} inventory.azure names no subscriptions and no management group.`, [], {
      hint: "List inventory.azure.subscriptions, set inventory.azure.managementGroup, or pass --subscription ID.",
    });
  }
  const armEndpoint = options.armEndpoint ?? azure.armEndpoint;
  return {
    tenantId: azure.tenantId,
    subscriptions,
    managementGroup,
    resourceGroups: azure.resourceGroups ?? [],
    keyStores: azure.keyStores ?? [],
    cloud: azure.cloud,
    ...(armEndpoint === undefined ? {} : { armEndpoint }),
    ...(azure.graphEndpoint === undefined ? {} : { graphEndpoint: azure.graphEndpoint }),
  };
}

/**
 * Collects and serialises the snapshot. The bytes are what gets written and hashed, so the
 * evidence hash of a live build is that of the file it leaves in the output folder. `file`
 * names that file in messages and in the document.
 */
export async function collectLiveInventory(architecture: Architecture, options: LiveOptions, log: Logger, file: string): Promise<LoadedInventory> {
  const scope = collectScope(architecture, options);
  const inventory = await collectInventory({
    scope,
    progress: progressReporter(log),
    // A test emulator serves vaults on 127.0.0.1, and its challenges name the public vault
    // resource. The collector skips that check for loopback hosts only.
    allowLoopbackChallenge: scope.armEndpoint !== undefined && isLoopbackUrl(scope.armEndpoint),
  });
  const errors = inventory.collectionErrors.length;
  if (errors > 0) {
    log.warn(`The collection is incomplete: ${errors} Azure calls failed; they are listed in collectionErrors and reported as inventory-incomplete results.`);
  }
  const bytes = Buffer.from(`${JSON.stringify(inventory, null, 2)}\n`, "utf8");
  return parseInventory(file, bytes);
}
