import { addDuration, requireDuration } from "../../model/duration.js";
import type { LifetimeAction } from "../../inventory/model.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { currentVersionCreated, notCollectedBecause } from "../evidence.js";

/** Describes when a Rotate action fires and the instant it fires for a version created at `created`; null when it never fires. */
function rotationInstant(action: LifetimeAction, expiryTime: string | null, created: Date): { trigger: string; at: Date } | null {
  if (action.timeAfterCreate !== null) {
    return { trigger: `${action.timeAfterCreate} after creation`, at: addDuration(created, requireDuration(action.timeAfterCreate)) };
  }
  if (action.timeBeforeExpiry !== null && expiryTime !== null) {
    const expiry = addDuration(created, requireDuration(expiryTime));
    return { trigger: `${action.timeBeforeExpiry} before an expiry of ${expiryTime}`, at: addDuration(expiry, requireDuration(action.timeBeforeExpiry), -1) };
  }
  return null;
}

export const keyRotationExceedsCryptoperiod: Rule = {
  id: "key-rotation-exceeds-cryptoperiod",
  title: "Rotation intervals are no longer than the declared cryptoperiod",
  severity: "high",
  requirements: ["3.7.4"],
  rationale:
    "A rotation policy that rotates a key later than its cryptoperiod ends lets every version overrun the cryptoperiod, even though a policy exists. The interval must fit inside the cryptoperiod.",
  remediation: {
    text: "Shorten the rotation policy's Rotate trigger so that it fires before the cryptoperiod ends, or correct the declared cryptoperiod if it is wrong.",
    command: "az keyvault key rotation-policy update --vault-name <vault> --name <key> --value policy.json",
  },
  notes: "This rule owns an interval, declared in `rotation.every` or configured in the rotation policy, that is longer than the cryptoperiod. A current version already older than its cryptoperiod belongs to key-cryptoperiod-exceeded, and a key without a Rotate action to key-rotation-not-configured. Intervals are compared from the current version's creation date, so months of different lengths count as Key Vault counts them.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.store !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const cryptoperiod = requireDuration(declared.cryptoperiod);
        const fields = { resource: keyRef(pair), declaredAt: declared.at, expected: `rotation within ${declared.cryptoperiod}` };
        const start = pair.deployed === null ? estate.asOf : new Date(currentVersionCreated(pair.deployed) ?? estate.asOf.toISOString());
        const end = addDuration(start, cryptoperiod);

        const every = declared.rotation?.every;
        if (every !== undefined && addDuration(start, requireDuration(every)).getTime() > end.getTime()) {
          return fail({ ...fields, actual: `declared every ${every}`, messageId: "declared-interval-exceeds", message: `${describeKey(pair)} is declared to rotate every ${every}, longer than its cryptoperiod ${declared.cryptoperiod}.` });
        }
        if (pair.deployed === null) return notApplicable({ ...fields, messageId: "not-deployed", message: `${describeKey(pair)} is not deployed.` });
        const policy = pair.deployed.rotationPolicy;
        if (policy === null) {
          return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `${describeKey(pair)}'s rotation policy was not collected: ${notCollectedBecause(estate.inventory, pair.deployed.id)}.` });
        }
        const rotate = policy.lifetimeActions.find((action) => action.action === "rotate");
        if (rotate === undefined) return notApplicable({ ...fields, messageId: "no-rotate-action", message: `${describeKey(pair)} has no Rotate action in its rotation policy.` });
        const rotation = rotationInstant(rotate, policy.expiryTime, start);
        if (rotation === null) {
          return fail({ ...fields, actual: `Rotate ${rotate.timeBeforeExpiry} before expiry, with no expiryTime`, messageId: "never-fires", message: `${describeKey(pair)}'s Rotate action fires ${rotate.timeBeforeExpiry} before expiry, but the policy sets no expiryTime, so it never fires.` });
        }
        const actual = `Rotate ${rotation.trigger}`;
        return rotation.at.getTime() > end.getTime()
          ? fail({ ...fields, actual, messageId: "policy-interval-exceeds", message: `${describeKey(pair)} rotates ${rotation.trigger}, later than its cryptoperiod ${declared.cryptoperiod} allows.` })
          : pass({ ...fields, actual, messageId: "within-cryptoperiod", message: `${describeKey(pair)} rotates ${rotation.trigger}, within its cryptoperiod ${declared.cryptoperiod}.` });
      });
  },
};
