// AKS clusters: etcd encryption with a customer key (KMS), the Secrets Store
// CSI driver's rotation, and workload identity, declared next to deployed.
import type { ClusterPair, Estate } from "../../drift/estate.js";

export interface ClusterView {
  name: string;
  environment: string;
  state: string;
  kmsDeclared: string;
  kmsDeployed: string;
  csiDeclared: string;
  csiDeployed: string;
  workloadIdentity: string;
}

const KMS_STATES: Record<string, string> = {
  none: "off",
  "platform-managed": "platform-managed key",
  "customer-managed": "customer key",
};

function clusterState(pair: ClusterPair, notCollected: boolean): string {
  if (pair.deployed === null) return notCollected ? "not collected" : "missing";
  return pair.declared === null ? "undeclared" : "deployed";
}

/** Describes the Secrets Store CSI driver: enabled, and whether and how often it rotates. */
function csiText(enabled: boolean, rotation: boolean, pollInterval: string | null): string {
  if (!enabled) return "disabled";
  if (!rotation) return "enabled, rotation off";
  return `enabled, rotation on${pollInterval ? ` every ${pollInterval}` : ""}`;
}

export function clusterViews(estate: Estate): ClusterView[] {
  if (estate.inventory.clusters === null && estate.clusters.length === 0) return [];
  return estate.clusters.map((pair) => {
    const declared = pair.declared;
    const deployed = pair.deployed;
    const kms = deployed?.kms;
    const csi = deployed?.secretsStoreCsi;
    return {
      name: declared?.name ?? deployed?.name ?? "",
      environment: declared?.environment ?? "",
      state: clusterState(pair, estate.inventory.clusters === null),
      kmsDeclared: declared?.kms === undefined ? "off" : `customer key ${declared.kms.key}${declared.kms.networkAccess === undefined ? "" : `, ${declared.kms.networkAccess} network access`}`,
      kmsDeployed: kms === undefined ? "" : `${KMS_STATES[kms.state] ?? kms.state}${kms.keyId === null ? "" : ` ${kms.keyId}`}${kms.keyVaultNetworkAccess === null ? "" : `, ${kms.keyVaultNetworkAccess.toLowerCase()} network access`}`,
      csiDeclared: declared?.secretsStoreCsi === undefined ? "" : csiText(declared.secretsStoreCsi.enabled, declared.secretsStoreCsi.rotation, declared.secretsStoreCsi.pollInterval ?? null),
      csiDeployed: csi === undefined ? "" : csiText(csi.enabled, csi.rotationEnabled, csi.rotationPollInterval),
      workloadIdentity: `${declared?.workloadIdentity === undefined ? "not declared" : declared.workloadIdentity ? "declared on" : "declared off"}${deployed === null ? "" : `, deployed ${deployed.workloadIdentity ? "on" : "off"}`}`,
    };
  });
}
