// Azure Resource Graph and Microsoft Graph paths of the emulator. Resource
// Graph is not a query engine here: the emulator recognises the two queries
// the collector sends (key stores and clusters, subscriptions of a
// management group) by the table they read.
import type { Estate } from "./estate.js";
import { azureError, ok, type EmulatorRequest, type Reply } from "./reply.js";

interface GraphQuery {
  subscriptions?: string[];
  managementGroups?: string[];
  query?: string;
  options?: { $top?: number; $skipToken?: string };
}

const DISCOVERED_TYPES = ["microsoft.keyvault/vaults", "microsoft.keyvault/managedhsms", "microsoft.containerservice/managedclusters"];

export function handleResourceGraph(estate: Estate, request: EmulatorRequest, pageSize: number): Reply {
  const body = (request.body ?? {}) as GraphQuery;
  const query = body.query ?? "";
  let rows: Record<string, unknown>[];
  if (/^\s*resourcecontainers\b/i.test(query)) {
    const groups = new Set((body.managementGroups ?? []).map((name) => name.toLowerCase()));
    const members = (estate.managementGroups ?? []).filter((group) => groups.has(group.name.toLowerCase())).flatMap((group) => group.subscriptions);
    const visible = estate.subscriptions.filter((subscription) => subscription.visible !== false).map((subscription) => subscription.id.toLowerCase());
    rows = members
      .filter((id) => visible.includes(id.toLowerCase()))
      .map((id) => ({ id: `/subscriptions/${id}`, subscriptionId: id }));
  } else if (/^\s*resources\b/i.test(query)) {
    const subscriptions = new Set((body.subscriptions ?? []).map((id) => id.toLowerCase()));
    const resources = [...estate.vaults.map((vault) => vault.arm), ...estate.managedHsms.map((hsm) => hsm.arm), ...estate.clusters];
    rows = resources
      .map((resource) => ({ id: resource.id, type: String(resource["type"] ?? "").toLowerCase(), subscriptionId: resource.id.split("/")[2] ?? "" }))
      .filter((row) => DISCOVERED_TYPES.includes(row.type) && subscriptions.has(row.subscriptionId.toLowerCase()));
  } else {
    return azureError(400, "BadRequest", `The emulator does not understand the Resource Graph query \`${query}\`.`);
  }

  rows.sort((a, b) => String(a["id"]).toLowerCase().localeCompare(String(b["id"]).toLowerCase()));
  const top = Math.min(body.options?.$top ?? 1000, pageSize);
  const start = Number(body.options?.$skipToken ?? "0");
  const data = rows.slice(start, start + top);
  const more = start + top < rows.length;
  return ok({ totalRecords: rows.length, count: data.length, data, facets: [], resultTruncated: "false", ...(more ? { $skipToken: String(start + top) } : {}) });
}

/** `POST /v1.0/directoryObjects/getByIds`: ids that do not exist are left out, as Graph does. */
export function handleMicrosoftGraph(estate: Estate, request: EmulatorRequest): Reply {
  if (!/^\/v1\.0\/directoryobjects\/getbyids$/i.test(request.path)) return azureError(404, "Request_ResourceNotFound", `No Graph resource at \`${request.path}\`.`);
  if (estate.graphForbidden === true) return azureError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
  const ids = new Set(((request.body as { ids?: string[] } | undefined)?.ids ?? []).map((id) => id.toLowerCase()));
  const value = estate.principals
    .filter((principal) => ids.has(principal.id.toLowerCase()))
    .map((principal) => ({ "@odata.type": `#microsoft.graph.${principal.type}`, id: principal.id, displayName: principal.displayName }));
  return ok({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#directoryObjects", value });
}
