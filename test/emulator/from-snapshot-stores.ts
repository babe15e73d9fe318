// Turns the key stores and clusters of an inventory snapshot back into the
// ARM wire bodies and estate facts the emulator serves.
import type { CollectionError, DeployedCluster, DeployedKeyStore } from "../../src/inventory/model.js";
import type { DataPlaneAccess, EstateManagedHsm, EstateVault, Fault, WireResource } from "./estate.js";
import { CertificateFactory, estateDeletedKey, estateKey, estateSecret } from "./from-snapshot-keys.js";
import { auditDiagnosticSetting } from "./wire-resources.js";

const ACCESS_BY_CODE: Record<string, DataPlaneAccess> = { ForbiddenByFirewall: "firewall", ForbiddenByRbac: "rbac", ForbiddenByConnection: "private-link" };

/** Wire `properties` shared by vaults and pools: network rules and private endpoints. */
function networkProperties(store: DeployedKeyStore) {
  return {
    ...(store.publicNetworkAccess === null ? {} : { publicNetworkAccess: store.publicNetworkAccess }),
    ...(store.networkAcls === null
      ? {}
      : {
          networkAcls: {
            bypass: store.networkAcls.bypass,
            defaultAction: store.networkAcls.defaultAction,
            ipRules: store.networkAcls.ipRules.map((value) => ({ value })),
            virtualNetworkRules: store.networkAcls.virtualNetworkRules.map((id) => ({ id })),
          },
        }),
    privateEndpointConnections: store.privateEndpoints.map((endpoint, index) => ({
      id: `${store.id}/privateEndpointConnections/connection-${index + 1}`,
      properties: { privateEndpoint: { id: endpoint.id }, privateLinkServiceConnectionState: { status: endpoint.status }, provisioningState: "Succeeded" },
    })),
  };
}

/** Returns how the store's data plane responded, judged from the snapshot's error for it. */
function dataPlaneAccess(store: DeployedKeyStore, errors: CollectionError[]): DataPlaneAccess {
  const probe = errors.find((error) => error.scope === store.id && error.operation === "dataPlane.keys.listDeleted");
  return probe === undefined ? "reachable" : (ACCESS_BY_CODE[probe.code ?? ""] ?? "firewall");
}

function diagnosticSettings(store: DeployedKeyStore) {
  return store.auditLogging === true ? [auditDiagnosticSetting(store.id)] : [];
}

export function estateVault(store: DeployedKeyStore, errors: CollectionError[], certificates: CertificateFactory): EstateVault {
  const arm: WireResource = {
    id: store.id,
    name: store.name,
    type: "Microsoft.KeyVault/vaults",
    location: store.location,
    tags: store.tags,
    properties: {
      sku: { family: "A", name: store.sku },
      tenantId: store.tenantId,
      accessPolicies: (store.accessPolicies ?? []).map((policy) => ({
        tenantId: policy.tenantId,
        objectId: policy.objectId,
        ...(policy.applicationId === null ? {} : { applicationId: policy.applicationId }),
        permissions: policy.permissions,
      })),
      vaultUri: store.uri,
      enableSoftDelete: store.softDelete.enabled,
      ...(store.softDelete.retentionDays === null ? {} : { softDeleteRetentionInDays: store.softDelete.retentionDays }),
      // ARM omits these flags unless they are on.
      ...(store.permissionModel === "rbac" ? { enableRbacAuthorization: true } : {}),
      ...(store.purgeProtection ? { enablePurgeProtection: true } : {}),
      ...networkProperties(store),
      provisioningState: "Succeeded",
    },
  };
  const certificateList = (store.certificates ?? []).map((certificate) => certificates.certificate(certificate));
  return {
    arm,
    dataPlane: dataPlaneAccess(store, errors),
    diagnosticSettings: diagnosticSettings(store),
    keys: (store.keys ?? []).map((key) => estateKey(key, certificates)),
    secrets: (store.secrets ?? []).map(estateSecret),
    certificates: certificateList,
    deletedKeys: (store.deletedKeys ?? []).map(estateDeletedKey),
  };
}

