// Maps key rotation policies from ARM and the data plane to one shape.
import type { RotationPolicy as ArmRotationPolicy } from "@azure/arm-keyvault";
import type { KeyRotationPolicy } from "@azure/keyvault-keys";
import type { LifetimeAction, RotationPolicy } from "../model.js";

/** Maps the `rotationPolicy` of an ARM key. ARM 2026-02-01 writes action types in lower case, older versions in PascalCase. */
export function mapArmRotationPolicy(policy: ArmRotationPolicy): RotationPolicy {
  return {
    expiryTime: policy.attributes?.expiryTime ?? null,
    lifetimeActions: (policy.lifetimeActions ?? []).map((action) =>
      lifetimeAction(action.action?.type, action.trigger?.timeAfterCreate, action.trigger?.timeBeforeExpiry),
    ),
  };
}

/**
 * Maps a data-plane rotation policy. A key that never had a policy returns HTTP 200. API
 * 7.3-preview returns `lifetimeActions: null`, which becomes a policy with no actions. Newer
 * versions return a Notify-only default, which is kept as returned.
 */
export function mapDataPlaneRotationPolicy(policy: KeyRotationPolicy): RotationPolicy {
  return {
    expiryTime: policy.expiresIn ?? null,
    lifetimeActions: (policy.lifetimeActions ?? []).map((action) => lifetimeAction(action.action, action.timeAfterCreate, action.timeBeforeExpiry)),
  };
}

function lifetimeAction(type: string | undefined, timeAfterCreate: string | undefined, timeBeforeExpiry: string | undefined): LifetimeAction {
  return { action: (type ?? "").toLowerCase(), timeAfterCreate: timeAfterCreate ?? null, timeBeforeExpiry: timeBeforeExpiry ?? null };
}
