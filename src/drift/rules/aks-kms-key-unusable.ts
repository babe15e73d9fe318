import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { clusterRef } from "../resources.js";
import { isoDate } from "../evidence.js";
import { findKeyById, parseKeyId } from "../key-id.js";

export const aksKmsKeyUnusable: Rule = {
  id: "aks-kms-key-unusable",
  title: "The KMS key version a cluster pins is enabled, unexpired and has an expiry date",
  severity: "high",
  requirements: ["3.7.4", "3.7.5"],
  rationale:
    "A cluster whose pinned KMS key version is disabled or expired cannot decrypt its secrets once it restarts, and a version without an expiry date never reaches the end of its cryptoperiod.",
  remediation: {
    text: "Point the cluster at an enabled current version with an expiry date, then disable the old version.",
    command: "az aks update --resource-group <group> --name <cluster> --enable-azure-keyvault-kms --azure-keyvault-kms-key-id <current versioned key id>",
  },
  notes: "This rule judges a pinned version that is not the key's current version; the current version's state and expiry belong to key-disabled, key-expired and key-expiry-not-set, so one cause gives one finding. That the pin is stale at all belongs to aks-kms-key-version-stale.",
  check(estate) {
    return estate.clusters
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const kms = pair.deployed!.kms;
        const name = `Cluster \`${pair.deployed!.name}\``;
        const fields = { resource: clusterRef(pair), declaredAt: pair.declared?.at ?? null, expected: "an enabled, unexpired version with an expiry date" };
        if (kms.state !== "customer-managed" || kms.keyId === null) return notApplicable({ ...fields, messageId: "no-customer-key", message: `${name} uses no customer-managed KMS key.` });
        const key = findKeyById(estate, kms.keyId)?.deployed ?? null;
        const pinned = parseKeyId(kms.keyId)?.version ?? null;
        if (key !== null && pinned !== null && pinned.toLowerCase() === key.currentVersion?.toLowerCase()) {
          return notApplicable({ ...fields, messageId: "current-version", message: `${name} pins the current version of \`${key.name}\`, which the key rules judge.` });
        }
        const version = key?.versions?.find((candidate) => candidate.version.toLowerCase() === pinned?.toLowerCase());
        if (key === null || version === undefined) {
          return undecided({ ...fields, actual: "unknown", messageId: "version-unknown", message: `${name} pins KMS key \`${kms.keyId}\`, whose version is not in the inventory.` });
        }
        const problems: string[] = [];
        if (!version.enabled) problems.push("disabled");
        if (version.expires === null) problems.push("has no expiry date");
        else if (new Date(version.expires).getTime() <= estate.asOf.getTime()) problems.push(`expired on ${isoDate(version.expires)}`);
        const actual = problems.length === 0 ? `enabled, expires ${isoDate(version.expires!)}` : problems.join(", ");
        return problems.length === 0
          ? pass({ ...fields, actual, messageId: "usable", message: `${name} pins version \`${version.version}\` of \`${key.name}\`, which is enabled and expires on ${isoDate(version.expires!)}.` })
          : fail({ ...fields, actual, messageId: "unusable", message: `${name} pins version \`${version.version}\` of \`${key.name}\`, which is ${problems.join(" and ")}.` });
      });
  },
};
