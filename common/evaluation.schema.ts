import { z } from "zod";
import { conditionSchema } from "./conditions.js";
import { pageQuery } from "./paging.js";

/**
 * 亩均效益评价: a scheme (方案) an admin configures per region and year — who is evaluated, who is
 * left out into class T, the indicators per size group with weights and benchmarks, bonus and
 * deduction items, how classes are cut, and the negative list. common/evaluation.score.ts is the
 * definition of a score; the server's set-based SQL is tested against it.
 */

/** Indicators a scheme may use, each a ratio of two yearly figures. */
export const indicatorKeys = [
  "taxPerMu",
  "valueAddedPerMu",
  "revenuePerMu",
  "valueAddedPerEnergy",
  "taxPerEnergy",
  "valueAddedPerEmission",
  "taxPerElectricity",
  "laborProductivity",
  "rdRatio",
] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

/** The yearly figures an indicator reads, in the units the published methods use. */
export const figureKeys = [
  "taxWan",
  "valueAddedWan",
  "revenueWan",
  "rdWan",
  "landMu",
  "energyTce",
  "electricityWanKwh",
  "emissionsT",
  "employeesAvg",
] as const;
export type FigureKey = (typeof figureKeys)[number];

export const figureLabels: Record<FigureKey, string> = {
  taxWan: "评价税收（万元）",
  valueAddedWan: "工业增加值（万元）",
  revenueWan: "营业收入（万元）",
  rdWan: "R&D 经费支出（万元）",
  landMu: "用地面积（亩）",
  energyTce: "综合能耗（吨标煤）",
  electricityWanKwh: "用电量（万千瓦时）",
  emissionsT: "主要污染物排放量（吨）",
  employeesAvg: "年平均职工人数（人）",
};

export interface IndicatorDef {
  label: string;
  unit: string;
  num: FigureKey;
  den: FigureKey;
}
export const indicatorDefs: Record<IndicatorKey, IndicatorDef> = {
  taxPerMu: { label: "亩均税收", unit: "万元/亩", num: "taxWan", den: "landMu" },
  valueAddedPerMu: { label: "亩均增加值", unit: "万元/亩", num: "valueAddedWan", den: "landMu" },
  revenuePerMu: { label: "亩均销售收入", unit: "万元/亩", num: "revenueWan", den: "landMu" },
  valueAddedPerEnergy: {
    label: "单位能耗增加值",
    unit: "万元/吨标煤",
    num: "valueAddedWan",
    den: "energyTce",
  },
  taxPerEnergy: { label: "单位能耗税收", unit: "万元/吨标煤", num: "taxWan", den: "energyTce" },
  valueAddedPerEmission: {
    label: "单位排放增加值",
    unit: "万元/吨",
    num: "valueAddedWan",
    den: "emissionsT",
  },
  taxPerElectricity: {
    label: "单位电耗税收",
    unit: "万元/万千瓦时",
    num: "taxWan",
    den: "electricityWanKwh",
  },
  laborProductivity: { label: "全员劳动生产率", unit: "万元/人", num: "valueAddedWan", den: "employeesAvg" },
  rdRatio: { label: "R&D 经费占比", unit: "", num: "rdWan", den: "revenueWan" },
};

export const missingRules = ["zero", "group_average"] as const;
export type MissingRule = (typeof missingRules)[number];
export const missingRuleLabels: Record<MissingRule, string> = {
  zero: "缺数据的指标得 0 分",
  group_average: "缺数据的指标取同组企业该项平均得分",
};

const num = (what: string) => z.number({ error: `请填写${what}` }).refine(Number.isFinite, `${what}无效`);

export const benchmarkSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), value: num("基准值").gt(0, "基准值应大于 0") }),
  /** factor × the region's previous-year average (Σ numerator ÷ Σ denominator of the same size group) */
  z.strictObject({ kind: z.literal("derived"), factor: num("倍数").gt(0, "倍数应大于 0").max(100) }),
]);
export type Benchmark = z.infer<typeof benchmarkSchema>;

