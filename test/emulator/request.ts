// Reads the emulator's incoming requests and builds the replies of scripted faults.
import type { IncomingMessage } from "node:http";
import type { Fault } from "./estate.js";
import type { EmulatorRequest, Reply } from "./reply.js";

export async function readRequest(incoming: IncomingMessage, base: string): Promise<EmulatorRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  // `new URL(path, base)` would read a leading `//` as a host, so the base is prefixed instead.
  const url = new URL(base.replace(/\/+$/, "") + (incoming.url ?? "/"));
  return {
    method: (incoming.method ?? "GET").toUpperCase(),
    url,
    path: decodeURIComponent(url.pathname),
    body: text === "" ? undefined : safeJson(text),
    authorization: incoming.headers.authorization,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function faultReply(fault: Fault): Reply {
  const status = fault.status ?? 500;
  const code = fault.code ?? (status === 429 ? "Throttled" : status === 503 ? "ServiceUnavailable" : "InternalError");
  const message = fault.message ?? `Fault injected by the emulator: HTTP ${status}.`;
  return {
    status,
    headers: fault.headers ?? {},
    body: { error: { code, message, ...(fault.innerCode === undefined ? {} : { innererror: { code: fault.innerCode } }) } },
  };
}
