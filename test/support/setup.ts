// Loaded before every test file. Installs the loopback-only network guard and
// keeps DefaultAzureCredential away from the instance metadata address.
import { afterEach, expect } from "vitest";
import { rejectedConnections } from "./network-guard.mjs";

process.env.AZURE_TOKEN_CREDENTIALS = "dev";
for (const name of ["AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE", "IDENTITY_ENDPOINT", "MSI_ENDPOINT"]) {
  delete process.env[name];
}

afterEach(() => {
  const rejected = rejectedConnections.splice(0);
  expect(rejected, "connections beyond 127.0.0.1 that the network guard rejected").toEqual([]);
});
