import { z } from "zod";
import { pageQuery } from "./paging.js";

/** 诉求类别 (issue text and seed 002's bus line for workers: 交通). */
export const appealCategories = [
  "labour",
  "transport",
  "land",
  "financing",
  "approval",
  "policy",
  "talent",
  "other",
] as const;
export type AppealCategory = (typeof appealCategories)[number];
export const appealCategoryLabels: Record<AppealCategory, string> = {
  labour: "用工",
  transport: "交通",
  land: "用地",
  financing: "融资",
  approval: "审批",
  policy: "政策",
  talent: "人才",
  other: "其他",
};

/** Working days a department has for each category unless a region sets its own. */
export const defaultAppealDeadlines: Record<AppealCategory, number> = {
  labour: 10,
  transport: 15,
  land: 20,
  financing: 10,
  approval: 5,
  policy: 10,
  talent: 10,
  other: 10,
};

/**
 * submitted: filed by the firm, not yet routed; routed: with a department, not yet accepted;
 * accepted: the department is on it; resolved: the department says it is solved, the firm has
 * to confirm; closed: the firm confirmed and rated it.
 */
export const appealStatuses = ["submitted", "routed", "accepted", "resolved", "closed"] as const;
export type AppealStatus = (typeof appealStatuses)[number];
export const appealStatusLabels: Record<AppealStatus, string> = {
  submitted: "待分派",
  routed: "待受理",
  accepted: "办理中",
  resolved: "待企业确认",
  closed: "已办结",
};
/** Statuses a department still owes work on; the deadline runs in these. */
export const appealActiveStatuses: readonly AppealStatus[] = ["routed", "accepted"];

export const appealEventKinds = [
  "raised",
  "routed",
  "accepted",
  "transferred",
  "replied",
  "resolved",
  "confirmed",
  "reopened",
  "escalated",
] as const;
export type AppealEventKind = (typeof appealEventKinds)[number];
export const appealEventLabels: Record<AppealEventKind, string> = {
  raised: "提出诉求",
  routed: "分派",
  accepted: "受理",
  transferred: "转办",
  replied: "答复进展",
  resolved: "办结",
  confirmed: "企业确认",
  reopened: "重新办理",
  escalated: "逾期升级",
};

/** Overdue by more than this many working days: the region's leaders are told. */
export const APPEAL_ESCALATE_AFTER_WORKDAYS = 3;
/** Due within this many working days: the department is reminded. */
export const APPEAL_DUE_SOON_WORKDAYS = 2;

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const words = (what: string, max = 2000) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）`)
    .max(max, `${what}不能超过 ${max} 字`);
const deadline = z
  .number({ error: "请填写办理期限（工作日）" })
  .int("办理期限应为整数个工作日")
  .min(1, "办理期限至少 1 个工作日")
  .max(120, "办理期限不能超过 120 个工作日");
const version = z.number().int();

export const appealFields = {
  title: z.string({ error: "请填写诉求" }).trim().min(2, "诉求至少 2 个字").max(120, "诉求不能超过 120 个字"),
  category: z.enum(appealCategories, { error: "请选择诉求类别" }),
  detail: z.string().trim().max(2000, "诉求描述不能超过 2000 字").nullable().optional(),
};

export const appealCreate = z.strictObject({
  /** an enterprise user's own firm when left out */
  enterpriseId: z.uuid({ error: "请选择企业" }).optional(),
  ...appealFields,
  /** routed at once (staff only); the deadline defaults to the category's */
  departmentId: z.uuid({ error: "请选择承办部门" }).nullable().optional(),
  deadlineWorkdays: deadline.nullable().optional(),
  visitId: z.uuid().nullable().optional(),
});
export type AppealCreate = z.infer<typeof appealCreate>;

export const appealRoute = z.strictObject({
  departmentId: z.uuid({ error: "请选择承办部门" }),
  deadlineWorkdays: deadline.optional(),
  /** needed when the appeal already has a department (转办) */
  reason: words("转办原因", 500).optional(),
  version,
});
export const appealAccept = z.strictObject({
  note: z.string().trim().max(500).nullable().optional(),
  version,
});
export const appealReply = z.strictObject({ text: words("答复内容"), version });
export const appealResolve = z.strictObject({ resolution: words("办理结果"), version });
export const appealConfirm = z.strictObject({
  rating: z
    .number({ error: "请评价满意度" })
    .int("满意度为 1 到 5 分")
    .min(1, "满意度为 1 到 5 分")
    .max(5, "满意度为 1 到 5 分"),
  comment: z.string().trim().max(500, "评价不能超过 500 字").nullable().optional(),
  version,
});
export const appealReopen = z.strictObject({ reason: words("重新办理的原因", 500), version });

export const appealQuery = pageQuery.extend({
  /** active = routed or accepted */
  status: z.enum([...appealStatuses, "active"]).optional(),
  category: z.enum(appealCategories).optional(),
  departmentId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  overdue: z.enum(["yes"]).optional(),
  escalated: z.enum(["yes"]).optional(),
  raisedFrom: day.optional(),
  raisedTo: day.optional(),
});
export type AppealQuery = z.infer<typeof appealQuery>;

export const appealFiguresQuery = z.object({
  regionId: z.uuid().optional(),
  category: z.enum(appealCategories).optional(),
  raisedFrom: day.optional(),
  raisedTo: day.optional(),
});
export type AppealFiguresQuery = z.infer<typeof appealFiguresQuery>;

export const appealDeadlinesUpdate = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  deadlines: z.partialRecord(z.enum(appealCategories), deadline),
});

export type AppealRow = {
  id: string;
  code: string;
  enterpriseId: string;
  enterpriseName: string;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  title: string;
  category: AppealCategory;
  detail: string | null;
  raisedOn: string;
  raisedBy: string | null;
  raisedByName: string | null;
  /** an enterprise user filed it (not a specialist on their behalf) */
  byEnterprise: boolean;
  visitId: string | null;
  departmentId: string | null;
  departmentName: string | null;
  routedOn: string | null;
  deadlineWorkdays: number | null;
  dueOn: string | null;
  status: AppealStatus;
  resolution: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  rating: number | null;
  ratingComment: string | null;
  escalated: boolean;
  /** working days past due (positive) or left (≤ 0) while active; null otherwise */
  lateWorkdays: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export interface AppealEvent {
  id: string;
  kind: AppealEventKind;
  departmentId: string | null;
  departmentName: string | null;
  fromDepartmentName: string | null;
  dueOn: string | null;
  text: string | null;
  rating: number | null;
  actorName: string | null;
  at: string;
}

export interface AppealDetail extends AppealRow {
  events: AppealEvent[];
  /** what the actor may do now, so the page shows only those buttons */
  can: {
    route: boolean;
    accept: boolean;
    transfer: boolean;
    reply: boolean;
    resolve: boolean;
    confirm: boolean;
    reopen: boolean;
  };
}

export interface AppealDepartmentFigures {
  departmentId: string;
  departmentName: string;
  total: number;
  active: number;
  overdue: number;
  resolved: number;
  resolvedOnTime: number;
  /** percent of resolved appeals resolved by their due day, one decimal */
  onTimeRate: number | null;
  medianWorkdays: number | null;
  rated: number;
  /** mean rating 1–5, one decimal */
  satisfaction: number | null;
}
