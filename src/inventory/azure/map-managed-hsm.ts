// Maps Managed HSM pools (arm-keyvault 5.0.0). Their permissions are local RBAC
// inside the HSM, read from the data plane, not ARM role assignments.
import type { ManagedHsm } from "@azure/arm-keyvault";
import type { DeployedKeyStore } from "../model.js";
import { parseResourceId, tagsOf } from "./map-common.js";
import { mapNetworkAcls, mapPrivateEndpoints } from "./map-vault.js";

/** Maps a pool. Managed HSM returns `enablePurgeProtection: false` explicitly, unlike vaults. */
export function mapManagedHsm(hsm: ManagedHsm, tenantId: string, auditLogging: boolean | null): DeployedKeyStore {
  const properties = hsm.properties ?? {};
  const id = hsm.id ?? "";
  const parts = parseResourceId(id);
  return {
    id,
    name: hsm.name ?? parts.name,
    type: "managed-hsm",
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    location: hsm.location ?? "",
    sku: hsm.sku?.name ?? null,
    tenantId: properties.tenantId ?? tenantId,
    uri: properties.hsmUri ?? "",
    state: "active",
    softDelete: { enabled: properties.enableSoftDelete !== false, retentionDays: properties.softDeleteRetentionInDays ?? null },
    purgeProtection: properties.enablePurgeProtection === true,
    permissionModel: "local-rbac",
    publicNetworkAccess: properties.publicNetworkAccess?.toLowerCase() === "disabled" ? "Disabled" : "Enabled",
    networkAcls: mapNetworkAcls(properties.networkAcls),
    privateEndpoints: mapPrivateEndpoints(properties.privateEndpointConnections),
    auditLogging,
    // Managed HSM has no access policies. Its local role assignments are listed with the role assignments.
    accessPolicies: [],
    keys: null,
    secrets: [],
    certificates: [],
    tags: tagsOf(hsm.tags),
  };
}
