// The inventory snapshot: what was deployed when it was collected. It mirrors
// schemas/inventory.schema.json. Dates are ISO 8601 strings. A field that
// could not be collected is null (unknown) and has a collectionErrors entry;
// an empty array means the listing succeeded and found nothing.

export const SNAPSHOT_SCHEMA_VERSION = 1;

export interface Inventory {
  schemaVersion: number;
  collection: CollectionMetadata;
  keyStores: DeployedKeyStore[];
  /** Every role assignment whose scope reaches a collected key store; null when the listing failed. */
  roleAssignments: RoleAssignment[] | null;
  roleDefinitions: RoleDefinition[] | null;
  principals: Principal[];
  clusters: DeployedCluster[] | null;
  collectionErrors: CollectionError[];
}

export interface CollectionMetadata {
  collectedAt: string;
  tool: { name: string; version: string };
  identity: { objectId: string | null; type: string | null; name?: string | null };
  tenantId: string;
  cloud: string;
  armEndpoint: string;
  scopeRequested: CollectionScope;
  scopeVisible: { subscriptions: string[] };
}

export interface CollectionScope {
  subscriptions: string[];
  managementGroup: string | null;
  resourceGroups: string[];
  keyStores: string[];
}

export type KeyStoreType = "key-vault" | "managed-hsm";
export type PermissionModel = "rbac" | "access-policies" | "local-rbac";

export interface DeployedKeyStore {
  id: string;
  name: string;
  type: KeyStoreType;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  /** `standard` or `premium` for vaults, `Standard_B1` and similar for Managed HSM pools; null for a soft-deleted vault, whose SKU Azure does not return. */
  sku: string | null;
  tenantId: string;
  uri: string;
  /** `active`, or `soft-deleted` for a deleted store that can still be recovered. */
  state: "active" | "soft-deleted";
  softDelete: { enabled: boolean; retentionDays: number | null };
  purgeProtection: boolean;
  /** Null for a soft-deleted vault: Azure returns only its id, location, dates, tags and purge protection. */
  permissionModel: PermissionModel | null;
  publicNetworkAccess: "Enabled" | "Disabled" | null;
  networkAcls: NetworkAcls | null;
  privateEndpoints: PrivateEndpoint[];
  /** Whether a diagnostic setting sends the AuditEvent category somewhere; null when unknown. */
  auditLogging: boolean | null;
  accessPolicies: AccessPolicy[] | null;
  keys: DeployedKey[] | null;
  secrets: DeployedSecret[] | null;
  certificates: DeployedCertificate[] | null;
  /** Soft-deleted keys that can still be recovered, from the data plane; null or absent when not collected. */
  deletedKeys?: DeletedKey[] | null;
  tags: Record<string, string>;
}

export interface DeletedKey {
  name: string;
  /** The data-plane key identifier without a version. */
  kid: string;
  deletedOn: string | null;
  scheduledPurgeDate: string | null;
}

export interface NetworkAcls {
  defaultAction: "Allow" | "Deny";
  bypass: "AzureServices" | "None";
  ipRules: string[];
  virtualNetworkRules: string[];
}

export interface PrivateEndpoint {
  id: string;
  status: string;
}

export interface AccessPolicy {
  tenantId: string;
  objectId: string;
  applicationId: string | null;
  permissions: { keys: string[]; secrets: string[]; certificates: string[]; storage: string[] };
}

export type KeyTypeName = "RSA" | "RSA-HSM" | "EC" | "EC-HSM" | "oct" | "oct-HSM";

