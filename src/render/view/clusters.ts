// AKS clusters: etcd encryption with a customer key (KMS), the Secrets Store
// CSI driver's rotation, and workload identity, declared next to deployed.
import type { Estate } from "../../drift/estate.js";

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
      state: deployed === null ? (estate.inventory.clusters === null ? "not collected" : "missing") : declared === null ? "undeclared" : "deployed",
      kmsDeclared: declared?.kms === undefined ? "off" : `customer key ${declared.kms.key}${declared.kms.networkAccess === undefined ? "" : `, ${declared.kms.networkAccess} network access`}`,
      kmsDeployed: kms === undefined ? "" : `${KMS_STATES[kms.state] ?? kms.state}${kms.keyId === null ? "" : ` ${kms.keyId}`}${kms.keyVaultNetworkAccess === null ? "" : `, ${kms.keyVaultNetworkAccess.toLowerCase()} network access`}`,
      csiDeclared: declared?.secretsStoreCsi === undefined ? "" : declared.secretsStoreCsi.enabled ? `enabled, rotation ${declared.secretsStoreCsi.rotation ? `on${declared.secretsStoreCsi.pollInterval ? ` every ${declared.secretsStoreCsi.pollInterval}` : ""}` : "off"}` : "disabled",
      csiDeployed: csi === undefined ? "" : csi.enabled ? `enabled, rotation ${csi.rotationEnabled ? `on${csi.rotationPollInterval ? ` every ${csi.rotationPollInterval}` : ""}` : "off"}` : "disabled",
      workloadIdentity: `${declared?.workloadIdentity === undefined ? "not declared" : declared.workloadIdentity ? "declared on" : "declared off"}${deployed === null ? "" : `, deployed ${deployed.workloadIdentity ? "on" : "off"}`}`,
    };
  });
}
