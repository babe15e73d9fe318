// Reads the real recorded Azure responses in test/fixtures/azure-recordings,
// whose README names the source of each.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const RECORDINGS = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/azure-recordings");

export function recording<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(readFileSync(join(RECORDINGS, path), "utf8")) as T;
}
