import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { storeAccess } from "../access.js";
import { quoted } from "../text.js";

export const custodianCountExceeded: Rule = {
  id: "custodian-count-exceeded",
  title: "No more people than the policy allows can manage the keys of a store",
  severity: "medium",
  requirements: ["3.6.1", "3.6.1.3"],
  rationale:
    "Access to keys must be restricted to the fewest custodians necessary. Every extra principal that can create, import, delete, back up or release keys is one more person who could misuse or leak them.",
  remediation: {
    text: "Remove key-management roles from principals who do not need them, or raise `policy.maxCustodiansPerStore` with the reason documented.",
    command: "az role assignment delete --ids <role assignment id>",
  },
  notes: "Counts distinct principals with key-management rights at the store, on one of its keys, or inherited from above it. A group counts as its declared `members`; a group with such rights but no declared member count gives an error, because the inventory does not list group members. Whether each principal is declared belongs to custodian-undeclared.",
  check(estate) {
    const maximum = estate.policy.maxCustodiansPerStore;
    return estate.stores
      .filter((store) => store.deployed !== null && store.deployed.state === "active")
      .map((store) => {
        const fields = { resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: `at most ${maximum}` };
        const access = storeAccess(estate.inventory, store.deployed!);
        if (!access.ok) return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot count who can manage the keys in \`${store.name}\`: ${access.reason}.` });
        if (access.undecided.length > 0) {
          return undecided({ ...fields, actual: "unknown", messageId: "role-unknown", message: `Cannot count who can manage the keys in \`${store.name}\`: ${access.undecided.map((missing) => missing.reason).join("; ")}.` });
        }

        const managers = new Map<string, { name: string; count: number | null; declared: boolean }>();
        for (const grant of access.grants.filter((candidate) => candidate.rights.includes("manage"))) {
          const id = grant.principalId.toLowerCase();
          const custodian = estate.architecture.custodians.find((candidate) => candidate.principalId.toLowerCase() === id);
          const isGroup = (grant.principalType ?? custodian?.principalType) === "Group";
          managers.set(id, { name: grant.principalName ?? grant.principalId, count: isGroup ? custodian?.members ?? null : 1, declared: custodian !== undefined });
        }
        if (managers.size === 0) return notApplicable({ ...fields, actual: "0", messageId: "no-managers", message: `Nobody holds key-management rights in \`${store.name}\`.` });
        const uncounted = [...managers.values()].filter((manager) => manager.count === null);
        if (uncounted.length > 0) {
          const declared = uncounted.filter((manager) => manager.declared).map((manager) => quoted(manager.name));
          const undeclared = uncounted.filter((manager) => !manager.declared).map((manager) => quoted(manager.name));
          const reasons = [
            ...(declared.length === 0 ? [] : [`custodian group ${declared.join(", ")} declares no \`members\``]),
            ...(undeclared.length === 0 ? [] : [`group ${undeclared.join(", ")} is not a declared custodian, so its size is unknown; declare it with \`members\` or remove its role`]),
          ];
          return undecided({ ...fields, actual: "unknown", messageId: "group-size-unknown", message: `Cannot count who can manage the keys in \`${store.name}\`: ${reasons.join("; ")}.` });
        }
        const total = [...managers.values()].reduce((sum, manager) => sum + manager.count!, 0);
        const names = [...managers.values()].map((manager) => quoted(manager.name)).sort().join(", ");
        return total > maximum
          ? fail({ ...fields, actual: String(total), messageId: "too-many", message: `${total} people can manage the keys in \`${store.name}\` (${names}), expected at most ${maximum}.` })
          : pass({ ...fields, actual: String(total), messageId: "within-limit", message: `${total} of at most ${maximum} people can manage the keys in \`${store.name}\`: ${names}.` });
      });
  },
};
