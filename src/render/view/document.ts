// The view model every template receives: plain values, already formatted,
// not yet escaped. Templates escape them with the helpers they are given.
import type { Estate } from "../../drift/estate.js";
import type { Result } from "../../drift/model.js";
import type { FailOn, Summary } from "../../drift/verdict.js";
import { addDuration, requireDuration } from "../../model/duration.js";
import { RULES } from "../../drift/rules/index.js";
import { TOOL_NAME, TOOL_VERSION } from "../../version.js";
import type { Diagram } from "../diagrams/index.js";
import { certificateViews } from "./certificates.js";
import { clusterViews } from "./clusters.js";
import { coverageRows, quantumRows } from "./coverage.js";
import { custodianViews } from "./custodians.js";
import { driftSummaryView } from "./drift-summary.js";
import { keyViews } from "./keys.js";
import { algorithmViews, protocolViews } from "./protocols.js";
import { environmentViews, separationChecks } from "./separation.js";
import { storeViews } from "./stores.js";

export interface EvidenceInput {
  snapshotFile: string;
  sha256: string;
  source: "snapshot" | "live";
  failOn: FailOn;
}

/** Groups rows by store name in one pass, so the per-store inventory stays linear in the number of keys. */
function groupByStore<T extends { store: string }>(rows: T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const group = grouped.get(row.store);
    if (group === undefined) grouped.set(row.store, [row]);
    else group.push(row);
  }
  return grouped;
}

export function buildDocumentView(estate: Estate, results: readonly Result[], summary: Summary, diagrams: Diagram[], evidence: EvidenceInput) {
  const { architecture: a, inventory } = estate;
  const keys = keyViews(estate);
  const stores = storeViews(estate);
  const certificates = certificateViews(estate);
  const keysByStore = groupByStore(keys);
  const certificatesByStore = groupByStore(certificates);
  const nextReview = addDuration(new Date(`${a.document.lastReview}T00:00:00Z`), requireDuration(a.document.reviewInterval)).toISOString().slice(0, 10);

  return {
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    document: {
      title: a.document.title,
      owner: a.document.owner,
      organisation: a.document.organisation ?? "",
      version: a.document.version ?? "",
      standard: a.document.standard,
      serviceProvider: a.document.serviceProvider ? "yes" : "no",
      scope: a.document.scope ?? "",
      lastReview: a.document.lastReview,
      reviewInterval: a.document.reviewInterval,
      nextReview,
      procedures: Object.entries(a.document.procedures).map(([topic, reference]) => ({ topic, reference })),
    },
    evidence: {
      source: evidence.source,
      snapshotFile: evidence.snapshotFile,
      sha256: evidence.sha256,
      collectedAt: inventory.collection.collectedAt,
      collectedWith: `${inventory.collection.tool.name} ${inventory.collection.tool.version}`,
      identity: inventory.collection.identity.name ?? inventory.collection.identity.objectId ?? "unknown",
      identityType: inventory.collection.identity.type ?? "unknown",
      tenantId: inventory.collection.tenantId,
      cloud: inventory.collection.cloud,
      subscriptionsRequested: inventory.collection.scopeRequested.subscriptions.join(", "),
      subscriptionsVisible: inventory.collection.scopeVisible.subscriptions.join(", "),
      asOf: estate.asOf.toISOString(),
      collectionErrors: String(inventory.collectionErrors.length),
    },
    algorithms: algorithmViews(a),
    protocols: protocolViews(a),
    /** Keys without those that back a certificate, which the certificates section shows. */
    keys: keys.filter((key) => !key.certificateKey),
    stores,
    environments: environmentViews(estate),
    separation: separationChecks(estate),
    ...custodianViews(estate),
    certificates,
    clusters: clusterViews(estate),
    diagrams,
    drift: driftSummaryView(results, summary, evidence.failOn, inventory),
    keyInventory: stores.map((store) => ({
      store,
      keys: keysByStore.get(store.name) ?? [],
      certificates: certificatesByStore.get(store.name) ?? [],
    })),
    wrappedKeys: keys.filter((key) => key.state === "wrapped"),
    coverage: coverageRows(estate, RULES, results),
    postQuantum: quantumRows(estate),
  };
}

export type DocumentView = ReturnType<typeof buildDocumentView>;
