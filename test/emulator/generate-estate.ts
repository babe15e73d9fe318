// Generates estates of any size for tests and the benchmark: N subscriptions
// with vaults, keys, secrets, certificates, role assignments and clusters.
import { generateKeyPair, buildCertificate } from "./x509.js";
import type { Estate, EstateCertificate, EstateKey, EstateVault } from "./estate.js";
import { auditDiagnosticSetting, builtInRoleId, clusterBody, vaultBody } from "./wire-resources.js";

export const TENANT_ID = "72f988bf-0000-4000-8000-00000000c0de";
export const COLLECTOR_OBJECT_ID = "5b0c6f4e-0000-4000-8000-00000000c011";
export const ROLE = {
  reader: "acdd72a7-3385-48ef-bd42-f606fba81ae7",
  keyVaultReader: "21090545-7ca7-4776-b22c-e363652d74d2",
  cryptoUser: "12338af0-0e69-4776-bea7-57ae8d297424",
};

export interface EstateSize {
  subscriptions?: number;
  vaults: number;
  keysPerVault: number;
  certificatesPerVault?: number;
  clusters?: number;
  pageSize?: number;
  latencyMs?: number;
}

/** Epoch seconds of 2026-01-01, so generated estates do not depend on the clock. */
const BASE_TIME = 1_767_225_600;

export function subscriptionId(index: number): string {
  return `00000000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`;
}

export function generateEstate(size: EstateSize): Estate {
  const subscriptionCount = size.subscriptions ?? 1;
  const subscriptions = Array.from({ length: subscriptionCount }, (_, index) => ({ id: subscriptionId(index), displayName: `cde-prod-${index + 1}` }));
  const vaults = Array.from({ length: size.vaults }, (_, index) => generateVault(index, subscriptionId(index % subscriptionCount), size));
  const workloads = vaults.map((_, index) => `6a1f0000-0000-4000-8000-${String(index + 1).padStart(12, "0")}`);

  const roleAssignments = [
    ...subscriptions.map((subscription) => ({
      id: `/subscriptions/${subscription.id}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-4000-a000-${subscription.id.slice(-12)}`,
      scope: `/subscriptions/${subscription.id}`,
      principalId: COLLECTOR_OBJECT_ID,
      principalType: "ServicePrincipal",
      roleDefinitionId: builtInRoleId(subscription.id, ROLE.reader),
    })),
    ...vaults.map((vault, index) => ({
      id: `${vault.arm.id}/providers/Microsoft.Authorization/roleAssignments/00000000-0000-4000-b000-${String(index + 1).padStart(12, "0")}`,
      scope: vault.arm.id,
      principalId: workloads[index] ?? "",
      principalType: "ServicePrincipal",
      roleDefinitionId: builtInRoleId(vault.arm.id.split("/")[2] ?? "", ROLE.cryptoUser),
    })),
  ];
  const clusters = Array.from({ length: size.clusters ?? 0 }, (_, index) => {
    const vault = vaults[0];
    const key = vault?.keys[0];
    const customerKey = index % 2 === 0 && vault !== undefined && key !== undefined;
    return clusterBody({
      subscriptionId: subscriptionId(0),
      resourceGroup: "rg-aks",
      name: `aks-cde-${index + 1}`,
      kms: customerKey ? { keyId: `https://${vault.arm.name}.vault.azure.net/keys/${key.name}/${key.versions[key.versions.length - 1]?.version}`, vaultResourceId: vault.arm.id, networkAccess: "Private" } : "platform",
      secretRotation: index % 2 === 0,
      workloadIdentity: true,
    });
  });

  return {
    tenantId: TENANT_ID,
    identity: { objectId: COLLECTOR_OBJECT_ID, name: "cryptodoc-ci", type: "ServicePrincipal" },
    subscriptions,
    vaults,
    managedHsms: [],
    deletedVaults: [],
    clusters,
    roleAssignments,
    roleDefinitions: [
      { id: builtInRoleId(subscriptionId(0), ROLE.reader), roleName: "Reader", type: "BuiltInRole", permissions: [{ actions: ["*/read"], notActions: [], dataActions: [], notDataActions: [] }] },
      {
        id: builtInRoleId(subscriptionId(0), ROLE.cryptoUser),
        roleName: "Key Vault Crypto User",
        type: "BuiltInRole",
        permissions: [{ actions: [], notActions: [], dataActions: ["Microsoft.KeyVault/vaults/keys/read", "Microsoft.KeyVault/vaults/keys/encrypt/action", "Microsoft.KeyVault/vaults/keys/decrypt/action", "Microsoft.KeyVault/vaults/keys/wrap/action", "Microsoft.KeyVault/vaults/keys/unwrap/action"], notDataActions: [] }],
      },
    ],
    principals: [
      { id: COLLECTOR_OBJECT_ID, displayName: "cryptodoc-ci", type: "servicePrincipal" },
      // The last workload is left out of the directory, as a deleted principal would be.
      ...workloads.slice(0, -1).map((id, index) => ({ id, displayName: `app-payments-${index + 1}`, type: "servicePrincipal" as const })),
    ],
    paging: { pageSize: size.pageSize ?? 25 },
    ...(size.latencyMs === undefined ? {} : { latencyMs: size.latencyMs }),
  };
}

