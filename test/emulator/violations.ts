// Requests the collector must never make: secret values, key operations and writes.
import type { EmulatorRequest } from "./reply.js";

const KEY_OPERATIONS = /^\/keys\/[^/]+(?:\/[^/]*)?\/(encrypt|decrypt|sign|verify|wrapkey|unwrapkey|release|export)\/?$/i;

/**
 * Returns a description of the violation, or null for an allowed request. The collector is
 * read-only: its only POSTs are the Resource Graph query and Graph getByIds, which read.
 */
export function violationOf(target: string, request: EmulatorRequest): string | null {
  const where = `${target} ${request.method} ${request.path}`;
  if (target !== "arm") {
    if (KEY_OPERATIONS.test(request.path)) return `key operation: ${where}`;
    if (/^\/(secrets|deletedsecrets)\/[^/]+/i.test(request.path) && request.method === "GET") return `secret value request: ${where}`;
    if (/^\/keys\/[^/]+\/(backup|restore)/i.test(request.path) || /^\/securitydomain/i.test(request.path)) return `key material request: ${where}`;
    if (request.method !== "GET") return `write request: ${where}`;
    return null;
  }
  if (request.method === "GET") return null;
  if (request.method === "POST" && /^\/providers\/microsoft\.resourcegraph\/resources$/i.test(request.path)) return null;
  if (request.method === "POST" && /^\/v1\.0\/directoryobjects\/getbyids$/i.test(request.path)) return null;
  return `write or action request: ${where}`;
}
