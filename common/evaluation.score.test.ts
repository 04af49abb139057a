import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { jiangsuPreset, presets, zhejiangPreset } from "./evaluation.presets.js";
import { type classRuleSchema, type SchemeBody, schemeBody } from "./evaluation.schema.js";
import {
  type Averages,
  evaluate,
  type FirmInput,
  type RawFigures,
  yearAverages,
} from "./evaluation.score.js";

const WAN = 1_000_000;
const none: RawFigures = {
  taxFen: null,
  valueAddedFen: null,
  revenueFen: null,
  rdFen: null,
  landM2: null,
  energyTce: null,
  electricityKwh: null,
  emissionsT: null,
  employeesAvg: null,
};
const firm = (
  id: string,
  sizeClass: string,
  f: Partial<RawFigures>,
  facts: object = {},
  parcel: string | null = null,
): FirmInput => {
  const figures = { ...none, ...f };
  return {
    id,
    sizeClass,
    parcel,
    figures,
    facts: {
      sizeClass,
      landMu: figures.landM2 === null ? null : (figures.landM2 * 3) / 2000,
      yearsFounded: 10,
      industryCode: "C39",
      labels: [],
      events: [],
      ...facts,
    },
  };
};
const noPrev: Averages = { above: {}, below: {} };
const byId = (rs: ReturnType<typeof evaluate>) => new Map(rs.map((r) => [r.enterpriseId, r]));
const finite = (rs: ReturnType<typeof evaluate>) =>
  rs.every(
    (r) =>
      Number.isFinite(r.total) &&
      r.indicators.every((i) => Number.isFinite(i.score) && (i.value === null || Number.isFinite(i.value))),
  );

describe("presets and scheme checks", () => {
  it.each(presets.map((p) => [p.key, p.body] as const))("preset %s parses", (_k, body) => {
    expect(schemeBody.safeParse(body).success).toBe(true);
  });
  it("refuses weights that do not sum to 100", () => {
    const bad = { ...zhejiangPreset, below: [{ ...zhejiangPreset.below[0]!, weight: 60 }] };
    const r = schemeBody.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("规下企业指标权重合计应为 100，当前为 60");
  });
  it("refuses class cuts that do not rise", () => {
    const r = schemeBody.safeParse({
      ...zhejiangPreset,
      classRule: { kind: "percentile", cuts: [60, 20, 95] },
    });
    expect(r.success).toBe(false);
  });
});

describe("Zhejiang preset, hand-computed", () => {
  const firms = [
    // 30 亩; 24.1 万/亩 tax, 136.16 万/亩 VA, VA/energy 2.6945, VA/emission 5106, 20.424 万/人, R&D 3%
    firm("z1", "above", {
      landM2: 20_000,
      taxFen: 723 * WAN,
      valueAddedFen: 4084.8 * WAN,
      energyTce: 1516,
      emissionsT: 0.8,
      employeesAvg: 200,
      rdFen: 150 * WAN,
      revenueFen: 5000 * WAN,
    }),
    // no emission figure: the group's average emission score (z1's alone)
    firm("z2", "above", {
      landM2: 20_000,
      taxFen: 361.455 * WAN,
      valueAddedFen: 2042.4 * WAN,
      energyTce: 1516,
      employeesAvg: 100,
      rdFen: 0,
      revenueFen: 5000 * WAN,
    }),
    // 规下 on 6 亩: tax 11.5932 万/亩 (50 points) and 0.3528 万元/万千瓦时 (0.352806 万元/万千瓦时: 75.001 points)
    firm("z3", "below", { landM2: 4000, taxFen: 69.5592 * WAN, electricityKwh: 1_971_600 }),
    // 规下 on 2 亩: outside the scope
    firm("z4", "below", { landM2: 1333.33, taxFen: 100 * WAN, electricityKwh: 100_000 }),
  ];
  const rs = byId(evaluate(zhejiangPreset, firms, noPrev));

  it.each([
    [
      "z1",
      [30.003734904759927, 20, 20.003408336320526, 10.357397141066286, 11.259095920617419, 9.933774834437086],
    ],
    ["z2", [15, 10, 10.001704168160263, 10.357397141066286, 11.259095920617419, 0]],
    ["z3", [50, 75.00124212801373]], // 69.5592 ÷ 197.16 ÷ 0.2352 × 50
  ] as const)("%s scores each indicator as value ÷ benchmark × weight", (id, scores) => {
    const r = rs.get(id)!;
    expect(r.indicators.map((i) => i.score)).toEqual(scores.map((s) => expect.closeTo(s, 9)));
    expect(r.total).toBeCloseTo(
      scores.reduce((s: number, x: number) => s + x, 0),
      9,
    );
  });
  it("fills a missing emission with the group average and says so", () => {
    expect(rs.get("z2")!.indicators[3]!.note).toBe("group_average");
    expect(rs.get("z1")!.indicators[3]!.note).toBeNull();
  });
  it("leaves 规下 firms under 3 亩 out and ranks 规上 and 规下 apart", () => {
    expect(rs.has("z4")).toBe(false);
    // of two, the first stands at 50% (C under the 10.7/45.9/92 cuts), the second at 100% (D)
    expect(rs.get("z1")).toMatchObject({ position: 1, population: 2, class: "C" });
    expect(rs.get("z2")).toMatchObject({ position: 2, population: 2, class: "D" });
    expect(rs.get("z3")).toMatchObject({ position: 1, population: 1, class: "D" });
  });
});

