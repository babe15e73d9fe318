// Collects one Managed HSM pool: ARM properties and keys, data-plane facts,
// and the local role assignments that control access inside the HSM.
import type { ManagedHsm } from "@azure/arm-keyvault";
import type { DeployedKeyStore, RoleAssignment, RoleDefinition } from "../model.js";
import { attempt } from "./attempt.js";
import { keyVaultManagementClient } from "./clients.js";
import { collectAuditLogging } from "./collect-audit-logging.js";
import { collectKeys } from "./collect-keys.js";
import type { CollectContext } from "./context.js";
import { DataPlaneSession } from "./data-plane-session.js";
import { mapManagedHsm } from "./map-managed-hsm.js";
import { restClient, type RestClient } from "./rest.js";

/** Managed HSM data-plane api-version for local RBAC. */
const HSM_RBAC_API = "7.4";

export interface ManagedHsmResult {
  store: DeployedKeyStore;
  /** Local role assignments, with scopes rewritten under the pool's ARM id; null when not collected. */
  roleAssignments: RoleAssignment[] | null;
  roleDefinitions: RoleDefinition[] | null;
}

interface LocalList<T> {
  value?: T[];
  nextLink?: string | null;
}
interface LocalAssignment {
  id?: string;
  properties?: { scope?: string; roleDefinitionId?: string; principalId?: string };
}
interface LocalDefinition {
  id?: string;
  properties?: { roleName?: string; type?: string; permissions?: RoleDefinition["permissions"] };
}

export async function collectManagedHsm(context: CollectContext, armRest: RestClient, hsm: ManagedHsm): Promise<ManagedHsmResult> {
  const base = mapManagedHsm(hsm, context.scope.tenantId, null);
  const arm = keyVaultManagementClient(context, base.subscriptionId);
  const ref = { id: base.id, name: base.name, subscriptionId: base.subscriptionId, resourceGroup: base.resourceGroup };

  const dataPlane = new DataPlaneSession(context, base);
  const [keys, auditLogging, deletedKeys, local] = await Promise.all([
    collectKeys(context, ref, arm.managedHsmKeys, dataPlane),
    collectAuditLogging(context, armRest, base.id, base.subscriptionId),
    dataPlane.deletedKeys,
    dataPlane.reachable().then((reachable) => (reachable ? collectLocalRbac(context, base) : null)),
  ]);
  dataPlane.finish();

  context.counts.stores += 1;
  context.progress({ phase: "store", message: `Collected Managed HSM \`${base.name}\`.`, keys: context.counts.keys, stores: context.counts.stores });
  return {
    store: { ...base, auditLogging, keys, deletedKeys },
    roleAssignments: local?.assignments ?? null,
    roleDefinitions: local?.definitions ?? null,
  };
}

/**
 * Reads local RBAC with plain REST calls on the data-plane path `{hsm}///providers/...`
 * (scope `/`), because @azure/keyvault-admin is not in this registry. A token for the
 * Managed HSM audience is sent up front, so no challenge round trip is needed.
 */
async function collectLocalRbac(context: CollectContext, store: DeployedKeyStore) {
  const rest = restClient(context, context.cloud.managedHsmAudience);
  const base = store.uri.replace(/\/+$/, "");
  const run = <T>(operation: string, path: string) =>
    context.dataPlane.run(store.uri, () => attempt(context, store.id, operation, () => readAllPages<T>(rest, `${base}///providers/Microsoft.Authorization/${path}?api-version=${HSM_RBAC_API}`)));

  const [assignments, definitions] = await Promise.all([
    run<LocalAssignment>("dataPlane.roleAssignments.list", "roleAssignments"),
    run<LocalDefinition>("dataPlane.roleDefinitions.list", "roleDefinitions"),
  ]);
  return {
    assignments:
      assignments?.map((assignment) => ({
        id: assignment.id ?? "",
        // Local scopes are `/`, `/keys` or `/keys/<name>`; appended to the pool's id they compare like ARM scopes.
        scope: `${store.id}${assignment.properties?.scope ?? "/"}`,
        principalId: assignment.properties?.principalId ?? "",
        principalType: "Unknown",
        roleDefinitionId: assignment.properties?.roleDefinitionId ?? "",
        condition: null,
      })) ?? null,
    definitions:
      definitions?.map((definition) => ({
        id: definition.id ?? "",
        roleName: definition.properties?.roleName ?? "",
        type: definition.properties?.type ?? "",
        permissions: definition.properties?.permissions ?? [],
      })) ?? null,
  };
}

async function readAllPages<T>(rest: RestClient, url: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null | undefined = url;
  while (next) {
    const page: LocalList<T> = await rest.get<LocalList<T>>(next);
    items.push(...(page.value ?? []));
    next = page.nextLink;
  }
  return items;
}
