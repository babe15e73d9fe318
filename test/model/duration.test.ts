import { describe, expect, it } from "vitest";
import { addDuration, compareDurations, parseDuration } from "../../src/model/duration.js";

describe("ISO 8601 durations", () => {
  it("parses calendar and time parts", () => {
    expect(parseDuration("P1Y6M")).toEqual({ years: 1, months: 6, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 });
    expect(parseDuration("PT2M")).toEqual({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 2, seconds: 0 });
    expect(parseDuration("P2W")?.weeks).toBe(2);
  });

  it("rejects what is not a duration", () => {
    expect(parseDuration("1 year")).toBeNull();
    expect(parseDuration("P")).toBeNull();
    expect(parseDuration("PT")).toBeNull();
  });

  it("adds months on the calendar, clamping to the month's end", () => {
    expect(addDuration(new Date("2026-01-31T00:00:00Z"), parseDuration("P1M")!).toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(addDuration(new Date("2024-02-29T00:00:00Z"), parseDuration("P1Y")!).toISOString()).toBe("2025-02-28T00:00:00.000Z");
    expect(addDuration(new Date("2026-06-01T00:00:00Z"), parseDuration("P90D")!).toISOString()).toBe("2026-08-30T00:00:00.000Z");
  });

  it("compares durations from a start date", () => {
    const start = new Date("2026-01-01T00:00:00Z");
    expect(compareDurations(parseDuration("P11M")!, parseDuration("P1Y")!, start)).toBeLessThan(0);
    expect(compareDurations(parseDuration("P12M")!, parseDuration("P1Y")!, start)).toBe(0);
  });
});
