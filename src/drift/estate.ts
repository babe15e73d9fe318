// The estate: declared and deployed resources joined into pairs. This is the
// one place where the declared model and the inventory meet; rules read it.
// Stores match by resource id and keys and certificates by store and name,
// all ignoring case, because Azure mixes `resourceGroups` and `resourcegroups`.
import type { Architecture, DeclaredCertificate, DeclaredCluster, DeclaredKey, DeclaredKeyStore, Policy } from "../declared/model.js";
import type { CollectionError, DeployedCertificate, DeployedCluster, DeployedKey, DeployedKeyStore, Inventory } from "../inventory/model.js";

export interface StorePair {
  name: string;
  declared: DeclaredKeyStore | null;
  deployed: DeployedKeyStore | null;
  /** The declared environment, or the one whose subscriptions contain the deployed store. */
  environment: string | null;
}

export interface KeyPair {
  declared: DeclaredKey | null;
  deployed: DeployedKey | null;
  /** Null for a declared key held wrapped outside any key store. */
  store: StorePair | null;
}

export interface CertificatePair {
  declared: DeclaredCertificate | null;
  deployed: DeployedCertificate | null;
  store: StorePair;
}

export interface ClusterPair {
  declared: DeclaredCluster | null;
  deployed: DeployedCluster | null;
}

export interface Estate {
  architecture: Architecture;
  inventory: Inventory;
  policy: Policy;
  /** The instant dates are judged against. */
  asOf: Date;
  stores: StorePair[];
  keys: KeyPair[];
  certificates: CertificatePair[];
  clusters: ClusterPair[];
}

const lower = (text: string) => text.toLowerCase();

/** Returns the collection errors whose scope is `resourceId` or contains it. */
export function collectionErrorsFor(inventory: Inventory, resourceId: string): CollectionError[] {
  const id = lower(resourceId);
  return inventory.collectionErrors.filter((error) => {
    const scope = lower(error.scope).replace(/\/+$/, "");
    return id === scope || id.startsWith(`${scope}/`);
  });
}

/** Joins the declared architecture with the inventory. */
export function buildEstate(architecture: Architecture, inventory: Inventory, asOf: Date): Estate {
  const environmentBySubscription = new Map<string, string>();
  for (const environment of architecture.environments) {
    for (const subscription of environment.subscriptions) environmentBySubscription.set(lower(subscription), environment.name);
  }

  const deployedById = new Map(inventory.keyStores.map((store) => [lower(store.id), store]));
  const stores: StorePair[] = architecture.keyStores.map((declared) => ({
    name: declared.name,
    declared,
    deployed: deployedById.get(lower(declared.resourceId)) ?? null,
    environment: declared.environment,
  }));
  const declaredIds = new Set(architecture.keyStores.map((store) => lower(store.resourceId)));
  for (const deployed of inventory.keyStores) {
    if (declaredIds.has(lower(deployed.id))) continue;
    stores.push({ name: deployed.name, declared: null, deployed, environment: environmentBySubscription.get(lower(deployed.subscriptionId)) ?? null });
  }

  return {
    architecture,
    inventory,
    policy: architecture.policy,
    asOf,
    stores,
    keys: pairKeys(architecture, stores),
    certificates: pairCertificates(architecture, stores),
    clusters: pairClusters(architecture, inventory),
  };
}

/** Indexes each store's deployed items by lower-cased name, so pairing stays linear in large stores. */
function indexByName<T extends { name: string }>(stores: StorePair[], items: (store: StorePair) => T[] | null | undefined): Map<StorePair, Map<string, T>> {
  const index = new Map<StorePair, Map<string, T>>();
  for (const store of stores) index.set(store, new Map((items(store) ?? []).map((item) => [lower(item.name), item])));
  return index;
}

function pairKeys(architecture: Architecture, stores: StorePair[]): KeyPair[] {
  const pairs: KeyPair[] = [];
  const storeByName = new Map(stores.filter((store) => store.declared !== null).map((store) => [store.name, store]));
  const matched = new Set<DeployedKey>();

  const keysByStore = indexByName(stores, (store) => store.deployed?.keys);

  for (const declared of architecture.keys) {
    const store = declared.store === undefined ? null : storeByName.get(declared.store) ?? null;
    const deployed = (store && keysByStore.get(store)?.get(lower(declared.azureName))) ?? null;
    if (deployed !== null) matched.add(deployed);
    pairs.push({ declared, deployed, store });
  }
  for (const store of stores) {
    for (const deployed of store.deployed?.keys ?? []) {
      if (!matched.has(deployed)) pairs.push({ declared: null, deployed, store });
    }
  }
  return pairs;
}

function pairCertificates(architecture: Architecture, stores: StorePair[]): CertificatePair[] {
  const pairs: CertificatePair[] = [];
  const matched = new Set<DeployedCertificate>();
  const storeByName = new Map(stores.filter((store) => store.declared !== null).map((store) => [store.name, store]));
  const certificatesByStore = indexByName(stores, (store) => store.deployed?.certificates);

  for (const declared of architecture.certificates) {
    const store = storeByName.get(declared.store);
    if (store === undefined) continue; // The loader has rejected unknown stores.
    const deployed = certificatesByStore.get(store)?.get(lower(declared.azureName)) ?? null;
    if (deployed !== null) matched.add(deployed);
    pairs.push({ declared, deployed, store });
  }
  for (const store of stores) {
    for (const deployed of store.deployed?.certificates ?? []) {
      if (!matched.has(deployed)) pairs.push({ declared: null, deployed, store });
    }
  }
  return pairs;
}

function pairClusters(architecture: Architecture, inventory: Inventory): ClusterPair[] {
  const deployed = inventory.clusters ?? [];
  const pairs: ClusterPair[] = architecture.clusters.map((declared) => ({
    declared,
    deployed: deployed.find((cluster) => lower(cluster.id) === lower(declared.resourceId)) ?? null,
  }));
  for (const cluster of deployed) {
    if (!pairs.some((pair) => pair.deployed === cluster)) pairs.push({ declared: null, deployed: cluster });
  }
  return pairs;
}
