// The first stages every command shares: load the declaration, load or
// collect the inventory, join them and evaluate the rules.
import { existsSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { loadArchitecture, type LoadedArchitecture } from "../declared/load.js";
import { buildEstate, type Estate } from "../drift/estate.js";
import { evaluate } from "../drift/engine.js";
import type { Result } from "../drift/model.js";
import { RULE_CATALOGUE } from "../drift/rules/index.js";
import { summarize, type Summary } from "../drift/verdict.js";
import { InputError } from "../errors.js";
import { loadInventory, type LoadedInventory } from "../inventory/load.js";
import { elapsed, type Logger, plural } from "../log.js";
import { collectLiveInventory } from "./live-inventory.js";
import { type CommonOptions, parseAsOf } from "./options.js";

export interface Evaluation {
  loaded: LoadedArchitecture;
  inventory: LoadedInventory;
  source: "snapshot" | "live";
  estate: Estate;
  results: Result[];
  summary: Summary;
}

/** Resolves which snapshot to read: --inventory, then `inventory.snapshot` relative to architecture.yaml. */
export function snapshotPath(options: { config: string; inventory?: string }, loaded: LoadedArchitecture): string {
  if (options.inventory !== undefined) return options.inventory;
  const configured = loaded.architecture.inventory.snapshot;
  if (configured === undefined) {
    throw new InputError(`${options.config} names no inventory snapshot.`, [], {
      hint: "Set `inventory.snapshot` in architecture.yaml, pass --inventory FILE, or build from Azure with --live.",
    });
  }
  const path = isAbsolute(configured) ? configured : relative(process.cwd(), resolve(loaded.architecture.baseDir, configured)) || configured;
  if (!existsSync(path)) {
    const at = loaded.sourceMap.locate(["inventory", "snapshot"]);
    throw new InputError(`The inventory snapshot that ${options.config} names does not exist:`, [`${at.file}:${at.line}:${at.column} inventory.snapshot: file \`${path}\` does not exist`], {
      hint: "Correct the path (it is relative to architecture.yaml), pass --inventory FILE, or collect one with `cryptodoc collect --output FILE`.",
    });
  }
  return path;
}

export async function loadAndEvaluate(options: CommonOptions, log: Logger): Promise<Evaluation> {
  let start = performance.now();
  const loaded = loadArchitecture(options.config, RULE_CATALOGUE);
  const a = loaded.architecture;
  log.info(`Loaded ${options.config}: ${plural(a.keyStores.length, "key store")}, ${plural(a.keys.length, "key")}, ${plural(a.certificates.length, "certificate")}, ${plural(a.custodians.length, "custodian")} in ${elapsed(start)}`);

  const live = options.live || (options.inventory === undefined && a.inventory.source === "live");
  start = performance.now();
  let inventory: LoadedInventory;
  if (live) {
    // The collected snapshot is never written over the committed one: the build writes it to out/inventory.json.
    inventory = await collectLiveInventory(a, options, log, join(options.out, "inventory.json"));
  } else {
    inventory = loadInventory(snapshotPath(options, loaded));
    const keyCount = inventory.inventory.keyStores.reduce((count, store) => count + (store.keys?.length ?? 0), 0);
    log.info(`Read snapshot ${inventory.file} (collected ${inventory.inventory.collection.collectedAt}): ${plural(inventory.inventory.keyStores.length, "key store")}, ${plural(keyCount, "key")}, ${plural(inventory.inventory.collectionErrors.length, "collection error")} in ${elapsed(start)}`);
  }

  start = performance.now();
  const asOf = parseAsOf(options.asOf, inventory.inventory.collection.collectedAt);
  const estate = buildEstate(a, inventory.inventory, asOf);
  const results = evaluate(estate);
  const summary = summarize(results, options.failOn);
  log.info(`Evaluated ${RULE_CATALOGUE.ids.length} rules as of ${asOf.toISOString()}: ${summary.byStatus.fail} failed, ${summary.byStatus.error} errors, ${summary.byStatus.waived} waived, ${summary.byStatus.pass} passed in ${elapsed(start)}`);

  return { loaded, inventory, source: live ? "live" : "snapshot", estate, results, summary };
}
