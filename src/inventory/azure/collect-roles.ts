// Collects the Azure RBAC role assignments that reach each key store, and
// the definitions of the roles they grant.
import type { RoleAssignment, RoleDefinition } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import { authorizationClient } from "./clients.js";
import type { CollectContext } from "./context.js";
import { mapRoleAssignment, mapRoleDefinition, scopeReachesStore } from "./map-role.js";

export interface RoleFacts {
  assignments: RoleAssignment[] | null;
  definitions: RoleDefinition[] | null;
}

/**
 * Lists the assignments that reach the given active vaults. Managed HSM pools are left out:
 * their keys are governed by local RBAC, collected with the pool. The list at a subscription returns those
 * at it, above it (management groups) and below it (groups, vaults, single keys). Either
 * result is null when any of its calls failed, so a rule never judges a partial list.
 */
export async function collectRoles(context: CollectContext, subscriptions: string[], vaults: { id: string; subscriptionId: string }[]): Promise<RoleFacts> {
  const listings = await Promise.all(
    subscriptions.map((subscriptionId) => {
      const client = authorizationClient(context, subscriptionId);
      // Scopes go without the leading `/`, or the request path becomes `//subscriptions/...`.
      return context.arm.run(subscriptionId, () =>
        attempt(context, `/subscriptions/${subscriptionId}`, "roleAssignments.listForScope", () =>
          listAll(client.roleAssignments.listForScope(`subscriptions/${subscriptionId}`)),
        ),
      );
    }),
  );

  const seen = new Set<string>();
  const assignments: RoleAssignment[] = [];
  for (const assignment of listings.flat()) {
    if (assignment === null) continue;
    const mapped = mapRoleAssignment(assignment);
    const reaches = vaults.some((store) => scopeReachesStore(mapped.scope, store.id, store.subscriptionId));
    if (reaches && !seen.has(mapped.id.toLowerCase())) {
      seen.add(mapped.id.toLowerCase());
      assignments.push(mapped);
    }
  }
  const complete = listings.every((listing) => listing !== null);
  const definitions = await collectDefinitions(context, subscriptions, assignments);
  return { assignments: complete ? sortById(assignments) : null, definitions };
}

/**
 * Reads each role definition once. Built-in role ids come back subscription-qualified, one
 * per subscription, for the same tenant-wide role; they are read once per GUID and recorded
 * as `/providers/Microsoft.Authorization/roleDefinitions/<guid>`. Rules match by that GUID.
 */
async function collectDefinitions(context: CollectContext, subscriptions: string[], assignments: RoleAssignment[]): Promise<RoleDefinition[] | null> {
  const byGuid = new Map<string, string>();
  for (const assignment of assignments) {
    const guid = assignment.roleDefinitionId.split("/").pop()?.toLowerCase() ?? "";
    if (!byGuid.has(guid)) byGuid.set(guid, assignment.roleDefinitionId);
  }
  const fallbackSubscription = subscriptions[0] ?? "";
  const definitions = await Promise.all(
    [...byGuid.entries()].map(async ([guid, id]) => {
      const subscriptionId = /\/subscriptions\/([^/]+)/i.exec(id)?.[1] ?? fallbackSubscription;
      const client = authorizationClient(context, subscriptionId);
      const definition = await context.arm.run(subscriptionId, () =>
        attempt(context, id, "roleDefinitions.getById", () => client.roleDefinitions.getById(id.replace(/^\/+/, ""))),
      );
      if (definition === null) return null;
      const mapped = mapRoleDefinition(definition);
      return mapped.type === "BuiltInRole" ? { ...mapped, id: `/providers/Microsoft.Authorization/roleDefinitions/${guid}` } : mapped;
    }),
  );
  if (definitions.some((definition) => definition === null)) return null;
  return sortById(definitions.map((definition) => definition!));
}

function sortById<T extends { id: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.id.toLowerCase().localeCompare(b.id.toLowerCase()));
}