describe("Jiangsu preset, hand-computed", () => {
  // Last year: 规上 800 万 tax and 15,000 万 revenue on 60 亩, 2,000 tce: twice the averages
  // give benchmarks 26.667 万/亩, 500 万/亩 and 0.8 万元/吨标煤. No 规下 figures last year.
  const prev = yearAverages([
    {
      sizeClass: "above",
      figures: { ...none, landM2: 20_000, taxFen: 300 * WAN, revenueFen: 6000 * WAN, energyTce: 1000 },
    },
    {
      sizeClass: "above",
      figures: { ...none, landM2: 20_000, taxFen: 500 * WAN, revenueFen: 9000 * WAN, energyTce: 1000 },
    },
  ]);
  const exact = { landM2: 20_000, taxFen: 800 * WAN, revenueFen: 15_000 * WAN, energyTce: 1000 };
  const firms = [
    firm("j1", "above", exact, { labels: ["hnte"], events: ["energy_saving", "patent"] }),
    firm("j2", "above", exact, { events: ["safety_incident", "env_penalty"] }),
    firm("j3", "below", { landM2: 2000, taxFen: 10 * WAN, revenueFen: 100 * WAN, energyTce: 10 }),
    firm("j4", "above", exact, { industryCode: "D4411" }),
    firm("j5", "above", exact, { yearsFounded: 1 }),
    firm("j6", "above", exact, { events: ["major_safety_incident"] }),
  ];
  const rs = byId(evaluate(jiangsuPreset, firms, prev));

  it("scores against twice last year's average, with capped bonuses and deductions", () => {
    const j1 = rs.get("j1")!;
    expect(j1.indicators.map((i) => i.benchmark)).toEqual([
      expect.closeTo(26.666666666666668, 9),
      expect.closeTo(500, 9),
      expect.closeTo(0.8, 9),
    ]);
    expect(j1.base).toBeCloseTo(100, 9);
    expect(j1.bonus).toBe(5); // 3 + 2, cap 5
    expect(j1.total).toBeCloseTo(105, 9);
    expect(rs.get("j2")).toMatchObject({ deduction: 10, total: expect.closeTo(90, 9) });
  });
  it("scores 0 where no benchmark can be derived", () => {
    const j3 = rs.get("j3")!;
    expect(j3.indicators.every((i) => i.note === "no_benchmark" && i.score === 0)).toBe(true);
  });
  it("puts exclusions into class T with the reason", () => {
    expect(rs.get("j4")).toMatchObject({ class: "T", tReason: "水、电、气供应企业", position: null });
    expect(rs.get("j5")).toMatchObject({ class: "T", tReason: "投产不满两年" });
  });
  it("forces the negative list to D with the reason, keeping the computed class", () => {
    expect(rs.get("j6")).toMatchObject({
      class: "D",
      computedClass: "B",
      forcedReason: "发生重大安全生产事故",
    });
  });
});

