// Lookups and small edits on the worked example for rule tests, beyond the
// key and store lookups of worked-example.ts.
import type { DeployedCertificate, DeployedCluster, Inventory, RoleDefinition } from "../../src/inventory/model.js";
import { evaluate } from "../../src/drift/engine.js";
import type { Result } from "../../src/drift/model.js";
import type { Rule } from "../../src/drift/rule.js";
import { estateOf, storeNamed, type Example } from "./worked-example.js";

export function certificateNamed(inventory: Inventory, storeName: string, name: string): DeployedCertificate {
  const certificate = storeNamed(inventory, storeName).certificates?.find((candidate) => candidate.name === name);
  if (certificate === undefined) throw new Error(`no certificate ${name} in ${storeName}`);
  return certificate;
}

export function clusterNamed(inventory: Inventory, name: string): DeployedCluster {
  const cluster = inventory.clusters?.find((candidate) => candidate.name === name);
  if (cluster === undefined) throw new Error(`no cluster ${name} in the snapshot`);
  return cluster;
}

/** Adds a role definition and assigns it to `principalId` at `scope`; returns the assignment id. */
export function assignRole(inventory: Inventory, principalId: string, scope: string, definition: RoleDefinition): string {
  if (!inventory.roleDefinitions!.some((candidate) => candidate.id === definition.id)) inventory.roleDefinitions!.push(definition);
  const id = `${scope}/providers/Microsoft.Authorization/roleAssignments/${principalId}-${inventory.roleAssignments!.length}`;
  inventory.roleAssignments!.push({ id, scope, principalId, principalType: "User", roleDefinitionId: definition.id, condition: null });
  return id;
}

/** A role definition with the given data actions and actions. */
export function role(name: string, dataActions: string[], actions: string[] = [], notDataActions: string[] = []): RoleDefinition {
  return { id: `/providers/Microsoft.Authorization/roleDefinitions/${name.toLowerCase().replace(/\s+/g, "-")}`, roleName: name, type: "CustomRole", permissions: [{ actions, notActions: [], dataActions, notDataActions }] };
}

/** Evaluates `rules` through the engine, with waivers and overrides, and returns the results. */
export function evaluateRules(example: Example, rules: readonly Rule[], asOf?: string): Result[] {
  return evaluate(estateOf(example, asOf), rules);
}

/** Returns the single outcome about the resource named `name` in store `store`. */
export function outcomeIn<T extends { resource: { name: string; store: string | null } }>(outcomes: T[], store: string, name: string): T {
  const matching = outcomes.filter((outcome) => outcome.resource.store === store && outcome.resource.name === name);
  if (matching.length !== 1) throw new Error(`expected one outcome for \`${store}/${name}\`, found ${matching.length}`);
  return matching[0]!;
}
