// The key hierarchy: each key inside its store, and which key wraps which,
// down to the data-encryption keys held outside any store.
import type { DeclaredKey } from "../../declared/model.js";
import type { Estate, KeyPair, StorePair } from "../../drift/estate.js";
import { keyStrength } from "../../model/strength.js";
import { Flowchart } from "./flowchart.js";
import { type Diagram, type RenderedDiagram, splitDiagram } from "./split.js";

type HierarchyUnit =
  | { kind: "key"; pair: KeyPair; store: StorePair }
  | { kind: "empty"; store: StorePair }
  | { kind: "outside"; key: DeclaredKey };

const OUTSIDE_STORES = "Held wrapped outside key stores";

export function storeTypeText(store: StorePair): string {
  return (store.deployed?.type ?? store.declared?.type) === "managed-hsm" ? "Managed HSM" : `Key Vault ${store.deployed?.sku ?? store.declared?.sku ?? ""}`.trim();
}

function hierarchyUnits(estate: Estate): HierarchyUnit[] {
  const units: HierarchyUnit[] = [];
  const pairsByStore = new Map<StorePair, KeyPair[]>();
  for (const pair of estate.keys) {
    if (pair.store === null) continue;
    const pairs = pairsByStore.get(pair.store);
    if (pairs === undefined) pairsByStore.set(pair.store, [pair]);
    else pairs.push(pair);
  }
  for (const store of estate.stores) {
    const pairs = pairsByStore.get(store) ?? [];
    if (pairs.length === 0) units.push({ kind: "empty", store });
    for (const pair of pairs) units.push({ kind: "key", pair, store });
  }
  for (const key of estate.architecture.keys) if (key.store === undefined) units.push({ kind: "outside", key });
  return units;
}

function keyName(unit: HierarchyUnit): string | undefined {
  if (unit.kind === "key") return unit.pair.declared?.name ?? unit.pair.deployed!.name;
  return unit.kind === "outside" ? unit.key.name : undefined;
}

function renderHierarchy(estate: Estate, declaredByName: Map<string, DeclaredKey>, wrappedKeys: readonly DeclaredKey[], units: HierarchyUnit[]): RenderedDiagram {
  const chart = new Flowchart("TB");
  chart.classDef("undeclared", "stroke-dasharray: 5 5");
  chart.classDef("missing", "stroke-dasharray: 2 2,opacity:0.6");
  chart.classDef("external", "stroke-dasharray: 1 3,fill:none");

  const groups = new Map<string, string>();
  const groupFor = (label: string) => groups.get(label) ?? groups.set(label, chart.subgraph(label)).get(label)!;
  for (const unit of units) {
    if (unit.kind === "outside") {
      const strength = keyStrength(unit.key.type, unit.key.size, unit.key.curve);
      chart.node(`key::${unit.key.name}`, `${unit.key.name}\n${unit.key.type}${strength.ok ? `, ${strength.display} bits` : ""}\n${unit.key.heldIn ?? ""}`, { subgraph: groupFor(OUTSIDE_STORES), shape: "round" });
      continue;
    }
    const group = groupFor(`${unit.store.name} (${storeTypeText(unit.store)}, ${unit.store.environment ?? "environment unknown"})`);
    if (unit.kind === "empty") {
      chart.node(`empty:${unit.store.name}`, unit.store.deployed?.keys === null ? "keys not collected" : "no keys", { subgraph: group });
      continue;
    }
    const { pair } = unit;
    const kty = pair.deployed?.kty ?? pair.declared!.type;
    const strength = pair.deployed !== null ? keyStrength(kty, pair.deployed.keySize, pair.deployed.curve) : keyStrength(kty, pair.declared!.size, pair.declared!.curve);
    let state: "undeclared" | "missing" | "certificate" | undefined;
    if (pair.declared === null) state = pair.deployed?.managed === true ? "certificate" : "undeclared";
    else if (pair.deployed === null) state = "missing";
    const note = state === "certificate" ? "backs certificate" : state;
    const label = `${keyName(unit)}\n${kty}${strength.ok ? `, ${strength.display} bits` : ""}${note === undefined ? "" : `\n${note}`}`;
    const className = state === "certificate" ? undefined : state;
    chart.node(`key:${unit.store.name}:${keyName(unit)}`, label, { subgraph: group, shape: "round", ...(className === undefined ? {} : { className }) });
  }

  // A key in another part of a split diagram is drawn as a dashed stand-in, so the relation stays visible.
  const nodeOfKey = (name: string, create: boolean) => {
    const key = declaredByName.get(name);
    if (key === undefined) return undefined;
    const id = chart.idOf(`key:${key.store ?? ""}:${key.name}`);
    if (id !== undefined || !create) return id;
    return chart.node(`external:${key.name}`, `${key.name}\n${key.store === undefined ? "outside key stores" : `in ${key.store}`}, shown in another part`, { shape: "round", className: "external" });
  };
  const shown = new Set(units.map(keyName).filter((name) => name !== undefined));
  for (const key of wrappedKeys) {
    if (key.wrappedBy === undefined || !(shown.has(key.name) || shown.has(key.wrappedBy))) continue;
    const from = nodeOfKey(key.wrappedBy, true);
    const to = nodeOfKey(key.name, true);
    if (from !== undefined && to !== undefined) chart.edge(from, to, "wraps");
  }
  for (const cluster of estate.architecture.clusters) {
    if (cluster.kms === undefined || !shown.has(cluster.kms.key)) continue;
    const from = nodeOfKey(cluster.kms.key, false);
    const to = chart.node(`etcd:${cluster.name}`, `etcd data-encryption keys\nof ${cluster.name}`, { shape: "stadium" });
    if (from !== undefined) chart.edge(from, to, "wraps (AKS KMS)");
  }
  return { source: chart.toString(), nodes: chart.nodeCount, edges: chart.edgeCount };
}

function environmentOfUnit(unit: HierarchyUnit): string | null {
  if (unit.kind === "outside") return unit.key.environment;
  if (unit.kind === "key") return unit.pair.declared?.environment ?? unit.store.environment;
  return unit.store.environment;
}

export function keyHierarchyDiagram(estate: Estate): Diagram {
  const declaredByName = new Map(estate.architecture.keys.map((key) => [key.name, key]));
  // Splitting renders each candidate part, so the few wrapping relations are found once, not per render.
  const wrappedKeys = estate.architecture.keys.filter((key) => key.wrappedBy !== undefined);
  return splitDiagram<HierarchyUnit>({
    name: "key-hierarchy",
    title: "Key hierarchy",
    description: "Each key inside its store, with its type and strength, and which key wraps which, down to the data-encryption keys held outside any store.",
    units: hierarchyUnits(estate),
    environmentOf: (unit) => environmentOfUnit(unit) || "environment unknown",
    groupOf: (unit) => (unit.kind === "outside" ? OUTSIDE_STORES : unit.store.name),
    render: (units) => renderHierarchy(estate, declaredByName, wrappedKeys, units),
    readable: { nodes: 60, edges: 90 },
  });
}
