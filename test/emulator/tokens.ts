// Access tokens of the emulator: unsigned JWTs whose claims the emulator
// checks as Azure does (audience, tenant, expiry). They mean nothing to any
// real service.
import type { AccessToken, TokenCredential } from "@azure/identity";
import type { Estate } from "./estate.js";

export interface TokenClaims {
  aud: string;
  tid: string;
  oid: string;
  idtyp: "app" | "user";
  exp: number;
  upn?: string;
  app_displayname?: string;
}

export function mintToken(estate: Estate, audience: string, lifetimeSeconds = 3600): { token: string; expiresOn: number } {
  const expiresOn = Math.floor(Date.now() / 1000) + lifetimeSeconds;
  const identity = estate.identity;
  const claims: TokenClaims = {
    aud: audience.replace(/\/+$/, ""),
    tid: estate.tenantId,
    oid: identity.objectId,
    idtyp: identity.type === "User" ? "user" : "app",
    exp: expiresOn,
    ...(identity.type === "User" ? { upn: identity.name } : { app_displayname: identity.name }),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return { token: `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`, expiresOn };
}

/** Reads the claims of a `Bearer` authorization header; null when absent or not an emulator token. */
export function readBearer(header: string | undefined): TokenClaims | null {
  const match = /^Bearer (\S+)$/i.exec(header ?? "");
  const payload = match?.[1]?.split(".")[1];
  if (payload === undefined) return null;
  try {
    return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
  } catch {
    return null;
  }
}

/** Returns a credential that mints emulator tokens in process and records each requested scope. */
export function emulatorCredential(estate: Estate, requestedScopes: string[] = []): TokenCredential {
  return {
    async getToken(scopes: string | string[]): Promise<AccessToken> {
      const scope = Array.isArray(scopes) ? (scopes[0] ?? "") : scopes;
      requestedScopes.push(scope);
      const { token, expiresOn } = mintToken(estate, scope.replace(/\/\.default$/, ""));
      return { token, expiresOnTimestamp: expiresOn * 1000, tokenType: "Bearer" };
    },
  };
}
