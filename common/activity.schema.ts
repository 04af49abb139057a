import { z } from "zod";
import { pageQuery } from "./paging.js";

/** 跟进 / 客商接待 / 外出招商 / 推介会·赛会 */
export const activityKinds = ["follow_up", "reception", "trip", "event"] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Record<ActivityKind, string> = {
  follow_up: "跟进",
  reception: "客商接待",
  trip: "外出招商",
  event: "推介会/赛会",
};

/** How a follow-up was made. */
export const followUpModes = ["call", "visit", "meeting", "wechat", "other"] as const;
export type FollowUpMode = (typeof followUpModes)[number];
export const followUpModeLabels: Record<FollowUpMode, string> = {
  call: "电话",
  visit: "上门拜访",
  meeting: "会谈",
  wechat: "微信",
  other: "其他",
};

/** What kind of event (推介会 and 赛会 are the ones the seeds name). */
export const eventTypes = ["promotion", "competition", "expo", "forum", "other"] as const;
export type EventType = (typeof eventTypes)[number];
export const eventTypeLabels: Record<EventType, string> = {
  promotion: "推介会",
  competition: "赛会",
  expo: "展会",
  forum: "论坛",
  other: "其他",
};

/** A link says what the activity was about, or that a project was registered from it (线索). */
export const linkRoles = ["about", "lead"] as const;
export type LinkRole = (typeof linkRoles)[number];
export const linkRoleLabels: Record<LinkRole, string> = { about: "相关", lead: "带来线索" };

/** The records an activity can concern (subject types of common/enums.ts). */
export const activitySubjectTypes = ["project", "enterprise", "prospect"] as const;
export type ActivitySubjectType = (typeof activitySubjectTypes)[number];

/** Kinds that may bring leads: projects registered from a reception, a trip or an event. */
export const leadKinds: readonly ActivityKind[] = ["reception", "trip", "event"];
/** Kinds that may last several days and be planned ahead. */
export const multiDayKinds: readonly ActivityKind[] = ["reception", "trip", "event"];
/** How far ahead a reception, trip or event may be planned. */
export const PLAN_AHEAD_DAYS = 180;

const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const optionalText = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();

export const theirPerson = z.strictObject({
  name: z.string().trim().min(1, "请填写对方人员姓名").max(40, "姓名不能超过 40 个字"),
  title: optionalText(60, "职务"),
  organisation: optionalText(120, "单位"),
});
export type TheirPerson = z.infer<typeof theirPerson>;

export const activityLinkInput = z.strictObject({
  subjectType: z.enum(activitySubjectTypes, { error: "关联对象类型应为项目、企业或招引目标" }),
  subjectId: z.uuid({ error: "无效的关联对象编号" }),
  role: z.enum(linkRoles).default("about"),
});
export type ActivityLinkInput = z.infer<typeof activityLinkInput>;

const links = z
  .array(activityLinkInput)
  .max(50, "关联对象不能超过 50 个")
  .refine(
    (l) => new Set(l.map((x) => `${x.subjectType}:${x.subjectId}`)).size === l.length,
    "同一对象不能重复关联",
  );

const fields = {
  kind: z.enum(activityKinds, { error: "请选择活动类型" }),
  /** follow-ups only */
  mode: z.enum(followUpModes, { error: "请选择跟进方式" }).nullable().optional(),
  /** events only */
  eventType: z.enum(eventTypes, { error: "请选择活动形式" }).nullable().optional(),
  title: z.string().trim().min(2, "标题至少 2 个字").max(120, "标题不能超过 120 个字"),
  heldOn: day,
  /** receptions, trips and events spanning several days */
  endOn: day.nullable().optional(),
  place: optionalText(120, "地点"),
  city: optionalText(40, "城市"),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  parkId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  summary: optionalText(4000, "情况摘要"),
  outcome: optionalText(2000, "成效与下一步"),
  ourUserIds: z
    .array(z.uuid({ error: "无效的人员编号" }))
    .max(30, "我方人员不能超过 30 人")
    .optional(),
  /** our side without an account (a city leader, a colleague of another bureau) */
  ourNames: z
    .array(z.string().trim().min(1, "姓名不能为空").max(40, "姓名不能超过 40 个字"))
    .max(30, "我方人员不能超过 30 人")
    .optional(),
  theirPeople: z.array(theirPerson).max(50, "对方人员不能超过 50 人").optional(),
  fileIds: z
    .array(z.uuid({ error: "无效的附件编号" }))
    .max(20, "附件不能超过 20 个")
    .optional(),
  links: links.optional(),
};

export const activityCreate = z.strictObject(fields);
export const activityUpdate = z.strictObject({
  ...fields,
  kind: fields.kind.optional(),
  title: fields.title.optional(),
  heldOn: fields.heldOn.optional(),
  regionId: fields.regionId.optional(),
  version: z.number().int(),
});
export type ActivityCreate = z.infer<typeof activityCreate>;
export type ActivityUpdate = z.infer<typeof activityUpdate>;

export const activityQuery = pageQuery.extend({
  kind: z.enum(activityKinds).optional(),
  from: day.optional(),
  to: day.optional(),
  /** a participant on our side */
  officer: z.uuid().optional(),
  teamId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  /** only activities that brought leads */
  leads: z.enum(["yes"]).optional(),
});
export type ActivityQuery = z.infer<typeof activityQuery>;

export const timelineQuery = z.object({
  subjectType: z.enum(activitySubjectTypes, { error: "关联对象类型应为项目、企业或招引目标" }),
  subjectId: z.uuid({ error: "无效的关联对象编号" }),
});

export const statsQuery = z.object({
  year: z.coerce.number().int().min(2000, "年份不能早于 2000 年").max(2100, "年份不能晚于 2100 年"),
  groupBy: z.enum(["officer", "team"]).default("officer"),
  parkId: z.uuid().optional(),
  teamId: z.uuid().optional(),
});
export type StatsQuery = z.infer<typeof statsQuery>;

export type ActivityLink = {
  subjectType: ActivitySubjectType;
  subjectId: string;
  role: LinkRole;
  /** the record's name when it was linked */
  label: string;
};

export type ActivityRow = {
  id: string;
  kind: ActivityKind;
  mode: FollowUpMode | null;
  eventType: EventType | null;
  title: string;
  heldOn: string;
  endOn: string | null;
  place: string | null;
  city: string | null;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  teamId: string | null;
  teamName: string | null;
  summary: string | null;
  outcome: string | null;
  ourUserIds: string[];
  ourUsers: { id: string; name: string }[];
  ourNames: string[];
  theirPeople: TheirPerson[];
  fileIds: string[];
  links: ActivityLink[];
  leads: number;
  createdBy: string | null;
  createdByName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** An activity on a record's timeline: how it relates to the record, and whether the user may change it. */
export type TimelineItem = ActivityRow & { role: LinkRole; editable: boolean };

export type StatsRow = {
  /** the user or team id; null for activities without a team */
  key: string | null;
  name: string;
  followUps: number;
  receptions: number;
  trips: number;
  events: number;
  /** projects registered from this group's receptions, trips and events */
  leads: number;
  total: number;
};
export type ActivityStats = {
  year: number;
  groupBy: "officer" | "team";
  items: StatsRow[];
  totals: Omit<StatsRow, "key" | "name">;
};
