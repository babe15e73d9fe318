// Gets the first ARM token, which proves the login works, and reads the
// identity it was issued to from its claims.
import type { TokenCredential } from "@azure/identity";
import { CollectionFailedError } from "../../errors.js";
import type { CollectionMetadata } from "../model.js";
import { defaultScope, type CloudSettings } from "./cloud.js";

export interface LoginResult {
  identity: CollectionMetadata["identity"];
  /** The tenant the token was issued in, from its `tid` claim; null when the token is not a JWT. */
  tenantId: string | null;
}

/** Throws CollectionFailedError, with the AADSTS code where Entra ID gave one, when no token can be had or it is for another tenant. */
export async function login(credential: TokenCredential, cloud: CloudSettings, expectedTenant: string): Promise<LoginResult> {
  let token: string;
  try {
    const result = await credential.getToken(defaultScope(cloud.armAudience));
    if (result === null) throw new Error("The credential returned no token.");
    token = result.token;
  } catch (error) {
    const text = errorText(error);
    const code = /AADSTS\d+/.exec(text)?.[0];
    throw new CollectionFailedError(
      `Login to Azure tenant \`${expectedTenant}\` failed${code === undefined ? "" : ` (${code})`}: ${firstLine(error)}`,
      {
        cause: error,
        hint: `Run \`az login --tenant ${expectedTenant}\` locally; in CI check the workload identity federation settings AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_FEDERATED_TOKEN_FILE.`,
      },
    );
  }

  const claims = decodeClaims(token);
  const tenantId = typeof claims["tid"] === "string" ? claims["tid"] : null;
  if (tenantId !== null && tenantId.toLowerCase() !== expectedTenant.toLowerCase()) {
    throw new CollectionFailedError(`The Azure login is for tenant \`${tenantId}\`, but the scope names tenant \`${expectedTenant}\`.`, {
      hint: `Log in to tenant \`${expectedTenant}\` (\`az login --tenant ${expectedTenant}\`) or correct inventory.azure.tenantId.`,
    });
  }
  return { identity: identityFromClaims(claims), tenantId };
}

function identityFromClaims(claims: Record<string, unknown>): CollectionMetadata["identity"] {
  const text = (name: string) => (typeof claims[name] === "string" ? (claims[name] as string) : null);
  // `idtyp` is `app` or `user` in Entra ID v2 access tokens; older tokens carry `upn` only for users.
  const kind = text("idtyp");
  const type = kind === "app" ? "ServicePrincipal" : kind === "user" || text("upn") !== null ? "User" : text("appid") !== null ? "ServicePrincipal" : null;
  return { objectId: text("oid"), type, name: text("upn") ?? text("unique_name") ?? text("app_displayname") };
}

/** Reads the payload of a JWT without checking its signature: it only labels the snapshot, it grants nothing. */
function decodeClaims(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (payload === undefined) return {};
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    return typeof claims === "object" && claims !== null ? (claims as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const nested = (error as Error & { errors?: unknown[] }).errors ?? [];
  return [error.message, ...nested.map(errorText)].join("\n");
}

function firstLine(error: unknown): string {
  const text = errorText(error);
  const aadsts = text.split("\n").find((line) => /AADSTS\d+/.test(line));
  return (aadsts ?? text.split("\n")[0] ?? "").trim();
}