export interface DeployedKey {
  /** The ARM resource id of the key. */
  id: string;
  name: string;
  /** The data-plane key identifier without a version. */
  kid: string;
  kty: string;
  keySize: number | null;
  curve: string | null;
  keyOps: string[];
  enabled: boolean;
  created: string | null;
  updated: string | null;
  notBefore: string | null;
  expires: string | null;
  exportable: boolean | null;
  hasReleasePolicy: boolean | null;
  /** True when the key backs a certificate of the same name. */
  managed: boolean;
  /** Key Vault's hsmPlatform attribute: "0" software, "1" FIPS 140-2 Level 2, "2" FIPS 140-3 Level 3; null when unknown. */
  hsmPlatform: string | null;
  currentVersion: string | null;
  /** Every version with its own attributes; null when the versions could not be listed. */
  versions: KeyVersion[] | null;
  /** Null when unknown; a key without a policy has one with no actions. */
  rotationPolicy: RotationPolicy | null;
  /** RFC 7638 JWK SHA-256 thumbprint of the public key, base64url; null for symmetric keys or when unknown. */
  publicKeyThumbprint: string | null;
  tags: Record<string, string>;
}

export interface KeyVersion {
  version: string;
  enabled: boolean;
  created: string | null;
  notBefore: string | null;
  expires: string | null;
}

export interface RotationPolicy {
  /** The validity given to new versions, an ISO 8601 duration; null when not set. */
  expiryTime: string | null;
  lifetimeActions: LifetimeAction[];
}

export interface LifetimeAction {
  /** `rotate` or `notify`, lower-cased from either API casing. */
  action: string;
  timeAfterCreate: string | null;
  timeBeforeExpiry: string | null;
}

export interface DeployedSecret {
  id: string;
  name: string;
  contentType: string | null;
  enabled: boolean;
  created: string | null;
  updated: string | null;
  expires: string | null;
  managed: boolean;
}

export interface DeployedCertificate {
  /** The data-plane certificate identifier without a version. */
  id: string;
  name: string;
  subject: string;
  issuer: string;
  /** Judged from the X.509 certificate: issuer equals subject and the signature verifies with its own key. */
  selfSigned: boolean;
  thumbprintSha256: string | null;
  keyType: string | null;
  keySize: number | null;
  curve: string | null;
  notBefore: string | null;
  expires: string | null;
  enabled: boolean;
  pending: boolean;
  policy: CertificatePolicy | null;
  publicKeyThumbprint: string | null;
}

export interface CertificatePolicy {
  /** The issuer named by the policy: Self, Unknown or a CA provider name. */
  issuerName: string | null;
  lifetimeActions: { action: string; lifetimePercentage: number | null; daysBeforeExpiry: number | null }[];
}

export interface RoleAssignment {
  id: string;
  /**
   * The ARM scope the role is assigned at. Managed HSM local role assignments,
   * whose scopes are `/`, `/keys` or `/keys/<name>` inside the HSM, are written
   * under the HSM's resource id, such as `<hsm id>/keys/pan-kek`.
   */
  scope: string;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal" | "ForeignGroup" | "Device" | string;
  roleDefinitionId: string;
  condition: string | null;
}

export interface RoleDefinition {
  id: string;
  roleName: string;
  type: "BuiltInRole" | "CustomRole" | string;
  permissions: RolePermission[];
}

export interface RolePermission {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface Principal {
  id: string;
  displayName: string | null;
  type: string | null;
  /** `resolved` from Microsoft Graph, `unresolved` when the identity could not read it, `deleted` when Graph reports it missing. */
  state: "resolved" | "unresolved" | "deleted";
}

export type KmsState = "none" | "platform-managed" | "customer-managed";

export interface DeployedCluster {
  id: string;
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  location: string;
  kubernetesVersion: string | null;
  kms: {
    state: KmsState;
    keyId: string | null;
    keyVaultNetworkAccess: "Public" | "Private" | null;
    keyVaultResourceId: string | null;
  };
  secretsStoreCsi: { enabled: boolean; rotationEnabled: boolean; rotationPollInterval: string | null };
  workloadIdentity: boolean;
  oidcIssuer: { enabled: boolean; issuerUrl: string | null };
  privateCluster: boolean;
}

export interface CollectionError {
  /** The Azure scope the failed call was about: a subscription, store or key id. */
  scope: string;
  /** The operation that failed, such as `keys.list` or `certificates.list`. */
  operation: string;
  status: number | null;
  code: string | null;
  message: string;
}
