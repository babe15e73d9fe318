// The deployment: clusters and their workload identities, the key stores they
// reach, how those stores are exposed to the network, and the custodians who
// manage them.
import type { DeclaredCluster, Workload } from "../../declared/model.js";
import type { ClusterPair, Estate, StorePair } from "../../drift/estate.js";
import { Flowchart } from "./flowchart.js";
import { type Diagram, type RenderedDiagram, splitDiagram } from "./split.js";

// A diagram that is split keeps each store with what reaches it; clusters and
// workloads that reach no store are units of their own.
type DeploymentUnit =
  | { kind: "store"; store: StorePair }
  | { kind: "cluster"; cluster: ClusterPair }
  | { kind: "workload"; workload: Workload };

interface Lookup {
  storeOfKey: Map<string, string>;
  declaredClusters: Map<string, DeclaredCluster>;
}

function clusterName(pair: ClusterPair): string {
  return pair.declared?.name ?? pair.deployed?.name ?? "cluster";
}

function deploymentUnits(estate: Estate, lookup: Lookup): DeploymentUnit[] {
  const storeNames = new Set(estate.stores.map((store) => store.name));
  const reachesStore = (key: string) => storeNames.has(lookup.storeOfKey.get(key) ?? "");
  const units: DeploymentUnit[] = estate.stores.map((store) => ({ kind: "store", store }));
  for (const cluster of estate.clusters) {
    const kms = cluster.declared?.kms?.key;
    if (kms === undefined || !reachesStore(kms)) units.push({ kind: "cluster", cluster });
  }
  for (const workload of estate.architecture.workloads) {
    if (!workload.uses.some((use) => reachesStore(use.key))) units.push({ kind: "workload", workload });
  }
  return units;
}

function renderDeployment(estate: Estate, lookup: Lookup, units: DeploymentUnit[]): RenderedDiagram {
  const chart = new Flowchart("LR");
  const a = estate.architecture;
  const shownStores = new Set(units.flatMap((unit) => (unit.kind === "store" ? [unit.store.name] : [])));

  const clusterGroups = new Map<string, string>();
  const clusterGroup = (name: string) => {
    let group = clusterGroups.get(name);
    if (group === undefined) {
      const declared = lookup.declaredClusters.get(name);
      group = chart.subgraph(`AKS ${name}${declared ? ` (${declared.environment})` : " (undeclared)"}`);
      clusterGroups.set(name, group);
    }
    return group;
  };
  const controlPlane = (name: string) => chart.node(`control:${name}`, "API server\n(KMS plugin)", { subgraph: clusterGroup(name) });
  const workloadNode = (workload: Workload) => {
    const group = workload.cluster === undefined ? undefined : clusterGroup(workload.cluster);
    const label = `${workload.displayName ?? workload.name}\nworkload identity${workload.serviceAccount ? ` ${workload.serviceAccount}` : ""}`;
    return chart.node(`workload:${workload.name}`, label, { shape: "stadium", ...(group === undefined ? {} : { subgraph: group }) });
  };

  for (const unit of units) {
    if (unit.kind === "cluster") controlPlane(clusterName(unit.cluster));
    if (unit.kind === "workload") workloadNode(unit.workload);
    if (unit.kind !== "store") continue;
    const { store } = unit;
    const deployed = store.deployed;
    const type = (deployed?.type ?? store.declared?.type) === "managed-hsm" ? "Managed HSM" : "Key Vault";
    const storeId = chart.node(`store:${store.name}`, `${store.name}\n${type}, ${store.environment ?? "environment unknown"}`, { shape: "cylinder" });
    if (deployed === null) continue;
    for (const endpoint of deployed.privateEndpoints) {
      const endpointName = endpoint.id.slice(endpoint.id.lastIndexOf("/") + 1);
      const id = chart.node(`endpoint:${endpoint.id}`, `private endpoint\n${endpointName} (${endpoint.status})`, { shape: "hexagon" });
      chart.edge(id, storeId);
    }
    if (deployed.publicNetworkAccess === "Enabled") {
      const internet = chart.node("internet", "public networks", { shape: "hexagon" });
      chart.edge(internet, storeId, deployed.networkAcls?.defaultAction === "Deny" ? "firewall: listed IP ranges" : "firewall allows all", "dotted");
    }
  }

  const storeNodeOfKey = (key: string) => {
    const store = lookup.storeOfKey.get(key);
    return store === undefined || !shownStores.has(store) ? undefined : chart.idOf(`store:${store}`);
  };
  for (const workload of a.workloads) {
    for (const use of workload.uses) {
      const to = storeNodeOfKey(use.key);
      if (to !== undefined) chart.edge(workloadNode(workload), to, `${use.operations.join(", ")} with ${use.key}`);
    }
  }
  for (const cluster of a.clusters) {
    const to = cluster.kms === undefined ? undefined : storeNodeOfKey(cluster.kms.key);
    if (to !== undefined) chart.edge(controlPlane(cluster.name), to, `etcd encryption with ${cluster.kms!.key}`);
  }
  for (const custodian of a.custodians) {
    const stores = custodian.stores.filter((store) => shownStores.has(store));
    if (stores.length === 0) continue;
    const id = chart.node(`custodian:${custodian.name}`, `${custodian.displayName ?? custodian.name}\n${custodian.role}`, { shape: "round" });
    for (const store of stores) chart.edge(id, chart.idOf(`store:${store}`)!, "manages", "dotted");
  }
  return { source: chart.toString(), nodes: chart.nodeCount, edges: chart.edgeCount };
}

function environmentOfUnit(unit: DeploymentUnit): string | null | undefined {
  if (unit.kind === "store") return unit.store.environment;
  if (unit.kind === "cluster") return unit.cluster.declared?.environment;
  return unit.workload.environment;
}

function groupOfUnit(unit: DeploymentUnit): string {
  if (unit.kind === "store") return unit.store.name;
  if (unit.kind === "cluster") return `cluster ${clusterName(unit.cluster)}`;
  return `workload ${unit.workload.name}`;
}

export function deploymentDiagram(estate: Estate): Diagram {
  const lookup: Lookup = {
    storeOfKey: new Map(estate.architecture.keys.flatMap((key) => (key.store === undefined ? [] : [[key.name, key.store] as const]))),
    declaredClusters: new Map(estate.architecture.clusters.map((cluster) => [cluster.name, cluster])),
  };
  return splitDiagram<DeploymentUnit>({
    name: "deployment",
    title: "Deployment",
    description: "The clusters and workload identities that use keys, the key stores they reach, how each store is exposed to the network, and the custodians who manage it.",
    units: deploymentUnits(estate, lookup),
    environmentOf: (unit) => environmentOfUnit(unit) ?? "environment unknown",
    groupOf: groupOfUnit,
    render: (units) => renderDeployment(estate, lookup, units),
    readable: { nodes: 60, edges: 90 },
  });
}
