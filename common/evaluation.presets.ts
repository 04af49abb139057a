import type { Condition } from "./conditions.js";
import type { SchemeBody } from "./evaluation.schema.js";

/**
 * The two published methods shipped with the product (shared/data/muijun-presets.md), as
 * schemes an admin copies into a region and year and edits. Parameters as published.
 */

/** 规上 firms, and 规下 firms on at least `mu` 亩 of land. */
const aboveOrLandAtLeast = (mu: number): Condition => ({
  any: [
    { field: "sizeClass", op: "eq", value: "above" },
    {
      all: [
        { field: "sizeClass", op: "eq", value: "below" },
        { field: "landMu", op: "gte", value: mu },
      ],
    },
  ],
});

const underConstruction = { field: "events", op: "has_label", value: "under_construction" } as const;
const majorIncident = { field: "events", op: "has_label", value: "major_safety_incident" } as const;

/** 浙江式（黄岩区 2022 年数据）: six 规上 indicators, the two-indicator 规下 formula. */
export const zhejiangPreset: SchemeBody = {
  scope: aboveOrLandAtLeast(3),
  exclusions: [{ reason: "尚未投产（未过约定投产期）", condition: underConstruction }],
  groupParcel: true,
  above: [
    { key: "taxPerMu", weight: 30, benchmark: { kind: "fixed", value: 24.097 }, missing: "zero" },
    { key: "valueAddedPerMu", weight: 20, benchmark: { kind: "fixed", value: 136.16 }, missing: "zero" },
    { key: "valueAddedPerEnergy", weight: 20, benchmark: { kind: "fixed", value: 2.694 }, missing: "zero" },
    {
      key: "valueAddedPerEmission",
      weight: 10,
      benchmark: { kind: "fixed", value: 4929.81 },
      missing: "group_average",
    },
    { key: "laborProductivity", weight: 10, benchmark: { kind: "fixed", value: 18.14 }, missing: "zero" },
    { key: "rdRatio", weight: 10, benchmark: { kind: "fixed", value: 0.0302 }, missing: "zero" },
  ],
  below: [
    { key: "taxPerMu", weight: 50, benchmark: { kind: "fixed", value: 11.5932 }, missing: "zero" },
    { key: "taxPerElectricity", weight: 50, benchmark: { kind: "fixed", value: 0.2352 }, missing: "zero" },
  ],
  adjustments: [],
  bonusCap: 0,
  deductionCap: 0,
  // One county's 2022 shares (A 10.7%, B 35.2%, C 46.1%, D 8.0%), as cumulative cuts.
  classRule: { kind: "percentile", cuts: [10.7, 45.9, 92], ties: "better", rankWithin: "size" },
  negative: [{ reason: "发生重大安全生产事故", condition: majorIncident, forceClass: "D" }],
};

const jiangsuSet = [
  { key: "taxPerMu", weight: 45, benchmark: { kind: "derived", factor: 2 }, missing: "zero" },
  { key: "revenuePerMu", weight: 35, benchmark: { kind: "derived", factor: 2 }, missing: "zero" },
  { key: "taxPerEnergy", weight: 20, benchmark: { kind: "derived", factor: 2 }, missing: "zero" },
] as const satisfies SchemeBody["above"];

/** 江苏式（淮安 2024）: 45/35/20 against twice last year's average, cuts at 20/60/95%, class T. */
export const jiangsuPreset: SchemeBody = {
  scope: aboveOrLandAtLeast(3),
  exclusions: [
    { reason: "水、电、气供应企业", condition: { field: "industryCode", op: "contains", value: "D" } },
    { reason: "投产不满两年", condition: { field: "yearsFounded", op: "lt", value: 2 } },
    { reason: "项目在建", condition: underConstruction },
  ],
  groupParcel: true,
  above: [...jiangsuSet],
  below: [...jiangsuSet],
  adjustments: [
    {
      label: "科技创新（高新技术企业或发明专利）",
      condition: {
        any: [
          { field: "labels", op: "has_label", value: "hnte" },
          { field: "events", op: "has_label", value: "patent" },
        ],
      },
      points: 3,
    },
    { label: "节能降碳", condition: { field: "events", op: "has_label", value: "energy_saving" }, points: 2 },
    {
      label: "安全生产事故",
      condition: { field: "events", op: "has_label", value: "safety_incident" },
      points: -5,
    },
    {
      label: "环保行政处罚",
      condition: { field: "events", op: "has_label", value: "env_penalty" },
      points: -5,
    },
  ],
  bonusCap: 5,
  deductionCap: 10,
  classRule: { kind: "percentile", cuts: [20, 60, 95], ties: "better", rankWithin: "all" },
  negative: [{ reason: "发生重大安全生产事故", condition: majorIncident, forceClass: "D" }],
};

export const presets = [
  { key: "zhejiang", name: "浙江式（黄岩区 2022 年参数）", year: 2022, body: zhejiangPreset },
  { key: "jiangsu", name: "江苏式（淮安 2024 年参数）", year: 2024, body: jiangsuPreset },
] as const;
export type PresetKey = (typeof presets)[number]["key"];
