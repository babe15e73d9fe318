// Measures `cryptodoc build` on generated estates of 0, 1,000, 10,000 and
// 30,000 keys, each in its own process: wall time, peak memory, and the cost
// per key with the empty estate's time subtracted.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../src/version.js";
import { generateEstate } from "./generate-estate.js";

export interface BuildMeasurement {
  keys: number;
  seconds: number;
  peakMegabytes: number;
  exitCode: number | null;
}

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli.js");
const USAGE_REPORTER = join(PACKAGE_ROOT, "bench", "report-usage.mjs");

function measure(keys: number): BuildMeasurement {
  const folder = mkdtempSync(join(tmpdir(), "cryptodoc-bench-"));
  try {
    generateEstate(folder, keys);
    const usageFile = join(folder, "usage.json");
    const start = performance.now();
    const run = spawnSync(process.execPath, ["--import", USAGE_REPORTER, CLI, "build", "--out", join(folder, "out")], {
      cwd: folder,
      encoding: "utf8",
      env: { ...process.env, CRYPTODOC_USAGE_FILE: usageFile },
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = (performance.now() - start) / 1000;
    if (run.status !== 0) process.stderr.write(run.stderr);
    const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKilobytes: number };
    return { keys, seconds, peakMegabytes: usage.maxRssKilobytes / 1024, exitCode: run.status };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function benchmarkBuild(sizes: number[] = [0, 1_000, 10_000, 30_000]): string {
  const measurements = sizes.map((keys) => {
    const measurement = measure(keys);
    process.stderr.write(`build of ${keys} keys: ${measurement.seconds.toFixed(2)} s, ${measurement.peakMegabytes.toFixed(0)} MB\n`);
    return measurement;
  });
  const empty = measurements.find((measurement) => measurement.keys === 0)!;
  const rows = measurements.map((measurement) => {
    const perKey = measurement.keys === 0 ? "" : `${(((measurement.seconds - empty.seconds) / measurement.keys) * 1e6).toFixed(0)} µs`;
    return `| ${measurement.keys.toLocaleString("en-US")} | ${measurement.seconds.toFixed(2)} s | ${measurement.peakMegabytes.toFixed(0)} MB | ${perKey} | ${measurement.exitCode} |`;
  });
  const perKey = (keys: number) => {
    const measurement = measurements.find((candidate) => candidate.keys === keys);
    return measurement === undefined ? undefined : (measurement.seconds - empty.seconds) / keys;
  };
  const small = perKey(1_000);
  const large = perKey(30_000);
  const growth = small === undefined || large === undefined ? "" : `\nCost per key at 30,000 keys ÷ cost per key at 1,000 keys: ${(large / small).toFixed(2)} (goal: at most 1.20).\n`;
  return [
    "| Keys | Build time | Peak memory | Cost per key (empty estate subtracted) | Exit code |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n") + "\n" + growth;
}
