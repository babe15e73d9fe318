import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";

export const storeSoftDeleteRetentionLow: Rule = {
  id: "store-soft-delete-retention-low",
  title: "Key stores keep deleted keys for at least the policy's retention period",
  severity: "medium",
  requirements: ["3.6.1", "3.7.3"],
  rationale:
    "Soft delete keeps a deleted store or key recoverable for its retention period. A short retention leaves little time to notice and reverse an accidental or malicious deletion of keys that still protect stored account data.",
  remediation: {
    text: "Key Vault fixes the retention period when the vault is created, so create a new vault with the required retention and move the keys to it.",
    command: "az keyvault create --name <vault> --resource-group <group> --retention-days 90 --enable-purge-protection true",
  },
  notes: "The minimum is `policy.minimumSoftDeleteRetentionDays` (default 90). Soft-deleted stores are not applicable.",
  check(estate) {
    const minimum = estate.policy.minimumSoftDeleteRetentionDays;
    return estate.stores
      .filter((store) => store.deployed !== null)
      .map((store) => {
        const deployed = store.deployed!;
        const fields = { resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: `soft delete for at least ${minimum} days` };
        if (deployed.state === "soft-deleted") return notApplicable({ ...fields, messageId: "deleted", message: `Key store \`${store.name}\` is soft-deleted.` });
        if (!deployed.softDelete.enabled) return fail({ ...fields, actual: "soft delete disabled", messageId: "disabled", message: `Key store \`${store.name}\` has soft delete disabled; expected a retention of at least ${minimum} days.` });
        const days = deployed.softDelete.retentionDays;
        if (days === null) return undecided({ ...fields, actual: "unknown", messageId: "retention-unknown", message: `Key store \`${store.name}\` has soft delete enabled, but its retention period is not in the inventory.` });
        const actual = `${days} days`;
        return days < minimum
          ? fail({ ...fields, actual, messageId: "too-short", message: `Key store \`${store.name}\` keeps deleted keys for ${days} days, expected at least ${minimum}.` })
          : pass({ ...fields, actual, messageId: "long-enough", message: `Key store \`${store.name}\` keeps deleted keys for ${days} days.` });
      });
  },
};
