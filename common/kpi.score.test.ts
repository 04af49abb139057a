import { describe, expect, it } from "vitest";
import {
  competitionRanks,
  efficacyScores,
  progressRatio,
  rankChange,
  rankScores,
  ratioScore,
  scoreGroup,
  timeAdjustedProgress,
  weightProblem,
} from "./kpi.score.js";

describe("ratio to goal with a cap", () => {
  const cases: [number | null, number | null, number, number, boolean, number, string | null][] = [
    // value, goal, weight, cap, higher-is-better, score, note
    [30, 18, 40, 1, true, 40, null], // seed 001: 30 亿元以上项目 against a task of 18 → capped at full marks
    [30, 18, 40, 1.2, true, 48, null], // cap 120 %: over-achievement earns up to 1.2 × weight
    [9, 18, 40, 1, true, 20, null],
    [2436, 2400, 30, 1, true, 30, null], // 外资 101.5 %
    [0, 10, 20, 1, true, 0, null],
    [null, 10, 20, 1, true, 0, "no_data"],
    [5, 0, 20, 1, true, 0, "no_goal"], // a goal of zero: n/a, not infinity
    [5, null, 20, 1, true, 0, "no_goal"],
    [5, 10, 20, 1, false, 20, null], // lower is better: 5 against a ceiling of 10 meets it
    [20, 10, 20, 1, false, 10, null],
    [0, 10, 20, 1.5, false, 30, null],
  ];
  it.each(cases)("%s of %s, weight %s cap %s", (value, goal, weight, cap, hib, score, note) => {
    const r = ratioScore(value, goal, weight, cap, hib);
    expect(r.score).toBe(score);
    expect(r.note).toBe(note);
    expect(Number.isFinite(r.score)).toBe(true);
  });
  it("progress of a zero goal is n/a", () => {
    expect(progressRatio(3, 0)).toBeNull();
    expect(progressRatio(null, 5)).toBeNull();
    expect(progressRatio(3, 6)).toBe(0.5);
  });
});

describe("competition ranking", () => {
  const cases: [(number | null)[], boolean, (number | null)[]][] = [
    [[90, 80, 70], true, [1, 2, 3]],
    [[90, 90, 70], true, [1, 1, 3]], // ties share a rank, the next skips
    [[80, 90, 90, 60], true, [3, 1, 1, 4]],
    [[0.1 + 0.2, 0.3], true, [1, 1]], // floating noise is no tie-breaker
    [[5, null, 3], true, [1, null, 2]],
    [[5, 3, 3], false, [3, 1, 1]],
    [[], true, []],
  ];
  it.each(cases)("%j (higher better: %s) → %j", (values, hib, ranks) => {
    expect(competitionRanks(values, hib)).toEqual(ranks);
  });
});

describe("rank-based scores", () => {
  const cases: [(number | null)[], number, boolean, number[]][] = [
    [[9, 6, 3], 30, true, [30, 20, 10]],
    [[9, 9, 3], 30, true, [30, 30, 10]],
    [[9, null, 3], 30, true, [30, 0, 15]],
    [[9, 6, 3], 30, false, [10, 20, 30]],
    [[null, null], 30, true, [0, 0]],
  ];
  it.each(cases)("%j weight %s", (values, weight, hib, scores) => {
    expect(rankScores(values, weight, hib)).toEqual(scores);
  });
});

describe("efficacy coefficient 60 + 40 × (x − min) ÷ (max − min)", () => {
  const cases: [(number | null)[], number, boolean, number[]][] = [
    [[100, 50, 0], 20, true, [20, 16, 12]],
    [[100, 50, 0], 20, false, [12, 16, 20]],
    [[7, 7, 7], 20, true, [20, 20, 20]], // min = max: everyone 100, no NaN
    [[7], 20, true, [20]],
    [[10, null, 0], 50, true, [50, 0, 30]],
    [[null], 50, true, [0]],
  ];
  it.each(cases)("%j weight %s", (values, weight, hib, scores) => {
    const s = efficacyScores(values, weight, hib);
    expect(s).toEqual(scores);
    expect(s.every(Number.isFinite)).toBe(true);
  });
});

describe("weights", () => {
  it.each([
    [[50, 50], null],
    [[33.3, 33.3, 33.4], null],
    [[50, 40], "各指标权重之和须为 100，当前为 90"],
    [[60, 50], "各指标权重之和须为 100，当前为 110"],
    [[], "考核方案至少需要一项指标"],
  ])("%j", (weights, problem) => {
    expect(weightProblem(weights.map((weight) => ({ weight })))).toBe(problem);
  });
});

describe("scoreGroup", () => {
  const items = [
    { indicatorKey: "a", weight: 60, rule: { kind: "ratio" as const, cap: 1 } },
    { indicatorKey: "b", weight: 40, rule: { kind: "efficacy" as const } },
  ];
  const adj = [
    { key: "plus", label: "重大项目加分", kind: "bonus" as const, cap: 5 },
    { key: "minus", label: "安全事故扣分", kind: "deduction" as const, cap: 10 },
  ];
  it("sums weighted scores, caps bonuses and ranks ties together", () => {
    const r = scoreGroup(
      items,
      adj,
      [
        { unitId: "u1", values: { a: 10, b: 100 }, goals: { a: 10 }, adjustments: {} },
        { unitId: "u2", values: { a: 5, b: 0 }, goals: { a: 10 }, adjustments: { plus: 20 } },
        { unitId: "u3", values: { a: 10, b: 100 }, goals: { a: 10 }, adjustments: { minus: 3 } },
        { unitId: "u4", values: { a: 10, b: 100 }, goals: { a: 10 }, adjustments: {} },
      ],
      () => true,
    );
    expect(r.map((x) => [x.unitId, x.total, x.rank])).toEqual([
      ["u1", 100, 1],
      ["u2", 59, 4], // 30 + 24 + 5 (bonus capped at 5)
      ["u3", 97, 3],
      ["u4", 100, 1],
    ]);
    expect(r[1]!.bonus).toBe(5);
  });
  it("a unit without data is marked, not zero-valued", () => {
    const [u] = scoreGroup(
      items,
      [],
      [{ unitId: "u", values: { a: null, b: null }, goals: {}, adjustments: {} }],
      () => true,
    );
    expect(u!.scores.a!.note).toBe("no_data");
    expect(u!.scores.a!.value).toBeNull();
    expect(u!.total).toBe(0);
  });
});

describe("time-adjusted progress", () => {
  const cases: [number | null, number | null, number, number | null][] = [
    [25, 50, 0.5, 1], // half the year, half the goal: on pace
    [30, 50, 0.5, 1.2], // ahead
    [10, 50, 0.5, 0.4], // behind
    [10, 0, 0.5, null], // goal zero: n/a
    [null, 50, 0.5, null], // no data
    [10, 50, 0, null], // before the year starts
  ];
  it.each(cases)("%s of %s at %s elapsed", (actual, goal, elapsed, expected) => {
    const p = timeAdjustedProgress(actual, goal, elapsed);
    if (expected === null) expect(p).toBeNull();
    else expect(p).toBeCloseTo(expected, 10);
  });
  it("rank change: ▲ when rising", () => {
    expect(rankChange(1, 3)).toBe(2);
    expect(rankChange(4, 2)).toBe(-2);
    expect(rankChange(2, null)).toBeNull();
  });
});
