// Small pure helpers rules share: why data is missing, dates as of the build,
// and how a key is shown in messages.
import type { CollectionError, DeployedKey, Inventory } from "../inventory/model.js";
import { collectionErrorsFor, type KeyPair, type StorePair } from "./estate.js";

/** Describes a failed call: "`keys.list` failed with HTTP 403 `ForbiddenByRbac`". */
export function describeFailure(error: Pick<CollectionError, "operation" | "status" | "code">): string {
  return `\`${error.operation}\` failed${error.status === null ? "" : ` with HTTP ${error.status}`}${error.code === null ? "" : ` \`${error.code}\``}`;
}

/** Explains why something under `scopeId` was not collected, from the recorded collection errors. */
export function notCollectedBecause(inventory: Inventory, scopeId: string): string {
  const errors = collectionErrorsFor(inventory, scopeId);
  if (errors.length === 0) return "no collection error was recorded for it";
  return errors.map(describeFailure).join("; ");
}

/** Returns the store's keys, or the reason they were not collected. */
export function storeKeys(inventory: Inventory, store: StorePair): { keys: DeployedKey[] } | { reason: string } {
  if (store.deployed === null) return { reason: "the store is not deployed" };
  if (store.deployed.keys === null) return { reason: `its keys were not collected: ${notCollectedBecause(inventory, store.deployed.id)}` };
  return { keys: store.deployed.keys };
}

/** Returns whether the key's environment is production. An unknown environment counts as production, so nothing is judged too leniently. */
export function isProductionKey(pair: KeyPair, environments: { name: string; production: boolean }[]): boolean {
  const name = pair.declared?.environment ?? pair.store?.environment ?? null;
  if (name === null) return true;
  return environments.find((environment) => environment.name === name)?.production ?? true;
}

/** Shows a key's type as Key Vault reports it: `RSA-HSM` 3072 or `EC-HSM` P-384. */
export function showKeyType(kty: string, size: number | null | undefined, curve: string | null | undefined): string {
  const detail = curve ?? (size === null || size === undefined ? null : String(size));
  return detail === null ? `\`${kty}\`` : `\`${kty}\` ${detail}`;
}

/** Formats an instant as an ISO date, the form documents and messages show. */
export function isoDate(value: string | Date): string {
  return (typeof value === "string" ? new Date(value) : value).toISOString().slice(0, 10);
}

/** The creation time of the key's current version, which cryptoperiods count from. */
export function currentVersionCreated(key: DeployedKey): string | null {
  const current = key.versions?.find((version) => version.version === key.currentVersion);
  return current?.created ?? key.created;
}
