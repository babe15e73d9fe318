// `cryptodoc validate`: check architecture.yaml, and the inventory snapshot it
// names or --inventory gives, against their schemas and cross-references.
// Nothing is written.
import { loadArchitecture } from "../declared/load.js";
import { RULE_CATALOGUE } from "../drift/rules/index.js";
import { EXIT_OK } from "../errors.js";
import { loadInventory } from "../inventory/load.js";
import { type Logger, plural } from "../log.js";
import { snapshotPath } from "./evaluate.js";

export async function runValidate(options: { config: string; inventory?: string }, log: Logger): Promise<number> {
  const loaded = loadArchitecture(options.config, RULE_CATALOGUE);
  const { architecture } = loaded;
  log.info(`${options.config} is valid: ${plural(architecture.keyStores.length, "key store")}, ${plural(architecture.keys.length, "key")}, ${plural(architecture.certificates.length, "certificate")}, ${plural(architecture.waivers.length, "waiver")}.`);

  if (options.inventory === undefined && architecture.inventory.snapshot === undefined) return EXIT_OK;
  const file = snapshotPath(options, loaded);
  const inventory = loadInventory(file);
  log.info(`${file} is a valid inventory snapshot collected at ${inventory.inventory.collection.collectedAt} (SHA-256 ${inventory.sha256}).`);
  return EXIT_OK;
}
