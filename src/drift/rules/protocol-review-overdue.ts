import { addDuration, compareDurations, requireDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { isoDate } from "../evidence.js";

/** PCI DSS 4.0.1 requirement 12.3.3 requires a review at least every twelve months. */
const MAXIMUM_INTERVAL = "P1Y";

export const protocolReviewOverdue: Rule = {
  id: "protocol-review-overdue",
  title: "Every protocol and its cipher suites were reviewed within the review interval",
  severity: "medium",
  requirements: ["12.3.3"],
  rationale:
    "Cipher suites and protocol versions weaken as attacks improve. Each one in use must be reviewed at least every twelve months against industry trends, with a plan for responding to a new vulnerability.",
  remediation: {
    text: "Review the protocol's versions and cipher suites, then record the date as its `lastReview` in architecture.yaml.",
  },
  notes: "Each protocol's `lastReview` defaults to `document.lastReview`. The interval is `document.reviewInterval`, capped at twelve months.",
  check(estate) {
    const declaredInterval = requireDuration(estate.architecture.document.reviewInterval);
    const capped = compareDurations(declaredInterval, requireDuration(MAXIMUM_INTERVAL), estate.asOf) > 0;
    const interval = capped ? MAXIMUM_INTERVAL : estate.architecture.document.reviewInterval;
    return estate.architecture.protocols.map((protocol) => {
      const due = addDuration(new Date(`${protocol.lastReview}T00:00:00Z`), requireDuration(interval));
      const resource = { id: `declared:protocols/${protocol.name}`, store: null, name: protocol.name, declaredName: protocol.name };
      const fields = { resource, declaredAt: protocol.at, expected: `a review every ${interval}`, actual: `last reviewed ${protocol.lastReview}` };
      return due.getTime() <= estate.asOf.getTime()
        ? fail({ ...fields, messageId: "overdue", message: `Protocol \`${protocol.name}\` was last reviewed on ${protocol.lastReview}; its review every ${interval} was due on ${isoDate(due)}.` })
        : pass({ ...fields, messageId: "current", message: `Protocol \`${protocol.name}\` was last reviewed on ${protocol.lastReview}; the next review is due on ${isoDate(due)}.` });
    });
  },
};
