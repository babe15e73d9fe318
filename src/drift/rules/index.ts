// The rule registry, in a fixed order. Adding a rule means adding its file and
// one line here; nothing scans the folder at run time.
import type { Rule } from "../rule.js";
import { custodianUndeclared } from "./custodian-undeclared.js";
import { inventoryIncomplete } from "./inventory-incomplete.js";
import { keyCryptoperiodExceeded } from "./key-cryptoperiod-exceeded.js";
import { keyExpired } from "./key-expired.js";
import { keyExpiryNotSet } from "./key-expiry-not-set.js";
import { keyMissing } from "./key-missing.js";
import { keyNotHsmProtected } from "./key-not-hsm-protected.js";
import { keyRotationNotConfigured } from "./key-rotation-not-configured.js";
import { keyTypeMismatch } from "./key-type-mismatch.js";
import { keyUndeclared } from "./key-undeclared.js";
import { storePublicNetworkAccess } from "./store-public-network-access.js";
import { storePurgeProtectionDisabled } from "./store-purge-protection-disabled.js";
import { waiverExpired } from "./waiver-expired.js";

export const RULES: readonly Rule[] = [
  inventoryIncomplete,
  keyMissing,
  keyUndeclared,
  keyTypeMismatch,
  keyNotHsmProtected,
  keyExpiryNotSet,
  keyExpired,
  keyRotationNotConfigured,
  keyCryptoperiodExceeded,
  storePurgeProtectionDisabled,
  storePublicNetworkAccess,
  custodianUndeclared,
  waiverExpired,
];

/** Rules that keep the build fail-closed: they cannot be turned off, and their findings cannot be waived. */
export const ALWAYS_ON_RULES: readonly string[] = ["inventory-incomplete", "waiver-expired"];

export const RULE_CATALOGUE = { ids: RULES.map((rule) => rule.id), alwaysOn: ALWAYS_ON_RULES };
