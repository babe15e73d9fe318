import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { storeRef } from "../resources.js";

const TYPE_NAMES: Record<string, string> = { "key-vault": "Key Vault", "managed-hsm": "Managed HSM" };

export const storeTypeMismatch: Rule = {
  id: "store-type-mismatch",
  title: "Key stores are of the declared type and SKU",
  severity: "high",
  requirements: ["3.6.1.1", "3.6.1.2"],
  rationale:
    "The inventory of secure cryptographic devices states each device's type, and the protection of the keys depends on it: a Managed HSM pool is FIPS 140-3 Level 3 and single-tenant, a premium vault can hold HSM-protected keys, a standard vault only software-protected ones.",
  remediation: {
    text: "Move the keys to a store of the declared type and SKU, or correct architecture.yaml and the FIPS level it states.",
    command: "az keyvault update --name <vault> --sku premium",
  },
  notes: "A declared `sku` is compared only when the types match. A store that declares no SKU is judged on its type alone. Soft-deleted stores are not applicable.",
  check(estate) {
    return estate.stores
      .filter((store) => store.declared !== null && store.deployed !== null)
      .map((store) => {
        const declared = store.declared!;
        const deployed = store.deployed!;
        // A soft-deleted vault's SKU is not returned by Azure, so it is null in the inventory.
        const sku = deployed.sku ?? "unknown";
        const expected = `${TYPE_NAMES[declared.type]}${declared.sku === undefined ? "" : ` \`${declared.sku}\``}`;
        const actual = `${TYPE_NAMES[deployed.type] ?? deployed.type} \`${sku}\``;
        const fields = { resource: storeRef(store), declaredAt: declared.at, expected, actual };
        if (deployed.state === "soft-deleted") return notApplicable({ ...fields, messageId: "deleted", message: `Key store \`${store.name}\` is soft-deleted.` });
        if (declared.type !== deployed.type) {
          return fail({ ...fields, messageId: "type-mismatch", message: `Key store \`${store.name}\` is a ${actual}, expected a ${expected}.` });
        }
        if (declared.sku !== undefined && declared.sku.toLowerCase() !== sku.toLowerCase()) {
          const weaker = declared.sku === "premium" && sku.toLowerCase() === "standard";
          return fail({ ...fields, messageId: weaker ? "sku-weaker" : "sku-mismatch", message: `Key store \`${store.name}\` is a ${actual}, expected a ${expected}${weaker ? "; a standard vault cannot hold HSM-protected keys" : ""}.` });
        }
        return pass({ ...fields, messageId: "matches", message: `Key store \`${store.name}\` is a ${actual}, as declared.` });
      });
  },
};
