import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT } from "../../src/version.js";
import { loadEstate } from "../emulator/load-estate.js";
import { generateEstate } from "../emulator/generate-estate.js";
import { collectFrom, startEmulator, withoutRunMetadata } from "./support.js";

const VAULT = "/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/rg-keys/providers/Microsoft.KeyVault/vaults/kv-cde-01";

function smallEstate() {
  return generateEstate({ vaults: 2, keysPerVault: 4, certificatesPerVault: 1, clusters: 2, pageSize: 3 });
}

describe("collectInventory under faults", () => {
  it("retried faults give the clean records", async () => {
    const estate = smallEstate();
    const clean = await collectFrom(await startEmulator(estate));

    const faulty = structuredClone(estate);
    faulty.faults = [
      { target: "arm", path: "/vaults/kv-cde-01/keys$", status: 429, code: "ResourceRequestsThrottled", headers: { "retry-after-ms": "20" }, times: 2 },
      { target: "arm", path: "/keys/key-002$", status: 503, headers: { "retry-after-ms": "10" }, times: 1 },
      { target: "arm", path: "/keys/key-003/versions$", drop: true, times: 1 },
      { target: "kv-cde-02", path: "^/keys/key-001/?$", status: 429, code: "Throttled", message: "Request was not processed because too many requests were received. Reason: VaultRequestTypeLimitReached", headers: { "retry-after-ms": "10" }, times: 2 },
      { target: "kv-cde-01", path: "/rotationpolicy$", status: 500, times: 1 },
      { target: "arm", path: "/roleAssignments$", delayMs: 400, times: 1 },
    ];
    const emulator = await startEmulator(faulty);
    const retried = await collectFrom(emulator, { tuning: { attemptTimeoutMs: 300 } });

    expect(retried.inventory.collectionErrors).toEqual([]);
    expect(withoutRunMetadata(retried.inventory)).toEqual(withoutRunMetadata(rewriteUrls(clean.inventory, retried.inventory)));
    expect(emulator.requests.filter((request) => request.status === 429).length).toBe(4);
    expect(emulator.requests.filter((request) => request.status === -1).length).toBe(1);
  });

  it("exhausted retries keep the key with an error", async () => {
    const estate = smallEstate();
    estate.faults = [{ target: "arm", path: "/vaults/kv-cde-01/keys/key-002$", status: 503, message: "The service is unavailable." }];
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator, { tuning: { maxRetries: 2 } });

    const keys = inventory.keyStores[0]!.keys!;
    expect(keys.map((key) => key.name)).toEqual(["key-001", "key-002", "key-003", "key-004"]);
    const failed = keys[1]!;
    expect(failed.kty).toBe("EC-HSM"); // the data plane still reported it
    expect(failed.keySize).toBeNull();
    expect(failed.versions?.length).toBe(2);
    expect(inventory.collectionErrors).toEqual([
      { scope: `${VAULT}/keys/key-002`, operation: "keys.get", status: 503, code: "ServiceUnavailable", message: "The service is unavailable." },
    ]);
    const attempts = emulator.requests.filter((request) => /kv-cde-01\/keys\/key-002$/.test(request.path) && request.target === "arm");
    expect(attempts.length).toBe(3);
  });

  it("huge Retry-After ends at the call limit", async () => {
    const estate = smallEstate();
    estate.faults = [{ target: "arm", path: "/vaults/kv-cde-02/secrets$", status: 429, headers: { "retry-after": "86400" } }];
    const emulator = await startEmulator(estate);
    const started = Date.now();
    const { inventory } = await collectFrom(emulator, { tuning: { callTimeoutMs: 500 } });

    expect(Date.now() - started).toBeLessThan(5_000);
    const store = inventory.keyStores[1]!;
    expect(store.secrets).toBeNull();
    expect(store.keys?.length).toBe(4);
    expect(inventory.collectionErrors.map((error) => [error.scope, error.operation, error.status, error.code])).toEqual([
      [store.id, "secrets.list", null, "CallTimeout"],
    ]);
  });

  it("forbidden vault is not collected", async () => {
    const estate = smallEstate();
    const message = "The client 'x' with object id 'x' does not have authorization to perform action 'Microsoft.KeyVault/vaults/keys/read' over scope 'kv-cde-01'.";
    estate.faults = [{ target: "arm", path: "/vaults/kv-cde-01/keys$", status: 403, code: "AuthorizationFailed", message }];
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator);

    const store = inventory.keyStores[0]!;
    expect(store.keys).toBeNull();
    expect(inventory.keyStores[1]!.keys?.length).toBe(4);
    expect(inventory.collectionErrors).toEqual([{ scope: VAULT, operation: "keys.list", status: 403, code: "AuthorizationFailed", message }]);
  });

  it("ARM ForbiddenByRbac as HTTP 400", async () => {
    const estate = smallEstate();
    estate.faults = [{ target: "arm", path: "/vaults/kv-cde-01/keys$", status: 400, code: "ForbiddenByRbac", message: "[ForbiddenByRbac (Forbidden)] Caller is not authorized to perform action on resource." }];
    const { inventory } = await collectFrom(await startEmulator(estate));

    expect(inventory.keyStores[0]!.keys).toBeNull();
    expect(inventory.collectionErrors.map((error) => [error.operation, error.status, error.code])).toEqual([["keys.list", 400, "ForbiddenByRbac"]]);
  });

  it("firewall falls back to ARM", async () => {
    const estate = smallEstate();
    estate.vaults[0]!.dataPlane = "firewall";
    const emulator = await startEmulator(estate);
    const { inventory } = await collectFrom(emulator);

    const store = inventory.keyStores[0]!;
    expect(store.keys?.map((key) => [key.name, key.kty, key.keySize, key.curve])).toEqual([
      ["key-001", "RSA-HSM", 3072, null],
      ["key-002", "EC-HSM", null, "P-384"],
      ["key-003", "RSA-HSM", 3072, null],
      ["key-004", "EC-HSM", null, "P-384"],
    ]);
    expect(store.keys?.every((key) => key.hsmPlatform === null && key.rotationPolicy === null && key.publicKeyThumbprint === null)).toBe(true);
    expect(store.keys?.[0]?.versions?.length).toBe(2);
    expect(store.certificates).toBeNull();
    expect(store.deletedKeys).toBeNull();
    expect(store.secrets?.map((secret) => [secret.name, secret.managed])).toEqual([["db-connection", false], ["tls-1", true]]);
    expect(inventory.collectionErrors).toEqual([
      { scope: VAULT, operation: "dataPlane.keys.listDeleted", status: 403, code: "ForbiddenByFirewall", message: "Client address is not authorized and caller is not a trusted service." },
    ]);
    expect(inventory.keyStores[1]!.keys?.[0]?.hsmPlatform).toBe("2");
    const dataPlaneRequests = emulator.requests.filter((request) => request.target === "kv-cde-01" && request.status === 403);
    expect(dataPlaneRequests.length).toBe(1);
  });

  it("missing data role tallied once", async () => {
    const estate = smallEstate();
    estate.faults = [{ target: "kv-cde-01", path: "^/keys/[^/]+/?$", status: 403, code: "Forbidden", innerCode: "ForbiddenByRbac", message: "Caller is not authorized to perform action on resource.\r\nCaller: appid=x" }];
    const { inventory } = await collectFrom(await startEmulator(estate));

    expect(inventory.collectionErrors).toEqual([
      {
        scope: VAULT,
        operation: "dataPlane.keys.get",
        status: 403,
        code: "ForbiddenByRbac",
        message: "Caller is not authorized to perform action on resource. (4 keys: `key-001`, `key-002`, `key-003`, `key-004`)",
      },
    ]);
    expect(inventory.keyStores[0]!.keys?.every((key) => key.hsmPlatform === null)).toBe(true);
  });
});

