// Small conversions shared by the mapping functions.

/** Converts Key Vault epoch seconds to an ISO date-time; null for a missing value. */
export function epochSecondsToIso(seconds: number | null | undefined): string | null {
  if (seconds === undefined || seconds === null) return null;
  return new Date(seconds * 1000).toISOString();
}

/** Converts a Date from an SDK deserializer to an ISO date-time; null for a missing value. */
export function dateToIso(date: Date | null | undefined): string | null {
  if (date === undefined || date === null || Number.isNaN(date.getTime())) return null;
  return date.toISOString();
}

/** The parts of an ARM resource id such as `/subscriptions/s/resourceGroups/g/providers/P/t/n`. */
export interface ResourceIdParts {
  subscriptionId: string;
  resourceGroup: string;
  name: string;
}

/** Splits an ARM resource id; the segment names are compared case-insensitively, as Azure mixes `resourceGroups` and `resourcegroups`. */
export function parseResourceId(id: string): ResourceIdParts {
  const segments = id.split("/").filter((segment) => segment !== "");
  const valueAfter = (name: string): string => {
    const index = segments.findIndex((segment) => segment.toLowerCase() === name);
    return index >= 0 ? (segments[index + 1] ?? "") : "";
  };
  return { subscriptionId: valueAfter("subscriptions"), resourceGroup: valueAfter("resourcegroups"), name: segments[segments.length - 1] ?? "" };
}

/** Removes the default port and any trailing slash, so `https://v.vault.azure.net:443/keys/k` and the data-plane form match. */
export function normalizeKeyVaultUrl(url: string): string {
  return url.replace(/^(https:\/\/[^/:]+):443(?=\/|$)/i, "$1").replace(/\/+$/, "");
}

/** Splits a Key Vault object identifier `https://host/keys/name/version` into its base (without version) and version. */
export function splitObjectId(id: string): { base: string; name: string; version: string | null } {
  const url = normalizeKeyVaultUrl(id);
  const match = /^(https:\/\/[^/]+\/[a-z]+\/([^/]+))(?:\/([^/]+))?$/i.exec(url);
  if (match === null) return { base: url, name: url.split("/").pop() ?? url, version: null };
  return { base: match[1] ?? url, name: match[2] ?? "", version: match[3] ?? null };
}

export function tagsOf(tags: Record<string, string> | null | undefined): Record<string, string> {
  return { ...(tags ?? {}) };
}
