import type { Rule, Outcome } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { describeGrantScope, storeAccess } from "../access.js";
import { quoted } from "../text.js";

export const custodianUndeclared: Rule = {
  id: "custodian-undeclared",
  title: "Only declared custodians can manage keys, and only declared workloads can use them",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.3", "3.7.8"],
  rationale:
    "Access to keys must be restricted to the fewest custodians necessary, and each custodian must acknowledge their responsibilities. A principal that can manage or use keys but is not declared holds that access without either.",
  remediation: {
    text: "Remove the role assignment or access policy, or declare the principal as a custodian of the store (with its acknowledgement date) or as a workload that uses its keys.",
    command: "az role assignment delete --ids <role assignment id>",
  },
  notes: "Rights come from what each role definition's data actions allow, minus its not-data actions, so custom roles are judged as built-in ones are; grants inherited from a resource group, subscription or management group and grants on a single key count. Declared workloads that can only use keys pass here; the operations they may use beyond their declared use belong to workload-access-exceeds-usage.",
  check(estate) {
    const custodians = new Map(estate.architecture.custodians.map((custodian) => [custodian.principalId.toLowerCase(), custodian]));
    const workloads = new Map(estate.architecture.workloads.map((workload) => [workload.principalId.toLowerCase(), workload]));
    const outcomes: Outcome[] = [];

    for (const store of estate.stores) {
      if (store.deployed === null || store.deployed.state === "soft-deleted") continue;
      const access = storeAccess(estate.inventory, store.deployed);
      const storeName = store.deployed.name;
      if (!access.ok) {
        outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "only declared custodians and workloads", actual: "unknown", message: `Cannot tell who can manage or use the keys in \`${storeName}\`: ${access.reason}.` }));
        continue;
      }
      for (const missing of access.undecided) {
        outcomes.push(undecided({ messageId: "role-unknown", resource: { id: missing.id, store: storeName, name: missing.principalId, declaredName: null }, expected: "a known role definition", actual: "unknown", message: `Cannot tell what principal \`${missing.principalId}\` can do in \`${storeName}\`: ${missing.reason}.` }));
      }

      for (const grant of access.grants) {
        const principalId = grant.principalId.toLowerCase();
        const custodian = custodians.get(principalId);
        const workload = workloads.get(principalId);
        const principalText = `Principal ${quoted(grant.principalName ?? grant.principalId)}${grant.principalName === null ? "" : ` (${quoted(grant.principalId)})`}`;
        const grantText = `\`${grant.grantName}\` on \`${storeName}\` (${describeGrantScope(grant)})`;
        const resource = { id: grant.id, store: storeName, name: grant.principalName ?? grant.principalId, declaredName: custodian?.name ?? workload?.name ?? null };
        const declaredAt = custodian?.at ?? workload?.at ?? store.declared?.at ?? null;
        const fields = { resource, declaredAt, expected: "a declared custodian of this store, or a declared workload that only uses keys" };

        if (!grant.rights.includes("manage") && !grant.rights.includes("use")) {
          outcomes.push(notApplicable({ ...fields, messageId: "no-key-rights", message: `${principalText} holds ${grantText}, which can neither manage nor use keys.` }));
        } else if (custodian !== undefined && custodian.stores.includes(store.name)) {
          outcomes.push(pass({ ...fields, messageId: "custodian", actual: `custodian \`${custodian.name}\``, message: `${principalText} holds ${grantText} as declared custodian \`${custodian.name}\`.` }));
        } else if (custodian !== undefined) {
          outcomes.push(fail({ ...fields, messageId: "custodian-of-other-store", actual: `custodian \`${custodian.name}\` of ${custodian.stores.map((name) => `\`${name}\``).join(", ")}`, message: `${principalText} holds ${grantText}, but custodian \`${custodian.name}\` is declared for other stores only.` }));
        } else if (workload !== undefined && !grant.rights.includes("manage")) {
          outcomes.push(pass({ ...fields, messageId: "workload", actual: `workload \`${workload.name}\``, message: `${principalText} holds ${grantText} as declared workload \`${workload.name}\`.` }));
        } else if (workload !== undefined) {
          outcomes.push(fail({ ...fields, messageId: "workload-manages", actual: `workload \`${workload.name}\` with key-management rights`, message: `${principalText} holds ${grantText}, which can manage keys, but \`${workload.name}\` is declared as a workload; workloads are key users, not custodians.` }));
        } else {
          const rights = grant.rights.includes("manage") ? "manage keys" : "use keys";
          outcomes.push(fail({ ...fields, messageId: "undeclared", actual: "not declared", message: `${principalText} holds ${grantText}, which can ${rights}, but is neither a declared custodian nor a declared workload.` }));
        }
      }
    }
    return outcomes;
  },
};
