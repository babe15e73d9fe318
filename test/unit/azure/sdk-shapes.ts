// Turns recorded wire JSON into the shapes the SDK clients return, with the
// SDKs' own deserializers, so the mapping functions are tested on exactly
// what they receive in production. The deserializers are internal modules of
// the pinned SDK versions, loaded by file path.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { DeletedVault, Key, ManagedHsm, Secret, Vault } from "@azure/arm-keyvault";
import type { ManagedCluster } from "@azure/arm-containerservice";
import type { RoleAssignment, RoleDefinition } from "@azure/arm-authorization";
import type { KeyRotationPolicy, KeyVaultKey } from "@azure/keyvault-keys";
import type { KeyVaultCertificateWithPolicy } from "@azure/keyvault-certificates";

const require = createRequire(import.meta.url);

/** Loads `file` from the folder of an installed package. */
async function internal<T>(packageName: string, file: string): Promise<T> {
  const root = dirname(require.resolve(`${packageName}/package.json`));
  return (await import(pathToFileURL(join(root, file)).href)) as T;
}

type Deserializer = (item: unknown) => unknown;

const armKeyVault = await internal<Record<string, Deserializer>>("@azure/arm-keyvault", "dist/esm/models/models.js");
const armAks = await internal<Record<string, Deserializer>>("@azure/arm-containerservice", "dist/esm/models/models.js");
const keysModels = await internal<Record<string, Deserializer>>("@azure/keyvault-keys", "dist/esm/models/models.js");
const keysTransform = await internal<{ getKeyFromKeyBundle: Deserializer; keyRotationTransformations: { generatedToPublic: Deserializer } }>(
  "@azure/keyvault-keys",
  "dist/esm/transformations.js",
);
const certificateModels = await internal<Record<string, Deserializer>>("@azure/keyvault-certificates", "dist/esm/models/models.js");
const certificateTransform = await internal<{ getCertificateWithPolicyFromCertificateBundle: Deserializer }>("@azure/keyvault-certificates", "dist/esm/transformations.js");
const authorizationMappers = await internal<Record<string, unknown>>("@azure/arm-authorization", "dist-esm/src/models/mappers.js");
const coreClient = await internal<{ createSerializer: (mappers: Record<string, unknown>) => { deserialize: (mapper: unknown, body: unknown, name: string) => unknown } }>(
  "@azure/core-client",
  "dist/esm/index.js",
);
const authorizationSerializer = coreClient.createSerializer(authorizationMappers);

const call = (deserializer: Deserializer | undefined, body: unknown) => {
  if (deserializer === undefined) throw new Error("The SDK's deserializer was not found; the pinned SDK version changed.");
  return deserializer(body);
};

export const sdk = {
  vault: (body: unknown) => call(armKeyVault["vaultDeserializer"], body) as Vault,
  deletedVault: (body: unknown) => call(armKeyVault["deletedVaultDeserializer"], body) as DeletedVault,
  armKey: (body: unknown) => call(armKeyVault["keyDeserializer"], body) as Key,
  secret: (body: unknown) => call(armKeyVault["secretDeserializer"], body) as Secret,
  managedHsm: (body: unknown) => call(armKeyVault["managedHsmDeserializer"], body) as ManagedHsm,
  cluster: (body: unknown) => call(armAks["managedClusterDeserializer"], body) as ManagedCluster,
  dataPlaneKey: (body: unknown) => keysTransform.getKeyFromKeyBundle(call(keysModels["keyBundleDeserializer"], body)) as KeyVaultKey,
  rotationPolicy: (body: unknown) => keysTransform.keyRotationTransformations.generatedToPublic(call(keysModels["keyRotationPolicyDeserializer"], body)) as KeyRotationPolicy,
  certificate: (body: unknown) =>
    certificateTransform.getCertificateWithPolicyFromCertificateBundle(call(certificateModels["certificateBundleDeserializer"], body)) as KeyVaultCertificateWithPolicy,
  roleAssignment: (body: unknown) => authorizationSerializer.deserialize(authorizationMappers["RoleAssignment"], body, "body") as RoleAssignment,
  roleDefinition: (body: unknown) => authorizationSerializer.deserialize(authorizationMappers["RoleDefinition"], body, "body") as RoleDefinition,
};
