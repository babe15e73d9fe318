// The built executable against the emulator serving the worked example's
// estate: `collect`, `build --live`, and a login failure.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Inventory } from "../../src/inventory/model.js";
import { PACKAGE_ROOT } from "../../src/version.js";
import { comparable } from "../collect/comparable.js";
import { startEmulator } from "../collect/support.js";
import { estateFromSnapshot } from "../emulator/from-snapshot.js";
import { restoreStoreUrls } from "../emulator/restore-urls.js";
import type { AzureEmulator } from "../emulator/server.js";
import { runCliWithEmulator } from "./run-cli.js";

const SNAPSHOT = join(PACKAGE_ROOT, "inventory", "snapshot.json");
let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "cryptodoc-cli-"));
});
afterEach(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Writes the worked example's architecture.yaml with Microsoft Graph pointed at the emulator. */
function writeArchitecture(emulator: AzureEmulator): string {
  const yaml = readFileSync(join(PACKAGE_ROOT, "architecture.yaml"), "utf8")
    .replace("snapshot: inventory/snapshot.json", `snapshot: ${SNAPSHOT}`)
    .replace(/(\n {4}cloud: AzurePublicCloud\n)/, `$1    graphEndpoint: ${emulator.armUrl}\n`);
  const file = join(folder, "architecture.yaml");
  writeFileSync(file, yaml);
  return file;
}

async function workedExampleEmulator(): Promise<{ emulator: AzureEmulator; snapshot: Inventory }> {
  const snapshot = JSON.parse(readFileSync(SNAPSHOT, "utf8")) as Inventory;
  return { emulator: await startEmulator(estateFromSnapshot(snapshot).estate), snapshot };
}

describe("cryptodoc collect", () => {
  it("writes the worked example snapshot", async () => {
    const { emulator, snapshot } = await workedExampleEmulator();
    const config = writeArchitecture(emulator);
    const run = await runCliWithEmulator(["collect", "--config", config, "--output", "snapshots/live.json", "--arm-endpoint", emulator.armUrl], { cwd: folder, emulator });

    expect(run.stderr).toContain("Collected 10 keys from 3 key stores in 2 subscriptions in ");
    expect(run.stderr).toMatch(/Wrote snapshot snapshots\/live\.json \(sha256 [0-9a-f]{64}\) in /);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(join(folder, "snapshots", "live.json"), "utf8")) as Inventory;
    expect(written.collection.armEndpoint).toBe(emulator.armUrl);
    expect(comparable(restoreStoreUrls(written, emulator), snapshot)).toEqual(comparable(snapshot));
    expect(emulator.authFailures).toEqual([]);
    expect([...new Set(emulator.tokenScopes)].sort()).toEqual(["https://graph.microsoft.com", "https://managedhsm.azure.net", "https://management.azure.com", "https://vault.azure.net"]);
  });

  it("partial collection warns and exits 0", async () => {
    const { emulator } = await workedExampleEmulator();
    emulator.setFaults([{ target: "arm", path: "/vaults/kv-cde-test/keys$", status: 403, code: "AuthorizationFailed", message: "The client does not have authorization." }]);
    const config = writeArchitecture(emulator);
    const run = await runCliWithEmulator(["collect", "--config", config, "--output", "live.json", "--arm-endpoint", emulator.armUrl], { cwd: folder, emulator });

    expect(run.code).toBe(0);
    expect(run.stderr).toContain(
      "warning: The collection is incomplete: 1 Azure calls failed; they are listed in collectionErrors and reported as inventory-incomplete results.",
    );
    const written = JSON.parse(readFileSync(join(folder, "live.json"), "utf8")) as Inventory;
    expect(written.keyStores.find((store) => store.name === "kv-cde-test")?.keys).toBeNull();
    expect(written.collectionErrors.map((error) => [error.operation, error.status, error.code])).toEqual([["keys.list", 403, "AuthorizationFailed"]]);
  });

  it("--subscription overrides the YAML scope", async () => {
    const { emulator } = await workedExampleEmulator();
    const config = writeArchitecture(emulator);
    const production = "3b8e6f0c-1d2a-4c5b-8e7f-9a0b1c2d3e4f";
    const run = await runCliWithEmulator(["collect", "--config", config, "--output", "live.json", "--arm-endpoint", emulator.armUrl, "--subscription", production], { cwd: folder, emulator });

    expect(run.code).toBe(0);
    const written = JSON.parse(readFileSync(join(folder, "live.json"), "utf8")) as Inventory;
    expect(written.collection.scopeRequested.subscriptions).toEqual([production]);
    expect(written.keyStores.map((store) => store.name)).toEqual(["mhsm-cde-prod", "kv-cde-prod"]);
    expect(written.collectionErrors).toEqual([]);
  });

  it("login failure exits 2 and writes nothing", async () => {
    const { emulator } = await workedExampleEmulator();
    const config = writeArchitecture(emulator);
    // No managed identity endpoint and only developer tools, none of which is logged in here.
    const run = await runCliWithEmulator(["collect", "--config", config, "--output", "live.json", "--arm-endpoint", emulator.armUrl], {
      cwd: folder,
      env: { AZURE_TOKEN_CREDENTIALS: "dev" },
    });

    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^cryptodoc: Login to Azure tenant `7c1f2a9e-4b3d-4e8a-9f61-2d5c8b0a7e13` failed: ChainedTokenCredential authentication failed\.\n/);
    expect(run.stderr).toContain("  Run `az login --tenant 7c1f2a9e-4b3d-4e8a-9f61-2d5c8b0a7e13` locally; in CI check the workload identity federation settings");
    expect(existsSync(join(folder, "live.json"))).toBe(false);
    expect(emulator.requests).toEqual([]);
  });

  it("output is required", async () => {
    const run = await runCliWithEmulator(["collect"], { cwd: folder });

    expect(run.code).toBe(2);
    expect(run.stderr).toBe("cryptodoc: collect needs --output FILE, the snapshot file to write.\n  For example: cryptodoc collect --output inventory/snapshot.json\n");
  });
});

