// The shape every rule has: metadata plus one pure check. A check does no I/O
// and no logging. It returns one outcome per resource it applies to, and an
// `error` outcome wherever missing inventory leaves it unable to decide.
import type { Severity, SourceLocation } from "../declared/model.js";
import type { ResourceRef } from "./model.js";
import type { Estate } from "./estate.js";
import type { Result } from "./model.js";

export type OutcomeStatus = "pass" | "fail" | "error" | "not-applicable";

export interface Outcome {
  status: OutcomeStatus;
  messageId: string;
  resource: ResourceRef;
  message: string;
  expected: string;
  actual: string;
  declaredAt: SourceLocation | null;
}

export interface Rule {
  /** Permanent kebab-case id, equal to the rule's file name. */
  id: string;
  /** The compliant condition, such as "Declared keys are deployed". */
  title: string;
  severity: Severity;
  /** PCI DSS 4.0.1 requirement ids the rule gives evidence for. */
  requirements: string[];
  rationale: string;
  remediation: { text: string; command?: string };
  /** Notes on the overlapping cases this rule owns and those it leaves to other rules. */
  notes?: string;
  /** True for a rule judged on the other rules' results; the engine evaluates such rules last and passes them the results. */
  readsResults?: boolean;
  check(estate: Estate, results: readonly Result[]): Outcome[];
}

/** Describes one outcome; `status` and the texts are filled by the helpers below. */
interface OutcomeFields {
  messageId: string;
  resource: ResourceRef;
  message: string;
  expected?: string;
  actual?: string;
  declaredAt?: SourceLocation | null;
}

function make(status: OutcomeStatus, fields: OutcomeFields): Outcome {
  return {
    status,
    messageId: fields.messageId,
    resource: fields.resource,
    message: fields.message,
    expected: fields.expected ?? "",
    actual: fields.actual ?? "",
    declaredAt: fields.declaredAt ?? null,
  };
}

export const pass = (fields: OutcomeFields): Outcome => make("pass", fields);
export const fail = (fields: OutcomeFields): Outcome => make("fail", fields);
export const undecided = (fields: OutcomeFields): Outcome => make("error", fields);
export const notApplicable = (fields: OutcomeFields): Outcome => make("not-applicable", fields);
