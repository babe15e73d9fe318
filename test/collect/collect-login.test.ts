import { describe, expect, it } from "vitest";
import { AuthenticationError } from "@azure/identity";
import { CollectionFailedError } from "../../src/errors.js";
import { generateEstate } from "../emulator/generate-estate.js";
import { mintToken } from "../emulator/tokens.js";
import { collectFrom, startEmulator } from "./support.js";

describe("collectInventory login", () => {
  it("AADSTS failure exits 2", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const credential = {
      getToken: async () => {
        throw new AuthenticationError(400, {
          error: "invalid_client",
          error_description: "AADSTS700213: No matching federated identity record found for presented assertion subject 'repo:org/app:ref:refs/heads/main'.",
        });
      },
    };
    const failure = (await collectFrom(emulator, { credential }).catch((error: unknown) => error)) as CollectionFailedError;

    expect(failure).toBeInstanceOf(CollectionFailedError);
    expect(failure.exitCode).toBe(2);
    expect(failure.message).toMatch(/^Login to Azure tenant `72f988bf-0000-4000-8000-00000000c0de` failed \(AADSTS700213\): /);
    expect(failure.message).toContain("No matching federated identity record found");
    expect(failure.hint).toBe(
      "Run `az login --tenant 72f988bf-0000-4000-8000-00000000c0de` locally; in CI check the workload identity federation settings AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE.",
    );
    expect(emulator.requests).toEqual([]);
  });

  it("default credential without login", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    const failure = (await collectFrom(emulator, { credential: undefined }).catch((error: unknown) => error)) as CollectionFailedError;

    expect(failure).toBeInstanceOf(CollectionFailedError);
    expect(failure.message).toMatch(/^Login to Azure tenant `72f988bf-0000-4000-8000-00000000c0de` failed: /);
    expect(emulator.requests).toEqual([]);
  });

  it("token of another tenant fails", async () => {
    const estate = generateEstate({ vaults: 1, keysPerVault: 1 });
    const emulator = await startEmulator(estate);
    const other = { ...estate, tenantId: "11111111-2222-4333-8444-555555555555" };
    const credential = { getToken: async () => ({ token: mintToken(other, "https://management.azure.com").token, expiresOnTimestamp: Date.now() + 3_600_000, tokenType: "Bearer" as const }) };
    const failure = (await collectFrom(emulator, { credential }).catch((error: unknown) => error)) as CollectionFailedError;

    expect(failure).toBeInstanceOf(CollectionFailedError);
    expect(failure.message).toBe("The Azure login is for tenant `11111111-2222-4333-8444-555555555555`, but the scope names tenant `72f988bf-0000-4000-8000-00000000c0de`.");
  });

  it("tokens name each cloud audience", async () => {
    const emulator = await startEmulator(generateEstate({ vaults: 1, keysPerVault: 1 }));
    await collectFrom(emulator);

    expect([...new Set(emulator.tokenScopes)].sort()).toEqual([
      "https://graph.microsoft.com/.default",
      "https://management.azure.com/.default",
      "https://vault.azure.net/.default",
    ]);
    expect(emulator.authFailures).toEqual([]);
  });

  it("sovereign audiences are checked", async () => {
    const estate = generateEstate({ vaults: 1, keysPerVault: 1 });
    estate.audiences = { arm: "https://management.usgovcloudapi.net", graph: "https://graph.microsoft.us", vault: "https://vault.usgovcloudapi.net" };
    const emulator = await startEmulator(estate);
    const scope = { tenantId: estate.tenantId, subscriptions: [estate.subscriptions[0]!.id], managementGroup: null, resourceGroups: [], keyStores: [], armEndpoint: emulator.armUrl, graphEndpoint: emulator.armUrl };
    const { inventory } = await collectFrom(emulator, { scope: { ...scope, cloud: "AzureUSGovernment" } });

    expect(inventory.collection.cloud).toBe("AzureUSGovernment");
    expect(inventory.collectionErrors).toEqual([]);
    expect(inventory.keyStores[0]!.keys?.[0]?.hsmPlatform).toBe("2");
    expect(emulator.authFailures).toEqual([]);
  });
});
