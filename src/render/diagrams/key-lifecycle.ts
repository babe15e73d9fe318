// The key lifecycle: a gantt chart per store of each deployed key's versions,
// its planned rotation and its expiry, against the cryptoperiod declared for
// it. The cryptoperiod bar is marked critical when the current version has
// outlived it as of the build's date.
import type { DeployedKey, LifetimeAction } from "../../inventory/model.js";
import type { Estate, KeyPair, StorePair } from "../../drift/estate.js";
import { currentVersionCreated, isoDate } from "../../drift/evidence.js";
import { addDuration, parseDuration } from "../../model/duration.js";
import { Gantt } from "./gantt.js";
import { storeTypeText } from "./key-hierarchy.js";
import { type Diagram, type RenderedDiagram, splitDiagram } from "./split.js";

/** Versions shown per key: the current one and the one it replaced. */
const VERSIONS_SHOWN = 2;

interface LifecycleUnit {
  pair: KeyPair;
  deployed: DeployedKey;
  store: StorePair;
}

interface Version {
  id: string;
  created: Date;
  expires: Date | null;
}

function versionsOf(key: DeployedKey): Version[] {
  const listed = (key.versions ?? [])
    .filter((version) => version.created !== null)
    .map((version) => ({ id: version.version, created: new Date(version.created!), expires: version.expires === null ? null : new Date(version.expires) }));
  if (listed.length === 0 && key.created !== null) {
    listed.push({ id: key.currentVersion ?? "", created: new Date(key.created), expires: key.expires === null ? null : new Date(key.expires) });
  }
  return listed.sort((left, right) => left.created.getTime() - right.created.getTime() || left.id.localeCompare(right.id));
}

/** The date the rotation policy rotates the current version, or null when it has no rotate action that can be dated. */
function plannedRotation(key: DeployedKey, created: Date): Date | null {
  const rotate: LifetimeAction | undefined = key.rotationPolicy?.lifetimeActions.find((action) => action.action === "rotate");
  const after = rotate?.timeAfterCreate === null || rotate?.timeAfterCreate === undefined ? null : parseDuration(rotate.timeAfterCreate);
  if (after !== null) return addDuration(created, after);
  const before = rotate?.timeBeforeExpiry === null || rotate?.timeBeforeExpiry === undefined ? null : parseDuration(rotate.timeBeforeExpiry);
  return before !== null && key.expires !== null ? addDuration(new Date(key.expires), before, -1) : null;
}

function addKey(chart: Gantt, estate: Estate, unit: LifecycleUnit): void {
  const name = unit.pair.declared?.name ?? unit.deployed.name;
  const versions = versionsOf(unit.deployed);
  const current = versions.find((version) => version.id === unit.deployed.currentVersion) ?? versions.at(-1);
  const created = currentVersionCreated(unit.deployed);
  const cryptoperiod = unit.pair.declared === null ? null : parseDuration(unit.pair.declared.cryptoperiod);

  if (created !== null && cryptoperiod !== null) {
    const end = addDuration(new Date(created), cryptoperiod);
    const exceeded = end.getTime() <= estate.asOf.getTime();
    chart.task(`${name} cryptoperiod ${unit.pair.declared!.cryptoperiod}${exceeded ? " exceeded" : ""}`, new Date(created), end, exceeded ? ["crit"] : []);
  }
  versions.slice(-VERSIONS_SHOWN).forEach((version, index, shown) => {
    const isCurrent = version === current;
    const next = versions[versions.indexOf(version) + 1];
    const end = next?.created ?? version.expires ?? estate.asOf;
    const suffix = isCurrent && version.expires === null ? ", no expiry" : "";
    const label = `${name} version ${version.id.slice(0, 8) || index + 1}${isCurrent ? ` (current${suffix})` : ""}`;
    chart.task(label, version.created, end, isCurrent ? ["active"] : ["done"]);
  });
  const rotation = created === null ? null : plannedRotation(unit.deployed, new Date(created));
  if (rotation !== null) chart.milestone(`${name} rotates`, rotation);
  if (unit.deployed.expires !== null) {
    const expires = new Date(unit.deployed.expires);
    chart.milestone(`${name} expires`, expires, expires.getTime() <= estate.asOf.getTime() ? ["crit"] : []);
  }
}

function renderLifecycle(estate: Estate, units: LifecycleUnit[]): RenderedDiagram {
  const chart = new Gantt(`Key lifecycle as of ${isoDate(estate.asOf)}`);
  chart.section("Build");
  chart.milestone("verdicts judged as of", estate.asOf);
  let store: StorePair | undefined;
  for (const unit of units) {
    if (unit.store !== store) {
      store = unit.store;
      chart.section(`${store.name} (${storeTypeText(store)}, ${store.environment ?? "environment unknown"})`);
    }
    addKey(chart, estate, unit);
  }
  if (units.length === 0) chart.milestone("no deployed keys with a creation date", estate.asOf);
  return { source: chart.toString(), nodes: chart.rowCount, edges: 0 };
}

export function keyLifecycleDiagram(estate: Estate): Diagram {
  // Keys that back certificates are renewed with their certificate and shown there.
  const units = estate.keys.flatMap((pair): LifecycleUnit[] =>
    pair.deployed === null || pair.store === null || pair.deployed.created === null || (pair.declared === null && pair.deployed.managed)
      ? []
      : [{ pair, deployed: pair.deployed, store: pair.store }]);
  const storeOrder = new Map(estate.stores.map((store, index) => [store, index]));
  units.sort((left, right) => storeOrder.get(left.store)! - storeOrder.get(right.store)!);
  return splitDiagram<LifecycleUnit>({
    name: "key-lifecycle",
    title: "Key lifecycle",
    description: "Each deployed key's current and previous version, planned rotation and expiry against its declared cryptoperiod. A critical bar is a cryptoperiod the current version has outlived as of the build's date.",
    units,
    environmentOf: (unit) => unit.pair.declared?.environment || unit.store.environment || "environment unknown",
    groupOf: (unit) => unit.store.name,
    render: (part) => renderLifecycle(estate, part),
    readable: { nodes: 48, edges: 0 },
  });
}
