import type { Rule } from "../rule.js";
import { fail, pass, notApplicable, undecided } from "../rule.js";
import { certificateRef } from "../resources.js";
import { notCollectedBecause } from "../evidence.js";

export const certificateMissing: Rule = {
  id: "certificate-missing",
  title: "Every declared certificate is deployed",
  severity: "high",
  requirements: ["3.6.1.1", "4.2.1.1"],
  rationale:
    "The inventory of trusted keys and certificates that protect PAN in transit must match what is deployed. A declared certificate that is not found has been deleted, renamed or moved, so the inventory no longer describes what protects the connection.",
  remediation: {
    text: "Recover or re-import the certificate, or correct architecture.yaml if it was replaced on purpose.",
    command: "az keyvault certificate recover --vault-name <vault> --name <certificate>",
  },
  notes: "Certificates of a store that is not deployed belong to store-missing. A store whose certificates were not collected, because the data plane was unreachable, gives an error.",
  check(estate) {
    return estate.certificates
      .filter((pair) => pair.declared !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const store = pair.store;
        const fields = { resource: certificateRef(pair), declaredAt: declared.at, expected: "deployed" };
        if (pair.deployed !== null) return pass({ ...fields, actual: "deployed", messageId: "deployed", message: `Certificate \`${declared.azureName}\` is deployed in \`${store.name}\`.` });
        if (store.deployed === null || store.deployed.state === "soft-deleted") {
          return notApplicable({ ...fields, messageId: "store-missing", message: `Certificate \`${declared.azureName}\` is declared in \`${store.name}\`, a store that store-missing reports as not deployed.` });
        }
        if (store.deployed.certificates === null) {
          return undecided({ ...fields, actual: "unknown", messageId: "not-collected", message: `Cannot tell whether certificate \`${declared.azureName}\` is deployed in \`${store.name}\`: its certificates were not collected: ${notCollectedBecause(estate.inventory, store.deployed.id)}.` });
        }
        return fail({ ...fields, actual: "not found", messageId: "missing", message: `Certificate \`${declared.azureName}\` is declared but not found in \`${store.name}\`.` });
      });
  },
};
