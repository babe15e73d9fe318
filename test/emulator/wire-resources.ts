// Builds wire JSON of whole ARM resources (vaults, pools, clusters) for generated estates.

const ROLE_ID_PREFIX = "/providers/Microsoft.Authorization/roleDefinitions/";

export interface VaultShape {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  tenantId: string;
  location?: string;
  sku?: "standard" | "premium";
  rbac?: boolean;
  purgeProtection?: boolean;
  retentionDays?: number;
  publicNetworkAccess?: "Enabled" | "Disabled";
  accessPolicies?: { tenantId: string; objectId: string; permissions: Record<string, string[]> }[];
  tags?: Record<string, string>;
}

/**
 * Builds a `vaults.get` body in the 2026-02-01 shape. Like Azure, it omits `enableRbacAuthorization`
 * and `enablePurgeProtection` unless they are on.
 */
export function vaultBody(shape: VaultShape) {
  return {
    id: `/subscriptions/${shape.subscriptionId}/resourceGroups/${shape.resourceGroup}/providers/Microsoft.KeyVault/vaults/${shape.name}`,
    name: shape.name,
    type: "Microsoft.KeyVault/vaults",
    location: shape.location ?? "westeurope",
    tags: shape.tags ?? {},
    properties: {
      sku: { family: "A", name: shape.sku ?? "premium" },
      tenantId: shape.tenantId,
      accessPolicies: shape.accessPolicies ?? [],
      enabledForDeployment: false,
      enableSoftDelete: true,
      softDeleteRetentionInDays: shape.retentionDays ?? 90,
      ...(shape.rbac === false ? {} : { enableRbacAuthorization: true }),
      ...(shape.purgeProtection === false ? {} : { enablePurgeProtection: true }),
      vaultUri: `https://${shape.name}.vault.azure.net/`,
      provisioningState: "Succeeded",
      publicNetworkAccess: shape.publicNetworkAccess ?? "Disabled",
      ...(shape.publicNetworkAccess === "Enabled" ? {} : { networkAcls: { bypass: "None", defaultAction: "Deny", ipRules: [], virtualNetworkRules: [] } }),
    },
  };
}

/** Builds a diagnostic setting that sends the `audit` category group to a Log Analytics workspace. */
export function auditDiagnosticSetting(storeId: string) {
  return {
    id: `${storeId}/providers/microsoft.insights/diagnosticSettings/audit-to-law`,
    name: "audit-to-law",
    properties: { workspaceId: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-logs/providers/Microsoft.OperationalInsights/workspaces/law-sec", logs: [{ category: null, categoryGroup: "audit", enabled: true }], metrics: [] },
  };
}

export interface ClusterShape {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
  kms?: { keyId: string; vaultResourceId: string; networkAccess: "Public" | "Private" } | "platform";
  secretRotation?: boolean;
  workloadIdentity?: boolean;
}

/** Builds a `managedClusters.get` body in the recorded shape: `resourcegroups` in lower case, add-on config values as strings. */
export function clusterBody(shape: ClusterShape) {
  const securityProfile: Record<string, unknown> = {};
  if (shape.kms === "platform") securityProfile["kubernetesResourceObjectEncryptionProfile"] = { infrastructureEncryption: "Enabled" };
  else if (shape.kms !== undefined) {
    securityProfile["azureKeyVaultKms"] = { enabled: true, keyId: shape.kms.keyId, keyVaultNetworkAccess: shape.kms.networkAccess, keyVaultResourceId: shape.kms.vaultResourceId };
  }
  if (shape.workloadIdentity === true) securityProfile["workloadIdentity"] = { enabled: true };
  return {
    id: `/subscriptions/${shape.subscriptionId}/resourcegroups/${shape.resourceGroup}/providers/Microsoft.ContainerService/managedClusters/${shape.name}`,
    location: "westeurope",
    name: shape.name,
    type: "Microsoft.ContainerService/ManagedClusters",
    properties: {
      provisioningState: "Succeeded",
      kubernetesVersion: "1.31.2",
      currentKubernetesVersion: "1.31.2",
      addonProfiles: {
        azureKeyvaultSecretsProvider: { enabled: true, config: shape.secretRotation === true ? { enableSecretRotation: "true", rotationPollInterval: "2m" } : { enableSecretRotation: "false" } },
      },
      enableRBAC: true,
      securityProfile,
      oidcIssuerProfile: { enabled: shape.workloadIdentity === true, ...(shape.workloadIdentity === true ? { issuerURL: `https://westeurope.oic.prod-aks.azure.com/${shape.name}/` } : {}) },
      apiServerAccessProfile: { enablePrivateCluster: true },
    },
  };
}

/** A built-in role definition id, subscription-qualified as ARM returns it. */
export function builtInRoleId(subscriptionId: string, guid: string): string {
  return `/subscriptions/${subscriptionId}${ROLE_ID_PREFIX}${guid}`;
}
