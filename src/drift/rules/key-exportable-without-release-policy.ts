import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";

export const keyExportableWithoutReleasePolicy: Rule = {
  id: "key-exportable-without-release-policy",
  title: "Exportable keys have a release policy",
  severity: "high",
  requirements: ["3.6.1.2", "3.7.2"],
  rationale:
    "An exportable key can leave the HSM through secure key release. Without a release policy nothing states which attested environment may receive it, so the key's distribution is uncontrolled.",
  remediation: {
    text: "Give the key a release policy that names the attestation authority and claims of the environments allowed to receive it, or create it as not exportable.",
    command: "az keyvault key set-attributes --vault-name <vault> --name <key> --policy release-policy.json",
  },
  notes: "Keys that back a certificate are not applicable: their private key is exported through the certificate's secret, governed by the certificate policy. Keys that are not exportable pass.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const fields = { resource: keyRef(pair), declaredAt: pair.declared?.at ?? null, expected: "not exportable, or exportable with a release policy" };
        if (deployed.managed) return notApplicable({ ...fields, messageId: "certificate-key", message: `${describeKey(pair)} backs a certificate; its export is governed by the certificate policy.` });
        if (deployed.exportable === null) {
          return undecided({ ...fields, messageId: "exportable-unknown", actual: "unknown", message: `${describeKey(pair)} has no \`exportable\` attribute in the inventory.` });
        }
        if (!deployed.exportable) return pass({ ...fields, actual: "not exportable", messageId: "not-exportable", message: `${describeKey(pair)} is not exportable.` });
        if (deployed.hasReleasePolicy === null) {
          return undecided({ ...fields, messageId: "policy-unknown", actual: "exportable, release policy unknown", message: `${describeKey(pair)} is exportable, and whether it has a release policy was not collected.` });
        }
        return deployed.hasReleasePolicy
          ? pass({ ...fields, actual: "exportable with a release policy", messageId: "release-policy", message: `${describeKey(pair)} is exportable under a release policy.` })
          : fail({ ...fields, actual: "exportable without a release policy", messageId: "no-release-policy", message: `${describeKey(pair)} is exportable but has no release policy.` });
      });
  },
};
