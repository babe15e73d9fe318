// `cryptodoc collect --output FILE`: collects the inventory from Azure and
// writes the snapshot. A partial collection is written with its
// collectionErrors and exits 0; a login failure or an empty scope exits 2.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { loadArchitecture } from "../declared/load.js";
import { RULE_CATALOGUE } from "../drift/rules/index.js";
import { EXIT_OK, UsageError } from "../errors.js";
import { elapsed, type Logger } from "../log.js";
import { collectLiveInventory, type LiveOptions } from "./live-inventory.js";

export interface CollectCommandOptions extends LiveOptions {
  output: string | undefined;
}

export async function runCollect(options: CollectCommandOptions, log: Logger): Promise<number> {
  if (options.output === undefined) {
    throw new UsageError("collect needs --output FILE, the snapshot file to write.", { hint: "For example: cryptodoc collect --output inventory/snapshot.json" });
  }
  const start = performance.now();
  const { architecture } = loadArchitecture(options.config, RULE_CATALOGUE);
  const collected = await collectLiveInventory(architecture, options, log, options.output);

  // Written to a temporary name first, so an interrupted run never leaves half a snapshot.
  mkdirSync(dirname(options.output), { recursive: true });
  const temporary = `${options.output}.tmp-${process.pid}`;
  writeFileSync(temporary, collected.bytes);
  renameSync(temporary, options.output);
  log.info(`Wrote snapshot ${options.output} (sha256 ${collected.sha256}) in ${elapsed(start)}.`);
  return EXIT_OK;
}
