// The worked example (architecture.yaml and inventory/snapshot.json) as fresh,
// mutable copies, so each test can change one fact and evaluate a rule on it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArchitecture } from "../../src/declared/load.js";
import type { Architecture } from "../../src/declared/model.js";
import { buildEstate, type Estate } from "../../src/drift/estate.js";
import type { Outcome, Rule } from "../../src/drift/rule.js";
import { RULE_CATALOGUE } from "../../src/drift/rules/index.js";
import type { DeployedKey, DeployedKeyStore, Inventory } from "../../src/inventory/model.js";
import { PACKAGE_ROOT } from "../../src/version.js";

const yamlText = readFileSync(join(PACKAGE_ROOT, "architecture.yaml"), "utf8");
const snapshotText = readFileSync(join(PACKAGE_ROOT, "inventory", "snapshot.json"), "utf8");

export interface Example {
  architecture: Architecture;
  inventory: Inventory;
}

export function workedExample(): Example {
  return {
    architecture: parseArchitecture("architecture.yaml", yamlText, RULE_CATALOGUE).architecture,
    inventory: JSON.parse(snapshotText) as Inventory,
  };
}

/** Parses YAML text that replaces part of the worked example's file. */
export function workedExampleYaml(edit: (text: string) => string = (text) => text): string {
  return edit(yamlText);
}

export function estateOf(example: Example, asOf: string = example.inventory.collection.collectedAt): Estate {
  return buildEstate(example.architecture, example.inventory, new Date(asOf));
}

export function check(rule: Rule, example: Example, asOf?: string): Outcome[] {
  return rule.check(estateOf(example, asOf), []);
}

/** Returns the single outcome about the resource declared as `name`, or else named `name` in Azure; fails unless there is exactly one. */
export function outcomeFor(outcomes: Outcome[], name: string): Outcome {
  const declared = outcomes.filter((outcome) => outcome.resource.declaredName === name);
  const matching = declared.length > 0 ? declared : outcomes.filter((outcome) => outcome.resource.name === name);
  if (matching.length !== 1) throw new Error(`expected one outcome for \`${name}\`, found ${matching.length}: ${outcomes.map((outcome) => outcome.resource.name).join(", ")}`);
  return matching[0]!;
}

export function storeNamed(inventory: Inventory, name: string): DeployedKeyStore {
  const store = inventory.keyStores.find((candidate) => candidate.name === name);
  if (store === undefined) throw new Error(`no store ${name} in the snapshot`);
  return store;
}

export function keyNamed(inventory: Inventory, storeName: string, keyName: string): DeployedKey {
  const key = storeNamed(inventory, storeName).keys?.find((candidate) => candidate.name === keyName);
  if (key === undefined) throw new Error(`no key ${keyName} in ${storeName}`);
  return key;
}
