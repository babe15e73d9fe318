// The emulator's own guards: it flags requests the collector must never make,
// challenges data-plane requests without a token, and serves tokens to child
// processes.
import { request } from "node:https";
import { describe, expect, it } from "vitest";
import { startEmulator } from "../collect/support.js";
import { generateEstate } from "./generate-estate.js";
import type { AzureEmulator } from "./server.js";
import { mintToken } from "./tokens.js";

function send(emulator: AzureEmulator, url: string, method = "GET", token?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const call = request(url, { method, ca: emulator.ca, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    call.on("error", reject);
    call.end();
  });
}

describe("AzureEmulator", () => {
  it("flags secret values and key operations", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const vault = emulator.storeUrl("kv-cde-01");
    const token = mintToken(emulator.estate, "https://vault.azure.net").token;
    await send(emulator, `${vault}secrets/db-connection/?api-version=2025-07-01`, "GET", token);
    await send(emulator, `${vault}keys/key-001/00000000b000000000000000000000000/unwrapkey?api-version=2025-07-01`, "POST", token);
    await send(emulator, `${emulator.armUrl}/subscriptions/x/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/s/listKeys?api-version=2023-01-01`, "POST");

    expect(emulator.violations.splice(0)).toEqual([
      "secret value request: kv-cde-01 GET /secrets/db-connection/",
      "key operation: kv-cde-01 POST /keys/key-001/00000000b000000000000000000000000/unwrapkey",
      "write or action request: arm POST /subscriptions/x/resourceGroups/g/providers/Microsoft.Storage/storageAccounts/s/listKeys",
    ]);
  });

  it("challenges data-plane requests without a token", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const response = await send(emulator, `${emulator.storeUrl("kv-cde-01")}keys?api-version=2025-07-01`);

    expect(response.status).toBe(401);
    expect(response.headers["www-authenticate"]).toBe(`Bearer authorization="https://login.microsoftonline.com/${emulator.estate.tenantId}", resource="https://vault.azure.net"`);
    expect(emulator.authFailures).toEqual([]);
  });

  it("rejects an ARM token for the data plane", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const armToken = mintToken(emulator.estate, "https://management.azure.com").token;
    const response = await send(emulator, `${emulator.storeUrl("kv-cde-01")}keys?api-version=2025-07-01`, "GET", armToken);

    expect(response.status).toBe(401);
    expect(emulator.authFailures).toEqual(["kv-cde-01 GET /keys: audience `https://management.azure.com`, expected `https://vault.azure.net`"]);
  });

  it("serves managed identity tokens", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const response = await fetch(`${emulator.tokenUrl}/metadata/identity/oauth2/token?api-version=2018-02-01&resource=https%3A%2F%2Fmanagement.azure.com`, { headers: { Metadata: "true" } });
    const body = (await response.json()) as { access_token: string; token_type: string; resource: string };
    const claims = JSON.parse(Buffer.from(body.access_token.split(".")[1]!, "base64url").toString("utf8")) as { aud: string; oid: string };

    expect(response.status).toBe(200);
    expect(body.token_type).toBe("Bearer");
    expect(body.resource).toBe("https://management.azure.com");
    expect(claims.aud).toBe("https://management.azure.com");
    expect(claims.oid).toBe(emulator.estate.identity.objectId);
  });
});
