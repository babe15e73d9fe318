// Options shared by the build, drift and validate commands.
import { UsageError } from "../errors.js";
import { FAIL_ON_VALUES, type FailOn } from "../drift/verdict.js";

export interface CommonOptions {
  config: string;
  inventory?: string;
  live: boolean;
  out: string;
  failOn: FailOn;
  asOf?: string;
  subscriptions: string[];
  armEndpoint?: string;
}

export function parseFailOn(value: string | undefined): FailOn {
  if (value === undefined) return "high";
  if (!(FAIL_ON_VALUES as readonly string[]).includes(value)) {
    throw new UsageError(`--fail-on \`${value}\` is not one of ${FAIL_ON_VALUES.map((item) => `\`${item}\``).join(", ")}.`, { hint: "For example: --fail-on medium" });
  }
  return value as FailOn;
}

/**
 * Parses --as-of: `now` (the start of the current UTC day, so every build on one day gives the same
 * output and `--check` stays meaningful), an ISO date (midnight UTC) or an ISO date and time; undefined
 * means the snapshot's collection time.
 */
export function parseAsOf(value: string | undefined, collectedAt: string, now: () => Date = () => new Date()): Date {
  if (value === undefined) return new Date(collectedAt);
  if (value === "now") return new Date(`${now().toISOString().slice(0, 10)}T00:00:00Z`);
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : /^\d{4}-\d{2}-\d{2}T/.test(value) ? new Date(value) : new Date(Number.NaN);
  // Date rolls 2027-02-30 over to 2027-03-02, so the calendar date must survive the round trip.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value.slice(0, 10)) {
    throw new UsageError(`--as-of \`${value}\` is not \`now\`, a valid ISO date or an ISO date and time.`, { hint: "For example: --as-of 2027-01-31 or --as-of now" });
  }
  return date;
}
