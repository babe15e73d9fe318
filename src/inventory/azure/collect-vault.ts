// Collects one Key Vault: its ARM properties, keys, secret metadata, audit
// logging, and what its data plane adds where that is reachable.
import type { Vault } from "@azure/arm-keyvault";
import type { DeployedKeyStore, DeployedSecret } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import { keyVaultManagementClient } from "./clients.js";
import { collectAuditLogging } from "./collect-audit-logging.js";
import { collectKeys } from "./collect-keys.js";
import type { CollectContext } from "./context.js";
import { DataPlaneSession } from "./data-plane-session.js";
import { mapArmSecret } from "./map-secret.js";
import { mapVault } from "./map-vault.js";
import type { RestClient } from "./rest.js";

export async function collectVault(context: CollectContext, armRest: RestClient, vault: Vault): Promise<DeployedKeyStore> {
  const base = mapVault(vault, null);
  const arm = keyVaultManagementClient(context, base.subscriptionId);
  const ref = { id: base.id, name: base.name, subscriptionId: base.subscriptionId, resourceGroup: base.resourceGroup };
  const dataPlane = new DataPlaneSession(context, base);

  const [keys, secrets, auditLogging, certificates, deletedKeys] = await Promise.all([
    collectKeys(context, ref, arm.keys, dataPlane),
    context.arm.run(base.subscriptionId, () => attempt(context, base.id, "secrets.list", () => listAll(arm.secrets.list(base.resourceGroup, base.name)))),
    collectAuditLogging(context, armRest, base.id, base.subscriptionId),
    dataPlane.certificates(),
    dataPlane.deletedKeys,
  ]);
  dataPlane.finish();
  const mappedSecrets = secrets === null ? null : secrets.map(mapArmSecret).sort((a, b) => a.name.localeCompare(b.name));
  const dataPlaneReached = deletedKeys !== null;
  const finalKeys = dataPlaneReached ? keys : markCertificateKeys(keys, mappedSecrets);

  context.counts.stores += 1;
  context.progress({
    phase: "store",
    message: `Collected ${finalKeys === null ? "no" : finalKeys.length} keys from vault \`${base.name}\`${dataPlaneReached ? "" : " (ARM only: data plane not reachable)"}.`,
    keys: context.counts.keys,
    stores: context.counts.stores,
  });
  return { ...base, auditLogging, keys: finalKeys, secrets: mappedSecrets, certificates, deletedKeys };
}

/**
 * Marks keys that back a certificate when the data plane, which has the `managed` flag, was
 * not reached. Key Vault creates a certificate's key and secret under the same name, so a key
 * is taken as certificate-backed when a secret of its name has a certificate content type.
 */
function markCertificateKeys(keys: DeployedKeyStore["keys"], secrets: DeployedSecret[] | null): DeployedKeyStore["keys"] {
  if (keys === null || secrets === null) return keys;
  const certificateSecrets = new Set(secrets.filter((secret) => secret.managed).map((secret) => secret.name.toLowerCase()));
  return keys.map((key) => (certificateSecrets.has(key.name.toLowerCase()) ? { ...key, managed: true } : key));
}