/** Rewrites the store URLs of the clean run, which had other loopback ports, to the faulty run's. */
function rewriteUrls<T>(from: T, to: { keyStores: { name: string; uri: string }[] }): T {
  let text = JSON.stringify(from);
  for (const store of (from as { keyStores: { name: string; uri: string }[] }).keyStores) {
    const target = to.keyStores.find((candidate) => candidate.name === store.name);
    if (target !== undefined) text = text.split(store.uri).join(target.uri);
  }
  return JSON.parse(text) as T;
}

describe("collectInventory from an estate fixture", () => {
  it("throttled fixture matches a clean run", async () => {
    const fixture = loadEstate(join(PACKAGE_ROOT, "test", "fixtures", "estates", "throttled-2x6.json"));
    const { faults, ...clean } = fixture;
    const cleanRun = await collectFrom(await startEmulator(structuredClone(clean)));
    const emulator = await startEmulator(fixture);
    const throttled = await collectFrom(emulator);

    expect(faults?.length).toBe(4);
    expect(throttled.inventory.collectionErrors).toEqual([]);
    expect(emulator.requests.filter((request) => request.status === 429).length).toBe(7);
    expect(emulator.requests.filter((request) => request.status === 503).length).toBe(2);
    expect(emulator.requests.filter((request) => request.status === -1).length).toBe(2);
    expect(withoutRunMetadata(throttled.inventory)).toEqual(withoutRunMetadata(rewriteUrls(cleanRun.inventory, throttled.inventory)));
  });
});
