import { z } from "zod";
import { periodKinds } from "./kpi.period.js";
import type { IndicatorScore, Rule } from "./kpi.score.js";
import { pageQuery } from "./paging.js";

/** What a goal or a ranking is about (a chain: the projects and firms of its links). */
export const unitKinds = ["region", "park", "team", "enclave", "chain"] as const;
export type UnitKind = (typeof unitKinds)[number];
export const unitKindLabels: Record<UnitKind, string> = {
  region: "行政区/平台",
  park: "园区",
  team: "招商队伍",
  enclave: "飞地",
  chain: "产业链",
};

/** One indicator as the 指标库 lists it: computed by a module's provider, or entered by hand. */
export interface IndicatorRow {
  key: string;
  name: string;
  /** 个, 万元, 万美元, %, 次 … */
  unit: string;
  unitKinds: UnitKind[];
  higherIsBetter: boolean;
  /** a count or sum adds up over a year (goals split over periods); a rate does not */
  cumulative: boolean;
  source: "computed" | "manual";
  /** the module whose provider computes it, or 手工填报 */
  provider: string;
  description: string | null;
  id: string | null;
  regionId: string | null;
  version: number | null;
}

const name = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `${what}至少 2 个字`)
    .max(60, `${what}不能超过 60 个字`);

export const manualIndicatorCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  name: name("指标名称"),
  unit: z.string({ error: "请填写计量单位" }).trim().min(1, "请填写计量单位").max(10),
  unitKinds: z.array(z.enum(unitKinds)).min(1, "请选择适用的考核对象"),
  higherIsBetter: z.boolean().default(true),
  cumulative: z.boolean().default(true),
  description: z.string().trim().max(500).nullable().optional(),
});
export type ManualIndicatorCreate = z.infer<typeof manualIndicatorCreate>;
export const manualIndicatorUpdate = manualIndicatorCreate.partial().extend({ version: z.number().int() });
export type ManualIndicatorUpdate = z.infer<typeof manualIndicatorUpdate>;

const unitRef = {
  unitKind: z.enum(unitKinds, { error: "请选择考核对象类型" }),
  unitId: z.uuid({ error: "请选择考核对象" }),
};
const periodKey = z.string({ error: "请选择考核周期" }).trim().min(4).max(12);

export const manualValueCreate = z.strictObject({
  indicatorKey: z.string({ error: "请选择指标" }).min(1),
  ...unitRef,
  periodKey,
  value: z.number({ error: "请填写数值" }).finite(),
  evidenceFileIds: z.array(z.uuid()).min(1, "请上传佐证材料").max(20),
  note: z.string().trim().max(500).nullable().optional(),
});
export type ManualValueCreate = z.infer<typeof manualValueCreate>;

export interface ManualValueRow {
  id: string;
  indicatorKey: string;
  indicatorName: string;
  unitKind: UnitKind;
  unitId: string;
  unitName: string;
  periodKind: string;
  periodKey: string;
  from: string;
  to: string;
  value: number;
  evidenceFileIds: string[];
  note: string | null;
  enteredByName: string | null;
  regionId: string;
  name: string;
  version: number;
}
export const manualValueQuery = pageQuery.extend({
  indicatorKey: z.string().optional(),
  unitId: z.uuid().optional(),
});

export const goalCreate = z
  .strictObject({
    regionId: z.uuid({ error: "请选择行政区" }),
    indicatorKey: z.string({ error: "请选择指标" }).min(1, "请选择指标"),
    ...unitRef,
    year: z.number({ error: "请填写年度" }).int().min(2000).max(2100),
    target: z.number({ error: "请填写目标值" }).finite().min(0, "目标值不能为负"),
    /** monthly targets (12), summing to the year's; null spreads the goal over calendar days */
    split: z.array(z.number().finite().min(0)).length(12, "分月目标须为 12 个月").nullable().optional(),
    note: z.string().trim().max(500).nullable().optional(),
  })
  .refine((g) => !g.split || Math.abs(g.split.reduce((s, x) => s + x, 0) - g.target) < 1e-6, {
    message: "分月目标之和须等于年度目标",
    path: ["split"],
  });
export type GoalCreate = z.infer<typeof goalCreate>;
export const goalUpdate = z.strictObject({
  target: z.number().finite().min(0, "目标值不能为负").optional(),
  split: z.array(z.number().finite().min(0)).length(12, "分月目标须为 12 个月").nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  version: z.number().int(),
});
export type GoalUpdate = z.infer<typeof goalUpdate>;
export const goalQuery = pageQuery.extend({
  year: z.coerce.number().int().optional(),
  unitKind: z.enum(unitKinds).optional(),
  indicatorKey: z.string().optional(),
  regionId: z.uuid().optional(),
});
export type GoalQuery = z.infer<typeof goalQuery>;

