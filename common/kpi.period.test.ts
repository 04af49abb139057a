import { describe, expect, it } from "vitest";
import {
  elapsedShare,
  goalForRange,
  type PeriodKind,
  parsePeriodKey,
  periodOf,
  previousPeriod,
} from "./kpi.period.js";

describe("periodOf", () => {
  const cases: [PeriodKind, string, string, string, string, string][] = [
    // kind, day, key, from, to, label
    ["week", "2026-03-04", "2026-W10", "2026-03-02", "2026-03-08", "2026年第10周"],
    ["week", "2026-03-08", "2026-W10", "2026-03-02", "2026-03-08", "2026年第10周"], // Sunday ends the week
    ["week", "2027-01-01", "2026-W53", "2026-12-28", "2027-01-03", "2026年第53周"], // ISO year of its Thursday
    ["week", "2025-12-29", "2026-W01", "2025-12-29", "2026-01-04", "2026年第1周"],
    ["dekad", "2026-03-10", "2026-03-D1", "2026-03-01", "2026-03-10", "2026年3月上旬"],
    ["dekad", "2026-03-11", "2026-03-D2", "2026-03-11", "2026-03-20", "2026年3月中旬"],
    ["dekad", "2026-02-25", "2026-02-D3", "2026-02-21", "2026-02-28", "2026年2月下旬"],
    ["dekad", "2028-02-29", "2028-02-D3", "2028-02-21", "2028-02-29", "2028年2月下旬"], // leap year
    ["dekad", "2026-01-31", "2026-01-D3", "2026-01-21", "2026-01-31", "2026年1月下旬"],
    ["month", "2026-02-14", "2026-02", "2026-02-01", "2026-02-28", "2026年2月"],
    ["quarter", "2026-05-20", "2026-Q2", "2026-04-01", "2026-06-30", "2026年第2季度"],
    ["quarter", "2026-12-31", "2026-Q4", "2026-10-01", "2026-12-31", "2026年第4季度"],
    ["year", "2026-07-01", "2026", "2026-01-01", "2026-12-31", "2026年"],
  ];
  it.each(cases)("%s of %s is %s", (kind, day, key, from, to, label) => {
    expect(periodOf(kind, day)).toEqual({ kind, key, from, to, label });
  });
  it.each(cases)("%s key %s parses back", (kind, day, key) => {
    expect(parsePeriodKey(key)).toEqual(periodOf(kind, day));
  });
  it("refuses keys that are not periods", () => {
    for (const k of ["2026-13", "2026-Q5", "2026-03-D4", "2026-W54", "abc", "2026-00"]) {
      expect(parsePeriodKey(k)).toBeNull();
    }
  });
  it("steps back one period", () => {
    expect(previousPeriod(periodOf("month", "2026-01-15")).key).toBe("2025-12");
    expect(previousPeriod(periodOf("dekad", "2026-03-01")).key).toBe("2026-02-D3");
    expect(previousPeriod(periodOf("week", "2026-01-01")).key).toBe("2025-W52");
    expect(previousPeriod(periodOf("quarter", "2026-02-01")).key).toBe("2025-Q4");
  });
});

describe("elapsedShare (calendar days)", () => {
  const cases: [string, string, string, number][] = [
    ["2026-01-01", "2026-12-31", "2025-12-31", 0],
    ["2026-01-01", "2026-12-31", "2026-01-01", 1 / 365],
    ["2026-01-01", "2026-12-31", "2026-07-02", 183 / 365],
    ["2026-01-01", "2026-12-31", "2026-12-31", 1],
    ["2026-01-01", "2026-12-31", "2027-03-01", 1],
    ["2026-03-01", "2026-03-10", "2026-03-05", 0.5],
  ];
  it.each(cases)("[%s, %s] at %s is %d", (from, to, today, share) => {
    expect(elapsedShare(from, to, today)).toBeCloseTo(share, 10);
  });
});

describe("goalForRange", () => {
  type G = { year: number; target: number; split: number[] | null };
  const even: G = { year: 2026, target: 365, split: null };
  const split: G = { year: 2026, target: 120, split: [0, 0, 30, 10, 10, 10, 10, 10, 10, 10, 10, 10] };
  const cases: [G, boolean, string, string, number][] = [
    [even, true, "2026-01-01", "2026-12-31", 365],
    [even, true, "2026-01-01", "2026-01-31", 31], // calendar days
    [even, true, "2026-03-11", "2026-03-20", 10], // a 旬
    [even, false, "2026-03-11", "2026-03-20", 365], // a rate keeps its target
    [split, true, "2026-01-01", "2026-02-28", 0], // nothing planned before March
    [split, true, "2026-01-01", "2026-03-31", 30],
    [split, true, "2026-04-01", "2026-06-30", 30],
    [split, true, "2026-03-01", "2026-03-10", (30 * 10) / 31],
  ];
  it.each(cases)("%j cumulative %s over %s…%s", (goal, cumulative, from, to, expected) => {
    expect(goalForRange(goal, cumulative, from, to)).toBeCloseTo(expected, 9);
  });
});
