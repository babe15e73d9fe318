// Adds what only the Key Vault or Managed HSM data plane has: hsmPlatform and
// public keys, rotation policies that ARM lacks, certificates and deleted keys.
// Only metadata calls are made: no secret value, no key operation.
import type { CollectionError, DeletedKey, DeployedCertificate, DeployedKey, DeployedKeyStore } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import { certificateClient, keyClient } from "./clients.js";
import { toCollectionError } from "./collection-error.js";
import type { CollectContext } from "./context.js";
import { mapCertificate } from "./map-certificate.js";
import { mapDeletedKey, withDataPlaneKey } from "./map-key.js";
import { mapDataPlaneRotationPolicy } from "./map-rotation-policy.js";

export interface DataPlaneFacts {
  keys: DeployedKey[] | null;
  certificates: DeployedCertificate[] | null;
  deletedKeys: DeletedKey[] | null;
}

/**
 * Reads the data plane of one store. The deleted-key listing goes first and doubles as the
 * reachability probe: when it fails (private endpoint, firewall, missing data role), that
 * one error stands for the whole store and the ARM facts are kept as they are.
 */
export async function collectDataPlane(context: CollectContext, store: DeployedKeyStore, keys: DeployedKey[] | null): Promise<DataPlaneFacts> {
  const url = store.uri;
  const runDataPlane = <T>(task: () => Promise<T>) => context.dataPlane.run(url, task);
  const client = keyClient(context, url);

  const deleted = await runDataPlane(() =>
    attempt(context, store.id, "dataPlane.keys.listDeleted", () => listAll(client.listDeletedKeys())),
  );
  if (deleted === null) {
    return { keys, certificates: store.type === "managed-hsm" ? [] : null, deletedKeys: null };
  }

  const failures = new FailureTally(store.id);
  const [withFacts, certificates] = await Promise.all([
    keys === null ? Promise.resolve(null) : Promise.all(keys.map((key) => addKeyFacts(key))),
    store.type === "managed-hsm" ? Promise.resolve([]) : collectCertificates(context, store),
  ]);
  context.errors.push(...failures.entries());
  return { keys: withFacts, certificates, deletedKeys: deleted.map(mapDeletedKey).sort((a, b) => a.name.localeCompare(b.name)) };

  async function addKeyFacts(key: DeployedKey): Promise<DeployedKey> {
    let result = key;
    try {
      result = withDataPlaneKey(result, await runDataPlane(() => client.getKey(key.name)));
    } catch (error) {
      failures.add("dataPlane.keys.get", key.name, error);
    }
    if (result.rotationPolicy !== null) return result;
    try {
      const policy = await runDataPlane(() => client.getKeyRotationPolicy(key.name));
      result = { ...result, rotationPolicy: mapDataPlaneRotationPolicy(policy) };
    } catch (error) {
      failures.add("dataPlane.keys.getRotationPolicy", key.name, error);
    }
    return result;
  }
}

/** Lists certificates, pending ones included, and gets each; null when any of them could not be read. */
async function collectCertificates(context: CollectContext, store: DeployedKeyStore): Promise<DeployedCertificate[] | null> {
  const runDataPlane = <T>(task: () => Promise<T>) => context.dataPlane.run(store.uri, task);
  const client = certificateClient(context, store.uri);
  const listed = await runDataPlane(() =>
    attempt(context, store.id, "dataPlane.certificates.list", () => listAll(client.listPropertiesOfCertificates({ includePending: true }))),
  );
  if (listed === null) return null;

  const certificates = await Promise.all(
    listed.map((properties) =>
      runDataPlane(() =>
        attempt(context, properties.id ?? store.id, "dataPlane.certificates.get", () => client.getCertificate(properties.name ?? "")),
      ),
    ),
  );
  if (certificates.some((certificate) => certificate === null)) return null;
  return certificates.map((certificate) => mapCertificate(certificate!)).sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Folds per-key data-plane failures into one entry per operation and cause, so a vault whose
 * data role is missing gives one line, not one per key. The message names up to five keys.
 */
class FailureTally {
  private readonly groups = new Map<string, { entry: CollectionError; keys: string[] }>();

  constructor(private readonly storeId: string) {}

  add(operation: string, keyName: string, error: unknown): void {
    const entry = toCollectionError(this.storeId, operation, error);
    const groupKey = `${operation}\u0000${entry.status}\u0000${entry.code}`;
    const group = this.groups.get(groupKey) ?? { entry, keys: [] };
    group.keys.push(keyName);
    this.groups.set(groupKey, group);
  }

  entries(): CollectionError[] {
    return [...this.groups.values()].map(({ entry, keys }) => {
      const sorted = [...keys].sort();
      const named = sorted.slice(0, 5).map((name) => `\`${name}\``).join(", ");
      const more = sorted.length > 5 ? ` and ${sorted.length - 5} more` : "";
      return { ...entry, message: `${entry.message} (${sorted.length} keys: ${named}${more})` };
    });
  }
}
