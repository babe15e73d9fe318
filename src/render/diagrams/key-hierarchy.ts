// The key hierarchy: each key inside its store, and which key wraps which,
// down to the data-encryption keys held outside any store.
import type { Estate } from "../../drift/estate.js";
import { keyStrength } from "../../model/strength.js";
import { Flowchart } from "./flowchart.js";

/** Stores with more keys than this show only the keys in a wrapping relation plus one summary node, to stay readable. */
const KEYS_SHOWN_PER_STORE = 40;

export function keyHierarchyDiagram(estate: Estate): string {
  const chart = new Flowchart("TB");
  chart.classDef("undeclared", "stroke-dasharray: 5 5");
  chart.classDef("missing", "stroke-dasharray: 2 2,opacity:0.6");

  const related = new Set<string>();
  for (const key of estate.architecture.keys) {
    if (key.wrappedBy !== undefined) related.add(key.wrappedBy).add(key.name);
  }
  for (const cluster of estate.architecture.clusters) if (cluster.kms !== undefined) related.add(cluster.kms.key);

  const pairsByStore = new Map<object, typeof estate.keys>();
  for (const pair of estate.keys) {
    if (pair.store === null) continue;
    const group = pairsByStore.get(pair.store);
    if (group === undefined) pairsByStore.set(pair.store, [pair]);
    else group.push(pair);
  }

  for (const store of estate.stores) {
    const type = (store.deployed?.type ?? store.declared?.type) === "managed-hsm" ? "Managed HSM" : `Key Vault ${store.deployed?.sku ?? store.declared?.sku ?? ""}`.trim();
    const group = chart.subgraph(`${store.name} (${type}, ${store.environment ?? "environment unknown"})`);
    const pairs = pairsByStore.get(store) ?? [];
    const shown = pairs.length > KEYS_SHOWN_PER_STORE ? pairs.filter((pair) => pair.declared !== null && related.has(pair.declared.name)) : pairs;
    for (const pair of shown) {
      const kty = pair.deployed?.kty ?? pair.declared!.type;
      const strength = pair.deployed !== null ? keyStrength(kty, pair.deployed.keySize, pair.deployed.curve) : keyStrength(kty, pair.declared!.size, pair.declared!.curve);
      const name = pair.declared?.name ?? pair.deployed!.name;
      const state = pair.declared === null ? "undeclared" : pair.deployed === null ? "missing" : undefined;
      const label = `${name}\n${kty}${strength.ok ? `, ${strength.display} bits` : ""}${state === undefined ? "" : `\n${state}`}`;
      chart.node(`key:${store.name}:${name}`, label, { subgraph: group, shape: "round", ...(state === undefined ? {} : { className: state }) });
    }
    if (shown.length < pairs.length) {
      chart.node(`more:${store.name}`, `${pairs.length - shown.length} more keys\nlisted in key-inventory.md`, { subgraph: group });
    }
    if (pairs.length === 0) chart.node(`empty:${store.name}`, store.deployed?.keys === null ? "keys not collected" : "no keys", { subgraph: group });
  }

  const wrappedKeys = estate.architecture.keys.filter((key) => key.store === undefined);
  if (wrappedKeys.length > 0) {
    const group = chart.subgraph("Held wrapped outside key stores");
    for (const key of wrappedKeys) {
      const strength = keyStrength(key.type, key.size, key.curve);
      chart.node(`key::${key.name}`, `${key.name}\n${key.type}${strength.ok ? `, ${strength.display} bits` : ""}\n${key.heldIn ?? ""}`, { subgraph: group, shape: "round" });
    }
  }

  const nodeOfKey = (name: string) => {
    const key = estate.architecture.keys.find((candidate) => candidate.name === name);
    return key === undefined ? undefined : chart.idOf(`key:${key.store ?? ""}:${key.name}`);
  };
  for (const key of estate.architecture.keys) {
    if (key.wrappedBy === undefined) continue;
    const from = nodeOfKey(key.wrappedBy);
    const to = nodeOfKey(key.name);
    if (from !== undefined && to !== undefined) chart.edge(from, to, "wraps");
  }
  for (const cluster of estate.architecture.clusters) {
    if (cluster.kms === undefined) continue;
    const from = nodeOfKey(cluster.kms.key);
    const to = chart.node(`etcd:${cluster.name}`, `etcd data-encryption keys\nof ${cluster.name}`, { shape: "stadium" });
    if (from !== undefined) chart.edge(from, to, "wraps (AKS KMS)");
  }
  return chart.toString();
}
