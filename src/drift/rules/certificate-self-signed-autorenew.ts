import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { certificateRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const certificateSelfSignedAutorenew: Rule = {
  id: "certificate-self-signed-autorenew",
  title: "CA-issued certificates are not set to renew as self-signed",
  severity: "high",
  requirements: ["4.2.1"],
  rationale:
    "Key Vault renews a certificate according to its policy. When a CA-issued certificate's policy names the issuer `Self`, as happens when a certificate is imported and its policy left at the default, the next renewal silently replaces it with a self-signed one, and the connection's trust breaks on that day.",
  remediation: {
    text: "Set the certificate policy's issuer to the CA provider (or `Unknown` for a CA outside Key Vault's integration) before the next renewal.",
    command: "az keyvault certificate set-attributes --vault-name <vault> --name <certificate> --policy @ca-policy.json",
  },
  notes: "Self-signed certificates are not applicable. A policy naming `Self` with an AutoRenew action fails as `autorenew`; without one, a manual renewal would still produce a self-signed certificate, so it fails as `manual-renewal`. A certificate whose policy was not collected gives an error.",
  check(estate) {
    return estate.certificates
      .filter((pair) => pair.deployed !== null)
      .map((pair) => {
        const deployed = pair.deployed!;
        const name = `Certificate \`${deployed.name}\` in \`${pair.store.name}\``;
        const fields = { resource: certificateRef(pair), declaredAt: pair.declared?.at ?? null, expected: "a renewal policy naming the CA" };
        if (deployed.selfSigned) return notApplicable({ ...fields, messageId: "self-signed", message: `${name} is self-signed.` });
        if (deployed.policy === null) {
          return undecided({ ...fields, actual: "unknown", messageId: "policy-unknown", message: `${name}'s certificate policy was not collected: ${notCollectedBecause(estate.inventory, pair.store.deployed?.id ?? deployed.id)}.` });
        }
        const issuer = deployed.policy.issuerName;
        const actual = `policy issuer \`${issuer ?? "none"}\``;
        if (issuer?.toLowerCase() !== "self") return pass({ ...fields, actual, messageId: "ca-policy", message: `${name} is CA-issued and its policy names issuer \`${issuer ?? "none"}\`.` });
        const autoRenew = deployed.policy.lifetimeActions.some((action) => action.action.toLowerCase() === "autorenew");
        return autoRenew
          ? fail({ ...fields, actual: `${actual} with AutoRenew`, messageId: "autorenew", message: `${name} is CA-issued, but its policy names issuer \`Self\` with AutoRenew, so its next renewal will replace it with a self-signed certificate.` })
          : fail({ ...fields, actual, messageId: "manual-renewal", message: `${name} is CA-issued, but its policy names issuer \`Self\`, so a renewal would replace it with a self-signed certificate.` });
      });
  },
};
