// Runs the built cryptodoc executable as a child process, as a user would,
// with the loopback-only network guard loaded into it.
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/version.js";

export const CLI = join(PACKAGE_ROOT, "dist", "src", "cli.js");
const GUARD = join(PACKAGE_ROOT, "test", "support", "network-guard.mjs");

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? PACKAGE_ROOT,
    encoding: "utf8",
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      AZURE_TOKEN_CREDENTIALS: "dev",
      NODE_OPTIONS: `--import ${GUARD}`,
      ...options.env,
    },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function temporaryFolder(prefix = "cryptodoc-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
