// Queries Azure Resource Graph with a plain REST call, paging on $skipToken.
import type { CollectContext } from "./context.js";
import type { RestClient } from "./rest.js";

const RESOURCE_GRAPH_API = "2024-04-01";
const PAGE_SIZE = 1000;

interface ResourceGraphResponse<T> {
  data?: T[];
  $skipToken?: string;
}

/**
 * Returns every row of `query` over the given subscriptions or management groups. The query
 * should order by `id` so that pages stay stable between requests.
 */
export async function queryResourceGraph<T>(
  context: CollectContext,
  rest: RestClient,
  target: { subscriptions?: string[]; managementGroups?: string[] },
  query: string,
): Promise<T[]> {
  const url = `${context.armEndpoint}/providers/Microsoft.ResourceGraph/resources?api-version=${RESOURCE_GRAPH_API}`;
  const rows: T[] = [];
  let skipToken: string | undefined;
  do {
    const body = { ...target, query, options: { $top: PAGE_SIZE, resultFormat: "objectArray", ...(skipToken === undefined ? {} : { $skipToken: skipToken }) } };
    const page = await context.arm.run("/providers/Microsoft.ResourceGraph", () => rest.post<ResourceGraphResponse<T>>(url, body));
    rows.push(...(page.data ?? []));
    skipToken = page.$skipToken;
  } while (skipToken !== undefined && skipToken !== "");
  return rows;
}
