// Resource references and display names for results, derived from estate pairs.
import type { ResourceRef } from "./model.js";
import type { CertificatePair, ClusterPair, KeyPair, StorePair } from "./estate.js";

export function storeRef(store: StorePair): ResourceRef {
  return {
    id: store.deployed?.id ?? store.declared?.resourceId ?? `declared:keyStores/${store.name}`,
    store: store.name,
    name: store.deployed?.name ?? store.name,
    declaredName: store.declared?.name ?? null,
  };
}

export function keyRef(pair: KeyPair): ResourceRef {
  const declared = pair.declared;
  const storeId = pair.store?.deployed?.id ?? pair.store?.declared?.resourceId;
  const id = pair.deployed?.id ?? (storeId !== undefined && declared !== null ? `${storeId}/keys/${declared.azureName}` : `declared:keys/${declared?.name ?? "unknown"}`);
  return {
    id,
    store: pair.store?.name ?? null,
    name: pair.deployed?.name ?? declared?.azureName ?? "unknown",
    declaredName: declared?.name ?? null,
  };
}

export function certificateRef(pair: CertificatePair): ResourceRef {
  const storeId = pair.store.deployed?.id ?? pair.store.declared?.resourceId ?? pair.store.name;
  return {
    id: `${storeId}/certificates/${pair.deployed?.name ?? pair.declared?.azureName ?? "unknown"}`,
    store: pair.store.name,
    name: pair.deployed?.name ?? pair.declared?.azureName ?? "unknown",
    declaredName: pair.declared?.name ?? null,
  };
}

export function clusterRef(pair: ClusterPair): ResourceRef {
  return {
    id: pair.deployed?.id ?? pair.declared?.resourceId ?? "unknown",
    store: null,
    name: pair.deployed?.name ?? pair.declared?.name ?? "unknown",
    declaredName: pair.declared?.name ?? null,
  };
}

/** Names a key inside a sentence: "key `pan-kek` in `kv-cde-prod`". */
export function keyPhrase(pair: KeyPair): string {
  const ref = keyRef(pair);
  if (ref.store === null) return `key \`${ref.declaredName ?? ref.name}\``;
  // A key declared under another name than its Azure one is named both ways, so readers find it in architecture.yaml.
  const alias = ref.declaredName !== null && ref.declaredName !== ref.name ? ` (declared as \`${ref.declaredName}\`)` : "";
  return `key \`${ref.name}\`${alias} in \`${ref.store}\``;
}

/** Names a key at the start of a message: "Key `pan-kek` in `kv-cde-prod`". */
export function describeKey(pair: KeyPair): string {
  return `K${keyPhrase(pair).slice(1)}`;
}
