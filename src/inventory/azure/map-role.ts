// Maps Azure RBAC role assignments and definitions (arm-authorization 9.0.0, api-version 2022-04-01).
import type { RoleAssignment as SdkRoleAssignment, RoleDefinition as SdkRoleDefinition } from "@azure/arm-authorization";
import type { RoleAssignment, RoleDefinition } from "../model.js";

export function mapRoleAssignment(assignment: SdkRoleAssignment): RoleAssignment {
  return {
    id: assignment.id ?? "",
    scope: assignment.scope ?? "",
    principalId: assignment.principalId ?? "",
    principalType: assignment.principalType ?? "Unknown",
    roleDefinitionId: assignment.roleDefinitionId ?? "",
    condition: assignment.condition ?? null,
  };
}

export function mapRoleDefinition(definition: SdkRoleDefinition): RoleDefinition {
  return {
    id: definition.id ?? "",
    roleName: definition.roleName ?? "",
    type: definition.roleType ?? "",
    permissions: (definition.permissions ?? []).map((permission) => ({
      actions: [...(permission.actions ?? [])],
      notActions: [...(permission.notActions ?? [])],
      dataActions: [...(permission.dataActions ?? [])],
      notDataActions: [...(permission.notDataActions ?? [])],
    })),
  };
}

/**
 * Returns true when an assignment at `assignmentScope` reaches the store `storeId`: at the store,
 * above it (management group, subscription, resource group) or below it (a single key).
 * ARM ids differ in case (`resourceGroups` and `resourcegroups`), so the test ignores case.
 */
export function scopeReachesStore(assignmentScope: string, storeId: string, storeSubscriptionId: string): boolean {
  const scope = assignmentScope.toLowerCase().replace(/\/+$/, "");
  const store = storeId.toLowerCase();
  if (scope === "" || scope === "/") return true;
  if (scope.startsWith("/providers/microsoft.management/managementgroups/")) {
    // The list at a subscription returns only the management groups above that subscription.
    return storeSubscriptionId !== "";
  }
  return store === scope || store.startsWith(`${scope}/`) || scope.startsWith(`${store}/`);
}
