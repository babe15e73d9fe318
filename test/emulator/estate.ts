// An estate: the Azure resources the emulator serves, described as data.
// ARM resources that Azure returns whole (vaults, Managed HSM pools, deleted
// vaults, AKS clusters) are kept as their wire JSON, so recorded responses
// can be dropped in. Keys, secrets and certificates are kept as facts, from
// which the emulator builds both the ARM and the data-plane shapes.

export interface Estate {
  tenantId: string;
  /** The identity the emulator's tokens are issued to. */
  identity: { objectId: string; name: string; type: "User" | "ServicePrincipal" };
  /** Audiences the emulator accepts; defaults are those of the public cloud. */
  audiences?: Partial<Audiences>;
  subscriptions: EstateSubscription[];
  managementGroups?: { name: string; subscriptions: string[] }[];
  vaults: EstateVault[];
  managedHsms: EstateManagedHsm[];
  /** Wire bodies of `vaults.listDeleted` items. */
  deletedVaults: WireResource[];
  /** Wire bodies of `managedClusters.get`. */
  clusters: WireResource[];
  roleAssignments: EstateRoleAssignment[];
  roleDefinitions: EstateRoleDefinition[];
  principals: EstatePrincipal[];
  /** When true, Microsoft Graph rejects requests with 403 Authorization_RequestDenied. */
  graphForbidden?: boolean;
  /** Items per page of every list; an estate with `emptyFirstPage` starts each list with an empty page that has a next link. */
  paging?: { pageSize: number; emptyFirstPage?: boolean };
  /** Added to every response, in milliseconds. */
  latencyMs?: number;
  faults?: Fault[];
}

export interface Audiences {
  arm: string;
  graph: string;
  vault: string;
  managedHsm: string;
}

export interface EstateSubscription {
  id: string;
  displayName: string;
  /** False for a subscription the identity has no role on: list calls leave it out and direct calls get 403. */
  visible?: boolean;
}

/** A JSON body as Azure sends it. */
export type WireResource = Record<string, unknown> & { id: string; name: string };

/** Access of this identity to a store's data plane. */
export type DataPlaneAccess = "reachable" | "firewall" | "rbac" | "private-link";

export interface EstateVault {
  /** The `vaults.get` body; the emulator replaces `properties.vaultUri` with the vault's loopback URL. */
  arm: WireResource;
  dataPlane?: DataPlaneAccess;
  /** Wire items of the vault's diagnostic settings list. */
  diagnosticSettings?: Record<string, unknown>[];
  keys: EstateKey[];
  secrets: EstateSecret[];
  certificates: EstateCertificate[];
  deletedKeys?: EstateDeletedKey[];
}

export interface EstateManagedHsm {
  /** The `managedHsms.get` body; `properties.hsmUri` is replaced with the pool's loopback URL. */
  arm: WireResource;
  dataPlane?: DataPlaneAccess;
  diagnosticSettings?: Record<string, unknown>[];
  keys: EstateKey[];
  deletedKeys?: EstateDeletedKey[];
  /** Wire items of the local role assignment and definition lists. */
  localRoleAssignments: Record<string, unknown>[];
  localRoleDefinitions: Record<string, unknown>[];
}

export interface EstateKey {
  name: string;
  /** `RSA`, `RSA-HSM`, `EC`, `EC-HSM` or `oct-HSM`. */
  kty: string;
  keySize?: number;
  curve?: string;
  keyOps: string[];
  tags?: Record<string, string>;
  managed?: boolean;
  /** The data-plane `hsmPlatform` attribute, a string such as "0"; omitted when absent. */
  hsmPlatform?: string;
  exportable?: boolean;
  hasReleasePolicy?: boolean;
  recoveryLevel?: string;
  /** Oldest first; the last one is the current version. Times are epoch seconds. */
  versions: EstateKeyVersion[];
  /** Null for a key that never had a policy: the data plane then returns null members, as API 7.3-preview did. */
  rotationPolicy: EstateRotationPolicy | null;
  /** Whether ARM `keys.get` includes the policy (not verified against live Azure); otherwise only the data plane has it. */
  rotationPolicyOnArm?: boolean;
  /** Public JWK members, base64url, for a key that must match a certificate's key; derived from `publicKeySeed` otherwise. */
  publicKey?: { n?: string; e?: string; crv?: string; x?: string; y?: string };
  /** Keys with the same seed get the same public key, in any store; defaults to the store, key and version names. */
  publicKeySeed?: string;
}

export interface EstateKeyVersion {
  version: string;
  enabled: boolean;
  created?: number;
  updated?: number;
  notBefore?: number;
  expires?: number;
}

export interface EstateRotationPolicy {
  expiryTime?: string;
  lifetimeActions: { action: "Rotate" | "Notify"; timeAfterCreate?: string; timeBeforeExpiry?: string }[];
}

export interface EstateSecret {
  name: string;
  contentType?: string;
  enabled: boolean;
  created: number;
  updated: number;
  expires?: number;
}

export interface EstateCertificate {
  name: string;
  /** Base64 DER of the issued certificate; absent while issuance is pending. */
  cer?: string;
  enabled: boolean;
  created: number;
  updated: number;
  /** The wire `policy` object, snake_case as the data plane sends it; absent when the service returns none. */
  policy?: Record<string, unknown>;
}

export interface EstateDeletedKey {
  name: string;
  deletedDate: number;
  scheduledPurgeDate: number;
}

export interface EstateRoleAssignment {
  id: string;
  scope: string;
  principalId: string;
  principalType: string;
  roleDefinitionId: string;
  condition?: string | null;
}

export interface EstateRoleDefinition {
  id: string;
  roleName: string;
  type: string;
  permissions: { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }[];
}

export interface EstatePrincipal {
  id: string;
  displayName: string;
  /** Microsoft Graph type: `user`, `group` or `servicePrincipal`. */
  type: "user" | "group" | "servicePrincipal";
}

/**
 * A scripted fault. Requests are matched by target, method and path; a fault with `times`
 * applies to that many matching requests, then stops.
 */
export interface Fault {
  /** `arm` (ARM, Resource Graph and Graph), or the name of a vault or pool for its data plane; any when absent. */
  target?: string;
  method?: string;
  /** A regular expression, matched case-insensitively against the request path. */
  path: string;
  times?: number;
  /** Respond with this status and an Azure error body instead of the real response. */
  status?: number;
  code?: string;
  innerCode?: string;
  message?: string;
  headers?: Record<string, string>;
  /** Wait this long before responding, in milliseconds. */
  delayMs?: number;
  /** Close the connection without a response. */
  drop?: boolean;
}
