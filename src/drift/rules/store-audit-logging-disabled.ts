import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const storeAuditLoggingDisabled: Rule = {
  id: "store-audit-logging-disabled",
  title: "Key stores send their audit events to a log",
  severity: "high",
  requirements: ["3.6.1", "3.7.7", "10.2.1"],
  rationale:
    "Without the AuditEvent log category, nobody can tell who used, changed, exported or deleted a key, so unauthorised key substitution and misuse go undetected.",
  remediation: {
    text: "Add a diagnostic setting that sends the AuditEvent category to a Log Analytics workspace or storage account.",
    command: "az monitor diagnostic-settings create --name audit --resource <store id> --workspace <workspace id> --logs '[{\"category\":\"AuditEvent\",\"enabled\":true}]'",
  },
  notes: "A store whose diagnostic settings were not collected gives an error. Soft-deleted stores are not applicable.",
  check(estate) {
    return estate.stores
      .filter((store) => store.deployed !== null)
      .map((store) => {
        const deployed = store.deployed!;
        const fields = { resource: storeRef(store), declaredAt: store.declared?.at ?? null, expected: "AuditEvent logs sent to a destination" };
        if (deployed.state === "soft-deleted") return notApplicable({ ...fields, messageId: "deleted", message: `Key store \`${store.name}\` is soft-deleted.` });
        if (deployed.auditLogging === null) {
          return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether key store \`${store.name}\` sends audit events: its diagnostic settings were not collected: ${notCollectedBecause(estate.inventory, deployed.id)}.` });
        }
        return deployed.auditLogging
          ? pass({ ...fields, actual: "enabled", messageId: "enabled", message: `Key store \`${store.name}\` sends its AuditEvent logs to a destination.` })
          : fail({ ...fields, actual: "no diagnostic setting with AuditEvent", messageId: "disabled", message: `Key store \`${store.name}\` has no diagnostic setting that sends the AuditEvent category.` });
      });
  },
};
