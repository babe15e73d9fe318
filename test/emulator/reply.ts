// Responses of the emulator's route handlers.

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface EmulatorRequest {
  method: string;
  url: URL;
  /** The path as sent, decoded; Managed HSM paths keep their `///`. */
  path: string;
  body: unknown;
  authorization: string | undefined;
}

export function ok(body: unknown): Reply {
  return { status: 200, body };
}

/** Builds an error reply in the body shape that ARM, Key Vault and Microsoft Graph share. */
export function azureError(status: number, code: string, message: string, innerCode?: string): Reply {
  return { status, body: { error: { code, message, ...(innerCode === undefined ? {} : { innererror: { code: innerCode } }) } } };
}

export function notFound(kind: string, path: string): Reply {
  return azureError(404, "ResourceNotFound", `The ${kind} at \`${path}\` was not found.`);
}

/** Lower-cased ARM id segments, for comparing ids that differ in case. */
export function sameId(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\/+$/, "") === b.toLowerCase().replace(/\/+$/, "");
}