export const indicatorSchema = z.strictObject({
  key: z.enum(indicatorKeys, { error: "请选择指标" }),
  weight: num("权重").gt(0, "权重应大于 0").max(100, "权重不能超过 100"),
  benchmark: benchmarkSchema,
  /** the most this indicator may score, in points; none when left out */
  cap: num("封顶分").gt(0, "封顶分应大于 0").nullable().optional(),
  missing: z.enum(missingRules).default("zero"),
});
export type Indicator = z.infer<typeof indicatorSchema>;

const WEIGHT_EPS = 1e-9;
const indicatorSet = (group: string) =>
  z
    .array(indicatorSchema)
    .min(1, `${group}至少需要一项指标`)
    .max(12)
    .superRefine((xs, c) => {
      const sum = xs.reduce((s, x) => s + x.weight, 0);
      if (Math.abs(sum - 100) > WEIGHT_EPS) {
        c.addIssue({ code: "custom", message: `${group}指标权重合计应为 100，当前为 ${+sum.toFixed(4)}` });
      }
      const seen = new Set<string>();
      for (const [i, x] of xs.entries()) {
        if (seen.has(x.key)) c.addIssue({ code: "custom", path: [i, "key"], message: `${group}指标重复` });
        seen.add(x.key);
      }
    });

/**
 * A rule's condition names some firms: an empty one (以下条件 with no rows) would name every firm
 * in scope, which is never what an exclusion, an adjustment or a negative-list item means.
 */
const ruleCondition = (what: string) =>
  conditionSchema.refine(
    (c) => !(("all" in c && c.all.length === 0) || ("any" in c && c.any.length === 0)),
    `请为${what}设置至少一个条件`,
  );

export const adjustmentSchema = z.strictObject({
  label: z.string().trim().min(1, "请填写加减分项名称").max(60),
  /** the firms it applies to, in the condition language over evaluation fields */
  condition: ruleCondition("加减分项"),
  /** positive: a bonus; negative: a deduction */
  points: num("分值")
    .refine((v) => v !== 0, "分值不能为 0")
    .min(-100)
    .max(100),
});
export type Adjustment = z.infer<typeof adjustmentSchema>;

export const exclusionSchema = z.strictObject({
  reason: z.string().trim().min(2, "请填写不参评原因").max(60),
  condition: ruleCondition("不参评原因"),
});
export type Exclusion = z.infer<typeof exclusionSchema>;

export const classes = ["A", "B", "C", "D"] as const;
export type ClassCode = (typeof classes)[number];
export const resultClasses = ["A", "B", "C", "D", "T"] as const;
export type ResultClass = (typeof resultClasses)[number];
export const classLabels: Record<ResultClass, string> = {
  A: "A 类（优先发展）",
  B: "B 类（鼓励提升）",
  C: "C 类（监管调控）",
  D: "D 类（落后整治）",
  T: "T 类（不定等级）",
};

/** Each class's colour wherever a class is drawn (charts, tags, the sites' firms). */
export const classColors: Record<ResultClass, string> = {
  A: "#389e0d",
  B: "#1677ff",
  C: "#d48806",
  D: "#cf1322",
  T: "#8c8c8c",
};

/** Tied scores: all take the better class (their best rank), or all the worse (their last place). */
export const tieRules = ["better", "worse"] as const;
export type TieRule = (typeof tieRules)[number];

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || x > xs[i - 1]!);
export const classRuleSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("percentile"),
    /** cumulative shares for A, B and C in percent (20, 60, 95): D is the rest */
    cuts: z
      .array(num("分档比例").gt(0, "分档比例应大于 0").max(100, "分档比例不能超过 100"))
      .length(3, "请填写 A、B、C 三档的累计比例")
      .refine(ascending, "分档比例应逐档递增"),
    ties: z.enum(tieRules).default("better"),
    /** rank all evaluated firms together, or 规上 and 规下 apart */
    rankWithin: z.enum(["all", "size"]).default("all"),
  }),
  z.strictObject({
    kind: z.literal("threshold"),
    /** the least total score for A, B and C: D is below */
    thresholds: z
      .array(num("分数线"))
      .length(3, "请填写 A、B、C 三档的分数线")
      .refine((xs) => ascending([...xs].reverse()), "分数线应逐档递减"),
  }),
]);
export type ClassRule = z.infer<typeof classRuleSchema>;

