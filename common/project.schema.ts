import { z } from "zod";
import type { SubjectType } from "./enums.js";
import { pageQuery } from "./paging.js";

/** The pipeline, in order; 中止 sits apart. */
export const projectStages = [
  "lead",
  "negotiating",
  "assessing",
  "signed",
  "registered",
  "land",
  "construction",
  "completed",
  "production",
  "full_production",
] as const;
export const allStages = [...projectStages, "stopped"] as const;
export type ProjectStage = (typeof allStages)[number];
export const stageLabels: Record<ProjectStage, string> = {
  lead: "线索",
  negotiating: "在谈",
  assessing: "研判",
  signed: "签约",
  registered: "注册",
  land: "供地",
  construction: "开工",
  completed: "竣工",
  production: "投产",
  full_production: "达产",
  stopped: "中止",
};
export const stageIndex = (s: ProjectStage) => (projectStages as readonly string[]).indexOf(s);

export const projectChannels = [
  "fund",
  "enclave",
  "stationed",
  "chain",
  "via_firms",
  "overseas",
  "competition",
  "alumni",
  "capital",
  "institute",
  "asset_light",
  "other",
] as const;
export type ProjectChannel = (typeof projectChannels)[number];
export const channelLabels: Record<ProjectChannel, string> = {
  fund: "基金招商",
  enclave: "飞地招商",
  stationed: "驻点招商",
  chain: "产业链招商",
  via_firms: "以商招商",
  overseas: "海外招商",
  competition: "赛会招商",
  alumni: "校友招商",
  capital: "资本招商",
  institute: "研究院招商",
  asset_light: "轻资产招商",
  other: "其他",
};

export const projectKinds = ["industrial", "service", "rd", "other"] as const;
export type ProjectKind = (typeof projectKinds)[number];
export const projectKindLabels: Record<ProjectKind, string> = {
  industrial: "工业项目",
  service: "服务业项目",
  rd: "研发总部项目",
  other: "其他项目",
};

export const manualTags = ["provincial_major", "fortune500", "foreign"] as const;
export type ManualTag = (typeof manualTags)[number];
export const manualTagLabels: Record<ManualTag, string> = {
  provincial_major: "列省重大",
  fortune500: "世界500强",
  foreign: "外资",
};

/** Size tags follow from the total investment (fen): ¥100m, ¥1bn, ¥5bn. */
export const sizeTiers = [
  { key: "over100m", label: "亿元以上", minFen: 100_000_000_00 },
  { key: "over1bn", label: "10亿元以上", minFen: 1_000_000_000_00 },
  { key: "over5bn", label: "50亿元以上", minFen: 5_000_000_000_00 },
] as const;
export type SizeTier = (typeof sizeTiers)[number]["key"];
export const sizeTagsOf = (totalFen: number | null): string[] =>
  sizeTiers.filter((t) => (totalFen ?? 0) >= t.minFen).map((t) => t.label);

/** 新建 in the year construction started, 续建 in later years until completion. */
export function constructionKindIn(
  year: number,
  startedOn: string | null,
  completedOn: string | null,
): "新建" | "续建" | null {
  if (!startedOn) return null;
  const started = Number(startedOn.slice(0, 4));
  if (started === year) return "新建";
  if (started < year && (!completedOn || Number(completedOn.slice(0, 4)) >= year)) return "续建";
  return null;
}

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const money = (what: string) => z.number().int(`${what}应为整数(分)`).min(0, `${what}不能为负数`);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const projectFields = {
  name: z.string().trim().min(2, "项目名称至少 2 个字").max(120, "项目名称不能超过 120 个字"),
  investorId: z.uuid({ error: "请选择投资方企业" }),
  kind: z.enum(projectKinds).optional(),
  industryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^([A-T]|[A-T]?\d{2,4})$/, "行业代码格式应如 C3985 或 3985")
    .nullable()
    .optional(),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  parkId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  officerId: z.uuid().nullable().optional(),
  channel: z.enum(projectChannels, { error: "请选择招商渠道" }),
  totalInvestmentFen: money("总投资").nullable().optional(),
  foreignCapitalCents: money("外资").nullable().optional(),
  fixedAssetFen: money("固定资产投资").nullable().optional(),
  landDemandM2: z.number().min(0, "用地需求不能为负数").nullable().optional(),
  floorDemandM2: z.number().min(0, "用房需求不能为负数").nullable().optional(),
  expectedOutputFen: money("预计年产值").nullable().optional(),
  expectedTaxFen: money("预计年税收").nullable().optional(),
  jobs: z.number().int().min(0, "就业人数不能为负数").nullable().optional(),
  manualTags: z.array(z.enum(manualTags)).max(3).optional(),
  summary: optionalText(2000),
};

