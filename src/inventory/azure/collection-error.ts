// Turns a failed Azure call into a collectionErrors entry.
import { isRestError } from "@azure/core-rest-pipeline";
import type { CollectionError } from "../model.js";
import { errorBodies } from "./policies.js";

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  innerError?: { code?: unknown };
  innererror?: { code?: unknown };
}

/**
 * Builds the entry for a failed call. The code is the most specific one Azure gave:
 * Key Vault 403s carry `Forbidden` outside and `ForbiddenByFirewall`, `ForbiddenByRbac` or
 * `ForbiddenByPolicy` in the inner error, which names what to fix.
 */
export function toCollectionError(scope: string, operation: string, error: unknown): CollectionError {
  if (isRestError(error)) {
    const recorded = error.request === undefined ? undefined : errorBodies.get(error.request);
    const body = errorBody(error.details) ?? errorBody(recorded);
    const inner = body?.innerError?.code ?? body?.innererror?.code;
    const code = stringOrNull(inner) ?? stringOrNull(body?.code) ?? stringOrNull(error.code);
    const message = firstLine(stringOrNull(body?.message) ?? error.message);
    return { scope, operation, status: error.statusCode ?? null, code, message };
  }
  if (error instanceof Error && error.name === "AbortError") {
    return { scope, operation, status: null, code: "CallTimeout", message: firstLine(error.message) };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { scope, operation, status: null, code: null, message: firstLine(message) };
}

/** Returns the HTTP status of a failed call, or null when it got no response. */
export function statusOf(error: unknown): number | null {
  return isRestError(error) ? (error.statusCode ?? null) : null;
}

function errorBody(details: unknown): ErrorBody | undefined {
  if (typeof details !== "object" || details === null) return undefined;
  const wrapped = (details as { error?: unknown }).error;
  if (typeof wrapped === "object" && wrapped !== null) return wrapped as ErrorBody;
  return details as ErrorBody;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

// Key Vault messages list Caller, Action, Resource and Vault on `\r\n`-separated lines;
// the first line states the failure and the rest names the caller's ids.
function firstLine(message: string): string {
  const line = message.split(/\r?\n/)[0]?.trim() ?? "";
  return line.length > 300 ? `${line.slice(0, 297)}...` : line;
}