export function estateManagedHsm(store: DeployedKeyStore, errors: CollectionError[], certificates: CertificateFactory, local: Pick<EstateManagedHsm, "localRoleAssignments" | "localRoleDefinitions">): EstateManagedHsm {
  const arm: WireResource = {
    id: store.id,
    name: store.name,
    type: "Microsoft.KeyVault/managedHSMs",
    location: store.location,
    tags: store.tags,
    sku: { family: "B", name: store.sku },
    properties: {
      tenantId: store.tenantId,
      hsmUri: store.uri,
      enableSoftDelete: store.softDelete.enabled,
      ...(store.softDelete.retentionDays === null ? {} : { softDeleteRetentionInDays: store.softDelete.retentionDays }),
      // Managed HSM, unlike a vault, returns purge protection even when it is off.
      enablePurgeProtection: store.purgeProtection,
      ...networkProperties(store),
      provisioningState: "Succeeded",
    },
  };
  return {
    arm,
    dataPlane: dataPlaneAccess(store, errors),
    diagnosticSettings: diagnosticSettings(store),
    keys: (store.keys ?? []).map((key) => estateKey(key, certificates)),
    deletedKeys: (store.deletedKeys ?? []).map(estateDeletedKey),
    ...local,
  };
}

export function deletedVault(store: DeployedKeyStore): WireResource {
  return {
    id: `/subscriptions/${store.subscriptionId}/providers/Microsoft.KeyVault/locations/${store.location}/deletedVaults/${store.name}`,
    name: store.name,
    type: "Microsoft.KeyVault/deletedVaults",
    properties: { vaultId: store.id, location: store.location, tags: store.tags, purgeProtectionEnabled: store.purgeProtection },
  };
}

export function clusterWire(cluster: DeployedCluster): WireResource {
  const securityProfile: Record<string, unknown> = {};
  if (cluster.kms.state === "customer-managed") {
    securityProfile["azureKeyVaultKms"] = {
      enabled: true,
      ...(cluster.kms.keyId === null ? {} : { keyId: cluster.kms.keyId }),
      ...(cluster.kms.keyVaultNetworkAccess === null ? {} : { keyVaultNetworkAccess: cluster.kms.keyVaultNetworkAccess }),
      ...(cluster.kms.keyVaultResourceId === null ? {} : { keyVaultResourceId: cluster.kms.keyVaultResourceId }),
    };
  } else if (cluster.kms.state === "platform-managed") {
    securityProfile["kubernetesResourceObjectEncryptionProfile"] = { infrastructureEncryption: "Enabled" };
  }
  if (cluster.workloadIdentity) securityProfile["workloadIdentity"] = { enabled: true };
  const csi = cluster.secretsStoreCsi;
  return {
    id: cluster.id,
    name: cluster.name,
    type: "Microsoft.ContainerService/ManagedClusters",
    location: cluster.location,
    properties: {
      ...(cluster.kubernetesVersion === null ? {} : { kubernetesVersion: cluster.kubernetesVersion, currentKubernetesVersion: cluster.kubernetesVersion }),
      addonProfiles: {
        azureKeyvaultSecretsProvider: csi.enabled
          ? { enabled: true, config: { enableSecretRotation: String(csi.rotationEnabled), ...(csi.rotationPollInterval === null ? {} : { rotationPollInterval: csi.rotationPollInterval }) } }
          : { enabled: false },
      },
      securityProfile,
      oidcIssuerProfile: { enabled: cluster.oidcIssuer.enabled, ...(cluster.oidcIssuer.issuerUrl === null ? {} : { issuerURL: cluster.oidcIssuer.issuerUrl }) },
      apiServerAccessProfile: { enablePrivateCluster: cluster.privateCluster },
    },
  };
}

/**
 * Faults that make the emulator fail the ARM calls the snapshot records as failed, with the
 * same status, code and message. Errors that no fault can reproduce are returned apart.
 */
export function faultsFor(errors: CollectionError[]): { faults: Fault[]; unconverted: CollectionError[] } {
  const faults: Fault[] = [];
  const unconverted: CollectionError[] = [];
  const suffixes: Record<string, string> = {
    "keys.list": "/keys",
    "keys.get": "",
    "keys.listVersions": "/versions",
    "secrets.list": "/secrets",
    "diagnosticSettings.list": "/providers/Microsoft.Insights/diagnosticSettings",
    "roleAssignments.listForScope": "/providers/Microsoft.Authorization/roleAssignments",
  };
  for (const error of errors) {
    const suffix = suffixes[error.operation];
    if (error.operation === "dataPlane.keys.listDeleted") continue; // reproduced by the store's data-plane access
    if (suffix === undefined || error.status === null) {
      unconverted.push(error);
      continue;
    }
    faults.push({ target: "arm", path: `^${escapeRegExp(error.scope + suffix)}$`, status: error.status, ...(error.code === null ? {} : { code: error.code }), message: error.message });
  }
  return { faults, unconverted };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
