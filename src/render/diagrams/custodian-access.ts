// The custodian access map: which principal has which role with key rights on which
// store, from the inventory's role assignments and access policies. Grants
// inherited from a resource group, subscription or management group are drawn
// dotted and name where they come from. A declared custodian without any
// grant on a store they are declared for is drawn dotted too.
import { type AccessGrant, type StoreAccess, storeAccess } from "../../drift/access.js";
import type { Estate, StorePair } from "../../drift/estate.js";
import { Flowchart } from "./flowchart.js";
import { type Diagram, type RenderedDiagram, splitDiagram } from "./split.js";

interface Principal {
  label: string;
  className?: string;
}

/** Names the scope a grant is inherited from, shorter than its resource id, to keep edge labels short. */
export function inheritedScopeName(scope: string): string {
  const parts = scope.split("/").filter((part) => part !== "");
  const at = (name: string) => parts.findIndex((part) => part.toLowerCase() === name);
  const managementGroup = at("managementgroups");
  if (managementGroup >= 0) return `management group ${parts[managementGroup + 1] ?? ""}`.trim();
  const resourceGroup = at("resourcegroups");
  if (resourceGroup >= 0 && resourceGroup === parts.length - 2) return `resource group ${parts[resourceGroup + 1]}`;
  // A grant that reaches a store from a subscription comes from the store's own subscription.
  const subscription = at("subscriptions");
  if (subscription >= 0 && subscription === parts.length - 2) return "the subscription";
  return parts.length === 0 ? "the tenant root" : scope;
}

function grantText(grant: AccessGrant): string {
  switch (grant.relation) {
    case "exact":
    case "access-policy":
      return grant.grantName;
    case "inherited":
      return `${grant.grantName} (inherited from ${inheritedScopeName(grant.scope)})`;
    case "key":
      return `${grant.grantName} on key ${grant.scope.slice(grant.scope.lastIndexOf("/") + 1)}`;
  }
}

function principalsOf(estate: Estate): Map<string, Principal> {
  const principals = new Map<string, Principal>();
  for (const custodian of estate.architecture.custodians) {
    principals.set(custodian.principalId.toLowerCase(), { label: `${custodian.displayName ?? custodian.name}\ncustodian: ${custodian.role}` });
  }
  for (const workload of estate.architecture.workloads) {
    principals.set(workload.principalId.toLowerCase(), { label: `${workload.displayName ?? workload.name}\nworkload identity (key user)` });
  }
  return principals;
}

function renderAccess(estate: Estate, declaredPrincipals: Map<string, Principal>, accessOf: Map<StorePair, StoreAccess | null>, stores: StorePair[]): RenderedDiagram {
  const chart = new Flowchart("LR");
  chart.classDef("undeclared", "stroke-dasharray: 5 5");
  const principalNode = (principalId: string, name: string | null, type: string | null) => {
    const known = declaredPrincipals.get(principalId.toLowerCase());
    const label = known?.label ?? `${name ?? principalId}\n${type ?? "principal"}, not declared`;
    return chart.node(`principal:${principalId.toLowerCase()}`, label, { shape: "round", ...(known === undefined ? { className: "undeclared" } : {}) });
  };

  for (const store of stores) {
    const access = accessOf.get(store) ?? null;
    let note = "";
    if (store.deployed === null) note = "\nnot deployed";
    else if (access !== null && !access.ok) note = `\naccess not known: ${access.reason}`;
    const storeId = chart.node(`store:${store.name}`, `${store.name}\n${store.environment ?? "environment unknown"}${note}`, { shape: "cylinder" });

    const holders = new Set<string>();
    if (access !== null && access.ok) {
      // One edge per principal, store and kind of grant, listing the roles it holds.
      const edges = new Map<string, { from: string; dotted: boolean; roles: string[] }>();
      for (const grant of access.grants) {
        if (grant.rights.length === 0) continue;
        holders.add(grant.principalId.toLowerCase());
        const from = principalNode(grant.principalId, grant.principalName, grant.principalType);
        const dotted = grant.relation === "inherited";
        const key = `${from}:${dotted}`;
        const edge = edges.get(key) ?? edges.set(key, { from, dotted, roles: [] }).get(key)!;
        if (!edge.roles.includes(grantText(grant))) edge.roles.push(grantText(grant));
      }
      for (const edge of edges.values()) chart.edge(edge.from, storeId, edge.roles.sort().join("\n"), edge.dotted ? "dotted" : "solid");
    }
    if (access === null || !access.ok) continue;
    for (const custodian of estate.architecture.custodians) {
      if (!custodian.stores.includes(store.name) || holders.has(custodian.principalId.toLowerCase())) continue;
      chart.edge(principalNode(custodian.principalId, null, null), storeId, "declared custodian, no role with key rights found", "dotted");
    }
  }
  return { source: chart.toString(), nodes: chart.nodeCount, edges: chart.edgeCount };
}

export function custodianAccessDiagram(estate: Estate): Diagram {
  const principals = principalsOf(estate);
  const accessOf = new Map(estate.stores.map((store) => [store, store.deployed === null ? null : storeAccess(estate.inventory, store.deployed)]));
  return splitDiagram<StorePair>({
    name: "custodian-access",
    title: "Custodian access map",
    description: "Who holds a role with key rights on which store, from the inventory. Dotted edges are grants inherited from a resource group, subscription or management group, and declared custodians who hold no such role.",
    units: estate.stores,
    environmentOf: (store) => store.environment ?? "environment unknown",
    groupOf: (store) => store.name,
    render: (stores) => renderAccess(estate, principals, accessOf, stores),
    readable: { nodes: 60, edges: 90 },
  });
}
