// `cryptodoc validate`: check architecture.yaml, and a snapshot when one is
// named, against their schemas and cross-references. Nothing is written.
import { loadArchitecture } from "../declared/load.js";
import { RULE_CATALOGUE } from "../drift/rules/index.js";
import { EXIT_OK } from "../errors.js";
import { loadInventory } from "../inventory/load.js";
import type { Logger } from "../log.js";

export async function runValidate(options: { config: string; inventory?: string }, log: Logger): Promise<number> {
  const { architecture } = loadArchitecture(options.config, RULE_CATALOGUE);
  log.info(`${options.config} is valid: ${architecture.keyStores.length} key stores, ${architecture.keys.length} keys, ${architecture.certificates.length} certificates, ${architecture.waivers.length} waivers.`);
  if (options.inventory !== undefined) {
    const inventory = loadInventory(options.inventory);
    log.info(`${options.inventory} is a valid inventory snapshot collected at ${inventory.inventory.collection.collectedAt} (SHA-256 ${inventory.sha256}).`);
  }
  return EXIT_OK;
}