describe("cryptodoc build --live", () => {
  it("documents match the snapshot build", async () => {
    const { emulator } = await workedExampleEmulator();
    const config = writeArchitecture(emulator);
    const committed = createHash("sha256").update(readFileSync(SNAPSHOT)).digest("hex");

    // Both builds judge dates as of the committed snapshot's collection time.
    const asOf = ["--as-of", "2026-11-30T06:00:00Z"];
    const live = await runCliWithEmulator(["build", "--live", "--config", config, "--out", "out-live", "--arm-endpoint", emulator.armUrl, ...asOf], { cwd: folder, emulator });
    const fromSnapshot = await runCliWithEmulator(["build", "--config", config, "--out", "out-snapshot", ...asOf], { cwd: folder });

    expect(live.code).toBe(fromSnapshot.code);
    expect(createHash("sha256").update(readFileSync(SNAPSHOT)).digest("hex")).toBe(committed);
    const liveSnapshot = JSON.parse(readFileSync(join(folder, "out-live", "inventory.json"), "utf8")) as Inventory;
    expect(liveSnapshot.collection.armEndpoint).toBe(emulator.armUrl);
    expect(readFileSync(join(folder, "out-live", "cryptographic-architecture.md"), "utf8")).toContain("| Snapshot file | `out-live/inventory.json` |");
    for (const file of ["key-inventory.md", "cryptographic-architecture.md"]) {
      const read = (out: string) => withoutEvidence(readFileSync(join(folder, out, file), "utf8"));
      expect(withDeclaredHosts(read("out-live"), emulator), file).toBe(read("out-snapshot"));
    }
  });
});

/** Replaces each store's loopback host, where the emulator served it, with the host its estate declares. */
function withDeclaredHosts(text: string, emulator: AzureEmulator): string {
  let result = text;
  for (const vault of emulator.estate.vaults) {
    const declared = new URL(String((vault.arm["properties"] as { vaultUri?: string }).vaultUri)).host;
    result = result.split(new URL(emulator.storeUrl(vault.arm.name)).host).join(declared);
  }
  return result;
}

/**
 * Masks the evidence: the snapshot's source, file, SHA-256 and collection time, which the
 * document states in its evidence table and in the opening lines of each page.
 */
function withoutEvidence(markdown: string): string {
  return markdown
    .replace(/^\| (Inventory source|Snapshot file|Snapshot SHA-256|Snapshot collected at) \|.*$/gm, "| $1 | (evidence) |")
    .replace(/snapshot collected at \S+?(,| \()/g, "snapshot collected at (evidence)$1")
    .replace(/\(SHA-256 `[0-9a-f]{64}`\)/g, "(SHA-256 (evidence))");
}
