import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { clusterRef } from "../resources.js";
import { findKeyById, parseKeyId } from "../key-id.js";

export const aksKmsKeyVersionStale: Rule = {
  id: "aks-kms-key-version-stale",
  title: "Clusters use the current version of their KMS key",
  severity: "high",
  requirements: ["3.7.4"],
  rationale:
    "AKS pins its KMS configuration to one key version. When Key Vault rotates the key, the cluster keeps wrapping etcd keys with the old version until its KMS key id is updated, so the rotation has not taken effect and the old version's cryptoperiod runs on.",
  remediation: {
    text: "Update the cluster's KMS key id to the current key version after each rotation; automate it with the key's rotation event.",
    command: "az aks update --resource-group <group> --name <cluster> --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <current versioned key id>",
  },
  notes: "Clusters without a customer-managed KMS key are not applicable (aks-kms-not-customer-managed owns them). A KMS key that is not in the inventory gives an error.",
  check(estate) {
    return estate.clusters
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const kms = pair.deployed!.kms;
        const name = `Cluster \`${pair.deployed!.name}\``;
        const fields = { resource: clusterRef(pair), declaredAt: pair.declared?.at ?? null, expected: "the key's current version" };
        if (kms.state !== "customer-managed" || kms.keyId === null) return notApplicable({ ...fields, messageId: "no-customer-key", message: `${name} uses no customer-managed KMS key.` });
        const version = parseKeyId(kms.keyId)?.version ?? null;
        const key = findKeyById(estate, kms.keyId);
        if (key === null || key.deployed!.currentVersion === null) {
          return undecided({ ...fields, actual: `\`${kms.keyId}\``, messageId: "key-unknown", message: `${name} uses KMS key \`${kms.keyId}\`, whose current version is not in the inventory.` });
        }
        const current = key.deployed!.currentVersion;
        const actual = version === null ? "no version" : `\`${version}\``;
        return version !== null && version.toLowerCase() === current.toLowerCase()
          ? pass({ ...fields, actual, messageId: "current", message: `${name} uses the current version \`${current}\` of KMS key \`${key.deployed!.name}\`.` })
          : fail({ ...fields, actual, messageId: "stale", message: `${name} uses version ${actual} of KMS key \`${key.deployed!.name}\`, expected the current version \`${current}\`.` });
      });
  },
};
