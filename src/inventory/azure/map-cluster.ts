// Maps AKS managed clusters (arm-containerservice 25.3.0, api-version 2026-04-01).
import type { ManagedCluster } from "@azure/arm-containerservice";
import type { DeployedCluster, KmsState } from "../model.js";
import { parseResourceId } from "./map-common.js";

/**
 * Maps a cluster. `rawSecurityProfile` is the wire `properties.securityProfile`, because
 * the platform-managed etcd encryption (`kubernetesResourceObjectEncryptionProfile`) is
 * newer than this SDK, whose deserializer drops it.
 */
export function mapCluster(cluster: ManagedCluster, rawSecurityProfile: Record<string, unknown> | null): DeployedCluster {
  const id = cluster.id ?? "";
  const parts = parseResourceId(id);
  const kms = cluster.securityProfile?.azureKeyVaultKms;
  const customerKey = kms?.enabled === true;
  const csi = secretsProviderAddon(cluster.addonProfiles);
  return {
    id,
    name: cluster.name ?? parts.name,
    subscriptionId: parts.subscriptionId,
    resourceGroup: parts.resourceGroup,
    location: cluster.location ?? "",
    kubernetesVersion: cluster.currentKubernetesVersion ?? cluster.kubernetesVersion ?? null,
    kms: {
      state: kmsState(customerKey, rawSecurityProfile),
      keyId: customerKey ? (kms?.keyId ?? null) : null,
      keyVaultNetworkAccess: customerKey ? networkAccess(kms?.keyVaultNetworkAccess) : null,
      keyVaultResourceId: customerKey ? (kms?.keyVaultResourceId ?? null) : null,
    },
    secretsStoreCsi: {
      enabled: csi?.enabled === true,
      // Add-on config values are strings: "false" is false, and a missing config means rotation off.
      rotationEnabled: csi?.enabled === true && configValue(csi.config, "enableSecretRotation")?.toLowerCase() === "true",
      rotationPollInterval: csi?.enabled === true ? (configValue(csi.config, "rotationPollInterval") ?? null) : null,
    },
    workloadIdentity: cluster.securityProfile?.workloadIdentity?.enabled === true,
    oidcIssuer: { enabled: cluster.oidcIssuerProfile?.enabled === true, issuerUrl: cluster.oidcIssuerProfile?.issuerURL ?? null },
    privateCluster: cluster.apiServerAccessProfile?.enablePrivateCluster === true,
  };
}

function kmsState(customerKey: boolean, rawSecurityProfile: Record<string, unknown> | null): KmsState {
  if (customerKey) return "customer-managed";
  const profile = rawSecurityProfile?.["kubernetesResourceObjectEncryptionProfile"];
  if (typeof profile === "object" && profile !== null) {
    const infrastructure = (profile as Record<string, unknown>)["infrastructureEncryption"];
    if (typeof infrastructure === "string" && infrastructure.toLowerCase() === "enabled") return "platform-managed";
  }
  return "none";
}

function networkAccess(value: string | undefined): "Public" | "Private" | null {
  if (value === undefined) return null;
  return value.toLowerCase() === "private" ? "Private" : "Public";
}

// The add-on key is `azureKeyvaultSecretsProvider` (lower-case v) on the wire, but callers
// have written other casings, so it is looked up case-insensitively.
function secretsProviderAddon(addons: ManagedCluster["addonProfiles"]) {
  const entry = Object.entries(addons ?? {}).find(([name]) => name.toLowerCase() === "azurekeyvaultsecretsprovider");
  return entry?.[1];
}

function configValue(config: Record<string, string> | undefined, name: string): string | undefined {
  const entry = Object.entries(config ?? {}).find(([key]) => key.toLowerCase() === name.toLowerCase());
  return entry?.[1];
}
