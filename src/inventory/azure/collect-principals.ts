// Resolves principal object ids to names through Microsoft Graph, where the
// identity may read the directory. Directory read is optional: without it
// every principal stays `unresolved` and the build goes on.
import type { Principal } from "../model.js";
import { statusOf, toCollectionError } from "./collection-error.js";
import type { CollectContext } from "./context.js";
import { restClient } from "./rest.js";

/** Microsoft Graph accepts at most 1000 ids per getByIds request. */
const GRAPH_BATCH = 1000;

interface DirectoryObject {
  "@odata.type"?: string;
  id?: string;
  displayName?: string | null;
}

export async function collectPrincipals(context: CollectContext, objectIds: string[]): Promise<Principal[]> {
  const ids = [...new Set(objectIds.filter((id) => id !== "").map((id) => id.toLowerCase()))].sort();
  const rest = restClient(context, context.cloud.graphAudience);
  const found = new Map<string, DirectoryObject>();
  let resolved = true;

  for (let start = 0; start < ids.length && resolved; start += GRAPH_BATCH) {
    const batch = ids.slice(start, start + GRAPH_BATCH);
    try {
      const response = await context.arm.run("graph", () =>
        rest.post<{ value?: DirectoryObject[] }>(`${context.graphEndpoint}/v1.0/directoryObjects/getByIds`, {
          ids: batch,
          types: ["user", "group", "servicePrincipal"],
        }),
      );
      for (const object of response.value ?? []) if (object.id !== undefined) found.set(object.id.toLowerCase(), object);
    } catch (error) {
      resolved = false;
      const status = statusOf(error);
      if (status === 401 || status === 403) {
        context.progress({ phase: "skip", message: "Principal names not resolved: the identity may not read Microsoft Graph.", keys: context.counts.keys, stores: context.counts.stores });
      } else {
        context.errors.push(toCollectionError(`${context.graphEndpoint}/v1.0/directoryObjects`, "graph.directoryObjects.getByIds", error));
      }
    }
  }

  return ids.map((id) => {
    if (!resolved) return { id, displayName: null, type: null, state: "unresolved" };
    const object = found.get(id);
    // getByIds leaves out ids that do not exist, such as a deleted principal whose assignment remains.
    if (object === undefined) return { id, displayName: null, type: null, state: "deleted" };
    return { id, displayName: object.displayName ?? null, type: principalType(object["@odata.type"]), state: "resolved" };
  });
}

function principalType(odataType: string | undefined): string | null {
  switch (odataType) {
    case "#microsoft.graph.user":
      return "User";
    case "#microsoft.graph.group":
      return "Group";
    case "#microsoft.graph.servicePrincipal":
      return "ServicePrincipal";
    default:
      return odataType ?? null;
  }
}
