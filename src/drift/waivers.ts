// Waivers accept a known finding for a limited time. A waiver names a rule and
// a resource: an exact Azure id or name, or a case-insensitive glob with `*`
// and `?`. An expired waiver waives nothing.
import type { Waiver } from "../declared/model.js";
import type { ResourceRef } from "./model.js";

function globPattern(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i");
}

/** Lists the names a waiver's `resource` may use for a resource. */
function namesOf(resource: ResourceRef): string[] {
  const names = [resource.id, resource.name];
  if (resource.declaredName !== null) names.push(resource.declaredName);
  if (resource.store !== null) names.push(`${resource.store}/${resource.name}`);
  return names;
}

export function waiverMatches(waiver: Waiver, ruleId: string, resource: ResourceRef): boolean {
  if (waiver.rule !== ruleId) return false;
  const pattern = globPattern(waiver.resource);
  return namesOf(resource).some((name) => pattern.test(name));
}

/** Returns whether the waiver is still valid on `asOf`. A waiver covers its expiry date to the end of that day, UTC. */
export function waiverIsValid(waiver: Waiver, asOf: Date): boolean {
  return new Date(`${waiver.expires}T23:59:59.999Z`).getTime() >= asOf.getTime();
}

/** Returns the waiver that waives a finding of `ruleId` about `resource`: the first valid one that matches. */
export function findWaiver(waivers: readonly Waiver[], asOf: Date, ruleId: string, resource: ResourceRef): Waiver | undefined {
  return waivers.find((waiver) => waiverIsValid(waiver, asOf) && waiverMatches(waiver, ruleId, resource));
}
