import type { Outcome, Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { storeRef } from "../resources.js";
import { discoveryErrors } from "../discovery.js";
import { describeFailure } from "../evidence.js";

export const storeUndeclared: Rule = {
  id: "store-undeclared",
  title: "Every deployed key store is declared",
  severity: "high",
  requirements: ["3.6.1.1", "3.6.1.4"],
  rationale:
    "The inventory of secure cryptographic devices exists to detect unauthorised additions. A Key Vault or Managed HSM that is deployed in scope but not declared holds keys nobody documented, outside the fewest storage locations.",
  remediation: {
    text: "Declare the store in architecture.yaml with its type, location and environment, or delete it if nobody owns it.",
    command: "az keyvault delete --name <vault>",
  },
  notes: "This rule owns the store; the keys and certificates in an undeclared store are not reported again by key-undeclared and certificate-undeclared. Soft-deleted stores are not applicable. A failed listing of stores gives one error per failed scope, since stores in it may be missing from the snapshot.",
  check(estate) {
    const outcomes: Outcome[] = [];
    const section = estate.architecture.sections.keyStores ?? null;
    for (const error of discoveryErrors(estate.inventory, "stores")) {
      outcomes.push(undecided({
        messageId: "not-collected",
        resource: { id: error.scope, store: null, name: error.scope, declaredName: null },
        declaredAt: section,
        expected: "every key store declared",
        actual: "unknown",
        message: `Cannot tell whether \`${error.scope}\` holds undeclared key stores: ${describeFailure(error)}.`,
      }));
    }
    for (const store of estate.stores) {
      if (store.deployed === null) continue;
      const fields = { resource: storeRef(store), expected: "declared in architecture.yaml" };
      if (store.declared !== null) {
        outcomes.push(pass({ ...fields, declaredAt: store.declared.at, actual: "declared", messageId: "declared", message: `Key store \`${store.deployed.name}\` is declared.` }));
      } else if (store.deployed.state === "soft-deleted") {
        outcomes.push(notApplicable({ ...fields, declaredAt: section, messageId: "soft-deleted", message: `Key store \`${store.deployed.name}\` is soft-deleted and not declared.` }));
      } else {
        const kind = store.deployed.type === "managed-hsm" ? "Managed HSM" : "Key vault";
        outcomes.push(fail({ ...fields, declaredAt: section, actual: "not declared", messageId: "undeclared", message: `${kind} \`${store.deployed.name}\` in resource group \`${store.deployed.resourceGroup}\` is deployed but not declared.` }));
      }
    }
    return outcomes;
  },
};
