import type { Rule } from "../rule.js";
import { fail, notApplicable, pass } from "../rule.js";
import { storeRef } from "../resources.js";

export const storePermissionModelMismatch: Rule = {
  id: "store-permission-model-mismatch",
  title: "Key stores use the declared permission model",
  severity: "high",
  requirements: ["3.6.1", "3.6.1.1"],
  rationale:
    "Who can reach keys is decided by the store's permission model: Azure RBAC role assignments or vault access policies. When the deployed model differs from the declared one, the documented access controls are not the ones in force.",
  remediation: {
    text: "Switch the vault to the declared permission model after moving its grants across, or correct architecture.yaml.",
    command: "az keyvault update --name <vault> --enable-rbac-authorization true",
  },
  notes: "Stores that declare no `permissionModel` are not applicable. Grants left behind under the model not in force belong to store-inert-access-grant.",
  check(estate) {
    return estate.stores
      .filter((store) => store.declared !== null && store.deployed !== null)
      .map((store) => {
        const declared = store.declared!.permissionModel;
        const deployed = store.deployed!.permissionModel;
        const fields = { resource: storeRef(store), declaredAt: store.declared!.at, expected: declared === undefined ? "" : `\`${declared}\``, actual: `\`${deployed}\`` };
        if (declared === undefined) return notApplicable({ ...fields, messageId: "not-declared", message: `Key store \`${store.name}\` declares no permission model.` });
        return declared === deployed
          ? pass({ ...fields, messageId: "matches", message: `Key store \`${store.name}\` uses permission model \`${deployed}\`, as declared.` })
          : fail({ ...fields, messageId: "mismatch", message: `Key store \`${store.name}\` uses permission model \`${deployed}\`, expected \`${declared}\`.` });
      });
  },
};
