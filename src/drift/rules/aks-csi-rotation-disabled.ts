import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { clusterRef } from "../resources.js";

export const aksCsiRotationDisabled: Rule = {
  id: "aks-csi-rotation-disabled",
  title: "Clusters that mount Key Vault secrets rotate them",
  severity: "medium",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "The Secrets Store CSI driver copies certificates and secrets from Key Vault into pods. Without its rotation option, pods keep the copy they started with, so a renewed certificate or rotated secret never reaches them and retired material stays in use.",
  remediation: {
    text: "Enable secret rotation on the Key Vault secrets provider add-on.",
    command: "az aks addon update --resource-group <group> --name <cluster> --addon azure-keyvault-secrets-provider --enable-secret-rotation --rotation-poll-interval 2m",
  },
  notes: "Clusters without the add-on are not applicable unless they declare it enabled. Clusters that are not deployed belong to cluster-missing.",
  check(estate) {
    return estate.clusters
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const csi = pair.deployed!.secretsStoreCsi;
        const declared = pair.declared?.secretsStoreCsi;
        const name = `Cluster \`${pair.deployed!.name}\``;
        const fields = { resource: clusterRef(pair), declaredAt: pair.declared?.at ?? null, expected: "Secrets Store CSI rotation enabled" };
        if (!csi.enabled) {
          return declared?.enabled === true
            ? fail({ ...fields, actual: "add-on disabled", messageId: "addon-disabled", message: `${name} does not run the Key Vault secrets provider add-on, which is declared enabled.` })
            : notApplicable({ ...fields, messageId: "no-addon", message: `${name} does not run the Key Vault secrets provider add-on.` });
        }
        const interval = csi.rotationPollInterval === null ? "" : ` every ${csi.rotationPollInterval}`;
        return csi.rotationEnabled
          ? pass({ ...fields, actual: `enabled${interval}`, messageId: "enabled", message: `${name} rotates Secrets Store CSI secrets${interval}.` })
          : fail({ ...fields, actual: "rotation disabled", messageId: "disabled", message: `${name} mounts Key Vault secrets through the Secrets Store CSI driver with rotation disabled.` });
      });
  },
};
