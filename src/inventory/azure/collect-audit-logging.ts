// Reads whether a store's diagnostic settings send its audit log anywhere.
import { attempt } from "./attempt.js";
import type { CollectContext } from "./context.js";
import type { RestClient } from "./rest.js";

/** api-version of Microsoft.Insights/diagnosticSettings that returns category groups. */
const DIAGNOSTIC_SETTINGS_API = "2021-05-01-preview";

interface DiagnosticSettingsList {
  value?: { properties?: { logs?: { category?: string | null; categoryGroup?: string | null; enabled?: boolean }[] } }[];
}

/**
 * Returns true when an enabled log of some diagnostic setting is the `AuditEvent` category
 * or a category group that contains it (`audit`, `allLogs`). Returns null when the settings
 * could not be read.
 */
export async function collectAuditLogging(context: CollectContext, rest: RestClient, storeId: string, subscriptionId: string): Promise<boolean | null> {
  const url = `${context.armEndpoint}${storeId}/providers/Microsoft.Insights/diagnosticSettings?api-version=${DIAGNOSTIC_SETTINGS_API}`;
  const list = await context.arm.run(subscriptionId, () =>
    attempt(context, storeId, "diagnosticSettings.list", () => rest.get<DiagnosticSettingsList>(url)),
  );
  if (list === null) return null;
  return (list.value ?? []).some((setting) =>
    (setting.properties?.logs ?? []).some((log) => log.enabled === true && sendsAuditEvents(log.category, log.categoryGroup)),
  );
}

function sendsAuditEvents(category: string | null | undefined, categoryGroup: string | null | undefined): boolean {
  if (category?.toLowerCase() === "auditevent") return true;
  const group = categoryGroup?.toLowerCase();
  return group === "audit" || group === "alllogs";
}
