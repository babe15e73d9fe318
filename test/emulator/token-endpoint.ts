// The managed-identity token endpoint of the emulator, over plain HTTP as the
// instance metadata service is. DefaultAzureCredential in a child process
// reaches it through AZURE_POD_IDENTITY_AUTHORITY_HOST.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Estate } from "./estate.js";
import { mintToken } from "./tokens.js";

/** Handles `GET /metadata/identity/oauth2/token?resource=...` with a token for that resource. */
export function handleTokenRequest(estate: Estate, scopes: string[], incoming: IncomingMessage, response: ServerResponse): void {
  const url = new URL(`http://127.0.0.1${incoming.url ?? "/"}`);
  const resource = url.searchParams.get("resource");
  if (!/^\/metadata\/identity\/oauth2\/token\/?$/.test(url.pathname) || resource === null) {
    response.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "invalid_request", error_description: "Expected GET /metadata/identity/oauth2/token?resource=..." }));
    return;
  }
  scopes.push(resource);
  const { token, expiresOn } = mintToken(estate, resource);
  response
    .writeHead(200, { "content-type": "application/json" })
    .end(JSON.stringify({ access_token: token, expires_in: String(expiresOn - Math.floor(Date.now() / 1000)), expires_on: String(expiresOn), resource, token_type: "Bearer" }));
}
