// Certificates with their declared and deployed issuer, key and validity: the
// inventory of trusted keys and certificates that protect PAN in transit.
import type { Estate } from "../../drift/estate.js";
import { isoDate, notCollectedBecause } from "../../drift/evidence.js";
import { keyStrength } from "../../model/strength.js";

export interface CertificateView {
  name: string;
  store: string;
  state: string;
  subject: string;
  issuerDeclared: string;
  issuerDeployed: string;
  selfSigned: string;
  key: string;
  strength: string;
  notBefore: string;
  expires: string;
  usedBy: string;
  protocol: string;
  renewal: string;
}

export function certificateViews(estate: Estate): CertificateView[] {
  return estate.certificates.map((pair) => {
    const declared = pair.declared;
    const deployed = pair.deployed;
    let state = "deployed";
    if (deployed === null) {
      state = pair.store.deployed?.certificates === null && pair.store.deployed !== null
        ? `not collected (${notCollectedBecause(estate.inventory, pair.store.deployed.id).replace(/`/g, "")})`
        : "missing";
    } else if (declared === null) state = "undeclared";
    else if (deployed.pending) state = "pending issuance";

    let strength = "";
    if (deployed?.keyType) {
      const result = keyStrength(deployed.keyType, deployed.keySize, deployed.curve);
      strength = result.ok ? result.display : `unknown: ${result.reason}`;
    }
    const renewal = deployed?.policy?.lifetimeActions
      .map((action) => `${action.action}${action.lifetimePercentage === null ? "" : ` at ${action.lifetimePercentage}% of lifetime`}${action.daysBeforeExpiry === null ? "" : ` ${action.daysBeforeExpiry} days before expiry`}`)
      .join("; ");
    return {
      name: declared?.name ?? deployed?.name ?? "",
      store: pair.store.name,
      state,
      subject: deployed?.subject ?? declared?.subject ?? "",
      issuerDeclared: declared?.issuer ?? "",
      issuerDeployed: deployed?.issuer ?? "",
      selfSigned: deployed === null ? "" : deployed.selfSigned ? "yes" : "no",
      key: deployed?.keyType ? `${deployed.keyType} ${deployed.curve ?? deployed.keySize ?? ""}`.trim() : "",
      strength,
      notBefore: deployed?.notBefore ? isoDate(deployed.notBefore) : "",
      expires: deployed?.expires ? isoDate(deployed.expires) : "",
      usedBy: declared?.usedBy.join(", ") ?? "",
      protocol: declared?.protocol ?? "",
      renewal: renewal ?? "",
    };
  });
}