function generateVault(index: number, subscription: string, size: EstateSize): EstateVault {
  const name = `kv-cde-${String(index + 1).padStart(2, "0")}`;
  const arm = vaultBody({ subscriptionId: subscription, resourceGroup: "rg-keys", name, tenantId: TENANT_ID });
  const keys = Array.from({ length: size.keysPerVault }, (_, keyIndex) => generateKey(keyIndex));
  const certificates = Array.from({ length: size.certificatesPerVault ?? 0 }, (_, certificateIndex) => generateCertificate(`tls-${certificateIndex + 1}`));
  return {
    arm,
    diagnosticSettings: index % 2 === 0 ? [auditDiagnosticSetting(arm.id)] : [],
    keys,
    secrets: [
      { name: "db-connection", contentType: "text/plain", enabled: true, created: BASE_TIME, updated: BASE_TIME },
      ...certificates.map((certificate) => ({ name: certificate.name, contentType: "application/x-pkcs12", enabled: true, created: BASE_TIME, updated: BASE_TIME })),
    ],
    certificates,
    deletedKeys: [{ name: "retired-kek", deletedDate: BASE_TIME + 86_400, scheduledPurgeDate: BASE_TIME + 91 * 86_400 }],
  };
}

export function generateKey(index: number): EstateKey {
  const rsa = index % 2 === 0;
  return {
    name: `key-${String(index + 1).padStart(3, "0")}`,
    kty: rsa ? "RSA-HSM" : "EC-HSM",
    ...(rsa ? { keySize: 3072 } : { curve: "P-384" }),
    keyOps: rsa ? ["wrapKey", "unwrapKey"] : ["sign", "verify"],
    hsmPlatform: "2",
    exportable: false,
    versions: [
      { version: `${String(index).padStart(8, "0")}a000000000000000000000000`, enabled: false, created: BASE_TIME, expires: BASE_TIME + 365 * 86_400 },
      { version: `${String(index).padStart(8, "0")}b000000000000000000000000`, enabled: true, created: BASE_TIME + 30 * 86_400, expires: BASE_TIME + 395 * 86_400 },
    ],
    rotationPolicy: index % 3 === 2 ? null : { expiryTime: "P1Y", lifetimeActions: [{ action: "Rotate", timeAfterCreate: "P11M" }, { action: "Notify", timeBeforeExpiry: "P30D" }] },
  };
}

export function generateCertificate(name: string): EstateCertificate {
  const keyPair = generateKeyPair("EC", null, "P-256");
  const der = buildCertificate({ subject: `CN=${name}.payments.example`, notBefore: new Date("2026-01-01T00:00:00Z"), notAfter: new Date("2027-01-01T00:00:00Z"), keyPair });
  return {
    name,
    cer: der.toString("base64"),
    enabled: true,
    created: BASE_TIME,
    updated: BASE_TIME,
    policy: {
      id: `https://vault/certificates/${name}/policy`,
      key_props: { exportable: false, kty: "EC", crv: "P-256", reuse_key: false },
      secret_props: { contentType: "application/x-pkcs12" },
      x509_props: { subject: `CN=${name}.payments.example`, ekus: ["1.3.6.1.5.5.7.3.1"], key_usage: ["digitalSignature"], validity_months: 12 },
      lifetime_actions: [{ trigger: { lifetime_percentage: 80 }, action: { action_type: "AutoRenew" } }],
      issuer: { name: "Self" },
      attributes: { enabled: true, created: BASE_TIME, updated: BASE_TIME },
    },
  };
}
