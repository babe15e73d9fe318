import { addDuration, requireDuration } from "../../model/duration.js";
import type { Rule } from "../rule.js";
import { fail, pass } from "../rule.js";
import { isoDate } from "../evidence.js";

export const snapshotStale: Rule = {
  id: "snapshot-stale",
  title: "The inventory snapshot is recent enough to judge the estate",
  severity: "high",
  requirements: ["3.6.1.1"],
  rationale:
    "Every verdict is only as current as the inventory it was judged on. A build from an old snapshot can report keys and stores as compliant that have since changed, been added or been lost.",
  remediation: {
    text: "Collect a fresh snapshot and commit it, or build from Azure with --live.",
    command: "cryptodoc collect --output inventory/snapshot.json",
  },
  notes: "The maximum age is `policy.maxSnapshotAge` (default P7D), measured from the snapshot's collection time to the as-of date. With the default as-of date, the collection time itself, it cannot fire, so CI that builds from a committed snapshot passes `--as-of now`.",
  check(estate) {
    const collectedAt = new Date(estate.inventory.collection.collectedAt);
    const limit = addDuration(collectedAt, requireDuration(estate.policy.maxSnapshotAge));
    const resource = { id: `snapshot:${estate.inventory.collection.collectedAt}`, store: null, name: "inventory snapshot", declaredName: null };
    const fields = { resource, declaredAt: estate.architecture.sections.inventory ?? null, expected: `collected within ${estate.policy.maxSnapshotAge} of ${isoDate(estate.asOf)}`, actual: `collected ${estate.inventory.collection.collectedAt}` };
    return [limit.getTime() < estate.asOf.getTime()
      ? fail({ ...fields, messageId: "stale", message: `The inventory snapshot was collected at ${estate.inventory.collection.collectedAt}, more than ${estate.policy.maxSnapshotAge} before ${estate.asOf.toISOString()}.` })
      : pass({ ...fields, messageId: "recent", message: `The inventory snapshot was collected at ${estate.inventory.collection.collectedAt}, within ${estate.policy.maxSnapshotAge} of ${estate.asOf.toISOString()}.` })];
  },
};
