// Collects one Key Vault: its ARM properties, keys, secret metadata, audit
// logging, and what its data plane adds where that is reachable.
import type { Vault } from "@azure/arm-keyvault";
import type { DeployedKeyStore, DeployedSecret } from "../model.js";
import { attempt, listAll } from "./attempt.js";
import { keyVaultManagementClient } from "./clients.js";
import { collectArmKeys } from "./collect-arm-keys.js";
import { collectAuditLogging } from "./collect-audit-logging.js";
import { collectDataPlane } from "./collect-data-plane.js";
import type { CollectContext } from "./context.js";
import { mapArmSecret } from "./map-secret.js";
import { mapVault } from "./map-vault.js";
import type { RestClient } from "./rest.js";

export async function collectVault(context: CollectContext, armRest: RestClient, vault: Vault): Promise<DeployedKeyStore> {
  const base = mapVault(vault, null);
  const arm = keyVaultManagementClient(context, base.subscriptionId);
  const ref = { id: base.id, name: base.name, subscriptionId: base.subscriptionId, resourceGroup: base.resourceGroup };

  const [keys, secrets, auditLogging] = await Promise.all([
    collectArmKeys(context, ref, arm.keys),
    context.arm.run(base.subscriptionId, () =>
      attempt(context, base.id, "secrets.list", () => listAll(arm.secrets.list(base.resourceGroup, base.name))),
    ),
    collectAuditLogging(context, armRest, base.id, base.subscriptionId),
  ]);
  const mappedSecrets = secrets === null ? null : secrets.map(mapArmSecret).sort((a, b) => a.name.localeCompare(b.name));

  const dataPlane = await collectDataPlane(context, base, keys);
  const dataPlaneReached = dataPlane.deletedKeys !== null;
  const finalKeys = dataPlaneReached ? dataPlane.keys : markCertificateKeys(dataPlane.keys, mappedSecrets);

  context.counts.stores += 1;
  context.progress({
    phase: "store",
    message: `Collected ${finalKeys === null ? "no" : finalKeys.length} keys from vault \`${base.name}\`${dataPlaneReached ? "" : " (ARM only: data plane not reachable)"}.`,
    keys: context.counts.keys,
    stores: context.counts.stores,
  });
  return {
    ...base,
    auditLogging,
    keys: finalKeys === null ? null : [...finalKeys].sort((a, b) => a.name.localeCompare(b.name)),
    secrets: mappedSecrets,
    certificates: dataPlane.certificates,
    deletedKeys: dataPlane.deletedKeys,
  };
}

/**
 * Without the data plane, `managed` is unknown; a key is taken as certificate-backed when a
 * secret of the same name has a certificate content type, as Key Vault creates both together.
 */
function markCertificateKeys(keys: DeployedKeyStore["keys"], secrets: DeployedSecret[] | null): DeployedKeyStore["keys"] {
  if (keys === null || secrets === null) return keys;
  const certificateSecrets = new Set(secrets.filter((secret) => secret.managed).map((secret) => secret.name.toLowerCase()));
  return keys.map((key) => (certificateSecrets.has(key.name.toLowerCase()) ? { ...key, managed: true } : key));
}
