// Measures the live collection against the emulator, which runs in its own
// process with a fixed latency per request. It reports requests per key, the
// wall time with the default settings against the ideal for that many
// requests, and the speed-up over the same collector run one request at a time.
import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectInventory } from "../src/inventory/azure/collect.js";
import { DEFAULT_TUNING, type ClientTuning } from "../src/inventory/azure/options.js";
import { PACKAGE_ROOT } from "../src/version.js";
import type { Inventory } from "../src/inventory/model.js";
import type { Estate } from "../test/emulator/estate.js";
import { loadEstate } from "../test/emulator/load-estate.js";
import { emulatorScope } from "../test/emulator/scope.js";
import { emulatorCredential } from "../test/emulator/tokens.js";
import type { EmulatorStats } from "./emulator-process.js";

/** The benchmark estate, 20 vaults × 50 keys with 20 ms added per request. */
const ESTATE_FILE = join(PACKAGE_ROOT, "test", "fixtures", "estates", "bench-20x50.json");

export interface CollectMeasurement {
  label: string;
  seconds: number;
  stats: EmulatorStats;
  /** CPU time of the collecting process during the run, in seconds. */
  collectorCpuSeconds: number;
}

interface Emulator {
  child: ChildProcess;
  armUrl: string;
  ca: string;
  ask<T>(type: string): Promise<T>;
}

async function startEmulatorProcess(estateFile: string): Promise<Emulator> {
  const entry = join(dirname(fileURLToPath(import.meta.url)), "emulator-process.js");
  const child = fork(entry, [estateFile], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const ready = await new Promise<{ armUrl: string; ca: string }>((resolve, reject) => {
    child.once("message", (message) => resolve(message as { armUrl: string; ca: string }));
    child.once("exit", (code) => reject(new Error(`The emulator process exited with code ${code} before it was ready.`)));
  });
  const ask = <T>(type: string) =>
    new Promise<T>((resolve) => {
      child.once("message", (message) => resolve((message as { stats?: T }).stats as T));
      child.send({ type });
    });
  return { child, armUrl: ready.armUrl, ca: ready.ca, ask };
}

async function measure(label: string, estate: Estate, emulator: Emulator, tuning: Partial<ClientTuning>): Promise<{ measurement: CollectMeasurement; inventory: Inventory }> {
  await emulator.ask("reset");
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const inventory = await collectInventory({
    scope: emulatorScope(estate, emulator.armUrl),
    credential: emulatorCredential(estate),
    allowLoopbackChallenge: true,
    tuning: { extraCa: emulator.ca, ...tuning },
  });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const stats = await emulator.ask<EmulatorStats>("stats");
  if (stats.violations.length > 0 || stats.authFailures.length > 0 || inventory.collectionErrors.length > 0) {
    throw new Error(`The ${label} run was not clean: ${JSON.stringify({ violations: stats.violations, authFailures: stats.authFailures, errors: inventory.collectionErrors }).slice(0, 500)}`);
  }
  return { measurement: { label, seconds, stats, collectorCpuSeconds: (cpu.user + cpu.system) / 1e6 }, inventory };
}

/** Runs a warm-up and both measurements in one process and returns a Markdown table of the figures. */
export async function benchmarkCollect(): Promise<string> {
  const estate = loadEstate(ESTATE_FILE);
  const latencyMs = estate.latencyMs ?? 0;
  const vaults = estate.vaults.length;
  const keysPerVault = estate.vaults[0]?.keys.length ?? 0;
  const folder = mkdtempSync(join(tmpdir(), "cryptodoc-bench-collect-"));
  const estateFile = join(folder, "estate.json");
  writeFileSync(estateFile, JSON.stringify(estate));
  const emulator = await startEmulatorProcess(estateFile);
  try {
    // An untimed first run loads and compiles the SDK modules, which the timed runs then share.
    await measure("warm-up", estate, emulator, {});
    const defaults = await measure("default settings", estate, emulator, {});
    const serial = await measure("one request at a time", estate, emulator, { maxConcurrency: 1, maxConcurrencyPerSubscription: 1, maxConcurrencyPerStore: 1 });
    if (JSON.stringify(defaults.inventory.keyStores) !== JSON.stringify(serial.inventory.keyStores)) {
      throw new Error("The default and the one-at-a-time runs collected different key stores.");
    }

    const keys = estate.vaults.reduce((count, vault) => count + vault.keys.length, 0);
    const { seconds, stats, collectorCpuSeconds } = defaults.measurement;
    const ideal = (stats.requests * latencyMs) / 1000 / DEFAULT_TUNING.maxConcurrency;
    const rows = [
      ["Estate", `${vaults} vaults × ${keysPerVault} keys in one subscription, role assignments, ${estate.clusters.length} AKS clusters, ${latencyMs} ms added per request`],
      ["Requests (default run)", `${stats.requests} (${(stats.requests / keys).toFixed(2)} per key)`],
      ["Requests in flight allowed by the defaults", `${DEFAULT_TUNING.maxConcurrency} overall, of which at most ${DEFAULT_TUNING.maxConcurrencyPerSubscription} per subscription (ARM) and ${DEFAULT_TUNING.maxConcurrencyPerStore} per vault (data plane)`],
      ["Wall time, default settings", `${seconds.toFixed(2)} s`],
      ["Ideal for that request count", `${ideal.toFixed(2)} s (requests × ${latencyMs} ms ÷ ${DEFAULT_TUNING.maxConcurrency})`],
      ["Default ÷ ideal (goal ≤ 1.3)", `${(seconds / ideal).toFixed(2)}`],
      ["Requests in flight, mean and maximum", `${(stats.busyMilliseconds / 1000 / seconds).toFixed(1)} and ${stats.maxInFlight}`],
      ["CPU time, collector and emulator", `${collectorCpuSeconds.toFixed(2)} s and ${(stats.cpuMilliseconds / 1000).toFixed(2)} s`],
      ["Wall time, one request at a time", `${serial.measurement.seconds.toFixed(2)} s (${serial.measurement.stats.requests} requests)`],
      ["Speed-up of the defaults (goal ≥ 8)", `${(serial.measurement.seconds / seconds).toFixed(1)}×`],
    ];
    return ["| Measure | Value |", "|---|---|", ...rows.map(([name, value]) => `| ${name} | ${value} |`)].join("\n") + "\n";
  } finally {
    const exited = new Promise((resolve) => emulator.child.once("exit", resolve));
    emulator.child.send({ type: "stop" });
    await exited;
    rmSync(folder, { recursive: true, force: true });
  }
}
