import type { Outcome, Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { certificateRef, storeRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const certificateUndeclared: Rule = {
  id: "certificate-undeclared",
  title: "Every deployed certificate is declared",
  severity: "high",
  requirements: ["3.6.1.1", "4.2.1.1"],
  rationale:
    "The inventory of trusted keys and certificates must be complete. A certificate in a key store that architecture.yaml does not declare has no documented issuer, purpose or custodian, and may be an unauthorised addition.",
  remediation: {
    text: "Declare the certificate with its subject, issuer and users, or delete it if nobody owns it.",
    command: "az keyvault certificate delete --vault-name <vault> --name <certificate>",
  },
  notes: "Certificates in an undeclared store belong to store-undeclared. A declared store whose certificates were not collected gives one error. The key and secret that back a certificate belong to it and are not reported by key-undeclared.",
  check(estate) {
    const outcomes: Outcome[] = [];
    for (const store of estate.stores) {
      if (store.declared === null || store.deployed === null || store.deployed.certificates !== null) continue;
      outcomes.push(undecided({ messageId: "not-collected", resource: storeRef(store), declaredAt: store.declared.at, expected: "every certificate declared", actual: "unknown", message: `Cannot tell whether \`${store.name}\` holds undeclared certificates: its certificates were not collected: ${notCollectedBecause(estate.inventory, store.deployed.id)}.` }));
    }
    for (const pair of estate.certificates) {
      if (pair.deployed === null) continue;
      const fields = { resource: certificateRef(pair), expected: "declared in architecture.yaml" };
      const name = `Certificate \`${pair.deployed.name}\` in \`${pair.store.name}\``;
      if (pair.declared !== null) {
        outcomes.push(pass({ ...fields, declaredAt: pair.declared.at, actual: "declared", messageId: "declared", message: `${name} is declared as \`${pair.declared.name}\`.` }));
      } else if (pair.store.declared === null) {
        outcomes.push(notApplicable({ ...fields, declaredAt: estate.architecture.sections.keyStores ?? null, messageId: "store-undeclared", message: `${name} is in a store that store-undeclared reports as undeclared.` }));
      } else {
        outcomes.push(fail({ ...fields, declaredAt: pair.store.declared.at, actual: "not declared", messageId: "undeclared", message: `${name}, subject \`${pair.deployed.subject.replace(/`/g, "'")}\`, is deployed but not declared.` }));
      }
    }
    return outcomes;
  },
};
