import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { describeKey, keyRef } from "../resources.js";

export const keyDisabled: Rule = {
  id: "key-disabled",
  title: "Keys declared active are enabled, and keys declared retired are disabled",
  severity: "high",
  requirements: ["3.6.1.1", "3.7.5"],
  rationale:
    "The document states which keys are in use. An active key that is disabled breaks what it protects or shows that the description is out of date; a retired key that is still enabled can encrypt again, which retired keys must never do.",
  remediation: {
    text: "Enable the key if it is still in use, or declare it `state: retired`; disable a retired key.",
    command: "az keyvault key set-attributes --vault-name <vault> --name <key> --enabled false",
  },
  notes: "Only keys both declared and deployed are judged; key-missing and key-undeclared own the rest.",
  check(estate) {
    return estate.keys
      .filter((pair) => pair.declared !== null && pair.deployed !== null)
      .map((pair) => {
        const declared = pair.declared!;
        const enabled = pair.deployed!.enabled;
        const active = declared.state !== "retired";
        const fields = { resource: keyRef(pair), declaredAt: declared.at, expected: active ? "enabled" : "disabled", actual: enabled ? "enabled" : "disabled" };
        if (active && !enabled) return fail({ ...fields, messageId: "active-disabled", message: `${describeKey(pair)} is disabled but declared active.` });
        if (!active && enabled) return fail({ ...fields, messageId: "retired-enabled", message: `${describeKey(pair)} is enabled but declared retired; a retired key must not be usable.` });
        return pass({ ...fields, messageId: "as-declared", message: `${describeKey(pair)} is ${fields.actual}, as declared ${declared.state}.` });
      });
  },
};