/** One indicator, 亩均税收 × 100 ÷ 1: a firm with t 万元 per 亩 scores 100 t. */
const simple = (classRule: z.input<typeof classRuleSchema>): SchemeBody =>
  schemeBody.parse({
    scope: { all: [] },
    above: [{ key: "taxPerMu", weight: 100, benchmark: { kind: "fixed", value: 1 } }],
    below: [{ key: "taxPerMu", weight: 100, benchmark: { kind: "fixed", value: 1 } }],
    classRule,
  });
const perMu = (id: string, t: number, extra: Partial<RawFigures> = {}, parcel: string | null = null) =>
  firm(id, "above", { landM2: 2000, taxFen: t * 3 * WAN, ...extra }, {}, parcel);

describe("percentile cuts with ties", () => {
  // 10 firms; scores 1000, 900, 800, 800, 800, 500, 400, 300, 200, 100
  const ts = [10, 9, 8, 8, 8, 5, 4, 3, 2, 1];
  const firms = ts.map((t, i) => perMu(`f${i}`, t));
  const classes = (ties: "better" | "worse") =>
    evaluate(simple({ kind: "percentile", cuts: [20, 30, 90], ties, rankWithin: "all" }), firms, noPrev).map(
      (r) => `${r.position}${r.class}`,
    );
  it.each([
    // better: the three tied at 800 share place 3 (≤ 30% of 10): all B
    ["better", ["1A", "2A", "3B", "3B", "3B", "6C", "7C", "8C", "9C", "10D"]],
    // worse: they share place 5 (over 30%): all C
    ["worse", ["1A", "2A", "5C", "5C", "5C", "6C", "7C", "8C", "9C", "10D"]],
  ] as const)("ties take the %s class", (ties, want) => {
    expect(classes(ties)).toEqual(want);
  });
  it("classes by score lines when the scheme says so", () => {
    const rs = evaluate(simple({ kind: "threshold", thresholds: [850, 450, 150] }), firms, noPrev);
    expect(rs.map((r) => r.class).join("")).toBe("AABBBBCCCD");
  });
});

describe("zero and negative figures", () => {
  const firms = [
    perMu("ok", 5),
    perMu("noland", 5, { landM2: 0 }),
    perMu("refund", -2),
    perMu("blank", 0, { taxFen: null }),
    firm("noenergy", "above", { landM2: 2000, taxFen: 3 * WAN, energyTce: 0 }),
  ];
  const scheme = schemeBody.parse({
    ...simple({ kind: "percentile", cuts: [20, 60, 95] }),
    above: [
      { key: "taxPerMu", weight: 50, benchmark: { kind: "fixed", value: 1 }, cap: 200 },
      { key: "taxPerEnergy", weight: 50, benchmark: { kind: "fixed", value: 1 } },
    ],
  });
  const rs = byId(evaluate(scheme, firms, noPrev));
  it("never gives NaN or Infinity", () => expect(finite([...rs.values()])).toBe(true));
  it.each([
    ["ok", "capped", 200, 5],
    ["noland", "zero_denominator", 0, null],
    ["refund", "negative", 0, -2],
    ["blank", "missing", 0, null],
    ["noenergy", null, 50, 1],
  ] as const)("%s: 亩均税收 note %s, %s points, value %s", (id, note, score, value) => {
    const i = rs.get(id)!.indicators[0]!;
    expect(i).toMatchObject({ note, score: expect.closeTo(score, 9) });
    if (value === null) expect(i.value).toBeNull();
    else expect(i.value).toBeCloseTo(value, 9);
  });
  it("zero energy use is not computable and scores 0", () => {
    expect(rs.get("noenergy")!.indicators[1]).toMatchObject({
      note: "zero_denominator",
      score: 0,
      value: null,
    });
  });
});

describe("firms sharing one parcel", () => {
  it("are evaluated together on their summed figures and share one result", () => {
    const firms = [perMu("a", 4, {}, "浙(2020)0001"), perMu("b", 2, {}, "浙(2020)0001"), perMu("c", 5)];
    const rs = byId(evaluate(simple({ kind: "percentile", cuts: [20, 60, 95] }), firms, noPrev));
    // a and b: 18 万 on 6 亩 = 3 万/亩
    expect(rs.get("a")).toMatchObject({
      members: 2,
      total: expect.closeTo(300, 9),
      position: 2,
      population: 2,
    });
    expect(rs.get("b")!.total).toBe(rs.get("a")!.total);
    expect(rs.get("c")).toMatchObject({ position: 1, class: "B" });
  });
});
