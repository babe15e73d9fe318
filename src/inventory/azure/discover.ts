// Finds the key stores and AKS clusters in scope: with ARM list calls for a
// short subscription list, with one paged Resource Graph query otherwise.
// Each store found by Resource Graph is then read with ARM `get`.
import type { DeletedVault, ManagedHsm, Vault } from "@azure/arm-keyvault";
import type { ManagedCluster } from "@azure/arm-containerservice";
import { attempt, listAll } from "./attempt.js";
import { containerServiceClient, keyVaultManagementClient } from "./clients.js";
import type { CollectContext } from "./context.js";
import { parseResourceId } from "./map-common.js";
import { rawSecurityProfilePolicy, type RawSecurityProfiles } from "./raw-security-profile.js";
import { queryResourceGraph } from "./resource-graph.js";
import type { RestClient } from "./rest.js";

/** Up to this many subscriptions are listed with ARM calls; more use Resource Graph. */
export const ARM_LIST_LIMIT = 3;

export interface Discovered {
  vaults: Vault[];
  managedHsms: ManagedHsm[];
  deletedVaults: DeletedVault[];
  clusters: ManagedCluster[];
  rawSecurityProfiles: RawSecurityProfiles;
}

interface GraphRow {
  id: string;
  type: string;
}

export async function discover(context: CollectContext, rest: RestClient, subscriptions: string[]): Promise<Discovered> {
  const rawSecurityProfiles: RawSecurityProfiles = new Map();
  const useGraph = context.scope.managementGroup !== null || subscriptions.length > ARM_LIST_LIMIT;
  const found = useGraph
    ? await discoverWithResourceGraph(context, rest, subscriptions, rawSecurityProfiles)
    : await discoverWithArm(context, subscriptions, rawSecurityProfiles);
  const deletedVaults = (await Promise.all(subscriptions.map((id) => listDeletedVaults(context, id)))).flat();

  return {
    vaults: found.vaults.filter((vault) => inScope(context, vault.id, vault.name)),
    managedHsms: found.managedHsms.filter((hsm) => inScope(context, hsm.id, hsm.name)),
    deletedVaults: deletedVaults.filter((vault) => inScope(context, vault.properties?.vaultId, vault.name)),
    clusters: found.clusters.filter((cluster) => inResourceGroups(context, cluster.id)),
    rawSecurityProfiles,
  };
}

async function discoverWithArm(context: CollectContext, subscriptions: string[], raw: RawSecurityProfiles) {
  const perSubscription = await Promise.all(
    subscriptions.map(async (subscriptionId) => {
      const scope = `/subscriptions/${subscriptionId}`;
      const keyVault = keyVaultManagementClient(context, subscriptionId);
      const aks = containerServiceClient(context, subscriptionId, [rawSecurityProfilePolicy(raw)]);
      const run = <T>(operation: string, list: () => AsyncIterable<T>) =>
        context.arm.run(subscriptionId, () => attempt(context, scope, operation, () => listAll(list())));
      const [vaults, managedHsms, clusters] = await Promise.all([
        run("vaults.listBySubscription", () => keyVault.vaults.listBySubscription()),
        run("managedHsms.listBySubscription", () => keyVault.managedHsms.listBySubscription()),
        run("managedClusters.list", () => aks.managedClusters.list()),
      ]);
      return { vaults: vaults ?? [], managedHsms: managedHsms ?? [], clusters: clusters ?? [] };
    }),
  );
  return {
    vaults: perSubscription.flatMap((found) => found.vaults),
    managedHsms: perSubscription.flatMap((found) => found.managedHsms),
    clusters: perSubscription.flatMap((found) => found.clusters),
  };
}

async function discoverWithResourceGraph(context: CollectContext, rest: RestClient, subscriptions: string[], raw: RawSecurityProfiles) {
  const query =
    "resources | where type in~ ('microsoft.keyvault/vaults', 'microsoft.keyvault/managedhsms', 'microsoft.containerservice/managedclusters') | project id, type | order by id asc";
  const rows = await attempt(context, "/providers/Microsoft.ResourceGraph", "resourceGraph.resources", () =>
    queryResourceGraph<GraphRow>(context, rest, { subscriptions }, query),
  );
  const wanted = (rows ?? []).filter((row) => inScope(context, row.id, parseResourceId(row.id).name) || row.type.toLowerCase().endsWith("managedclusters"));

  const read = async <T>(row: GraphRow, operation: string, get: (subscriptionId: string, group: string, name: string) => Promise<T>) => {
    const parts = parseResourceId(row.id);
    return context.arm.run(parts.subscriptionId, () => attempt(context, row.id, operation, () => get(parts.subscriptionId, parts.resourceGroup, parts.name)));
  };
  const ofType = (type: string) => wanted.filter((row) => row.type.toLowerCase() === type);
  const [vaults, managedHsms, clusters] = await Promise.all([
    Promise.all(ofType("microsoft.keyvault/vaults").map((row) => read(row, "vaults.get", (s, g, n) => keyVaultManagementClient(context, s).vaults.get(g, n)))),
    Promise.all(ofType("microsoft.keyvault/managedhsms").map((row) => read(row, "managedHsms.get", (s, g, n) => keyVaultManagementClient(context, s).managedHsms.get(g, n)))),
    Promise.all(
      ofType("microsoft.containerservice/managedclusters").map((row) =>
        read(row, "managedClusters.get", (s, g, n) => containerServiceClient(context, s, [rawSecurityProfilePolicy(raw)]).managedClusters.get(g, n)),
      ),
    ),
  ]);
  return { vaults: present(vaults), managedHsms: present(managedHsms), clusters: present(clusters) };
}

async function listDeletedVaults(context: CollectContext, subscriptionId: string): Promise<DeletedVault[]> {
  const client = keyVaultManagementClient(context, subscriptionId);
  const deleted = await context.arm.run(subscriptionId, () =>
    attempt(context, `/subscriptions/${subscriptionId}`, "vaults.listDeleted", () => listAll(client.vaults.listDeleted())),
  );
  return deleted ?? [];
}

function inScope(context: CollectContext, id: string | undefined, name: string | undefined): boolean {
  const filter = context.scope.keyStores.map((entry) => entry.toLowerCase());
  if (!inResourceGroups(context, id)) return false;
  if (filter.length === 0) return true;
  return filter.includes((name ?? "").toLowerCase()) || filter.includes((id ?? "").toLowerCase());
}

function inResourceGroups(context: CollectContext, id: string | undefined): boolean {
  const groups = context.scope.resourceGroups.map((group) => group.toLowerCase());
  return groups.length === 0 || groups.includes(parseResourceId(id ?? "").resourceGroup.toLowerCase());
}

function present<T>(items: (T | null)[]): T[] {
  return items.filter((item): item is T => item !== null);
}
