// Runs the Azure emulator in a process of its own for the collection
// benchmark, so its work does not share the collector's event loop. It reads
// the estate from the JSON file named on the command line and replies to the
// parent over the IPC channel: `stats`, `reset` and `stop`.
import { readFileSync } from "node:fs";
import type { Estate } from "../test/emulator/estate.js";
import { AzureEmulator } from "../test/emulator/server.js";

export interface EmulatorStats {
  requests: number;
  maxInFlight: number;
  /** Sum of the time each request was open, in milliseconds; divided by the wall time it gives the mean requests in flight. */
  busyMilliseconds: number;
  /** CPU time of the emulator process since the last reset, in milliseconds. */
  cpuMilliseconds: number;
  violations: string[];
  authFailures: string[];
}

const file = process.argv[2];
if (file === undefined || process.send === undefined) {
  process.stderr.write("Usage: node emulator-process.js ESTATE.json, started with an IPC channel by the collection benchmark.\n");
  process.exit(2);
}
const estate = JSON.parse(readFileSync(file, "utf8")) as Estate;
const emulator = await AzureEmulator.start(estate);
let cpuAtReset = process.cpuUsage();
process.send({ type: "ready", armUrl: emulator.armUrl, ca: emulator.ca });

process.on("message", async (message: { type: string }) => {
  if (message.type === "stats") {
    const stats: EmulatorStats = {
      requests: emulator.requests.length,
      maxInFlight: emulator.concurrency.max,
      busyMilliseconds: emulator.concurrency.busyMilliseconds,
      cpuMilliseconds: cpuMillisecondsSince(cpuAtReset),
      violations: emulator.violations,
      authFailures: emulator.authFailures,
    };
    process.send?.({ type: "stats", stats });
  } else if (message.type === "reset") {
    emulator.requests.splice(0);
    emulator.concurrency.max = 0;
    emulator.concurrency.busyMilliseconds = 0;
    cpuAtReset = process.cpuUsage();
    process.send?.({ type: "reset" });
  } else if (message.type === "stop") {
    await emulator.stop();
    process.exit(0);
  }
});

function cpuMillisecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}
