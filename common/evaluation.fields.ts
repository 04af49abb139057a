import type { ConditionField } from "./conditions.js";
import {
  enterpriseLabelNames,
  enterpriseLabels,
  enterpriseStatuses,
  enterpriseStatusLabels,
  sizeClasses,
  sizeClassLabels,
} from "./enums.js";

/** 年度评价事项: facts of a firm's year the registry does not hold (incidents, penalties, honours). */
export const evaluationEventKinds = [
  "major_safety_incident",
  "safety_incident",
  "env_penalty",
  "patent",
  "brand",
  "energy_saving",
  "under_construction",
] as const;
export type EvaluationEventKind = (typeof evaluationEventKinds)[number];
export const evaluationEventLabels: Record<EvaluationEventKind, string> = {
  major_safety_incident: "重大安全生产事故",
  safety_incident: "一般安全生产事故",
  env_penalty: "环保行政处罚",
  patent: "发明专利授权",
  brand: "品牌荣誉（驰名商标、品字标等）",
  energy_saving: "节能降碳示范",
  under_construction: "项目在建未投产",
};

/**
 * What a scheme's scope, exclusions, bonus items and negative list may ask of a firm: the figures
 * of the evaluated year (not the latest year, as enterprise.fields.ts has), in the same
 * condition language.
 */
export const evaluationFields: readonly ConditionField[] = [
  {
    key: "sizeClass",
    label: "规模类别",
    type: "text",
    options: sizeClasses.map((v) => ({ value: v, label: sizeClassLabels[v] })),
  },
  { key: "landMu", label: "用地面积", type: "number", unit: "亩" },
  { key: "floorRentedM2", label: "租用厂房面积", type: "number", unit: "平方米" },
  { key: "revenue", label: "营业收入", type: "number", unit: "万元" },
  { key: "tax", label: "评价税收", type: "number", unit: "万元" },
  { key: "yearsFounded", label: "成立年数", type: "number", unit: "年" },
  { key: "industryCode", label: "行业代码", type: "text" },
  {
    key: "status",
    label: "经营状态",
    type: "text",
    options: enterpriseStatuses.map((v) => ({ value: v, label: enterpriseStatusLabels[v] })),
  },
  {
    key: "labels",
    label: "企业标签",
    type: "labels",
    options: enterpriseLabels.map((v) => ({ value: v, label: enterpriseLabelNames[v] })),
  },
  {
    key: "events",
    label: "年度评价事项",
    type: "labels",
    options: evaluationEventKinds.map((v) => ({ value: v, label: evaluationEventLabels[v] })),
  },
];
