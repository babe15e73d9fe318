// Builds the typed Architecture from a schema-valid YAML object: fills the
// defaults the schema cannot express and records where each entry is declared.
import { dirname } from "node:path";
import type { Architecture, Located } from "./model.js";
import type { FieldPath, SourceMap } from "./source-map.js";

type Raw = Record<string, unknown>;

const SECTIONS = [
  "environments", "algorithms", "protocols", "keyStores", "custodians", "keys",
  "certificates", "workloads", "clusters", "dataFlows", "waivers",
] as const;

function located<T>(entries: unknown, section: string, sourceMap: SourceMap, fill: (entry: Raw) => Raw = (entry) => entry): (T & Located)[] {
  if (!Array.isArray(entries)) return [];
  return entries.map((entry: Raw, index) => ({ ...fill(entry), at: sourceMap.locate([section, index]) }) as T & Located);
}

/** Converts validated YAML data into the declared model. Environment defaults need the stores, so keys come last. */
export function buildArchitecture(file: string, data: Raw, sourceMap: SourceMap): Architecture {
  const document = data.document as Raw;
  const keyStores = located<Architecture["keyStores"][number]>(data.keyStores, "keyStores", sourceMap);
  const storeEnvironment = new Map(keyStores.map((store) => [store.name, store.environment]));

  const rawKeys = Array.isArray(data.keys) ? (data.keys as Raw[]) : [];
  const keyEnvironment = (key: Raw, seen: Set<string> = new Set()): string | undefined => {
    if (typeof key.environment === "string") return key.environment;
    if (typeof key.store === "string") return storeEnvironment.get(key.store);
    if (typeof key.wrappedBy === "string" && !seen.has(key.wrappedBy)) {
      const wrapping = rawKeys.find((candidate) => candidate.name === key.wrappedBy);
      return wrapping === undefined ? undefined : keyEnvironment(wrapping, seen.add(key.wrappedBy));
    }
    return undefined;
  };

  const sections: Record<string, ReturnType<SourceMap["locate"]>> = {};
  for (const section of ["document", "inventory", "policy", "rules", ...SECTIONS]) {
    sections[section] = sourceMap.locate([section] as FieldPath);
  }

  return {
    file,
    baseDir: dirname(file),
    document: {
      ...(document as unknown as Architecture["document"]),
      procedures: (document.procedures as Record<string, string> | undefined) ?? {},
    },
    inventory: (data.inventory as Architecture["inventory"] | undefined) ?? { source: "snapshot" },
    policy: data.policy as Architecture["policy"],
    rules: (data.rules as Architecture["rules"] | undefined) ?? {},
    environments: located(data.environments, "environments", sourceMap, (entry) => ({ subscriptions: [], ...entry })),
    algorithms: located(data.algorithms, "algorithms", sourceMap),
    protocols: located(data.protocols, "protocols", sourceMap, (entry) => ({ cipherSuites: [], certificates: [], lastReview: document.lastReview, ...entry })),
    keyStores,
    custodians: located(data.custodians, "custodians", sourceMap),
    keys: located(data.keys, "keys", sourceMap, (entry) => ({
      protects: [],
      custodians: [],
      ...entry,
      azureName: entry.azureName ?? entry.name,
      environment: keyEnvironment(entry) ?? "",
    })),
    certificates: located(data.certificates, "certificates", sourceMap, (entry) => ({
      custodians: [],
      ...entry,
      azureName: entry.azureName ?? entry.name,
    })),
    workloads: located(data.workloads, "workloads", sourceMap),
    clusters: located(data.clusters, "clusters", sourceMap),
    dataFlows: located(data.dataFlows, "dataFlows", sourceMap, (entry) => ({ keys: [], ...entry })),
    waivers: located(data.waivers, "waivers", sourceMap),
    sections,
  };
}
