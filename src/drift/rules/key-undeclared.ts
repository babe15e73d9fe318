import type { Rule } from "../rule.js";
import { fail, notApplicable, pass, undecided } from "../rule.js";
import { keyRef, storeRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const keyUndeclared: Rule = {
  id: "key-undeclared",
  title: "Every deployed key is declared",
  severity: "high",
  requirements: ["3.6.1.1"],
  rationale:
    "A key that exists in a key store but not in the architecture description is an unauthorised addition, or an undocumented key in use.",
  remediation: {
    text: "Declare the key in architecture.yaml with its purpose, usage and custodians, or delete it if nobody owns it.",
    command: "az keyvault key delete --vault-name <vault> --name <key>",
  },
  notes: "Keys that back a certificate (`managed: true`) belong to the certificate and are not applicable. Keys in a store that is itself undeclared belong to store-undeclared, which reports the store once. A declared store whose keys were not collected gives one error result.",
  check(estate) {
    const outcomes = [];
    for (const store of estate.stores) {
      if (store.declared !== null && store.deployed !== null && store.deployed.keys === null) {
        outcomes.push(undecided({
          messageId: "not-collected",
          resource: storeRef(store),
          declaredAt: store.declared?.at ?? null,
          expected: "every key declared",
          actual: "unknown",
          message: `Cannot tell whether \`${store.name}\` holds undeclared keys: its keys were not collected: ${notCollectedBecause(estate.inventory, store.deployed.id)}.`,
        }));
      }
    }
    for (const pair of estate.keys) {
      if (pair.deployed === null) continue;
      const resource = keyRef(pair);
      const store = pair.store?.name ?? "";
      if (pair.declared !== null) {
        outcomes.push(pass({ messageId: "declared", resource, declaredAt: pair.declared.at, expected: "declared", actual: "declared", message: `Key \`${pair.deployed.name}\` in \`${store}\` is declared as \`${pair.declared.name}\`.` }));
      } else if (pair.store?.declared === null) {
        outcomes.push(notApplicable({ messageId: "store-undeclared", resource, declaredAt: estate.architecture.sections.keyStores ?? null, message: `Key \`${pair.deployed.name}\` is in \`${store}\`, a store that store-undeclared reports as undeclared.` }));
      } else if (pair.deployed.managed) {
        outcomes.push(notApplicable({ messageId: "certificate-key", resource, message: `Key \`${pair.deployed.name}\` in \`${store}\` backs the certificate of the same name.` }));
      } else {
        outcomes.push(fail({
          messageId: "undeclared",
          resource,
          declaredAt: pair.store?.declared?.at ?? estate.architecture.sections.keyStores ?? null,
          expected: "declared in architecture.yaml",
          actual: "not declared",
          message: `Key \`${pair.deployed.name}\` in \`${store}\` is deployed but not declared.`,
        }));
      }
    }
    return outcomes;
  },
};
