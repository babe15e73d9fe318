// Reads what only the Key Vault or Managed HSM data plane has: hsmPlatform and
// public keys, rotation policies that ARM lacks, certificates and deleted keys.
// Only metadata calls are made: no secret value, no key operation.
import type { KeyRotationPolicy, KeyVaultKey } from "@azure/keyvault-keys";
import type { DeletedKey, DeployedCertificate, DeployedKeyStore } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import { certificateClient, keyClient } from "./clients.js";
import type { CollectContext } from "./context.js";
import { FailureTally } from "./failure-tally.js";
import { mapCertificate } from "./map-certificate.js";
import { mapDeletedKey } from "./map-key.js";

/**
 * The data plane of one store. The deleted-key listing starts at once and doubles as the
 * reachability probe. When it fails (private endpoint, firewall, missing data role), that
 * one error stands for the whole store and every other call is skipped, so the ARM facts
 * are kept as they are. Per-key calls wait for the probe and run beside the ARM calls.
 */
export class DataPlaneSession {
  /** Recoverable deleted keys, or null when the data plane was not reached. */
  readonly deletedKeys: Promise<DeletedKey[] | null>;
  private readonly client;
  private readonly failures: FailureTally;

  constructor(
    private readonly context: CollectContext,
    private readonly store: DeployedKeyStore,
  ) {
    this.client = keyClient(context, store.uri);
    this.failures = new FailureTally(store.id);
    this.deletedKeys = this.run(() =>
      attempt(context, store.id, "dataPlane.keys.listDeleted", () => listAll(this.client.listDeletedKeys())),
    ).then((deleted) => (deleted === null ? null : deleted.map(mapDeletedKey).sort((a, b) => a.name.localeCompare(b.name))));
  }

  async reachable(): Promise<boolean> {
    return (await this.deletedKeys) !== null;
  }

  /** Gets the data-plane view of a key (public key, hsmPlatform, managed), or null when unreachable or failed. */
  async key(name: string): Promise<KeyVaultKey | null> {
    if (!(await this.reachable())) return null;
    return this.tallied("dataPlane.keys.get", name, () => this.client.getKey(name));
  }

  async rotationPolicy(name: string): Promise<KeyRotationPolicy | null> {
    if (!(await this.reachable())) return null;
    return this.tallied("dataPlane.keys.getRotationPolicy", name, () => this.client.getKeyRotationPolicy(name));
  }

  /** Lists certificates, pending ones included, and gets each; null when unreachable or when any could not be read. */
  async certificates(): Promise<DeployedCertificate[] | null> {
    if (this.store.type === "managed-hsm") return [];
    if (!(await this.reachable())) return null;
    const client = certificateClient(this.context, this.store.uri);
    const listed = await this.run(() =>
      attempt(this.context, this.store.id, "dataPlane.certificates.list", () => listAll(client.listPropertiesOfCertificates({ includePending: true }))),
    );
    if (listed === null) return null;

    const certificates = await Promise.all(
      listed.map((properties) =>
        this.run(() => attempt(this.context, properties.id ?? this.store.id, "dataPlane.certificates.get", () => client.getCertificate(properties.name ?? ""))),
      ),
    );
    if (certificates.some((certificate) => certificate === null)) return null;
    return certificates.map((certificate) => mapCertificate(certificate!)).sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Adds the folded per-key failures to the run's errors; call once, after every key. */
  finish(): void {
    this.context.errors.push(...this.failures.entries());
  }

  private run<T>(task: () => Promise<T>): Promise<T> {
    return this.context.dataPlane.run(this.store.uri, task);
  }

  private async tallied<T>(operation: string, keyName: string, call: () => Promise<T>): Promise<T | null> {
    try {
      return await this.run(call);
    } catch (error) {
      this.failures.add(operation, keyName, error);
      return null;
    }
  }
}
