import { z } from "zod";
import { appealFields } from "./appeal.schema.js";
import { type Condition, conditionSchema } from "./conditions.js";
import { pageQuery } from "./paging.js";

/** 走访: how a firm was visited. */
export const visitMethods = ["onsite", "phone", "meeting", "online"] as const;
export type VisitMethod = (typeof visitMethods)[number];
export const visitMethodLabels: Record<VisitMethod, string> = {
  onsite: "上门走访",
  phone: "电话访问",
  meeting: "座谈会",
  online: "线上视频",
};

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();

/** An appeal raised during a visit, filed with it (common/appeal.schema.ts for its fields). */
export const visitAppeal = z.strictObject(appealFields);

export const visitCreate = z.strictObject({
  enterpriseId: z.uuid({ error: "请选择走访的企业" }),
  visitedOn: day,
  method: z.enum(visitMethods, { error: "请选择走访方式" }),
  /** who went along (names, free text): the visitor is the user recording it */
  companions: text(200, "同行人员"),
  /** whom the firm put forward */
  metWith: text(100, "接待人"),
  findings: z
    .string({ error: "请填写走访情况" })
    .trim()
    .min(2, "请填写走访情况（至少 2 个字）")
    .max(4000, "走访情况不能超过 4000 字"),
  appeals: z.array(visitAppeal).max(10, "一次走访最多登记 10 条诉求").optional(),
});
export type VisitCreate = z.infer<typeof visitCreate>;

export const visitUpdate = z.strictObject({
  visitedOn: day.optional(),
  method: z.enum(visitMethods).optional(),
  companions: text(200, "同行人员"),
  metWith: text(100, "接待人"),
  findings: visitCreate.shape.findings.optional(),
  version: z.number().int(),
});
export type VisitUpdate = z.infer<typeof visitUpdate>;

export const visitQuery = pageQuery.extend({
  enterpriseId: z.uuid().optional(),
  visitorId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  method: z.enum(visitMethods).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type VisitQuery = z.infer<typeof visitQuery>;

export type VisitRow = {
  id: string;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  visitedOn: string;
  method: VisitMethod;
  visitorId: string | null;
  visitorName: string | null;
  companions: string | null;
  metWith: string | null;
  findings: string;
  appealCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** How often a plan's population is to be visited. */
export const planPeriods = ["month", "quarter", "year"] as const;
export type PlanPeriod = (typeof planPeriods)[number];
export const planPeriodLabels: Record<PlanPeriod, string> = {
  month: "每月",
  quarter: "每季度",
  year: "每年",
};

/** 走访计划: every firm of a population, visited once each period (seed 002: 100% coverage). */
export const visitPlanCreate = z.strictObject({
  name: z
    .string({ error: "请填写计划名称" })
    .trim()
    .min(2, "计划名称至少 2 个字")
    .max(60, "计划名称不能超过 60 个字"),
  regionId: z.uuid({ error: "请选择行政区" }),
  parkId: z.uuid().nullable().optional(),
  period: z.enum(planPeriods, { error: "请选择走访周期" }),
  /** which firms: the condition language over enterprise fields (common/enterprise.fields.ts) */
  condition: conditionSchema,
  /** the share of the population to visit, in percent */
  targetRate: z.number().min(1, "覆盖目标至少 1%").max(100, "覆盖目标不能超过 100%").default(100),
  active: z.boolean().default(true),
});
export type VisitPlanCreate = z.infer<typeof visitPlanCreate>;
export const visitPlanUpdate = visitPlanCreate.partial().extend({ version: z.number().int() });
export type VisitPlanUpdate = z.infer<typeof visitPlanUpdate>;

export type VisitPlanRow = {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  period: PlanPeriod;
  condition: Condition;
  /** the condition in words */
  conditionText: string;
  targetRate: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** A period of a plan: 2026 (year), 2026-Q4 (quarter) or 2026-12 (month). */
export const periodKey = z
  .string()
  .regex(/^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, "周期格式应如 2026、2026-Q4 或 2026-12");

export const coverageQuery = z.object({ period: periodKey.optional() });
export const unvisitedQuery = pageQuery.extend({
  period: periodKey.optional(),
  specialistId: z.uuid().optional(),
  parkId: z.uuid().optional(),
});

export interface CoverageGroup {
  id: string | null;
  name: string;
  population: number;
  visited: number;
  /** percent, one decimal; null for an empty group */
  rate: number | null;
}

export interface Coverage {
  planId: string;
  period: string;
  from: string;
  to: string;
  population: number;
  visited: number;
  rate: number | null;
  targetRate: number;
  bySpecialist: CoverageGroup[];
  byTeam: CoverageGroup[];
  byPark: CoverageGroup[];
}

export interface UnvisitedRow {
  enterpriseId: string;
  name: string;
  uscc: string | null;
  parkName: string | null;
  specialistId: string | null;
  specialistName: string | null;
  lastVisitedOn: string | null;
}
