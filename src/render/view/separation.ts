// Evidence that production and test keys are kept apart, computed from the
// declaration and the inventory rather than taken from prose: no store in two
// environments, no shared subscription, no shared public key, and no identity
// other than a custodian with key rights on both sides.
import { storeAccess } from "../../drift/access.js";
import type { Estate, StorePair } from "../../drift/estate.js";

export interface SeparationCheck {
  check: string;
  result: "holds" | "violated" | "unknown" | "not applicable";
  evidence: string;
}

export interface EnvironmentView {
  name: string;
  production: string;
  subscriptions: string;
  stores: string;
  keyCount: string;
  description: string;
}

function subscriptionOf(store: StorePair): string {
  if (store.deployed !== null) return store.deployed.subscriptionId.toLowerCase();
  return (/^\/subscriptions\/([^/]+)/i.exec(store.declared?.resourceId ?? "")?.[1] ?? "").toLowerCase();
}

function isProduction(estate: Estate, environment: string | null): boolean | null {
  if (environment === null) return null;
  return estate.architecture.environments.find((candidate) => candidate.name === environment)?.production ?? null;
}

function list(names: Iterable<string>): string {
  const sorted = [...new Set(names)].sort();
  return sorted.length === 0 ? "none" : sorted.join(", ");
}

export function environmentViews(estate: Estate): EnvironmentView[] {
  return estate.architecture.environments.map((environment) => {
    const stores = estate.stores.filter((store) => store.environment === environment.name);
    const keys = estate.keys.filter((pair) => (pair.declared?.environment ?? pair.store?.environment) === environment.name);
    return {
      name: environment.name,
      production: environment.production ? "yes" : "no",
      subscriptions: list(environment.subscriptions),
      stores: list(stores.map((store) => store.name)),
      keyCount: String(keys.length),
      description: environment.description ?? "",
    };
  });
}

export function separationChecks(estate: Estate): SeparationCheck[] {
  const environments = estate.architecture.environments;
  const missing = !environments.some((environment) => environment.production) ? "production" : !environments.some((environment) => !environment.production) ? "test" : null;
  if (missing === null) return [storeEnvironments(estate), subscriptions(estate), sharedPublicKeys(estate), sharedAccess(estate)];
  // With one side only, "nothing is shared" would read as evidence of a separation that was never tested.
  const evidence = `architecture.yaml declares no ${missing} environment, so there is nothing to keep apart`;
  return [
    storeEnvironments(estate),
    ...[subscriptions, sharedPublicKeys, sharedAccess].map((checkOf) => ({ ...checkOf(estate), result: "not applicable" as const, evidence })),
  ];
}

function storeEnvironments(estate: Estate): SeparationCheck {
  const unknown = estate.stores.filter((store) => store.environment === null).map((store) => store.name);
  return {
    check: "Each key store belongs to exactly one environment, and each key to the environment of its store",
    result: unknown.length === 0 ? "holds" : "violated",
    evidence: unknown.length === 0
      ? `${estate.stores.length} stores, each assigned one environment; a key declared in another environment than its store is rejected when architecture.yaml is loaded`
      : `no environment for deployed store(s) ${list(unknown)}: their subscriptions are not listed under any environment`,
  };
}

function subscriptions(estate: Estate): SeparationCheck {
  const byEnvironment = new Map<string, Set<string>>();
  for (const store of estate.stores) {
    if (store.environment === null) continue;
    const set = byEnvironment.get(store.environment) ?? new Set<string>();
    set.add(subscriptionOf(store));
    byEnvironment.set(store.environment, set);
  }
  const shared: string[] = [];
  const names = [...byEnvironment.keys()].sort();
  names.forEach((left, index) => {
    for (const right of names.slice(index + 1)) {
      if (isProduction(estate, left) === isProduction(estate, right)) continue;
      for (const id of byEnvironment.get(left)!) if (byEnvironment.get(right)!.has(id)) shared.push(`${id} (${left} and ${right})`);
    }
  });
  return {
    check: "Production and test key stores are in different subscriptions",
    result: shared.length === 0 ? "holds" : "violated",
    evidence: shared.length === 0 ? names.map((name) => `${name}: ${list(byEnvironment.get(name)!)}`).join("; ") : `shared: ${shared.join(", ")}`,
  };
}

