// Finds which of the requested subscriptions the identity can see. List
// APIs silently leave out a subscription the identity has no role on, so a
// declared subscription missing here is recorded as an error.
import { CollectionFailedError } from "../../errors.js";
import { toCollectionError } from "./collection-error.js";
import type { CollectContext } from "./context.js";
import { queryResourceGraph } from "./resource-graph.js";
import type { RestClient } from "./rest.js";

const SUBSCRIPTIONS_API = "2022-12-01";

interface SubscriptionPage {
  value?: { subscriptionId?: string; state?: string }[];
  nextLink?: string | null;
}

/** Returns the subscription ids to collect, lower-cased and sorted. */
export async function resolveSubscriptions(context: CollectContext, rest: RestClient): Promise<string[]> {
  const { scope } = context;
  let visible: string[];
  try {
    visible = scope.managementGroup !== null ? await subscriptionsUnderGroup(context, rest, scope.managementGroup) : await listSubscriptions(context, rest);
  } catch (error) {
    const entry = toCollectionError("/subscriptions", "subscriptions.list", error);
    throw new CollectionFailedError(`Listing the subscriptions at \`${context.armEndpoint}\` failed: ${entry.message}`, {
      cause: error,
      hint: "Check that the identity has Reader on the subscriptions or management group and that the ARM endpoint is right.",
    });
  }

  const visibleSet = new Set(visible.map((id) => id.toLowerCase()));
  const requested = scope.subscriptions.map((id) => id.toLowerCase());
  for (const id of requested.filter((id) => !visibleSet.has(id))) {
    context.errors.push({
      scope: `/subscriptions/${id}`,
      operation: "subscriptions.list",
      status: null,
      code: "SubscriptionNotVisible",
      message: `Subscription \`${id}\` is not visible to the collecting identity. Grant the identity Reader on it, or remove it from the scope.`,
    });
  }
  const chosen = requested.length > 0 ? requested.filter((id) => visibleSet.has(id)) : [...visibleSet];
  return [...new Set(chosen)].sort();
}

async function listSubscriptions(context: CollectContext, rest: RestClient): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null | undefined = `${context.armEndpoint}/subscriptions?api-version=${SUBSCRIPTIONS_API}`;
  while (next) {
    const url: string = next;
    const page: SubscriptionPage = await context.arm.run("/subscriptions", () => rest.get<SubscriptionPage>(url));
    for (const subscription of page.value ?? []) {
      // A disabled or deleted subscription is listed but cannot be read.
      if (subscription.subscriptionId !== undefined && subscription.state !== "Disabled" && subscription.state !== "Deleted") {
        ids.push(subscription.subscriptionId);
      }
    }
    next = page.nextLink;
  }
  return ids;
}

async function subscriptionsUnderGroup(context: CollectContext, rest: RestClient, managementGroup: string): Promise<string[]> {
  const rows = await queryResourceGraph<{ subscriptionId: string }>(
    context,
    rest,
    { managementGroups: [managementGroup] },
    "resourcecontainers | where type =~ 'microsoft.resources/subscriptions' | project id, subscriptionId | order by id asc",
  );
  return rows.map((row) => row.subscriptionId);
}
