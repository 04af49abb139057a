import { z } from "zod";
import { pageQuery } from "./paging.js";

/** 问题清单: what holds a project up, by kind. */
export const problemCategories = [
  "land",
  "planning",
  "approval",
  "funding",
  "labour",
  "utilities",
  "policy",
  "other",
] as const;
export type ProblemCategory = (typeof problemCategories)[number];
export const problemCategoryLabels: Record<ProblemCategory, string> = {
  land: "用地",
  planning: "规划",
  approval: "审批",
  funding: "资金",
  labour: "用工",
  utilities: "配套",
  policy: "政策",
  other: "其他",
};

/**
 * open: assigned, not yet answered; in_progress: the department replied; resolved: the
 * department says it is solved; closed: the officer confirmed it (销号).
 */
export const problemStatuses = ["open", "in_progress", "resolved", "closed"] as const;
export type ProblemStatus = (typeof problemStatuses)[number];
export const problemStatusLabels: Record<ProblemStatus, string> = {
  open: "待办理",
  in_progress: "办理中",
  resolved: "已解决",
  closed: "已销号",
};
/** The statuses a department still owes work on. */
export const activeStatuses: readonly ProblemStatus[] = ["open", "in_progress"];

export const problemEventKinds = [
  "raised",
  "assigned",
  "transferred",
  "replied",
  "resolved",
  "closed",
  "reopened",
  "discussed",
  "escalated",
] as const;
export type ProblemEventKind = (typeof problemEventKinds)[number];
export const problemEventLabels: Record<ProblemEventKind, string> = {
  raised: "提出问题",
  assigned: "交办",
  transferred: "转办",
  replied: "部门答复",
  resolved: "办结",
  closed: "确认销号",
  reopened: "重新打开",
  discussed: "会议研究",
  escalated: "逾期升级",
};

/** Subjects a problem may attach to (a project now; DESIGN "References"). */
export const problemSubjectTypes = ["project"] as const;

export const meetingKinds = ["xun", "monthly", "topic", "other"] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const meetingKindLabels: Record<MeetingKind, string> = {
  xun: "旬会办",
  monthly: "月督察",
  topic: "专题会",
  other: "其他",
};

/** Problems overdue by more than this many working days are escalated to the region's leaders. */
export const ESCALATE_AFTER_WORKDAYS = 5;

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const deadline = z
  .number({ error: "请填写办理期限（工作日）" })
  .int("办理期限应为整数个工作日")
  .min(1, "办理期限至少 1 个工作日")
  .max(250, "办理期限不能超过 250 个工作日");
const reason = (what: string) =>
  z
    .string({ error: `请填写${what}` })
    .trim()
    .min(2, `请填写${what}（至少 2 个字）`)
    .max(1000, `${what}不能超过 1000 字`);

const problemFields = {
  title: z.string({ error: "请填写问题" }).trim().min(2, "问题至少 2 个字").max(120, "问题不能超过 120 个字"),
  detail: z.string().trim().max(2000, "问题描述不能超过 2000 字").nullable().optional(),
  category: z.enum(problemCategories, { error: "请选择问题类别" }),
};

export const problemCreate = z.strictObject({
  subjectType: z.enum(problemSubjectTypes).default("project"),
  subjectId: z.uuid({ error: "请选择项目" }),
  ...problemFields,
  /** the day it was raised; today when left out */
  raisedOn: day.optional(),
  /** assigned at once when given, with its deadline */
  departmentId: z.uuid({ error: "请选择责任部门" }).nullable().optional(),
  deadlineWorkdays: deadline.nullable().optional(),
});
export type ProblemCreate = z.infer<typeof problemCreate>;

export const problemUpdate = z.strictObject({
  title: problemFields.title.optional(),
  detail: problemFields.detail,
  category: problemFields.category.optional(),
  version: z.number().int(),
});
export type ProblemUpdate = z.infer<typeof problemUpdate>;

/** 交办 / 转办: a department and a deadline counted from `on` (today when left out). */
export const problemAssign = z.strictObject({
  departmentId: z.uuid({ error: "请选择责任部门" }),
  deadlineWorkdays: deadline,
  on: day.optional(),
  /** needed once the problem has a department: why it moves or its deadline changes */
  reason: reason("转办原因").optional(),
  version: z.number().int(),
});
export const problemReply = z.strictObject({ text: reason("答复内容"), version: z.number().int() });
export const problemResolve = z.strictObject({
  resolution: z
    .string({ error: "请填写解决情况" })
    .trim()
    .min(2, "请填写解决情况（至少 2 个字）")
    .max(2000, "解决情况不能超过 2000 字"),
  resolvedOn: day.optional(),
  version: z.number().int(),
});
export const problemClose = z.strictObject({
  note: z.string().trim().max(1000).nullable().optional(),
  version: z.number().int(),
});
export const problemReopen = z.strictObject({
  reason: reason("重新打开的原因"),
  /** a fresh deadline from today; the old due date stays when left out */
  deadlineWorkdays: deadline.optional(),
  version: z.number().int(),
});

