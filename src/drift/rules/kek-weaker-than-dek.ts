import { keyStrength } from "../../model/strength.js";
import type { Estate, KeyPair } from "../estate.js";
import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { describeKey, keyPhrase, keyRef } from "../resources.js";
import { showKeyType, storeKeys } from "../evidence.js";

type Strength = { bits: number; type: string } | { unknown: string } | { missing: true };

/** Returns the strength of a key as deployed, or as declared when it is held wrapped outside a store. */
function strengthOf(estate: Estate, pair: KeyPair): Strength {
  if (pair.deployed === null && pair.store !== null) {
    const keys = storeKeys(estate.inventory, pair.store);
    return "reason" in keys && pair.store.deployed !== null ? { unknown: keys.reason } : { missing: true };
  }
  const kty = pair.deployed?.kty ?? pair.declared!.type;
  const size = pair.deployed === null ? pair.declared!.size : pair.deployed.keySize;
  const curve = pair.deployed === null ? pair.declared!.curve : pair.deployed.curve;
  const strength = keyStrength(kty, size, curve);
  return strength.ok ? { bits: strength.bits, type: showKeyType(kty, size, curve) } : { unknown: strength.reason };
}

export const kekWeakerThanDek: Rule = {
  id: "kek-weaker-than-dek",
  title: "Key-encrypting keys are at least as strong as the keys they wrap",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.2"],
  rationale:
    "A wrapped key is only as safe as the key that wraps it: an attacker breaks the weaker key-encrypting key and unwraps every data-encrypting key under it. PCI DSS requires key-encrypting keys at least as strong as the data-encrypting keys they protect.",
  remediation: {
    text: "Wrap the keys under a stronger key-encrypting key, such as RSA 3072, an EC P-384 key or AES-256, and retire the weak one.",
    command: "az keyvault key create --vault-name <vault> --name <key> --kty RSA-HSM --size 3072",
  },
  notes: "Judges every declared `wrappedBy` relation, one result per wrapped key. A key-encrypting key that is not deployed belongs to key-missing; the etcd keys that an AKS KMS key wraps are not declared, so they are not compared.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared?.wrappedBy !== undefined)
      .map((pair) => {
        const declared = pair.declared!;
        const wrapper = estate.keys.find((candidate) => candidate.declared?.name === declared.wrappedBy);
        const resource = keyRef(pair);
        const fields = { resource, declaredAt: declared.at };
        if (wrapper === undefined) return notApplicable({ ...fields, messageId: "no-kek", message: `Key \`${declared.name}\` names no declared key-encrypting key.` });
        const kek = strengthOf(estate, wrapper);
        const dek = strengthOf(estate, pair);
        const pairText = `${describeKey(pair)}, wrapped by ${keyPhrase(wrapper)},`;
        if ("missing" in kek) return notApplicable({ ...fields, messageId: "kek-missing", message: `${pairText} cannot be compared because the key-encrypting key is not deployed, which key-missing reports.` });
        if ("missing" in dek) return notApplicable({ ...fields, messageId: "dek-missing", message: `${describeKey(pair)} is not deployed, which key-missing reports.` });
        if ("unknown" in kek || "unknown" in dek) {
          const reason = "unknown" in kek ? `the key-encrypting key's strength is unknown: ${kek.unknown}` : `its own strength is unknown: ${(dek as { unknown: string }).unknown}`;
          return undecided({ ...fields, messageId: "strength-unknown", expected: "a key-encrypting key at least as strong", actual: "unknown", message: `${pairText} cannot be compared: ${reason}.` });
        }
        const comparison = { expected: `a key-encrypting key of at least ${dek.bits} bits`, actual: `${kek.bits} bits (${kek.type}) wraps ${dek.bits} bits (${dek.type})` };
        return kek.bits < dek.bits
          ? fail({ ...fields, ...comparison, messageId: "weaker", message: `${pairText} is ${dek.bits} bits strong, but its key-encrypting key ${kek.type} is only ${kek.bits} bits.` })
          : pass({ ...fields, ...comparison, messageId: "at-least-as-strong", message: `${pairText} is ${dek.bits} bits strong, and its key-encrypting key ${kek.type} is ${kek.bits} bits.` });
      });
  },
};
