// `npm run bench`: runs each benchmark in turn and prints Markdown tables to
// stdout, the form docs/benchmarks.md records them in.
import { cpus } from "node:os";
import { benchmarkBuild } from "./build.js";

const sections: [string, () => string | Promise<string>][] = [["Build time by estate size", () => benchmarkBuild()]];

process.stdout.write(`Node ${process.version} on ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}\n\n`);
for (const [title, run] of sections) {
  process.stdout.write(`## ${title}\n\n${await run()}\n`);
}
