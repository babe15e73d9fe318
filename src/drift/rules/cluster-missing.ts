import type { Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { clusterRef } from "../resources.js";
import { discoveryGap } from "../discovery.js";

export const clusterMissing: Rule = {
  id: "cluster-missing",
  title: "Every declared AKS cluster is deployed",
  severity: "medium",
  requirements: ["3.6.1.1"],
  rationale:
    "The document describes how each cluster encrypts its secrets and which keys it uses. A declared cluster that is not found means that description no longer matches the estate.",
  remediation: {
    text: "Correct the cluster's resource id in architecture.yaml, or remove the cluster if it was decommissioned.",
    command: "az aks show --resource-group <group> --name <cluster>",
  },
  notes: "When the cluster listing failed or did not cover the cluster's subscription, the result is an error.",
  check(estate) {
    return estate.clusters
      .filter((pair) => pair.declared !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const fields = { resource: clusterRef(pair), declaredAt: declared.at, expected: "deployed" };
        if (pair.deployed !== null) return pass({ ...fields, actual: "deployed", messageId: "deployed", message: `Cluster \`${declared.name}\` is deployed.` });
        const gap = estate.inventory.clusters === null ? "the cluster listing was not collected" : discoveryGap(estate.inventory, "clusters", declared.resourceId);
        return gap === null
          ? fail({ ...fields, actual: "not found", messageId: "missing", message: `Cluster \`${declared.name}\` is declared but not found at \`${declared.resourceId}\`.` })
          : undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether cluster \`${declared.name}\` is deployed: ${gap}.` });
      });
  },
};