export const projectCreate = z.strictObject({
  ...projectFields,
  teamId: z.uuid({ error: "请选择报备的小分队" }),
  /** the day the lead came in, for leads registered after the fact; today when left out */
  leadOn: day.optional(),
  /** Registering over likely duplicates needs a stated reason. */
  duplicateReason: z.string().trim().min(4, "请说明与疑似重复项目的区别(至少 4 个字)").max(500).optional(),
});
export const projectUpdate = z.strictObject({
  ...projectFields,
  name: projectFields.name.optional(),
  investorId: projectFields.investorId.optional(),
  regionId: projectFields.regionId.optional(),
  channel: projectFields.channel.optional(),
  version: z.number().int(),
});
export type ProjectCreate = z.infer<typeof projectCreate>;
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const duplicateCheck = z.strictObject({
  name: projectFields.name,
  investorId: projectFields.investorId,
  regionId: projectFields.regionId,
});

export const projectQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  officerId: z.uuid().optional(),
  investorId: z.uuid().optional(),
  stage: z.enum(allStages).optional(),
  channel: z.enum(projectChannels).optional(),
  kind: z.enum(projectKinds).optional(),
  tier: z.enum(["over100m", "over1bn", "over5bn"]).optional(),
  tag: z.enum(manualTags).optional(),
  duplicate: z.enum(["yes"]).optional(),
  overdue: z.enum(["yes"]).optional(),
});
export type ProjectQuery = z.infer<typeof projectQuery>;

export const stageMove = z.strictObject({
  to: z.enum(allStages, { error: "请选择目标阶段" }),
  on: day,
  reason: z.string().trim().max(500).optional(),
  version: z.number().int(),
});
export type StageMove = z.infer<typeof stageMove>;

export const creditShares = z.strictObject({
  shares: z
    .array(
      z.strictObject({
        teamId: z.uuid({ error: "请选择小分队" }),
        userId: z.uuid().nullable().optional(),
        percent: z.number().int("比例应为整数").min(1, "比例至少 1%").max(100, "比例不能超过 100%"),
      }),
    )
    .min(1, "至少一个分成单位")
    .max(10)
    .refine((s) => s.reduce((a, x) => a + x.percent, 0) === 100, "分成比例合计必须等于 100%")
    .refine((s) => new Set(s.map((x) => x.teamId)).size === s.length, "同一小分队不能重复出现"),
  version: z.number().int(),
});

/** Commitments made at signing (履约 compares actuals against them). */
export const contractTerms = z.strictObject({
  signedOn: day,
  contractNo: optionalText(60),
  investmentFen: money("承诺投资额").nullable().optional(),
  investBy: day.nullable().optional(),
  intensityWanPerMu: z.number().min(0, "投资强度不能为负数").nullable().optional(),
  taxPerMuWan: z.number().min(0, "亩均税收不能为负数").nullable().optional(),
  outputFen: money("承诺年产值").nullable().optional(),
  jobs: z.number().int().min(0).nullable().optional(),
  startBy: day.nullable().optional(),
  productionBy: day.nullable().optional(),
  version: z.number().int().optional(),
});
export type ContractTerms = z.infer<typeof contractTerms>;

export const nodeGates = ["land"] as const;

export const templateItem = z.strictObject({
  name: z.string().trim().min(2, "节点名称至少 2 个字").max(60),
  departmentId: z.uuid().nullable().optional(),
  /** due N working days after signing */
  dueWorkdays: z.number().int().min(0, "期限不能为负数").max(1000, "期限不能超过 1000 个工作日"),
  gate: z.enum(nodeGates).nullable().optional(),
  /** completing the node needs an evidence file */
  evidenceRequired: z.boolean().optional(),
});
export const nodeTemplateBody = z.strictObject({
  name: z.string().trim().min(2, "模板名称至少 2 个字").max(60),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  parkId: z.uuid().nullable().optional(),
  projectKind: z.enum(projectKinds).nullable().optional(),
  items: z.array(templateItem).min(1, "模板至少一个节点").max(40),
  version: z.number().int().optional(),
});
export type NodeTemplateBody = z.infer<typeof nodeTemplateBody>;

