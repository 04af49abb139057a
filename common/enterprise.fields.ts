import type { ConditionField } from "./conditions.js";
import {
  enterpriseLabelNames,
  enterpriseLabels,
  enterpriseStatuses,
  enterpriseStatusLabels,
  sizeClasses,
  sizeClassLabels,
} from "./enums.js";

/**
 * What a condition may ask of a firm (policy eligibility, visit-plan populations, evaluation
 * scope). Figures come from the firm's latest year on record; money in 万元.
 */
export const enterpriseFields: readonly ConditionField[] = [
  {
    key: "sizeClass",
    label: "规模类别",
    type: "text",
    options: sizeClasses.map((v) => ({ value: v, label: sizeClassLabels[v] })),
  },
  { key: "fourUp", label: "四上企业", type: "boolean" },
  { key: "revenue", label: "营业收入", type: "number", unit: "万元" },
  { key: "tax", label: "税收", type: "number", unit: "万元" },
  { key: "valueAdded", label: "工业增加值", type: "number", unit: "万元" },
  { key: "output", label: "产值", type: "number", unit: "万元" },
  { key: "rd", label: "研发经费", type: "number", unit: "万元" },
  { key: "rdRatio", label: "研发经费占营收比", type: "number", unit: "%" },
  { key: "taxPerMu", label: "亩均税收", type: "number", unit: "万元/亩" },
  { key: "landMu", label: "用地面积", type: "number", unit: "亩" },
  { key: "figureYear", label: "数据年度", type: "number" },
  { key: "employees", label: "从业人数", type: "number", unit: "人" },
  { key: "registeredCapital", label: "注册资本", type: "number", unit: "万元" },
  { key: "foundedOn", label: "成立日期", type: "date" },
  { key: "industryCode", label: "行业代码", type: "text" },
  {
    key: "status",
    label: "经营状态",
    type: "text",
    options: enterpriseStatuses.map((v) => ({ value: v, label: enterpriseStatusLabels[v] })),
  },
  { key: "registered", label: "已有统一社会信用代码", type: "boolean" },
  {
    key: "labels",
    label: "企业标签",
    type: "labels",
    options: enterpriseLabels.map((v) => ({ value: v, label: enterpriseLabelNames[v] })),
  },
];
