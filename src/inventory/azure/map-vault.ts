// Maps ARM Key Vault resources (arm-keyvault 5.0.0, api-version 2026-02-01) to key stores.
import type { DeletedVault, Vault } from "@azure/arm-keyvault";
import type { AccessPolicy, DeployedKeyStore, NetworkAcls, PrivateEndpoint } from "../model.js";
import { parseResourceId, tagsOf } from "./map-common.js";

/**
 * Maps a vault from ARM `vaults.get` or `vaults.listBySubscription`. Keys, secrets and
 * certificates start as null (not collected) and are filled in by their collectors.
 * ARM omits `enableRbacAuthorization`, `enablePurgeProtection` and `networkAcls` unless set:
 * a missing RBAC flag means the access-policy model, a missing purge flag means off.
 */
export function mapVault(vault: Vault, auditLogging: boolean | null): DeployedKeyStore {
  const properties = vault.properties;
  const id = vault.id ?? "";
  const parts = parseResourceId(id);
  return {
    id,
    name: vault.name ?? parts.name,
    type: "key-vault",
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    location: vault.location ?? "",
    sku: properties.sku?.name ?? null,
    tenantId: properties.tenantId,
    uri: properties.vaultUri ?? "",
    state: "active",
    // Azure no longer lets soft delete be turned off, so a missing flag on an old vault is read as on.
    softDelete: { enabled: properties.enableSoftDelete !== false, retentionDays: properties.softDeleteRetentionInDays ?? null },
    purgeProtection: properties.enablePurgeProtection === true,
    permissionModel: properties.enableRbacAuthorization === true ? "rbac" : "access-policies",
    publicNetworkAccess: properties.publicNetworkAccess?.toLowerCase() === "disabled" ? "Disabled" : "Enabled",
    networkAcls: mapNetworkAcls(properties.networkAcls),
    privateEndpoints: mapPrivateEndpoints(properties.privateEndpointConnections),
    auditLogging,
    accessPolicies: mapAccessPolicies(properties.accessPolicies),
    keys: null,
    secrets: null,
    certificates: null,
    tags: tagsOf(vault.tags),
  };
}

/**
 * Maps a soft-deleted vault from ARM `vaults.listDeleted`. Azure returns only its former id,
 * location, dates, tags and purge protection, so SKU, permission model and network
 * access are null, and its keys cannot be listed until it is recovered.
 */
export function mapDeletedVault(deleted: DeletedVault, tenantId: string, vaultDnsSuffix: string): DeployedKeyStore {
  const properties = deleted.properties ?? {};
  const id = properties.vaultId ?? deleted.id ?? "";
  const parts = parseResourceId(id);
  const name = deleted.name ?? parts.name;
  return {
    id,
    name,
    type: "key-vault",
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    location: properties.location ?? "",
    sku: null,
    tenantId,
    uri: `https://${name}.${vaultDnsSuffix}/`,
    state: "soft-deleted",
    softDelete: { enabled: true, retentionDays: null },
    purgeProtection: properties.purgeProtectionEnabled === true,
    permissionModel: null,
    publicNetworkAccess: null,
    networkAcls: null,
    privateEndpoints: [],
    auditLogging: null,
    accessPolicies: null,
    keys: null,
    secrets: null,
    certificates: null,
    tags: tagsOf(properties.tags),
  };
}

export function mapNetworkAcls(
  acls: { defaultAction?: string; bypass?: string; ipRules?: { value: string }[]; virtualNetworkRules?: { id: string }[] } | undefined,
): NetworkAcls | null {
  if (acls === undefined) return null;
  return {
    defaultAction: acls.defaultAction?.toLowerCase() === "deny" ? "Deny" : "Allow",
    bypass: acls.bypass?.toLowerCase() === "none" ? "None" : "AzureServices",
    ipRules: (acls.ipRules ?? []).map((rule) => rule.value),
    virtualNetworkRules: (acls.virtualNetworkRules ?? []).map((rule) => rule.id),
  };
}

export function mapPrivateEndpoints(
  connections: { id?: string; privateEndpoint?: { id?: string }; privateLinkServiceConnectionState?: { status?: string } }[] | undefined,
): PrivateEndpoint[] {
  return (connections ?? []).map((connection) => ({
    id: connection.privateEndpoint?.id ?? connection.id ?? "",
    status: connection.privateLinkServiceConnectionState?.status ?? "Unknown",
  }));
}

function mapAccessPolicies(policies: Vault["properties"]["accessPolicies"]): AccessPolicy[] {
  return (policies ?? []).map((policy) => ({
    tenantId: policy.tenantId,
    objectId: policy.objectId,
    applicationId: policy.applicationId ?? null,
    permissions: {
      keys: [...(policy.permissions.keys ?? [])],
      secrets: [...(policy.permissions.secrets ?? [])],
      certificates: [...(policy.permissions.certificates ?? [])],
      storage: [...(policy.permissions.storage ?? [])],
    },
  }));
}
