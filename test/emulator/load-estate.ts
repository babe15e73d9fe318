// Reads an estate fixture: either a whole estate, or a size to generate with
// the faults, latency and paging to apply, such as
// `{ "generate": { "vaults": 20, "keysPerVault": 50 }, "faults": [...] }`.
import { readFileSync } from "node:fs";
import type { Estate } from "./estate.js";
import { generateEstate, type EstateSize } from "./generate-estate.js";

type EstateFixture = Estate | (Partial<Pick<Estate, "faults" | "latencyMs" | "paging" | "graphForbidden">> & { generate: EstateSize });

export function loadEstate(file: string): Estate {
  const fixture = JSON.parse(readFileSync(file, "utf8")) as EstateFixture;
  if (!("generate" in fixture)) return fixture;
  const { generate, ...overrides } = fixture;
  return { ...generateEstate(generate), ...overrides };
}
