// Runs the built cryptodoc executable as a child process, with the network
// guard loaded into it, and returns its exit code and output.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { PACKAGE_ROOT } from "../../src/version.js";

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli.js");
const GUARD = pathToFileURL(join(PACKAGE_ROOT, "test", "support", "network-guard.mjs")).href;

export function runCryptodoc(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import ${GUARD}`, ...options.env };
  for (const [name, value] of Object.entries(options.env ?? {})) if (value === undefined) delete env[name];
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: options.cwd ?? PACKAGE_ROOT, env, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
