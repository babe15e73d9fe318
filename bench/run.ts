// `npm run bench`: runs each benchmark in turn and prints Markdown tables to
// stdout, the form docs/benchmarks.md, docs/benchmarks-collect.md and
// docs/benchmarks-render.md record them in.
import { cpus, loadavg } from "node:os";
import { benchmarkBuild } from "./build.js";
import { benchmarkCollect } from "./collect.js";
import { benchmarkRender } from "./render.js";

const sections: [string, () => string | Promise<string>][] = [
  ["Build time by estate size", () => benchmarkBuild()],
  ["Live collection against the emulator", () => benchmarkCollect()],
  ["SVG rendering per diagram", () => benchmarkRender()],
];

process.stdout.write(`Node ${process.version} on ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, load average ${loadavg()[0]?.toFixed(2)} at the start\n\n`);
for (const [title, run] of sections) {
  process.stdout.write(`## ${title}\n\n${await run()}\n`);
}