export const problemQuery = pageQuery.extend({
  /** active = open or in progress */
  status: z.enum([...problemStatuses, "active"]).optional(),
  departmentId: z.uuid().optional(),
  subjectId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  category: z.enum(problemCategories).optional(),
  overdue: z.enum(["yes"]).optional(),
  escalated: z.enum(["yes"]).optional(),
});
export type ProblemQuery = z.infer<typeof problemQuery>;

export const byDepartmentQuery = z.object({
  regionId: z.uuid().optional(),
  category: z.enum(problemCategories).optional(),
  raisedFrom: day.optional(),
  raisedTo: day.optional(),
});
export type ByDepartmentQuery = z.infer<typeof byDepartmentQuery>;

export const eligibleDepartmentQuery = z.object({
  regionId: z.uuid({ error: "请先选择项目" }),
  q: z.string().trim().max(40).optional(),
});

export type ProblemRow = {
  id: string;
  subjectType: "project";
  subjectId: string;
  subjectName: string | null;
  subjectCode: string | null;
  regionId: string;
  regionName: string;
  title: string;
  detail: string | null;
  category: ProblemCategory;
  raisedOn: string;
  raisedBy: string | null;
  raisedByName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  assignedOn: string | null;
  deadlineWorkdays: number | null;
  dueOn: string | null;
  status: ProblemStatus;
  resolution: string | null;
  resolvedOn: string | null;
  closedOn: string | null;
  escalated: boolean;
  /** working days past due (positive) or left (≤ 0) while open; null when done or unassigned */
  lateWorkdays: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type ProblemEvent = {
  id: string;
  kind: ProblemEventKind;
  departmentId: string | null;
  departmentName: string | null;
  fromDepartmentName: string | null;
  dueOn: string | null;
  text: string | null;
  meetingId: string | null;
  meetingTitle: string | null;
  actorName: string | null;
  at: string;
};

export type DepartmentFigures = {
  departmentId: string;
  departmentName: string;
  /** open or in progress */
  open: number;
  overdue: number;
  escalated: number;
  /** resolved or closed */
  resolved: number;
  resolvedOnTime: number;
  /** percent of the resolved ones resolved by their due day; null with none resolved */
  onTimeRate: number | null;
  /** median working days from raising to resolution */
  medianWorkdays: number | null;
};

// ── meetings (旬会办 / 月督察) ──

const meetingFields = {
  kind: z.enum(meetingKinds, { error: "请选择会议类型" }),
  heldOn: day,
  title: z
    .string({ error: "请填写会议名称" })
    .trim()
    .min(2, "会议名称至少 2 个字")
    .max(120, "会议名称不能超过 120 个字"),
  chairedBy: z.string().trim().max(60, "主持人不能超过 60 个字").nullable().optional(),
  attendees: z.array(z.string().trim().min(1).max(60)).max(100, "参会人员最多 100 个").optional(),
  minutes: z.string().trim().max(10000, "会议纪要不能超过 10000 字").nullable().optional(),
};
export const meetingCreate = z.strictObject({
  ...meetingFields,
  regionId: z.uuid({ error: "请选择所属行政区" }),
});
export const meetingUpdate = z.strictObject({
  kind: meetingFields.kind.optional(),
  heldOn: day.optional(),
  title: meetingFields.title.optional(),
  chairedBy: meetingFields.chairedBy,
  attendees: meetingFields.attendees,
  minutes: meetingFields.minutes,
  version: z.number().int(),
});
export type MeetingCreate = z.infer<typeof meetingCreate>;
export type MeetingUpdate = z.infer<typeof meetingUpdate>;

export const meetingItemCreate = z.strictObject({
  problemId: z.uuid({ error: "请选择研究的问题" }),
  decision: z
    .string({ error: "请填写会议决定" })
    .trim()
    .min(2, "请填写会议决定（至少 2 个字）")
    .max(2000, "会议决定不能超过 2000 字"),
  /** a new assignment decided at the meeting, due counted from the meeting day */
  assign: z
    .strictObject({ departmentId: z.uuid({ error: "请选择责任部门" }), deadlineWorkdays: deadline })
    .nullable()
    .optional(),
  /** the problem's version as the user saw it; 409 when it changed meanwhile */
  problemVersion: z.number().int().optional(),
});
export type MeetingItemCreate = z.infer<typeof meetingItemCreate>;

export const meetingQuery = pageQuery.extend({
  kind: z.enum(meetingKinds).optional(),
  regionId: z.uuid().optional(),
  heldFrom: day.optional(),
  heldTo: day.optional(),
});
export type MeetingQuery = z.infer<typeof meetingQuery>;

export type MeetingRow = {
  id: string;
  regionId: string;
  regionName: string;
  kind: MeetingKind;
  heldOn: string;
  title: string;
  chairedBy: string | null;
  attendees: string[];
  minutes: string | null;
  itemCount: number;
  createdByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type MeetingItem = {
  id: string;
  problemId: string;
  problemTitle: string;
  problemStatus: ProblemStatus;
  subjectName: string | null;
  decision: string;
  departmentId: string | null;
  departmentName: string | null;
  deadlineWorkdays: number | null;
  dueOn: string | null;
  createdByName: string | null;
  createdAt: string;
};

export type MeetingDetail = MeetingRow & { items: MeetingItem[] };
