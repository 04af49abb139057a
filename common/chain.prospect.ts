import { z } from "zod";
import type { ConditionField } from "./conditions.js";
import { pageQuery } from "./paging.js";

/**
 * The fields a chain's strength rule may test, one row per link (common/conditions.ts language).
 * Figures are the latest year on record of each firm on the link, summed.
 */
export const linkFields: readonly ConditionField[] = [
  { key: "firmCount", label: "环节企业数", type: "number", unit: "家" },
  { key: "leaderCount", label: "链主企业数", type: "number", unit: "家" },
  { key: "outputWan", label: "环节总产值（最新年度）", type: "number", unit: "万元" },
  { key: "taxWan", label: "环节总税收（最新年度）", type: "number", unit: "万元" },
  { key: "revenueWan", label: "环节营业收入（最新年度）", type: "number", unit: "万元" },
  { key: "hnteCount", label: "高新技术企业数", type: "number", unit: "家" },
  { key: "srdiCount", label: "专精特新企业数", type: "number", unit: "家" },
  { key: "giantCount", label: "专精特新小巨人数", type: "number", unit: "家" },
  { key: "listedCount", label: "上市企业数", type: "number", unit: "家" },
  { key: "projectCount", label: "在推项目数", type: "number", unit: "个" },
];

/** 招引目标 sources, as the seeds name the lists prospects come from. */
export const prospectSources = [
  "fortune500",
  "private500",
  "listed",
  "university",
  "alumni",
  "referral",
  "other",
] as const;
export type ProspectSource = (typeof prospectSources)[number];
export const prospectSourceLabels: Record<ProspectSource, string> = {
  fortune500: "世界500强",
  private500: "中国民营企业500强",
  listed: "上市公司",
  university: "高校院所成果",
  alumni: "校友企业",
  referral: "以商招商推荐",
  other: "其他",
};

export const prospectSignals = ["expansion", "fund_tie", "visit", "policy_fit"] as const;
export type ProspectSignal = (typeof prospectSignals)[number];
export const prospectSignalLabels: Record<ProspectSignal, string> = {
  expansion: "扩张动态",
  fund_tie: "基金关联",
  visit: "有过接洽",
  policy_fit: "契合本地政策",
};

export const prospectPriorities = ["high", "medium", "low"] as const;
export type ProspectPriority = (typeof prospectPriorities)[number];
export const prospectPriorityLabels: Record<ProspectPriority, string> = {
  high: "高",
  medium: "中",
  low: "低",
};

export const prospectStatuses = ["new", "assigned", "converted", "dropped"] as const;
export type ProspectStatus = (typeof prospectStatuses)[number];
export const prospectStatusLabels: Record<ProspectStatus, string> = {
  new: "待分配",
  assigned: "已分配",
  converted: "已转线索",
  dropped: "已放弃",
};

const text = (max: number) => z.string().trim().max(max).nullable().optional();

const prospectFields = {
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name: z.string().trim().min(2, "企业名称至少 2 个字").max(120),
  enterpriseId: z.uuid().nullable().optional(),
  sources: z.array(z.enum(prospectSources)).min(1, "请至少选择一个来源").max(prospectSources.length),
  country: text(40),
  headquarters: text(80),
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-T]|[A-T]?\d{2,4})$/, "行业代码格式应如 C3985 或 3985")
    .nullable()
    .optional(),
  industry: text(60),
  moves: text(2000),
  signals: z.array(z.enum(prospectSignals)).max(prospectSignals.length).optional(),
  priority: z.enum(prospectPriorities).optional(),
  linkIds: z.array(z.uuid()).max(20).optional(),
  note: text(2000),
};
export const prospectCreate = z.strictObject(prospectFields);
export type ProspectCreate = z.infer<typeof prospectCreate>;
export const prospectUpdate = z.strictObject({
  ...prospectFields,
  regionId: prospectFields.regionId.optional(),
  name: prospectFields.name.optional(),
  sources: prospectFields.sources.optional(),
  status: z.enum(["new", "assigned", "dropped"]).optional(),
  version: z.number().int(),
});
export type ProspectUpdate = z.infer<typeof prospectUpdate>;

export const prospectQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  chainId: z.uuid().optional(),
  linkId: z.uuid().optional(),
  source: z.enum(prospectSources).optional(),
  status: z.enum(prospectStatuses).optional(),
  priority: z.enum(prospectPriorities).optional(),
  teamId: z.uuid().optional(),
  country: z.string().trim().max(40).optional(),
});
export type ProspectQuery = z.infer<typeof prospectQuery>;

export const prospectAssign = z.strictObject({
  teamId: z.uuid({ error: "请选择小分队" }),
  version: z.number().int(),
});

/** 转为线索: the project is registered in stage 线索 through the projects service. */
export const prospectConvert = z.strictObject({
  projectName: z.string().trim().min(2).max(120).optional(),
  teamId: z.uuid({ error: "请选择报备的小分队" }),
  parkId: z.uuid().nullable().optional(),
  totalInvestmentFen: z.number().int().min(0).nullable().optional(),
  duplicateReason: z.string().trim().min(4).max(500).optional(),
  version: z.number().int(),
});

/** 排名权重: each component's weight, 0–100; at least one above zero. */
export const rankWeights = z.strictObject({
  gap: z.number().int().min(0).max(100),
  fit: z.number().int().min(0).max(100),
  signals: z.number().int().min(0).max(100),
  source: z.number().int().min(0).max(100),
  priority: z.number().int().min(0).max(100),
});
export type RankWeights = z.infer<typeof rankWeights>;
export const defaultRankWeights: RankWeights = { gap: 40, fit: 20, signals: 20, source: 10, priority: 10 };
export const rankWeightLabels: Record<keyof RankWeights, string> = {
  gap: "补链价值",
  fit: "本地产业契合",
  signals: "动态信号",
  source: "来源名单",
  priority: "人工优先级",
};
export const weightsSave = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  weights: rankWeights,
  version: z.number().int().optional(),
});

/** One component of a prospect's score, with why it is what it is. */
export interface ScorePart {
  key: keyof RankWeights;
  label: string;
  /** 0–1 before weighting */
  value: number;
  weight: number;
  /** points this part adds to the 0–100 score */
  points: number;
  reason: string;
}

export interface ProspectRow {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  enterpriseId: string | null;
  sources: ProspectSource[];
  country: string | null;
  headquarters: string | null;
  industryCode: string | null;
  industry: string | null;
  moves: string | null;
  signals: ProspectSignal[];
  priority: ProspectPriority;
  status: ProspectStatus;
  teamId: string | null;
  teamName: string | null;
  projectId: string | null;
  projectCode: string | null;
  links: { id: string; name: string; chainId: string; chainName: string }[];
  linkIds: string[];
  note: string | null;
  score: number;
  parts: ScorePart[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
