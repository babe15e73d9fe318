// Converts an inventory snapshot into an estate, so the emulator serves the
// estate a committed snapshot records and a collection from it can be
// compared with the snapshot itself.
import type { Inventory, RoleAssignment } from "../../src/inventory/model.js";
import { cloudSettings, type CloudName } from "../../src/inventory/azure/cloud.js";
import type { CollectionError } from "../../src/inventory/model.js";
import type { Estate } from "./estate.js";
import { CertificateFactory } from "./from-snapshot-keys.js";
import { clusterWire, deletedVault, estateManagedHsm, estateVault, faultsFor } from "./from-snapshot-stores.js";

export interface ConvertedSnapshot {
  estate: Estate;
  /** Collection errors of the snapshot that no emulator fault reproduces; a round trip will not show them. */
  unconverted: CollectionError[];
}

/**
 * Builds the estate. What cannot be carried over: certificate SHA-256 thumbprints (the DER is
 * not in the snapshot) and public key thumbprints (a hash cannot be inverted). Equal
 * thumbprints in the snapshot stay equal, so comparisons between keys keep their outcome.
 */
export function estateFromSnapshot(snapshot: Inventory): ConvertedSnapshot {
  const errors = snapshot.collectionErrors;
  const certificates = new CertificateFactory();
  const hsmIds = snapshot.keyStores.filter((store) => store.type === "managed-hsm").map((store) => store.id.toLowerCase());
  const underHsm = (assignment: RoleAssignment) => hsmIds.find((id) => assignment.scope.toLowerCase().startsWith(id));
  const assignments = snapshot.roleAssignments ?? [];
  const definitions = snapshot.roleDefinitions ?? [];

  const active = snapshot.keyStores.filter((store) => store.state === "active");
  const vaults = active.filter((store) => store.type === "key-vault").map((store) => estateVault(store, errors, certificates));
  const managedHsms = active
    .filter((store) => store.type === "managed-hsm")
    .map((store) => {
      const local = assignments.filter((assignment) => underHsm(assignment) === store.id.toLowerCase());
      const localDefinitionIds = new Set(local.map((assignment) => assignment.roleDefinitionId.toLowerCase()));
      return estateManagedHsm(store, errors, certificates, {
        localRoleAssignments: local.map((assignment) => ({
          id: assignment.id,
          name: assignment.id.split("/").pop(),
          type: "Microsoft.Authorization/roleAssignments",
          properties: { scope: assignment.scope.slice(store.id.length) || "/", roleDefinitionId: assignment.roleDefinitionId, principalId: assignment.principalId },
        })),
        localRoleDefinitions: definitions
          .filter((definition) => localDefinitionIds.has(definition.id.toLowerCase()))
          .map((definition) => ({ id: definition.id, name: definition.id.split("/").pop(), type: "Microsoft.Authorization/roleDefinitions", properties: { roleName: definition.roleName, type: definition.type, permissions: definition.permissions, assignableScopes: ["/"] } })),
      });
    });

  const { faults, unconverted } = faultsFor(errors);
  const cloud = cloudSettings(snapshot.collection.cloud as CloudName);
  const visible = new Set(snapshot.collection.scopeVisible.subscriptions.map((id) => id.toLowerCase()));
  const subscriptionIds = [...new Set([...snapshot.collection.scopeRequested.subscriptions, ...snapshot.collection.scopeVisible.subscriptions].map((id) => id.toLowerCase()))];
  const principalsUnresolved = snapshot.principals.length > 0 && snapshot.principals.every((principal) => principal.state === "unresolved");

  const estate: Estate = {
    tenantId: snapshot.collection.tenantId,
    identity: {
      objectId: snapshot.collection.identity.objectId ?? "00000000-0000-0000-0000-000000000000",
      name: snapshot.collection.identity.name ?? "collector",
      type: snapshot.collection.identity.type === "User" ? "User" : "ServicePrincipal",
    },
    audiences: { arm: cloud.armAudience, graph: cloud.graphAudience, vault: cloud.vaultAudience, managedHsm: cloud.managedHsmAudience },
    subscriptions: subscriptionIds.map((id) => ({ id, displayName: id, visible: visible.has(id) })),
    vaults,
    managedHsms,
    deletedVaults: snapshot.keyStores.filter((store) => store.state === "soft-deleted").map(deletedVault),
    clusters: (snapshot.clusters ?? []).map(clusterWire),
    roleAssignments: assignments
      .filter((assignment) => underHsm(assignment) === undefined)
      .map((assignment) => ({ id: assignment.id, scope: assignment.scope, principalId: assignment.principalId, principalType: assignment.principalType, roleDefinitionId: assignment.roleDefinitionId, condition: assignment.condition })),
    roleDefinitions: definitions.map((definition) => ({ id: definition.id, roleName: definition.roleName, type: definition.type, permissions: definition.permissions })),
    principals: snapshot.principals
      .filter((principal) => principal.state === "resolved")
      .map((principal) => ({ id: principal.id, displayName: principal.displayName ?? principal.id, type: graphType(principal.type) })),
    graphForbidden: principalsUnresolved,
    faults,
  };
  return { estate, unconverted };
}

function graphType(type: string | null): "user" | "group" | "servicePrincipal" {
  if (type === "User") return "user";
  if (type === "Group") return "group";
  return "servicePrincipal";
}
