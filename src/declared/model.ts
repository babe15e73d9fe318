// The declared architecture: architecture.yaml after schema validation and
// defaults. It mirrors schemas/architecture.schema.json. Every named entry
// carries `at`, the place in the YAML file that declares it.

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = "critical" | "high" | "medium" | "low" | "info";
export type KeyOperation = "encrypt" | "decrypt" | "sign" | "verify" | "wrapKey" | "unwrapKey" | "import" | "export";
export type KeyUsage = "key-encryption" | "data-encryption" | "signing" | "aks-kms" | "tls" | "mac";

export interface Architecture {
  /** The path of the YAML file as the user gave it. */
  file: string;
  /** The folder relative paths in the file are resolved against. */
  baseDir: string;
  document: DocumentInfo;
  inventory: InventorySettings;
  policy: Policy;
  rules: Record<string, Severity | "off">;
  environments: Environment[];
  algorithms: Algorithm[];
  protocols: Protocol[];
  keyStores: DeclaredKeyStore[];
  custodians: Custodian[];
  keys: DeclaredKey[];
  certificates: DeclaredCertificate[];
  workloads: Workload[];
  clusters: DeclaredCluster[];
  dataFlows: DataFlow[];
  waivers: Waiver[];
  /** Locations of the top-level sections, for findings about undeclared resources. */
  sections: Record<string, SourceLocation>;
}

export interface Located {
  at: SourceLocation;
}

export interface DocumentInfo {
  title: string;
  owner: string;
  version?: string;
  organisation?: string;
  standard: string;
  serviceProvider: boolean;
  scope?: string;
  lastReview: string;
  reviewInterval: string;
  procedures: Record<string, string>;
}

export interface InventorySettings {
  source: "snapshot" | "live";
  snapshot?: string;
  azure?: AzureScope;
}

export interface AzureScope {
  tenantId: string;
  subscriptions?: string[];
  managementGroup?: string;
  resourceGroups?: string[];
  keyStores?: string[];
  cloud: "AzurePublicCloud" | "AzureUSGovernment" | "AzureChinaCloud";
  armEndpoint?: string;
  graphEndpoint?: string;
}

export interface Policy {
  minimumStrengthBits: number;
  allowedCurves: string[];
  expiryWarning: string;
  minimumSoftDeleteRetentionDays: number;
  /** ISO 8601 duration: the oldest snapshot the build accepts as of the date verdicts are judged. */
  maxSnapshotAge: string;
  maxCustodiansPerStore: number;
}

export interface Environment extends Located {
  name: string;
  production: boolean;
  description?: string;
  subscriptions: string[];
}

export interface Algorithm extends Located {
  name: string;
  family: string;
  keySize?: number;
  curve?: string;
  mode?: string;
  standard?: string;
  purpose: string;
}

export interface Protocol extends Located {
  name: string;
  protocol: string;
  versions: string[];
  cipherSuites: string[];
  purpose: string;
  usedBy: string[];
  certificates: string[];
  /** The ISO date of the protocol's last review; the builder fills in document.lastReview when the YAML omits it. */
  lastReview: string;
}

export interface DeclaredKeyStore extends Located {
  name: string;
  type: "key-vault" | "managed-hsm";
  sku?: string;
  resourceId: string;
  location?: string;
  fipsLevel?: string;
  permissionModel?: "rbac" | "access-policies" | "local-rbac";
  publicNetworkAccess?: "enabled" | "disabled";
  privateEndpoint?: boolean;
  environment: string;
  description?: string;
}

export interface Custodian extends Located {
  name: string;
  displayName?: string;
  principalId: string;
  principalType: "User" | "Group" | "ServicePrincipal";
  role: string;
  stores: string[];
  acknowledged: string;
  /** For a group: how many people it contains. */
  members?: number;
}

export interface DeclaredKey extends Located {
  name: string;
  /** The key's name in its store; equals `name` unless the YAML sets `azureName`. */
  azureName: string;
  store?: string;
  wrappedBy?: string;
  heldIn?: string;
  environment: string;
  type: string;
  size?: number;
  curve?: string;
  algorithm?: string;
  usage: KeyUsage;
  keyOps: KeyOperation[];
  purpose: string;
  protects: string[];
  cryptoperiod: string;
  rotation?: { automatic: boolean; every?: string };
  custodians: string[];
  state: "active" | "retired";
}

export interface DeclaredCertificate extends Located {
  name: string;
  azureName: string;
  store: string;
  subject: string;
  issuer: string;
  usedBy: string[];
  protocol?: string;
  purpose?: string;
  custodians: string[];
}

export interface Workload extends Located {
  name: string;
  displayName?: string;
  principalId: string;
  principalType: "ServicePrincipal" | "User" | "Group";
  cluster?: string;
  serviceAccount?: string;
  environment: string;
  uses: { key: string; operations: KeyOperation[] }[];
}

export interface DeclaredCluster extends Located {
  name: string;
  resourceId: string;
  environment: string;
  location?: string;
  kms?: { key: string; networkAccess?: "private" | "public" };
  secretsStoreCsi?: { enabled: boolean; rotation: boolean; pollInterval?: string };
  workloadIdentity?: boolean;
  ingressCertificate?: string;
  description?: string;
}

export interface DataFlow extends Located {
  name: string;
  from: string;
  to: string;
  protocol?: string;
  data: string[];
  keys: string[];
  description?: string;
}

export interface Waiver extends Located {
  rule: string;
  resource: string;
  reason: string;
  approver: string;
  expires: string;
  ticket?: string;
}
