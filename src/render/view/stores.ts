// Key stores as secure cryptographic devices and key management systems:
// type, location, FIPS level and protection, declared next to deployed.
import type { Estate, StorePair } from "../../drift/estate.js";
import { publicExposure } from "../../drift/rules/store-public-network-access.js";

export interface StoreView {
  name: string;
  kind: string;
  sku: string;
  location: string;
  environment: string;
  fipsLevel: string;
  protection: string;
  network: string;
  purgeProtection: string;
  softDelete: string;
  permissionModel: string;
  resourceId: string;
  state: string;
  keyCount: string;
  description: string;
}

// Key Vault's hsmPlatform key attribute names the HSM behind `-HSM` keys.
const HSM_PLATFORM_LEVEL: Record<string, string> = {
  "0": "software (FIPS 140-2 Level 1)",
  "1": "HSM, FIPS 140-2 Level 2",
  "2": "HSM, FIPS 140-3 Level 3",
};

function kindOf(store: StorePair): string {
  const type = store.deployed?.type ?? store.declared?.type;
  const sku = (store.deployed?.sku ?? store.declared?.sku ?? "").toLowerCase();
  if (type === "managed-hsm") return "Azure Key Vault Managed HSM (single-tenant HSM pool)";
  if (sku === "premium") return "Azure Key Vault Premium (HSM-backed keys available)";
  if (sku === "standard") return "Azure Key Vault Standard (software-protected keys only)";
  return "Azure Key Vault";
}

function fipsLevelOf(store: StorePair): string {
  const declared = store.declared?.fipsLevel;
  const platforms = new Set((store.deployed?.keys ?? []).map((key) => key.hsmPlatform).filter((platform): platform is string => platform !== null));
  const observed = [...platforms].sort().map((platform) => HSM_PLATFORM_LEVEL[platform] ?? `hsmPlatform \`${platform}\``);
  const parts = [];
  if (declared !== undefined) parts.push(`${declared} (declared)`);
  if (observed.length > 0) parts.push(`keys report ${observed.join(" and ")}`);
  if (store.deployed?.type === "managed-hsm") parts.push("Managed HSM pools are validated at FIPS 140-3 Level 3");
  return parts.length === 0 ? "not declared" : parts.join("; ");
}

function networkOf(store: StorePair): string {
  const deployed = store.deployed;
  if (deployed === null) return store.declared?.publicNetworkAccess === undefined ? "" : `public access ${store.declared.publicNetworkAccess} (declared)`;
  const exposure = publicExposure(deployed);
  const endpoints = deployed.privateEndpoints.length;
  const privateText = endpoints === 0 ? "no private endpoint" : `${endpoints} private endpoint${endpoints === 1 ? "" : "s"}`;
  return `${exposure === null ? "not reachable from public networks" : exposure.replace(/`/g, "")}; ${privateText}`;
}

function onOff(value: boolean): string {
  return value ? "enabled" : "disabled";
}

function stateOf(store: StorePair): string {
  if (store.deployed === null) return "not deployed";
  if (store.declared === null) return `undeclared, ${store.deployed.state}`;
  return store.deployed.state;
}

function keyCountOf(store: StorePair): string {
  if (store.deployed === null) return "";
  return store.deployed.keys === null ? "not collected" : String(store.deployed.keys.length);
}

function softDeleteOf(store: StorePair): string {
  const softDelete = store.deployed?.softDelete;
  if (softDelete === undefined) return "";
  return softDelete.enabled ? `${softDelete.retentionDays ?? "unknown"} days` : "disabled";
}

export function storeViews(estate: Estate): StoreView[] {
  return estate.stores.map((store) => {
    const deployed = store.deployed;
    return {
      name: store.name,
      kind: kindOf(store),
      sku: deployed?.sku ?? store.declared?.sku ?? "",
      location: deployed?.location ?? store.declared?.location ?? "",
      environment: store.environment ?? "unknown",
      fipsLevel: fipsLevelOf(store),
      protection: deployed?.type === "managed-hsm" || store.declared?.type === "managed-hsm" ? "HSM" : (deployed?.sku ?? store.declared?.sku) === "premium" ? "HSM for -HSM key types, software otherwise" : "software",
      network: networkOf(store),
      purgeProtection: deployed === null ? "" : onOff(deployed.purgeProtection),
      softDelete: softDeleteOf(store),
      permissionModel: deployed?.permissionModel ?? store.declared?.permissionModel ?? "",
      resourceId: deployed?.id ?? store.declared?.resourceId ?? "",
      state: stateOf(store),
      keyCount: keyCountOf(store),
      description: store.declared?.description ?? "",
    };
  });
}
