// Helpers for collector tests: an emulator per test and a collection from it
// with the real SDK clients, changed only in endpoint, trust and retry timing.
import { afterEach, expect } from "vitest";
import { collectInventory, type CollectOptions } from "../../src/inventory/azure/collect.js";
import type { ProgressEvent } from "../../src/inventory/azure/options.js";
import type { Inventory } from "../../src/inventory/model.js";
import type { Estate } from "../emulator/estate.js";
import { emulatorScope } from "../emulator/scope.js";
import { AzureEmulator } from "../emulator/server.js";

const running: AzureEmulator[] = [];

/** Retries fast enough for tests; the count and the rules stay the defaults'. */
export const FAST_TUNING = { retryDelayMs: 10, maxRetryDelayMs: 50, attemptTimeoutMs: 5_000, callTimeoutMs: 10_000 };

export async function startEmulator(estate: Estate): Promise<AzureEmulator> {
  const emulator = await AzureEmulator.start(estate);
  running.push(emulator);
  return emulator;
}

afterEach(async () => {
  const emulators = running.splice(0);
  await Promise.all(emulators.map((emulator) => emulator.stop()));
  for (const emulator of emulators) {
    expect(emulator.violations, "requests for secret values, key operations or writes").toEqual([]);
  }
});

export interface Collected {
  inventory: Inventory;
  progress: ProgressEvent[];
}

export async function collectFrom(emulator: AzureEmulator, overrides: Partial<CollectOptions> & { subscriptions?: string[] } = {}): Promise<Collected> {
  const progress: ProgressEvent[] = [];
  const { subscriptions, ...rest } = overrides;
  const inventory = await collectInventory({
    scope: emulatorScope(emulator.estate, emulator.armUrl, subscriptions),
    credential: emulator.credential(),
    now: () => new Date("2026-06-01T12:00:00Z"),
    progress: (event) => progress.push(event),
    allowLoopbackChallenge: true,
    ...rest,
    tuning: { extraCa: emulator.ca, ...FAST_TUNING, ...rest.tuning },
  });
  return { inventory, progress };
}

/** Returns the inventory without its collection metadata (time, endpoint, identity), which differs between runs. */
export function withoutRunMetadata(inventory: Inventory): Omit<Inventory, "collection"> {
  const { collection: _collection, ...rest } = inventory;
  return rest;
}
