import type { Outcome, Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { clusterRef } from "../resources.js";
import { discoveryErrors } from "../discovery.js";
import { describeFailure } from "../evidence.js";

export const clusterUndeclared: Rule = {
  id: "cluster-undeclared",
  title: "Every deployed AKS cluster in scope is declared",
  severity: "medium",
  requirements: ["3.6.1.1"],
  rationale:
    "A cluster in the cardholder data environment's subscriptions can use keys and hold secrets. One that architecture.yaml does not declare has no documented etcd encryption, secret rotation or key users.",
  remediation: {
    text: "Declare the cluster with its KMS key and Secrets Store CSI settings, or move it out of the cardholder data environment's subscriptions.",
    command: "az aks show --resource-group <group> --name <cluster> --query securityProfile",
  },
  notes: "A failed cluster listing gives one error per failed scope.",
  check(estate) {
    const outcomes: Outcome[] = [];
    const section = estate.architecture.sections.clusters ?? null;
    const errors = estate.inventory.clusters === null && discoveryErrors(estate.inventory, "clusters").length === 0
      ? [{ scope: "clusters", operation: "managedClusters.list", status: null, code: null }]
      : discoveryErrors(estate.inventory, "clusters");
    for (const error of errors) {
      outcomes.push(undecided({
        messageId: "not-collected",
        resource: { id: error.scope, store: null, name: error.scope, declaredName: null },
        declaredAt: section,
        expected: "every cluster declared",
        actual: "unknown",
        message: `Cannot tell whether \`${error.scope}\` holds undeclared clusters: ${describeFailure(error)}.`,
      }));
    }
    for (const pair of estate.clusters) {
      if (pair.deployed === null) continue;
      const fields = { resource: clusterRef(pair), expected: "declared in architecture.yaml" };
      outcomes.push(pair.declared !== null
        ? pass({ ...fields, declaredAt: pair.declared.at, actual: "declared", messageId: "declared", message: `Cluster \`${pair.deployed.name}\` is declared.` })
        : fail({ ...fields, declaredAt: section, actual: "not declared", messageId: "undeclared", message: `Cluster \`${pair.deployed.name}\` in resource group \`${pair.deployed.resourceGroup}\` is deployed but not declared.` }));
    }
    return outcomes;
  },
};
