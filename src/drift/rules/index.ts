// The rule registry, in a fixed order: evidence first, then key stores, keys,
// access, certificates, clusters, protocols and waivers. Adding a rule means
// adding its file and one line here; nothing scans the folder at run time.
import type { Rule } from "../rule.js";
import { accessGrantorUndeclared } from "./access-grantor-undeclared.js";
import { aksCsiRotationDisabled } from "./aks-csi-rotation-disabled.js";
import { aksKmsKeyUnusable } from "./aks-kms-key-unusable.js";
import { aksKmsKeyVersionStale } from "./aks-kms-key-version-stale.js";
import { aksKmsNotCustomerManaged } from "./aks-kms-not-customer-managed.js";
import { certificateExpired } from "./certificate-expired.js";
import { certificateExpiringSoon } from "./certificate-expiring-soon.js";
import { certificateIssuerMismatch } from "./certificate-issuer-mismatch.js";
import { certificateMissing } from "./certificate-missing.js";
import { certificateSelfSignedAutorenew } from "./certificate-self-signed-autorenew.js";
import { certificateSelfSignedUndeclared } from "./certificate-self-signed-undeclared.js";
import { certificateStrengthBelowFloor } from "./certificate-strength-below-floor.js";
import { certificateUndeclared } from "./certificate-undeclared.js";
import { clusterMissing } from "./cluster-missing.js";
import { clusterUndeclared } from "./cluster-undeclared.js";
import { custodianAcknowledgementStale } from "./custodian-acknowledgement-stale.js";
import { custodianCountExceeded } from "./custodian-count-exceeded.js";
import { custodianUnassigned } from "./custodian-unassigned.js";
import { custodianUndeclared } from "./custodian-undeclared.js";
import { inventoryIncomplete } from "./inventory-incomplete.js";
import { kekWeakerThanDek } from "./kek-weaker-than-dek.js";
import { keyCryptoperiodAboveNist } from "./key-cryptoperiod-above-nist.js";
import { keyCryptoperiodExceeded } from "./key-cryptoperiod-exceeded.js";
import { keyCurveNotApproved } from "./key-curve-not-approved.js";
import { keyDisabled } from "./key-disabled.js";
import { keyExpired } from "./key-expired.js";
import { keyExpiringSoon } from "./key-expiring-soon.js";
import { keyExpiryNotSet } from "./key-expiry-not-set.js";
import { keyExportableWithoutReleasePolicy } from "./key-exportable-without-release-policy.js";
import { keyMissing } from "./key-missing.js";
import { keyNotHsmProtected } from "./key-not-hsm-protected.js";
import { keyOperationsExceedUsage } from "./key-operations-exceed-usage.js";
import { keyQuantumVulnerable } from "./key-quantum-vulnerable.js";
import { keyRotationExceedsCryptoperiod } from "./key-rotation-exceeds-cryptoperiod.js";
import { keyRotationNotConfigured } from "./key-rotation-not-configured.js";
import { keyRotationOverdue } from "./key-rotation-overdue.js";
import { keySharedAcrossEnvironments } from "./key-shared-across-environments.js";
import { keyStrengthBelowFloor } from "./key-strength-below-floor.js";
import { keyTypeMismatch } from "./key-type-mismatch.js";
import { keyUndeclared } from "./key-undeclared.js";
import { keyVersionWithoutExpiry } from "./key-version-without-expiry.js";
import { principalOrphaned } from "./principal-orphaned.js";
import { protocolReviewOverdue } from "./protocol-review-overdue.js";
import { protocolVersionInsecure } from "./protocol-version-insecure.js";
import { snapshotStale } from "./snapshot-stale.js";
import { storeAuditLoggingDisabled } from "./store-audit-logging-disabled.js";
import { storeInertAccessGrant } from "./store-inert-access-grant.js";
import { storeMissing } from "./store-missing.js";
import { storePermissionModelMismatch } from "./store-permission-model-mismatch.js";
import { storePublicNetworkAccess } from "./store-public-network-access.js";
import { storePurgeProtectionDisabled } from "./store-purge-protection-disabled.js";
import { storeSoftDeleteRetentionLow } from "./store-soft-delete-retention-low.js";
import { storeTypeMismatch } from "./store-type-mismatch.js";
import { storeUndeclared } from "./store-undeclared.js";
import { waiverExpired } from "./waiver-expired.js";
import { waiverUnused } from "./waiver-unused.js";
import { workloadAccessExceedsUsage } from "./workload-access-exceeds-usage.js";

export const RULES: readonly Rule[] = [
  inventoryIncomplete,
  snapshotStale,
  storeMissing,
  storeUndeclared,
  storeTypeMismatch,
  storePermissionModelMismatch,
  storeInertAccessGrant,
  storePurgeProtectionDisabled,
  storeSoftDeleteRetentionLow,
  storePublicNetworkAccess,
  storeAuditLoggingDisabled,
  keyMissing,
  keyUndeclared,
  keyTypeMismatch,
  keyStrengthBelowFloor,
  keyCurveNotApproved,
  keyNotHsmProtected,
  kekWeakerThanDek,
  keyOperationsExceedUsage,
  keyDisabled,
  keyExportableWithoutReleasePolicy,
  keySharedAcrossEnvironments,
  keyExpiryNotSet,
  keyExpired,
  keyExpiringSoon,
  keyVersionWithoutExpiry,
  keyRotationNotConfigured,
  keyRotationOverdue,
  keyRotationExceedsCryptoperiod,
  keyCryptoperiodExceeded,
  keyCryptoperiodAboveNist,
  keyQuantumVulnerable,
  custodianUndeclared,
  custodianUnassigned,
  custodianCountExceeded,
  custodianAcknowledgementStale,
  accessGrantorUndeclared,
  principalOrphaned,
  workloadAccessExceedsUsage,
  certificateMissing,
  certificateUndeclared,
  certificateExpired,
  certificateExpiringSoon,
  certificateStrengthBelowFloor,
  certificateSelfSignedUndeclared,
  certificateIssuerMismatch,
  certificateSelfSignedAutorenew,
  clusterMissing,
  clusterUndeclared,
  aksKmsNotCustomerManaged,
  aksKmsKeyVersionStale,
  aksKmsKeyUnusable,
  aksCsiRotationDisabled,
  protocolVersionInsecure,
  protocolReviewOverdue,
  waiverExpired,
  waiverUnused,
];

/** Rules that keep the build fail-closed: they cannot be turned off, and their findings cannot be waived. */
export const ALWAYS_ON_RULES: readonly string[] = ["inventory-incomplete", "waiver-expired"];

export const RULE_CATALOGUE = { ids: RULES.map((rule) => rule.id), alwaysOn: ALWAYS_ON_RULES };