export const nodeStatuses = ["pending", "done", "waived"] as const;
export type NodeStatus = (typeof nodeStatuses)[number];
export const nodeStatusLabels: Record<NodeStatus, string> = {
  pending: "未完成",
  done: "已完成",
  waived: "不适用",
};

export const nodeUpdate = z.strictObject({
  status: z.enum(nodeStatuses).optional(),
  doneOn: day.nullable().optional(),
  plannedOn: day.nullable().optional(),
  departmentId: z.uuid().nullable().optional(),
  note: optionalText(1000),
  evidenceFileIds: z.array(z.uuid()).max(20).optional(),
  version: z.number().int(),
});

export const nodeQuery = pageQuery.extend({
  departmentId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  status: z.enum(nodeStatuses).optional(),
  due: z.enum(["overdue", "soon"]).optional(),
});

export type ProjectRow = {
  id: string;
  code: string;
  name: string;
  investorId: string;
  investorName: string;
  investorUscc: string | null;
  kind: ProjectKind;
  industryCode: string | null;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  teamId: string | null;
  teamName: string | null;
  officerId: string | null;
  officerName: string | null;
  channel: ProjectChannel;
  totalInvestmentFen: number | null;
  foreignCapitalCents: number | null;
  fixedAssetFen: number | null;
  landDemandM2: number | null;
  floorDemandM2: number | null;
  expectedOutputFen: number | null;
  expectedTaxFen: number | null;
  jobs: number | null;
  manualTags: ManualTag[];
  sizeTags: string[];
  summary: string | null;
  stage: ProjectStage;
  stageOn: string;
  stoppedFrom: ProjectStage | null;
  /** first day each stage was reached, by stage order; null where skipped */
  stageDates: (string | null)[];
  duplicateOf: string[];
  duplicateReason: string | null;
  registeredAt: string;
  registeredBy: string | null;
  overdueNodes: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ProjectNode = {
  id: string;
  projectId: string;
  projectName: string;
  seq: number;
  name: string;
  departmentId: string | null;
  departmentName: string | null;
  gate: string | null;
  dueWorkdays: number;
  dueOn: string | null;
  plannedOn: string | null;
  doneOn: string | null;
  status: NodeStatus;
  note: string | null;
  evidenceFileIds: string[];
  /** completing it needs at least one evidence file */
  evidenceRequired: boolean;
  /** working days past due (positive) or left (negative), null when done or without a date */
  lateWorkdays: number | null;
  /** the record serving the node (the site reserved for the land node), with its label when linked */
  linkType: SubjectType | null;
  linkId: string | null;
  linkLabel: string | null;
  version: number;
};

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月份格式应为 YYYY-MM");
export const monthParam = z.object({ id: z.uuid(), month });
export const fundUpsert = z.strictObject({
  domesticFen: money("内资到位").optional(),
  foreignCents: money("外资到位").optional(),
  evidenceFileIds: z.array(z.uuid()).max(20).optional(),
  note: optionalText(500),
  version: z.number().int().optional(),
});
export const fundSummaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  groupBy: z.enum(["park", "team", "month"]).default("park"),
  parkId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});

export const actualYearParam = z.object({ id: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) });
export const actualUpsert = z.strictObject({
  investmentFen: money("累计完成投资").nullable().optional(),
  outputFen: money("产值").nullable().optional(),
  taxFen: money("税收").nullable().optional(),
  jobs: z.number().int().min(0).nullable().optional(),
  landM2: z.number().min(0).nullable().optional(),
  note: optionalText(500),
  version: z.number().int().optional(),
});

export const commitmentStatuses = ["met", "pending", "behind", "missed"] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];
export const commitmentStatusLabels: Record<CommitmentStatus, string> = {
  met: "已达成",
  pending: "未到期",
  behind: "进度滞后",
  missed: "未履约",
};

export type Commitment = {
  key: "investment" | "intensity" | "tax_per_mu" | "output" | "jobs" | "start" | "production";
  label: string;
  unit: string;
  target: number | string | null;
  actual: number | string | null;
  /** actual − target for amounts; working days late for dates */
  gap: number | null;
  due: string | null;
  status: CommitmentStatus;
};

export type IdleLand = { level: "one_year" | "two_years"; since: string; text: string } | null;
