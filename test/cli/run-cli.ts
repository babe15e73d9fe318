// Runs the built cryptodoc executable as a child process against the emulator.
// It runs asynchronously, because the emulator responds from this process's
// event loop. The child loads the loopback-only network guard, trusts the
// emulator's CA through NODE_EXTRA_CA_CERTS and gets its tokens from the
// emulator's managed-identity endpoint, as a CI job with a managed identity
// would.
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../../src/version.js";
import type { AzureEmulator } from "../emulator/server.js";
import { CLI, type CliRun } from "../support/cli.js";

const GUARD = join(PACKAGE_ROOT, "test", "support", "network-guard.mjs");

export function runCliWithEmulator(args: string[], options: { cwd: string; emulator?: AzureEmulator; env?: Record<string, string> }): Promise<CliRun> {
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    HOME: process.env["HOME"] ?? "",
    CI: "true",
    NODE_OPTIONS: `--import ${GUARD}`,
    AZURE_TOKEN_CREDENTIALS: "dev",
  };
  if (options.emulator !== undefined) {
    const caFile = join(options.cwd, "emulator-ca.pem");
    writeFileSync(caFile, options.emulator.ca);
    env["NODE_EXTRA_CA_CERTS"] = caFile;
    env["AZURE_POD_IDENTITY_AUTHORITY_HOST"] = options.emulator.tokenUrl;
    // `prod` leaves environment, workload identity and managed identity in the chain, and no developer tool.
    env["AZURE_TOKEN_CREDENTIALS"] = "prod";
  }
  Object.assign(env, options.env);

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: options.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