export const negativeSchema = z.strictObject({
  reason: z.string().trim().min(2, "请填写原因").max(60),
  condition: ruleCondition("负面清单"),
  forceClass: z.enum(classes).default("D"),
});
export type NegativeItem = z.infer<typeof negativeSchema>;

export const schemeBody = z.strictObject({
  /** who is evaluated (规上; 规下 on ≥ 3 亩; tenants renting ≥ N m²) */
  scope: conditionSchema,
  /** firms in scope left out into class T, first reason met is shown */
  exclusions: z.array(exclusionSchema).max(20).default([]),
  /** firms with the same land certificate number are evaluated as one */
  groupParcel: z.boolean().default(true),
  above: indicatorSet("规上企业"),
  below: indicatorSet("规下企业"),
  adjustments: z.array(adjustmentSchema).max(20).default([]),
  bonusCap: num("加分上限").min(0).max(100).default(10),
  deductionCap: num("减分上限").min(0).max(100).default(10),
  classRule: classRuleSchema,
  negative: z.array(negativeSchema).max(20).default([]),
});
export type SchemeBody = z.infer<typeof schemeBody>;

const name = z.string({ error: "请填写方案名称" }).trim().min(2, "方案名称至少 2 个字").max(80);
export const schemeCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  name,
  year: z.number().int().min(2000, "年度无效").max(2100, "年度无效"),
  note: z.string().trim().max(1000).nullable().optional(),
  body: schemeBody,
});
export type SchemeCreate = z.infer<typeof schemeCreate>;
export const schemeUpdate = schemeCreate.partial().extend({ version: z.number().int() });
export type SchemeUpdate = z.infer<typeof schemeUpdate>;
export const schemeCopy = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  name,
  year: z.number().int().min(2000).max(2100),
});
export const schemeQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  year: z.coerce.number().optional(),
});
export type SchemeQuery = z.infer<typeof schemeQuery>;

export interface SchemeRow {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  year: number;
  note: string | null;
  preset: string | null;
  body: SchemeBody;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const runCreate = z.strictObject({
  schemeId: z.uuid({ error: "请选择评价方案" }),
  /** run although figures are missing (the preflight listed them) */
  force: z.boolean().default(false),
  note: z.string().trim().max(200).nullable().optional(),
});
export const resultQuery = pageQuery.extend({
  class: z.enum(resultClasses).optional(),
  parkId: z.uuid().optional(),
  industry: z.string().max(10).optional(),
  sizeClass: z.enum(["above", "below"]).optional(),
});
export type ResultQuery = z.infer<typeof resultQuery>;
export const overrideBody = z.strictObject({
  class: z.enum(resultClasses, { error: "请选择等级" }),
  reason: z.string({ error: "请填写调整原因" }).trim().min(4, "调整原因至少 4 个字").max(500),
  version: z.number().int(),
});

/** One indicator of a result: its value, benchmark and score, and why when there is no plain score. */
export interface IndicatorResult {
  key: IndicatorKey;
  value: number | null;
  benchmark: number | null;
  weight: number;
  score: number;
  /** how the score came about when it is not value ÷ benchmark × weight */
  note: IndicatorNote | null;
}
export const indicatorNotes = [
  "missing",
  "zero_denominator",
  "negative",
  "capped",
  "group_average",
  "no_benchmark",
] as const;
export type IndicatorNote = (typeof indicatorNotes)[number];
export const indicatorNoteLabels: Record<IndicatorNote, string> = {
  missing: "缺少数据",
  zero_denominator: "分母为零，无法计算",
  negative: "指标值为负（如退税），按 0 分计",
  capped: "超过封顶分，按封顶分计",
  group_average: "缺少数据，取同组平均得分",
  no_benchmark: "基准值不可用（上年无数据），按 0 分计",
};
