import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { certificateRef } from "../resources.js";
import { quoted } from "../text.js";
import { SELF_ISSUER } from "./certificate-self-signed-undeclared.js";

/** Returns the common name of an X.500 distinguished name, or null when it has none. */
export function commonName(distinguishedName: string): string | null {
  // NOTE: an escaped comma (`\,`) inside a relative distinguished name ends the name early here.
  return /(?:^|,)\s*CN=([^,]+)/i.exec(distinguishedName)?.[1]?.trim() ?? null;
}

export const certificateIssuerMismatch: Rule = {
  id: "certificate-issuer-mismatch",
  title: "Certificates are issued by the declared CA",
  severity: "high",
  requirements: ["4.2.1", "4.2.1.1"],
  rationale:
    "The inventory of trusted certificates names the issuing CA of each, so that clients trust exactly that CA. A certificate from another CA breaks clients that pin it, or shows an issuance outside the agreed process.",
  remediation: {
    text: "Reissue the certificate from the declared CA, or correct the declared issuer after confirming the change was approved.",
    command: "az keyvault certificate show --vault-name <vault> --name <certificate> --query policy.issuerParameters",
  },
  notes: "The declared issuer is compared, ignoring case, with the common name of the deployed certificate's issuer, or with the whole issuer name. A self-signed certificate where a CA is declared belongs to certificate-self-signed-undeclared. Undeclared certificates belong to certificate-undeclared.",
  check(estate) {
    return estate.certificates
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const declaredSelf = declared.issuer.toLowerCase() === SELF_ISSUER;
        const fields = { resource: certificateRef(pair), declaredAt: declared.at, expected: declaredSelf ? "self-signed" : quoted(declared.issuer), actual: quoted(deployed.issuer) };
        if (deployed.selfSigned && !declaredSelf) return notApplicable({ ...fields, messageId: "self-signed", message: `${name} is self-signed, which certificate-self-signed-undeclared reports.` });
        if (declaredSelf) {
          return deployed.selfSigned
            ? pass({ ...fields, messageId: "self-signed-as-declared", message: `${name} is self-signed, as declared.` })
            : fail({ ...fields, messageId: "ca-issued-not-self", message: `${name} is issued by ${quoted(deployed.issuer)}, but is declared self-signed.` });
        }
        const issuer = declared.issuer.toLowerCase();
        const matches = commonName(deployed.issuer)?.toLowerCase() === issuer || deployed.issuer.toLowerCase() === issuer;
        return matches
          ? pass({ ...fields, messageId: "matches", message: `${name} is issued by ${quoted(declared.issuer)}, as declared.` })
          : fail({ ...fields, messageId: "mismatch", message: `${name} is issued by ${quoted(deployed.issuer)}, expected ${quoted(declared.issuer)}.` });
      });
  },
};
