import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { certificateRef } from "../resources.js";
import { isoDate } from "../evidence.js";

export const certificateExpired: Rule = {
  id: "certificate-expired",
  title: "Enabled certificates have not expired",
  severity: "high",
  requirements: ["4.2.1"],
  rationale:
    "PAN may cross open, public networks only under certificates that are valid and not expired. An expired certificate either breaks the connection or trains clients to accept invalid ones.",
  remediation: {
    text: "Renew the certificate with its issuer and deploy the new version to every place that uses it.",
    command: "az keyvault certificate create --vault-name <vault> --name <certificate> --policy @policy.json",
  },
  notes: "Disabled certificates and pending certificate requests are not applicable. The key that backs a certificate is judged here, not by key-expired.",
  check(estate) {
    return estate.certificates
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const fields = { resource: certificateRef(pair), declaredAt: pair.declared?.at ?? null, expected: `expiry after ${isoDate(estate.asOf)}` };
        if (!deployed.enabled) return notApplicable({ ...fields, messageId: "disabled", message: `${name} is disabled.` });
        if (deployed.pending) return notApplicable({ ...fields, messageId: "pending", message: `${name} is a pending certificate request.` });
        if (deployed.expires === null) return undecided({ ...fields, actual: "unknown", messageId: "expiry-unknown", message: `${name} has no expiry date in the inventory.` });
        const expires = isoDate(deployed.expires);
        return new Date(deployed.expires).getTime() <= estate.asOf.getTime()
          ? fail({ ...fields, actual: expires, messageId: "expired", message: `${name} expired on ${expires} and is still enabled.` })
          : pass({ ...fields, actual: expires, messageId: "valid", message: `${name} is valid until ${expires}.` });
      });
  },
};
