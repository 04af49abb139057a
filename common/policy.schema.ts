import { z } from "zod";
import { type Condition, conditionSchema, type Explanation } from "./conditions.js";
import { pageQuery } from "./paging.js";

/**
 * 政策兑现: a clause of a policy (seed 000's district "99条"), who it is for (a condition over
 * enterprise data) and how much it pays (an amount rule), claimed by firms through review steps.
 */
export const amountKinds = ["fixed", "percent"] as const;
export type AmountKind = (typeof amountKinds)[number];

/** Figures a percentage may be taken of (enterprise condition fields, in 万元). */
export const amountBases = ["revenue", "tax", "valueAdded", "output", "rd"] as const;
export type AmountBase = (typeof amountBases)[number];

const fenAmount = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}应精确到分`)
    .min(0, `${what}不能为负数`)
    .max(100_000_000_000_00, `${what}过大，请核对`);

export const amountRule = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("fixed"), amountFen: fenAmount("奖补金额") }),
  z.strictObject({
    kind: z.literal("percent"),
    base: z.enum(amountBases, { error: "请选择计算基数" }),
    percent: z.number({ error: "请填写比例" }).gt(0, "比例应大于 0").max(100, "比例不能超过 100%"),
    /** the most one application may get; none when left out */
    capFen: fenAmount("封顶金额").nullable().optional(),
  }),
]);
export type AmountRule = z.infer<typeof amountRule>;

/** Claimed once per firm, or once per firm and year. */
export const claimPeriods = ["once", "year"] as const;
export type ClaimPeriod = (typeof claimPeriods)[number];
export const claimPeriodLabels: Record<ClaimPeriod, string> = { once: "每家企业限一次", year: "每年一次" };

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();

export const clauseFields = {
  regionId: z.uuid({ error: "请选择行政区" }),
  policyName: z.string({ error: "请填写政策文件名称" }).trim().min(2, "政策文件名称至少 2 个字").max(120),
  docNo: text(60, "文号"),
  clauseNo: text(30, "条款号"),
  name: z
    .string({ error: "请填写条款名称" })
    .trim()
    .min(2, "条款名称至少 2 个字")
    .max(120, "条款名称不能超过 120 个字"),
  content: text(4000, "条款内容"),
  condition: conditionSchema,
  amountRule,
  period: z.enum(claimPeriods, { error: "请选择申报周期" }),
  validFrom: day.nullable().optional(),
  validTo: day.nullable().optional(),
  /** the review steps an application passes, in order (e.g. 园区初审, 部门复审, 财政终审) */
  steps: z
    .array(z.string().trim().min(2, "审核环节名称至少 2 个字").max(20, "审核环节名称不能超过 20 个字"))
    .min(1, "至少设置一个审核环节")
    .max(6, "审核环节不能超过 6 个"),
  departmentId: z.uuid().nullable().optional(),
  /** 公平竞争审查: flagged clauses show the flag wherever they are applied */
  fairReview: z.boolean().default(false),
  fairReviewNote: text(500, "公平竞争审查说明"),
  active: z.boolean().default(true),
};

const validRange = (v: { validFrom?: string | null; validTo?: string | null }) =>
  !v.validFrom || !v.validTo || v.validFrom <= v.validTo;
export const clauseCreate = z
  .strictObject(clauseFields)
  .refine(validRange, { message: "有效期止不能早于有效期起", path: ["validTo"] });
export type ClauseCreate = z.infer<typeof clauseCreate>;
export const clauseUpdate = z
  .strictObject(clauseFields)
  .partial()
  .extend({ version: z.number().int() })
  .refine(validRange, { message: "有效期止不能早于有效期起", path: ["validTo"] });
export type ClauseUpdate = z.infer<typeof clauseUpdate>;

export const clauseQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  active: z.enum(["true", "false"]).optional(),
  fairReview: z.enum(["yes"]).optional(),
});
export type ClauseQuery = z.infer<typeof clauseQuery>;

export type ClauseRow = {
  id: string;
  regionId: string;
  regionName: string;
  policyName: string;
  docNo: string | null;
  clauseNo: string | null;
  name: string;
  content: string | null;
  condition: Condition;
  conditionText: string;
  amountRule: AmountRule;
  amountText: string;
  period: ClaimPeriod;
  validFrom: string | null;
  validTo: string | null;
  steps: string[];
  departmentId: string | null;
  departmentName: string | null;
  fairReview: boolean;
  fairReviewNote: string | null;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** A clause as one firm meets it: whether, why, and how much it would likely get. */
export interface ClauseMatch {
  clause: ClauseRow;
  eligible: boolean;
  explanation: Explanation;
  /** the unmet parts, in words */
  reasons: string[];
  /** the amount rule applied to the firm's latest figures; null when a figure is missing */
  estimateFen: number | null;
  /** the firm's application for the current period, if any */
  applicationId: string | null;
}

/**
 * draft is not used: an application is submitted at once. reviewing: between steps; approved:
 * every step passed, awaiting payout; paid: paid in full; rejected: refused at a step.
 */
export const applicationStatuses = ["reviewing", "approved", "paid", "rejected"] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
export const applicationStatusLabels: Record<ApplicationStatus, string> = {
  reviewing: "审核中",
  approved: "已批准待兑付",
  paid: "已兑付",
  rejected: "未通过",
};

export const applicationCreate = z.strictObject({
  clauseId: z.uuid({ error: "请选择政策条款" }),
  /** an enterprise user's own firm when left out */
  enterpriseId: z.uuid().optional(),
  /** the year claimed for (period "year"); the current year when left out */
  year: z.number().int().min(2000).max(2100).optional(),
  claimedFen: fenAmount("申请金额"),
  note: text(2000, "申请说明"),
  fileIds: z.array(z.uuid()).max(20, "附件不能超过 20 个").default([]),
  /** needed when the firm does not meet the clause's condition (staff only) */
  overrideReason: z.string().trim().min(4, "请说明不符合条件仍受理的原因（至少 4 个字）").max(500).optional(),
});
export type ApplicationCreate = z.infer<typeof applicationCreate>;

export const applicationDecide = z.strictObject({
  decision: z.enum(["pass", "reject"], { error: "请选择审核意见" }),
  opinion: z.string({ error: "请填写审核意见" }).trim().min(2, "请填写审核意见（至少 2 个字）").max(1000),
  /** at the last step: the amount approved (defaults to the claim) */
  approvedFen: fenAmount("批准金额").optional(),
  version: z.number().int(),
});
export const payoutCreate = z.strictObject({
  amountFen: fenAmount("兑付金额").refine((v) => v > 0, "兑付金额应大于 0"),
  paidOn: day,
  voucherNo: text(60, "凭证号"),
  version: z.number().int(),
});

export const applicationQuery = pageQuery.extend({
  clauseId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  status: z.enum(applicationStatuses).optional(),
  year: z.coerce.number().int().optional(),
});
export type ApplicationQuery = z.infer<typeof applicationQuery>;

export type ApplicationRow = {
  id: string;
  code: string;
  clauseId: string;
  clauseName: string;
  policyName: string;
  fairReview: boolean;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  /** "2026", or "once" */
  period: string;
  claimedFen: number;
  estimateFen: number | null;
  approvedFen: number | null;
  paidFen: number;
  status: ApplicationStatus;
  /** the review step now due (index into the clause's steps), null when decided */
  stepIndex: number | null;
  stepName: string | null;
  eligible: boolean;
  overrideReason: string | null;
  note: string | null;
  fileIds: string[];
  appliedOn: string;
  appliedByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export interface ApplicationEvent {
  id: string;
  kind: "submitted" | "passed" | "rejected" | "approved" | "paid";
  step: string | null;
  text: string | null;
  amountFen: number | null;
  actorName: string | null;
  at: string;
}

export interface Payout {
  id: string;
  amountFen: number;
  paidOn: string;
  voucherNo: string | null;
  recordedByName: string | null;
  createdAt: string;
}

export interface ApplicationDetail extends ApplicationRow {
  steps: string[];
  events: ApplicationEvent[];
  payouts: Payout[];
  can: { decide: boolean; pay: boolean };
}

export const totalsQuery = z.object({
  regionId: z.uuid().optional(),
  year: z.coerce.number().int().optional(),
  by: z.enum(["clause", "park", "year"]).default("clause"),
});

export interface PolicyTotal {
  key: string | null;
  name: string;
  applications: number;
  approved: number;
  approvedFen: number;
  paidFen: number;
}

/** Working days each review step has before reviewers are reminded it is overdue. */
export const POLICY_STEP_WORKDAYS = 10;
