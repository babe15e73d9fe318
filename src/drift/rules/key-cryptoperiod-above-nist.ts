import { suggestedForOperations, suggestedForUsage } from "../../model/cryptoperiod.js";
import { addDuration, requireDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { currentVersionCreated, isoDate } from "../evidence.js";

export const keyCryptoperiodAboveNist: Rule = {
  id: "key-cryptoperiod-above-nist",
  title: "Cryptoperiods stay within what NIST SP 800-57 suggests for the key's use",
  severity: "medium",
  requirements: ["3.7.4"],
  rationale:
    "PCI DSS asks for cryptoperiods defined per key type following industry guidance, which is NIST SP 800-57 Part 1: up to two years for key-wrapping and data-encryption keys and up to three for signature keys. A declared cryptoperiod longer than that, or an undeclared key whose current version is older or valid longer, has no defensible cryptoperiod.",
  remediation: {
    text: "Declare the key with a cryptoperiod within the NIST suggestion, and rotate it or set an expiry date that ends its current version in time.",
    command: "az keyvault key rotate --vault-name <vault> --name <key>",
  },
  notes: "Declared keys are judged by their declared cryptoperiod against their declared usage; whether the current version is older than the declared cryptoperiod belongs to key-cryptoperiod-exceeded. Undeclared keys, which have no declared cryptoperiod, are judged by the age and validity of their current version against the period for their key operations, taking the shortest when they allow several uses. An undeclared key without an expiry date is judged on its age only, since key-expiry-not-set reports the missing date. Disabled undeclared keys and keys that back a certificate are not applicable.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null || pair.deployed !== null)
      .map((pair) => {
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        if (pair.declared !== null) {
          const declared = pair.declared;
          const suggested = suggestedForUsage(declared.usage);
          const fields = { resource, declaredAt, expected: `at most ${suggested.period} for a ${suggested.kind}`, actual: declared.cryptoperiod };
          const longer = addDuration(estate.asOf, requireDuration(declared.cryptoperiod)).getTime() > addDuration(estate.asOf, requireDuration(suggested.period)).getTime();
          return longer
            ? fail({ ...fields, messageId: "declared-above-nist", message: `${describeKey(pair)} is declared with cryptoperiod ${declared.cryptoperiod}, longer than the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` })
            : pass({ ...fields, messageId: "declared-within-nist", message: `${describeKey(pair)} is declared with cryptoperiod ${declared.cryptoperiod}, within the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` });
        }

        const deployed = pair.deployed!;
        if (!deployed.enabled) return notApplicable({ resource, declaredAt, messageId: "disabled", message: `${describeKey(pair)} is disabled.` });
        if (deployed.managed) return notApplicable({ resource, declaredAt, messageId: "certificate-key", message: `${describeKey(pair)} backs a certificate, whose validity its issuer sets.` });
        const suggested = suggestedForOperations(deployed.keyOps);
        if (suggested === null) return notApplicable({ resource, declaredAt, messageId: "no-operations", message: `${describeKey(pair)} allows no encryption, wrapping or signing operation.` });
        const fields = { resource, declaredAt, expected: `at most ${suggested.period} for a ${suggested.kind}` };
        const created = currentVersionCreated(deployed);
        if (created === null) {
          return undecided({ ...fields, actual: "unknown", messageId: "created-unknown", message: `${describeKey(pair)} has no creation date in the inventory, so its age cannot be compared with the ${suggested.period} NIST SP 800-57 suggests.` });
        }
        const limit = addDuration(new Date(created), requireDuration(suggested.period));
        const validUntil = deployed.expires === null ? null : new Date(deployed.expires);
        const actual = `created ${isoDate(created)}, expires ${validUntil === null ? "never" : isoDate(validUntil)}`;
        if (limit.getTime() <= estate.asOf.getTime()) {
          return fail({ ...fields, actual, messageId: "age-above-nist", message: `${describeKey(pair)} has no declared cryptoperiod, and its current version, created on ${isoDate(created)}, is older than the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` });
        }
        if (validUntil === null) {
          return notApplicable({ ...fields, actual, messageId: "no-expiry", message: `${describeKey(pair)} has no expiry date, which key-expiry-not-set reports; its current version, created on ${isoDate(created)}, is younger than the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` });
        }
        if (validUntil.getTime() > limit.getTime()) {
          return fail({ ...fields, actual, messageId: "validity-above-nist", message: `${describeKey(pair)} has no declared cryptoperiod, and its current version, created on ${isoDate(created)}, is valid until ${isoDate(validUntil)}, beyond the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` });
        }
        return pass({ ...fields, actual, messageId: "within-nist", message: `${describeKey(pair)} has no declared cryptoperiod, and its current version, created on ${isoDate(created)}, expires on ${isoDate(validUntil)}, within the ${suggested.period} NIST SP 800-57 suggests for a ${suggested.kind}.` });
      });
  },
};
