import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { storeRef } from "../resources.js";

export const storePurgeProtectionDisabled: Rule = {
  id: "store-purge-protection-disabled",
  title: "Key stores have purge protection enabled",
  severity: "high",
  requirements: ["3.6.1", "3.7.3"],
  rationale:
    "Without purge protection, a deleted key store or key can be purged before its retention period ends, so a mistake or an attacker can destroy keys that still protect stored account data.",
  remediation: {
    text: "Enable purge protection; it cannot be turned off again.",
    command: "az keyvault update --name <vault> --enable-purge-protection true",
  },
  notes: "Soft-deleted stores are not applicable.",
  check(estate) {
    return estate.stores
      .filter((store) => store.deployed !== null)
      .map((store) => {
        const deployed = store.deployed!;
        const resource = storeRef(store);
        const fields = { resource, declaredAt: store.declared?.at ?? null, expected: "enabled" };
        if (deployed.state === "soft-deleted") return notApplicable({ ...fields, messageId: "deleted", message: `Key store \`${deployed.name}\` is soft-deleted.` });
        return deployed.purgeProtection
          ? pass({ ...fields, messageId: "enabled", actual: "enabled", message: `Key store \`${deployed.name}\` has purge protection enabled.` })
          : fail({ ...fields, messageId: "disabled", actual: "disabled", message: `Key store \`${deployed.name}\` has purge protection disabled; expected enabled.` });
      });
  },
};
