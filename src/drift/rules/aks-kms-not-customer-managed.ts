import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { clusterRef } from "../resources.js";
import { findKeyById } from "../key-id.js";

export const aksKmsNotCustomerManaged: Rule = {
  id: "aks-kms-not-customer-managed",
  title: "Clusters declared with a KMS key encrypt etcd with that customer-managed key",
  severity: "high",
  requirements: ["3.6.1.1"],
  rationale:
    "Kubernetes secrets in etcd hold credentials that reach the cardholder data environment. The document states that a customer-managed key in Key Vault encrypts them; with KMS off, or with platform-managed keys, nobody the organisation controls can rotate, revoke or audit that key.",
  remediation: {
    text: "Enable Azure Key Vault KMS on the cluster with the declared key.",
    command: "az aks update --resource-group <group> --name <cluster> --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <key id> --azure-keyvault-kms-key-vault-network-access Private --azure-keyvault-kms-key-vault-resource-id <vault id>",
  },
  notes: "Clusters that declare no `kms` key are not applicable; clusters that are not deployed belong to cluster-missing. Which version the cluster pins belongs to aks-kms-key-version-stale.",
  check(estate) {
    return estate.clusters
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const kms = pair.deployed!.kms;
        const fields = { resource: clusterRef(pair), declaredAt: declared.at, expected: declared.kms === undefined ? "" : `customer-managed key \`${declared.kms.key}\`` };
        if (declared.kms === undefined) return notApplicable({ ...fields, messageId: "not-declared", message: `Cluster \`${declared.name}\` declares no KMS key.` });
        if (kms.state !== "customer-managed") {
          return fail({ ...fields, actual: kms.state, messageId: kms.state === "none" ? "kms-off" : "platform-managed", message: `Cluster \`${declared.name}\` encrypts etcd with ${kms.state === "none" ? "no KMS key" : "a platform-managed key"}, expected customer-managed key \`${declared.kms.key}\`.` });
        }
        if (kms.keyId === null) return undecided({ ...fields, actual: "customer-managed, key unknown", messageId: "key-unknown", message: `Cluster \`${declared.name}\` uses a customer-managed KMS key, but its key id is not in the inventory.` });
        const used = findKeyById(estate, kms.keyId);
        const actual = `\`${kms.keyId}\``;
        if (used?.declared?.name === declared.kms.key) {
          return pass({ ...fields, actual, messageId: "declared-key", message: `Cluster \`${declared.name}\` encrypts etcd with customer-managed key \`${declared.kms.key}\`.` });
        }
        return fail({ ...fields, actual, messageId: "other-key", message: `Cluster \`${declared.name}\` encrypts etcd with \`${kms.keyId}\`, expected declared key \`${declared.kms.key}\`.` });
      });
  },
};
