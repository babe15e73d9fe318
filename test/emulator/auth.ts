// Token checks of the emulator, as Azure makes them.
import type { Estate } from "./estate.js";
import { azureError, type EmulatorRequest, type Reply } from "./reply.js";
import { readBearer } from "./tokens.js";

/**
 * Returns null when the request carries a token for `audience` in the estate's tenant,
 * and otherwise the 401 the service would send. The Key Vault data plane (`challenge`)
 * rejects a request without a token with a challenge that names the resource to request a
 * token for. That is the normal first step, so it is not recorded as a failure.
 */
export function checkToken(estate: Estate, request: EmulatorRequest, audience: string, style: "arm" | "graph" | "challenge", failures: string[], target: string): Reply | null {
  const claims = readBearer(request.authorization);
  const expected = audience.replace(/\/+$/, "");
  const challenge = { "www-authenticate": `Bearer authorization="https://login.microsoftonline.com/${estate.tenantId}", resource="${expected}"` };

  if (claims === null) {
    if (style === "challenge") return { status: 401, headers: challenge, body: { error: { code: "Unauthorized", message: "AKV10000: Request is missing a Bearer or PoP token." } } };
    failures.push(`${target} ${request.method} ${request.path}: no token`);
    return azureError(401, style === "graph" ? "InvalidAuthenticationToken" : "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing.");
  }
  const problem =
    claims.aud.replace(/\/+$/, "") !== expected
      ? `audience \`${claims.aud}\`, expected \`${expected}\``
      : claims.tid !== estate.tenantId
        ? `tenant \`${claims.tid}\`, expected \`${estate.tenantId}\``
        : claims.exp * 1000 < Date.now()
          ? "an expired token"
          : null;
  if (problem === null) return null;

  failures.push(`${target} ${request.method} ${request.path}: ${problem}`);
  if (style === "challenge") return { status: 401, headers: challenge, body: { error: { code: "Unauthorized", message: `AKV10022: Invalid audience. Expected ${expected}, found: ${claims.aud}.` } } };
  return azureError(401, style === "graph" ? "InvalidAuthenticationToken" : "InvalidAuthenticationTokenAudience", `The access token has ${problem}.`);
}
