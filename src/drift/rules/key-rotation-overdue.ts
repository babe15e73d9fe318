import { addDuration, parseDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyPhrase, keyRef } from "../resources.js";
import { currentVersionCreated, isoDate, notCollectedBecause } from "../evidence.js";

/** Time Key Vault may take to run a due rotation before it counts as missed. */
const GRACE_DAYS = 1;

export const keyRotationOverdue: Rule = {
  id: "key-rotation-overdue",
  title: "Keys with a Rotate action have rotated when their policy said",
  severity: "medium",
  requirements: ["3.7.4"],
  rationale:
    "A rotation policy that should have created a new version and did not means automatic rotation is failing, for example because the policy was changed, the key was disabled or the service could not rotate it. The key then keeps running past the point the policy was meant to replace it.",
  remediation: {
    text: "Rotate the key now, then find out why the policy did not run: check the key's activity log and the policy's trigger.",
    command: "az keyvault key rotate --vault-name <vault> --name <key>",
  },
  notes: `A rotation counts as missed one day (${GRACE_DAYS} d) after it was due, counted from the current version's creation (timeAfterCreate) or back from its expiry (timeBeforeExpiry). Keys without a Rotate action belong to key-rotation-not-configured; a current version older than the declared cryptoperiod belongs to key-cryptoperiod-exceeded.`,
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        const fields = { resource, declaredAt, expected: "a version younger than the policy's rotation point" };
        if (!deployed.enabled) return notApplicable({ ...fields, messageId: "disabled", message: `${describeKey(pair)} is disabled.` });
        if (deployed.rotationPolicy === null) {
          return undecided({ ...fields, messageId: "not-collected", actual: "unknown", message: `Cannot tell whether ${keyPhrase(pair)} rotated on time: its rotation policy was not collected: ${notCollectedBecause(estate.inventory, deployed.id)}.` });
        }
        const rotate = deployed.rotationPolicy.lifetimeActions.find((action) => action.action === "rotate");
        if (rotate === undefined) return notApplicable({ ...fields, messageId: "no-rotate-action", message: `${describeKey(pair)} has no Rotate action.` });

        const created = currentVersionCreated(deployed);
        const after = rotate.timeAfterCreate === null ? null : parseDuration(rotate.timeAfterCreate);
        const before = rotate.timeBeforeExpiry === null ? null : parseDuration(rotate.timeBeforeExpiry);
        let due: Date | null = null;
        if (after !== null && created !== null) due = addDuration(new Date(created), after);
        else if (before !== null && deployed.expires !== null) due = addDuration(new Date(deployed.expires), before, -1);
        if (due === null) {
          return undecided({ ...fields, messageId: "due-unknown", actual: "unknown", message: `${describeKey(pair)} has a Rotate action, but the inventory lacks the ${after !== null ? "creation" : "expiry"} date it counts from.` });
        }

        const actual = `current version created ${created === null ? "on an unknown date" : isoDate(created)}; rotation was due ${isoDate(due)}`;
        const missed = due.getTime() + GRACE_DAYS * 86_400_000 < estate.asOf.getTime();
        return missed
          ? fail({ ...fields, actual, messageId: "overdue", message: `${describeKey(pair)} should have rotated on ${isoDate(due)} by its rotation policy, but its current version is still the one created ${created === null ? "on an unknown date" : `on ${isoDate(created)}`}.` })
          : pass({ ...fields, actual, messageId: "on-time", message: `${describeKey(pair)} is due to rotate on ${isoDate(due)}.` });
      });
  },
};
