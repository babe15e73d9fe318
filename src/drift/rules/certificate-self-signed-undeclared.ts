import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { certificateRef } from "../resources.js";
import { quoted } from "../text.js";

/** The declared issuer value that marks a certificate as self-signed. */
export const SELF_ISSUER = "self";

export const certificateSelfSignedUndeclared: Rule = {
  id: "certificate-self-signed-undeclared",
  title: "Certificates are self-signed only where declared so",
  severity: "high",
  requirements: ["4.2.1", "4.2.1.1"],
  rationale:
    "A self-signed certificate is trusted only by clients configured to trust that very certificate. Where a CA-issued certificate is declared, a self-signed one means either a broken trust chain or clients that accept any certificate, which PCI DSS forbids for PAN in transit.",
  remediation: {
    text: "Replace the certificate with one issued by the declared CA, or declare `issuer: Self` if a self-signed certificate is intended there.",
    command: "az keyvault certificate create --vault-name <vault> --name <certificate> --policy @ca-policy.json",
  },
  notes: "Self-signed is judged from the X.509 certificate (issuer equals subject and the signature verifies with its own key), not from the certificate policy, whose issuer name says only how the next version will be made. A declared `Self` issuer with a CA-issued certificate passes here and is reported by certificate-issuer-mismatch. Undeclared certificates belong to certificate-undeclared.",
  check(estate) {
    return estate.certificates
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const declaredSelf = declared.issuer.toLowerCase() === SELF_ISSUER;
        const fields = { resource: certificateRef(pair), declaredAt: declared.at, expected: declaredSelf ? "self-signed, as declared" : `issued by ${quoted(declared.issuer)}`, actual: deployed.selfSigned ? "self-signed" : "CA-issued" };
        if (!deployed.selfSigned) return notApplicable({ ...fields, messageId: "ca-issued", message: `${name} is issued by a CA.` });
        return declaredSelf
          ? pass({ ...fields, messageId: "declared-self-signed", message: `${name} is self-signed, as declared.` })
          : fail({ ...fields, messageId: "self-signed", message: `${name} is self-signed, but its issuer is declared as ${quoted(declared.issuer)}.` });
      });
  },
};
