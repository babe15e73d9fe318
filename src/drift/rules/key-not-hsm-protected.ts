import { isHsmKeyType } from "../../model/strength.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";
import { isProductionKey } from "../evidence.js";

/** Declared usages whose keys encrypt stored account data or the keys that do. */
const STORED_DATA_USAGES = new Set(["key-encryption", "data-encryption", "aks-kms"]);

export const keyNotHsmProtected: Rule = {
  id: "key-not-hsm-protected",
  title: "Production keys that protect stored account data are protected by an HSM",
  severity: "high",
  requirements: ["3.6.1.2"],
  rationale:
    "Secret and private keys must live inside a secure cryptographic device, be wrapped by an equally strong key-encrypting key, or exist only as split components. In Azure only `-HSM` key types and Managed HSM keys are inside an HSM; a plain `RSA` key in a premium vault is software-protected.",
  remediation: {
    text: "Create an `-HSM` key in a premium vault or a Managed HSM, move the key's users to it, and retire the software key.",
    command: "az keyvault key create --vault-name <vault> --name <key> --kty RSA-HSM --size 3072",
  },
  notes: "Applies to production keys declared for key encryption, data encryption or AKS KMS, and to undeclared keys, whose use is unknown. Test keys, signing, TLS and MAC keys, and keys that back a certificate are not applicable. Keys held wrapped outside a store are protected by their key-encrypting key, which this rule judges instead. An environment that cannot be determined counts as production.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.deployed !== null || (pair.declared !== null && pair.store === null))
      .map((pair) => {
        const resource = keyRef(pair);
        const declaredAt = pair.declared?.at ?? null;
        if (pair.deployed === null) {
          return notApplicable({ messageId: "wrapped", resource, declaredAt, message: `Key \`${pair.declared!.name}\` is held wrapped by \`${pair.declared!.wrappedBy}\`, whose own protection this rule judges.` });
        }
        if (pair.deployed.managed) {
          return notApplicable({ messageId: "certificate-key", resource, declaredAt, message: `${describeKey(pair)} backs a certificate; certificate keys protect data in transit.` });
        }
        if (pair.declared !== null && !STORED_DATA_USAGES.has(pair.declared.usage)) {
          return notApplicable({ messageId: "not-stored-data", resource, declaredAt, message: `${describeKey(pair)} is declared for \`${pair.declared.usage}\`, not for protecting stored account data.` });
        }
        if (!isProductionKey(pair, estate.architecture.environments)) {
          return notApplicable({ messageId: "not-production", resource, declaredAt, message: `${describeKey(pair)} is not a production key.` });
        }
        const fields = { resource, declaredAt, expected: "an `-HSM` key type", actual: `\`${pair.deployed.kty}\`` };
        return isHsmKeyType(pair.deployed.kty)
          ? pass({ ...fields, messageId: "hsm", message: `${describeKey(pair)} is \`${pair.deployed.kty}\`, protected by an HSM.` })
          : fail({ ...fields, messageId: "software", message: `${describeKey(pair)} is \`${pair.deployed.kty}\`, a software-protected key in production; expected an \`-HSM\` key type.` });
      });
  },
};
