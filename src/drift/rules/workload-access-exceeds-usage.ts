import type { Workload } from "../../declared/model.js";
import type { DeployedKey } from "../../inventory/model.js";
import { keyOperationsOfAccessPolicy, keyOperationsOfRole } from "../../model/permissions.js";
import type { AccessGrant } from "../access.js";
import { describeGrantScope, describePrincipal, storeAccess } from "../access.js";
import type { Estate, StorePair } from "../estate.js";
import type { Outcome, Rule } from "../rule.js";
import { fail, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

/** Returns the operations a grant allows on keys, before each key's own keyOps restrict them. */
function grantedOperations(store: StorePair, grant: AccessGrant): string[] {
  if (grant.definition !== null) return keyOperationsOfRole(grant.definition);
  const policy = store.deployed!.accessPolicies?.find((candidate) => candidate.objectId.toLowerCase() === grant.principalId.toLowerCase());
  return policy === undefined ? [] : keyOperationsOfAccessPolicy(policy);
}

/** Lists, per key the grant reaches, the operations the workload can perform there but did not declare. */
function excessOperations(estate: Estate, workload: Workload, store: StorePair, grant: AccessGrant, keys: DeployedKey[]): string[] {
  const granted = new Set(grantedOperations(store, grant).map((operation) => operation.toLowerCase()));
  const keyName = grant.relation === "key" ? grant.scope.slice(grant.scope.lastIndexOf("/") + 1).toLowerCase() : null;
  const excess: string[] = [];
  for (const key of keys.filter((candidate) => keyName === null || candidate.name.toLowerCase() === keyName)) {
    const declaredKey = estate.keys.find((pair) => pair.deployed === key)?.declared?.name;
    const declared = new Set(workload.uses.filter((use) => use.key === declaredKey).flatMap((use) => use.operations.map((operation) => operation.toLowerCase())));
    const extra = key.keyOps.filter((operation) => granted.has(operation.toLowerCase()) && !declared.has(operation.toLowerCase()));
    if (extra.length > 0) excess.push(`\`${key.name}\`: ${extra.map((operation) => `\`${operation}\``).join(", ")}`);
  }
  return excess;
}

export const workloadAccessExceedsUsage: Rule = {
  id: "workload-access-exceeds-usage",
  title: "Workload identities can perform only the key operations they are declared to use",
  severity: "high",
  requirements: ["3.6.1", "7.2.5"],
  rationale:
    "Key users need access to the keys and operations of their declared use and no more. A workload identity that can also decrypt with another key, or sign where it only wraps, turns the compromise of one workload into misuse of keys it never needed.",
  remediation: {
    text: "Assign the workload a role scoped to the key it uses, with only the data actions of its declared operations, such as Key Vault Crypto Service Encryption User for wrapKey and unwrapKey.",
    command: "az role assignment create --role \"Key Vault Crypto Service Encryption User\" --assignee <workload object id> --scope <store id>/keys/<key>",
  },
  notes: "An operation counts only where both the grant and the key's own keyOps allow it, because Key Vault refuses an operation the key does not permit. A grant at the store or above it reaches every key in the store. Key-management rights held by a workload belong to custodian-undeclared.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const store of estate.stores) {
      if (store.deployed === null || store.deployed.state !== "active") continue;
      const access = storeAccess(estate.inventory, store.deployed);
      const grants = access.ok ? access.grants : [];
      for (const workload of estate.architecture.workloads) {
        const useGrants = grants.filter((grant) => grant.principalId.toLowerCase() === workload.principalId.toLowerCase() && grant.rights.includes("use"));
        if (!access.ok || (useGrants.length > 0 && store.deployed.keys === null)) {
          const usesStore = workload.uses.some((use) => estate.keys.some((pair) => pair.declared?.name === use.key && pair.store === store));
          if (!usesStore) continue;
          const reason = access.ok ? `its keys were not collected: ${notCollectedBecause(estate.inventory, store.deployed.id)}` : access.reason;
          outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: workload.at, expected: "only the declared operations", actual: "unknown", message: `Cannot tell which key operations workload \`${workload.name}\` can perform in \`${store.name}\`: ${reason}.` }));
          continue;
        }
        for (const grant of useGrants) {
          const excess = excessOperations(estate, workload, store, grant, store.deployed.keys ?? []);
          const resource = { id: grant.id, store: store.name, name: grant.principalName ?? grant.principalId, declaredName: workload.name };
          const fields = { resource, declaredAt: workload.at, expected: "only the declared operations" };
          const grantText = `${describePrincipal(grant)}, workload \`${workload.name}\`, holds \`${grant.grantName}\` on \`${store.name}\` (${describeGrantScope(grant)})`;
          outcomes.push(excess.length === 0
            ? pass({ ...fields, actual: "only the declared operations", messageId: "within-usage", message: `${grantText}, which allows only its declared operations.` })
            : fail({ ...fields, actual: excess.join("; "), messageId: "exceeds-usage", message: `${grantText}, which also allows ${excess.join("; ")}, beyond its declared use.` }));
        }
      }
    }
    return outcomes;
  },
};