export interface GoalRow {
  id: string;
  regionId: string;
  indicatorKey: string;
  indicatorName: string;
  indicatorUnit: string;
  unitKind: UnitKind;
  unitId: string;
  unitName: string;
  /** "unit · indicator", what audit and confirmations name */
  name: string;
  year: number;
  target: number;
  split: number[] | null;
  note: string | null;
  version: number;
  /** year to date, null when no data */
  actual: number | null;
  /** actual ÷ target; null for a goal of zero */
  progress: number | null;
  /** share of the year elapsed (calendar days), or of the split's months */
  expectedShare: number;
  /** actual ÷ (target × expected share): ≥ 1 ahead of the calendar, < 1 behind */
  timeAdjusted: number | null;
  /** quarter by quarter: target (from the split or the calendar), actual */
  quarters: { key: string; label: string; target: number; actual: number | null }[];
}

export const ruleSchema: z.ZodType<Rule> = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("ratio"),
    cap: z.number().min(1, "封顶系数不能低于 1").max(2, "封顶系数不能超过 2").default(1),
  }),
  z.strictObject({ kind: z.literal("rank") }),
  z.strictObject({ kind: z.literal("efficacy") }),
]) as z.ZodType<Rule>;

export const schemeItemSchema = z.strictObject({
  indicatorKey: z.string().min(1, "请选择指标"),
  weight: z.number({ error: "请填写权重" }).positive("权重须大于 0").max(100),
  rule: ruleSchema,
});
export const adjustmentItemSchema = z.strictObject({
  key: z.string().trim().min(1).max(40),
  label: z.string({ error: "请填写加减分项名称" }).trim().min(2, "加减分项名称至少 2 个字").max(40),
  kind: z.enum(["bonus", "deduction"]),
  cap: z.number().positive("上限须大于 0").max(30, "单项加减分上限不超过 30 分"),
});

export const schemeCreate = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  name: name("方案名称"),
  unitKind: z.enum(unitKinds, { error: "请选择考核对象类型" }),
  unitIds: z.array(z.uuid()).min(2, "赛马至少需要 2 个考核对象").max(500),
  periodKind: z.enum(periodKinds, { error: "请选择考核周期" }),
  items: z.array(schemeItemSchema).max(40),
  adjustments: z.array(adjustmentItemSchema).max(20).default([]),
  description: z.string().trim().max(500).nullable().optional(),
});
export type SchemeCreate = z.infer<typeof schemeCreate>;
export const schemeUpdate = schemeCreate.partial().extend({ version: z.number().int() });
export type SchemeUpdate = z.infer<typeof schemeUpdate>;

export interface SchemeRow {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  unitKind: UnitKind;
  unitIds: string[];
  units: { id: string; name: string }[];
  periodKind: (typeof periodKinds)[number];
  items: { indicatorKey: string; indicatorName: string; unit: string; weight: number; rule: Rule }[];
  adjustments: z.infer<typeof adjustmentItemSchema>[];
  description: string | null;
  version: number;
  lastRun: { id: string; periodKey: string; periodLabel: string } | null;
}

export const runCreate = z.strictObject({
  periodKey,
  adjustments: z
    .array(
      z.strictObject({
        unitId: z.uuid(),
        key: z.string().min(1),
        points: z.number().min(0, "加减分须为正数").max(30),
        note: z.string().trim().max(200).nullable().optional(),
      }),
    )
    .max(1000)
    .default([]),
});
export type RunCreate = z.infer<typeof runCreate>;

export interface RankingUnit {
  unitId: string;
  unitName: string;
  rank: number;
  /** last period's rank in this scheme; null when it had no run or the unit was not in it */
  previousRank: number | null;
  /** ▲ positive when the unit rose */
  change: number | null;
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  scores: Record<string, IndicatorScore>;
  adjustments: {
    key: string;
    label: string;
    kind: "bonus" | "deduction";
    points: number;
    note: string | null;
  }[];
}

export interface RunRow {
  id: string;
  schemeId: string;
  schemeName: string;
  regionId: string;
  periodKey: string;
  periodLabel: string;
  from: string;
  to: string;
  computedAt: string;
  computedByName: string | null;
  previousRunId: string | null;
  previousPeriodLabel: string | null;
  items: SchemeRow["items"];
  units: RankingUnit[];
}

export const rankingQuery = z.object({ periodKey: z.string().optional() });
