import { describe, expect, it } from "vitest";
import { constructionKindIn, sizeTagsOf } from "../../../common/project.schema.js";
import { weightedTotal } from "../reviews/reviews.service.js";
import { idleLandOf, investmentStatus } from "./performance.service.js";

describe("project rules", () => {
  it.each([
    [null, []],
    [99_999_999_99, []],
    [100_000_000_00, ["亿元以上"]],
    [1_500_000_000_00, ["亿元以上", "10亿元以上"]],
    [5_000_000_000_00, ["亿元以上", "10亿元以上", "50亿元以上"]],
  ])("size tags of %s fen", (fen, tags) => expect(sizeTagsOf(fen)).toEqual(tags));

  it.each([
    [2026, "2026-03-02", null, "新建"],
    [2027, "2026-03-02", null, "续建"],
    [2027, "2026-03-02", "2027-08-01", "续建"],
    [2028, "2026-03-02", "2027-08-01", null],
    [2025, "2026-03-02", null, null],
    [2026, null, null, null],
  ])("in %s, started %s and completed %s: %s", (year, started, completed, kind) =>
    expect(constructionKindIn(year, started, completed)).toBe(kind),
  );

  it.each([
    ["2025-01-01", null, "2025-12-31", null],
    ["2025-01-01", null, "2026-01-01", "one_year"],
    ["2025-01-01", null, "2027-01-01", "two_years"],
    ["2025-01-01", "2026-06-01", "2027-06-01", null],
    [null, null, "2027-06-01", null],
  ])("idle land: start by %s, started %s, on %s → %s", (startBy, started, today, level) =>
    expect(idleLandOf(startBy, started, today)?.level ?? null).toBe(level),
  );

  it.each([
    [100, 100, "2027-01-01", "met"],
    [40, 100, "2026-06-01", "missed"],
    // Half the time gone by on 2026-07-02, 40% invested: behind; 60%: on course.
    [40, 100, "2027-01-01", "behind"],
    [60, 100, "2027-01-01", "pending"],
    [null, 100, null, "pending"],
  ])(
    "investment of %s against %s due %s, signed 2026-01-01, on 2026-07-02: %s",
    (actual, target, due, status) =>
      expect(
        investmentStatus(
          target as number,
          actual as number | null,
          "2026-01-01",
          due as string | null,
          "2026-07-02",
        ),
      ).toBe(status),
  );

  it("weights review scores to a total out of 100", () => {
    const criteria = [
      { key: "a", name: "甲", weight: 60, max: 100 },
      { key: "b", name: "乙", weight: 40, max: 50 },
    ];
    expect(weightedTotal(criteria, { a: 80, b: 25 })).toBe(68);
    expect(weightedTotal(criteria, { a: 100, b: 50 })).toBe(100);
  });
});
