// The deployment: clusters and their workload identities, the key stores they
// reach, how those stores are exposed to the network, and the custodians who
// manage them.
import type { Estate } from "../../drift/estate.js";
import { Flowchart } from "./flowchart.js";

export function deploymentDiagram(estate: Estate): string {
  const chart = new Flowchart("LR");
  const a = estate.architecture;

  const clusterGroups = new Map<string, string>();
  for (const pair of estate.clusters) {
    const name = pair.declared?.name ?? pair.deployed?.name ?? "cluster";
    const group = chart.subgraph(`AKS ${name}${pair.declared ? ` (${pair.declared.environment})` : " (undeclared)"}`);
    clusterGroups.set(name, group);
    chart.node(`control:${name}`, "API server\n(KMS plugin)", { subgraph: group });
  }
  for (const workload of a.workloads) {
    const group = workload.cluster === undefined ? undefined : clusterGroups.get(workload.cluster);
    const label = `${workload.displayName ?? workload.name}\nworkload identity${workload.serviceAccount ? ` ${workload.serviceAccount}` : ""}`;
    chart.node(`workload:${workload.name}`, label, { shape: "stadium", ...(group === undefined ? {} : { subgraph: group }) });
  }

  for (const store of estate.stores) {
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

  const storeByKey = new Map(a.keys.map((key) => [key.name, key.store]));
  const storeOfKey = (name: string) => storeByKey.get(name);
  for (const workload of a.workloads) {
    const from = chart.idOf(`workload:${workload.name}`)!;
    for (const use of workload.uses) {
      const store = storeOfKey(use.key);
      const to = store === undefined ? undefined : chart.idOf(`store:${store}`);
      if (to !== undefined) chart.edge(from, to, `${use.operations.join(", ")} with ${use.key}`);
    }
  }
  for (const cluster of a.clusters) {
    const store = cluster.kms === undefined ? undefined : storeOfKey(cluster.kms.key);
    const to = store === undefined ? undefined : chart.idOf(`store:${store}`);
    const from = chart.idOf(`control:${cluster.name}`);
    if (from !== undefined && to !== undefined) chart.edge(from, to, `etcd encryption with ${cluster.kms!.key}`);
  }
  for (const custodian of a.custodians) {
    const id = chart.node(`custodian:${custodian.name}`, `${custodian.displayName ?? custodian.name}\n${custodian.role}`, { shape: "round" });
    for (const store of custodian.stores) {
      const to = chart.idOf(`store:${store}`);
      if (to !== undefined) chart.edge(id, to, "manages", "dotted");
    }
  }
  return chart.toString();
}