function sharedPublicKeys(estate: Estate): SeparationCheck {
  const owners = new Map<string, { production: Set<string>; test: Set<string> }>();
  let compared = 0;
  let withoutThumbprint = 0;
  const notCollected: string[] = [];
  for (const store of estate.stores) {
    if (store.deployed === null) continue;
    const production = isProduction(estate, store.environment) ?? true;
    if (store.deployed.keys === null || store.deployed.certificates === null) notCollected.push(store.name);
    const items = [
      ...(store.deployed.keys ?? []).map((key) => ({ name: `key ${store.name}/${key.name}`, thumbprint: key.publicKeyThumbprint, symmetric: key.kty.startsWith("oct") })),
      ...(store.deployed.certificates ?? []).map((certificate) => ({ name: `certificate ${store.name}/${certificate.name}`, thumbprint: certificate.publicKeyThumbprint, symmetric: false })),
    ];
    for (const item of items) {
      if (item.thumbprint === null) {
        if (!item.symmetric) withoutThumbprint++;
        continue;
      }
      compared++;
      const entry = owners.get(item.thumbprint) ?? { production: new Set<string>(), test: new Set<string>() };
      (production ? entry.production : entry.test).add(item.name);
      owners.set(item.thumbprint, entry);
    }
  }
  const shared = [...owners.values()].filter((entry) => entry.production.size > 0 && entry.test.size > 0);
  const coverage = `${compared} public keys compared by RFC 7638 thumbprint${withoutThumbprint > 0 ? `; ${withoutThumbprint} asymmetric keys without a thumbprint in the inventory` : ""}`;
  if (shared.length > 0) {
    return { check: "No public key is used in both production and test", result: "violated", evidence: shared.map((entry) => `${list(entry.production)} = ${list(entry.test)}`).join("; ") };
  }
  if (notCollected.length > 0 || withoutThumbprint > 0) {
    return { check: "No public key is used in both production and test", result: "unknown", evidence: `${coverage}; keys or certificates not collected in ${list(notCollected)}` };
  }
  return { check: "No public key is used in both production and test", result: "holds", evidence: coverage };
}

function sharedAccess(estate: Estate): SeparationCheck {
  const custodianIds = new Set(estate.architecture.custodians.map((custodian) => custodian.principalId.toLowerCase()));
  const sides = new Map<string, { name: string; production: boolean; test: boolean }>();
  const unknown: string[] = [];
  for (const store of estate.stores) {
    if (store.deployed === null || store.deployed.state === "soft-deleted") continue;
    const access = storeAccess(estate.inventory, store.deployed);
    if (!access.ok) {
      unknown.push(store.name);
      continue;
    }
    const production = isProduction(estate, store.environment) ?? true;
    for (const grant of access.grants) {
      if (!grant.rights.includes("use") && !grant.rights.includes("manage")) continue;
      const id = grant.principalId.toLowerCase();
      if (custodianIds.has(id)) continue;
      const entry = sides.get(id) ?? { name: grant.principalName ?? grant.principalId, production: false, test: false };
      if (production) entry.production = true;
      else entry.test = true;
      sides.set(id, entry);
    }
  }
  const both = [...sides.values()].filter((entry) => entry.production && entry.test).map((entry) => entry.name);
  const check = "No identity other than a declared custodian can use or manage keys in both production and test";
  if (both.length > 0) return { check, result: "violated", evidence: `key rights on both sides: ${list(both)}` };
  if (unknown.length > 0) return { check, result: "unknown", evidence: `access to ${list(unknown)} was not collected` };
  return { check, result: "holds", evidence: `${sides.size} non-custodian identities with key rights, each on one side only` };
}
