// ISO 8601 durations as Azure and architecture.yaml write them (P1Y, P90D,
// P1Y6M, PT12H, P2W). Calendar parts are added on the calendar, so P1M after
// 31 January ends on the last day of February, as Key Vault computes expiry.

export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

const DURATION_PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** Parses an ISO 8601 duration, or returns null when `text` is not one. */
export function parseDuration(text: string): Duration | null {
  const match = DURATION_PATTERN.exec(text);
  if (match === null) return null;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** Parses a duration that schema validation has already accepted; throws on anything else. */
export function requireDuration(text: string): Duration {
  const duration = parseDuration(text);
  if (duration === null) throw new Error(`\`${text}\` is not an ISO 8601 duration; expected one such as \`P1Y\`.`);
  return duration;
}

/** Returns `start` plus `duration`, in UTC, clamping to the end of a shorter month. */
export function addDuration(start: Date, duration: Duration, sign: 1 | -1 = 1): Date {
  const result = new Date(start.getTime());
  const monthsToAdd = sign * (duration.years * 12 + duration.months);
  if (monthsToAdd !== 0) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + monthsToAdd);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const milliseconds =
    ((duration.weeks * 7 + duration.days) * 86_400 + duration.hours * 3_600 + duration.minutes * 60 + duration.seconds) * 1_000;
  return new Date(result.getTime() + sign * milliseconds);
}

/** Compares two durations by the instants they reach from the same start: negative when `a` is shorter. */
export function compareDurations(a: Duration, b: Duration, from: Date): number {
  return addDuration(from, a).getTime() - addDuration(from, b).getTime();
}

/** Returns the number of whole days between two instants, rounded down. */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}
