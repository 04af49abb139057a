import { z } from "zod";
import { pageQuery } from "./paging.js";

/** 招才引智: programmes and levels, talents, talent projects in rounds, rewards and apartments. */

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);
const optText = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();
const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const fenAmount = (what: string) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}须为整数（分）`)
    .nonnegative(`${what}不能为负`)
    .max(1e13, `${what}过大`);

// ---- programmes and levels ----

export const instalmentPlan = z.strictObject({
  percent: z.number().positive("比例须大于 0").max(100, "比例不能超过 100%"),
  condition: text(2, 200, "兑现条件"),
  /** due this many months after recognition */
  monthsAfter: z.number().int().min(0).max(120),
});
export type InstalmentPlan = z.infer<typeof instalmentPlan>;

export const talentLevel = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Z][A-Z0-9]{0,3}$/, "等级代码应为大写字母开头，如 A、B、C"),
    name: text(1, 30, "等级名称"),
    capFen: fenAmount("奖励上限"),
    instalments: z.array(instalmentPlan).min(1, "至少一期兑现计划").max(10),
  })
  .refine((l) => Math.abs(l.instalments.reduce((a, i) => a + i.percent, 0) - 100) < 1e-6, {
    message: "各期兑现比例之和须为 100%",
    path: ["instalments"],
  });
export type TalentLevel = z.infer<typeof talentLevel>;

const programmeFields = {
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name: text(2, 60, "计划名称"),
  levels: z
    .array(talentLevel)
    .min(1, "至少设置一个等级")
    .max(10)
    .refine((ls) => new Set(ls.map((l) => l.code)).size === ls.length, "等级代码不能重复"),
  note: optText(500, "说明"),
};
export const programmeCreate = z.strictObject(programmeFields);
export const programmeUpdate = z.strictObject({
  name: programmeFields.name.optional(),
  levels: programmeFields.levels.optional(),
  note: programmeFields.note,
  version: z.number().int(),
});
export const programmeQuery = pageQuery;
export type ProgrammeCreate = z.infer<typeof programmeCreate>;
export interface ProgrammeRow {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  levels: TalentLevel[];
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// ---- rounds (申报批次) ----

const roundFields = {
  programmeId: z.uuid({ error: "请选择人才计划" }),
  name: text(2, 60, "批次名称"),
  opensOn: day,
  closesOn: day,
  note: optText(500, "说明"),
};
export const roundCreate = z
  .strictObject(roundFields)
  .refine((r) => r.opensOn <= r.closesOn, { message: "截止日期不能早于开始日期", path: ["closesOn"] });
export const roundUpdate = z.strictObject({
  name: roundFields.name.optional(),
  opensOn: day.optional(),
  closesOn: day.optional(),
  note: roundFields.note,
  version: z.number().int(),
});
export const roundQuery = pageQuery.extend({
  programmeId: z.uuid().optional(),
  open: z.enum(["yes", "no"]).optional(),
});
export type RoundCreate = z.infer<typeof roundCreate>;
export type RoundQuery = z.infer<typeof roundQuery>;
export interface RoundRow {
  id: string;
  regionId: string;
  programmeId: string;
  programmeName: string;
  name: string;
  opensOn: string;
  closesOn: string;
  note: string | null;
  projectCount: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// ---- talents (people) ----

export const genders = ["male", "female"] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Record<Gender, string> = { male: "男", female: "女" };

export const educations = ["doctor", "master", "bachelor", "college", "other"] as const;
export type Education = (typeof educations)[number];
export const educationLabels: Record<Education, string> = {
  doctor: "博士研究生",
  master: "硕士研究生",
  bachelor: "大学本科",
  college: "大专",
  other: "其他",
};

/** Contact and identity fields: shown only with talent.personal, masked for everyone else. */
export const personalFields = ["phone", "idNumber", "email"] as const;

const talentFields = {
  parkId: z.uuid({ error: "请选择所在园区" }),
  enterpriseId: z.uuid().nullable().optional(),
  name: text(2, 30, "姓名"),
  gender: z.enum(genders, { error: "请选择性别" }),
  birthYear: z.number().int().min(1930, "出生年份有误").max(2010, "出生年份有误").nullable().optional(),
  education: z.enum(educations).nullable().optional(),
  title: optText(60, "职称/职务"),
  field: optText(60, "专业领域"),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, "电话应为 11 位手机号或带区号的座机号")
    .nullable()
    .optional(),
  idNumber: z
    .string()
    .trim()
    .regex(/^(\d{17}[\dX]|[A-Z]{1,2}\d{6,9})$/, "证件号应为 18 位身份证号或护照号")
    .nullable()
    .optional(),
  email: z.email({ error: "电子邮箱格式有误" }).nullable().optional(),
  note: optText(500, "备注"),
};
export const talentCreate = z.strictObject(talentFields);
export const talentUpdate = z.strictObject({
  ...talentFields,
  parkId: talentFields.parkId.optional(),
  name: talentFields.name.optional(),
  gender: talentFields.gender.optional(),
  version: z.number().int(),
});
export const talentQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  education: z.enum(educations).optional(),
});
export type TalentCreate = z.infer<typeof talentCreate>;
export type TalentUpdate = z.infer<typeof talentUpdate>;
export type TalentQuery = z.infer<typeof talentQuery>;
export interface TalentRow {
  id: string;
  regionId: string;
  parkId: string;
  parkName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  name: string;
  gender: Gender;
  birthYear: number | null;
  education: Education | null;
  title: string | null;
  field: string | null;
  phone: string | null;
  idNumber: string | null;
  email: string | null;
  /** true when the contact and identity fields above are masked for this reader */
  masked: boolean;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
export interface TalentPersonal {
  phone: string | null;
  idNumber: string | null;
  email: string | null;
}

/** 138****5678; an id number keeps its first 3 and last 4; an e-mail its first letter and domain. */
export function maskPhone(v: string | null): string | null {
  if (!v) return v;
  return v.length <= 7 ? "****" : `${v.slice(0, 3)}****${v.slice(-4)}`;
}
export function maskIdNumber(v: string | null): string | null {
  if (!v) return v;
  return v.length <= 7 ? "****" : `${v.slice(0, 3)}${"*".repeat(v.length - 7)}${v.slice(-4)}`;
}
export function maskEmail(v: string | null): string | null {
  if (!v) return v;
  const at = v.indexOf("@");
  return at <= 0 ? "****" : `${v[0]}***${v.slice(at)}`;
}

// ---- talent projects (人才项目) ----

export const talentProjectStatuses = ["applied", "screening", "reviewing", "recognised", "rejected"] as const;
export type TalentProjectStatus = (typeof talentProjectStatuses)[number];
export const talentProjectStatusLabels: Record<TalentProjectStatus, string> = {
  applied: "申报",
  screening: "形式审查",
  reviewing: "评审",
  recognised: "认定",
  rejected: "未通过",
};
/** The moves the flow allows; 认定 has its own action (a level and a passed review). */
export const talentProjectMoves: Record<TalentProjectStatus, TalentProjectStatus[]> = {
  applied: ["screening", "rejected"],
  screening: ["reviewing", "rejected"],
  reviewing: ["rejected"],
  recognised: [],
  rejected: [],
};

const tpFields = {
  roundId: z.uuid({ error: "请选择申报批次" }),
  talentId: z.uuid({ error: "请选择人才" }),
  enterpriseId: z.uuid().nullable().optional(),
  name: text(2, 100, "项目名称"),
  field: optText(60, "领域"),
  levelApplied: z.string().trim().min(1, "请选择申报等级").max(4),
  /** the application day; today when not given. It must fall inside the round's dates. */
  appliedOn: day.nullable().optional(),
  note: optText(1000, "项目简介"),
};
export const talentProjectCreate = z.strictObject(tpFields);
export const talentProjectUpdate = z.strictObject({
  enterpriseId: tpFields.enterpriseId,
  name: tpFields.name.optional(),
  field: tpFields.field,
  levelApplied: tpFields.levelApplied.optional(),
  note: tpFields.note,
  version: z.number().int(),
});
export const talentProjectMove = z.strictObject({
  to: z.enum(talentProjectStatuses),
  note: optText(500, "说明"),
  version: z.number().int(),
});
export const talentProjectRecognise = z.strictObject({
  level: z.string().trim().min(1, "请选择认定等级").max(4),
  recognisedOn: day.nullable().optional(),
  version: z.number().int(),
});
export const talentProjectQuery = pageQuery.extend({
  roundId: z.uuid().optional(),
  programmeId: z.uuid().optional(),
  parkId: z.uuid().optional(),
  talentId: z.uuid().optional(),
  enterpriseId: z.uuid().optional(),
  status: z.enum(talentProjectStatuses).optional(),
  level: z.string().max(4).optional(),
});
export type TalentProjectCreate = z.infer<typeof talentProjectCreate>;
export type TalentProjectQuery = z.infer<typeof talentProjectQuery>;
export interface TalentProjectRow {
  id: string;
  regionId: string;
  parkId: string;
  parkName: string;
  roundId: string;
  roundName: string;
  programmeId: string;
  programmeName: string;
  talentId: string;
  talentName: string;
  enterpriseId: string | null;
  enterpriseName: string | null;
  name: string;
  field: string | null;
  levelApplied: string;
  levelRecognised: string | null;
  status: TalentProjectStatus;
  appliedOn: string;
  recognisedOn: string | null;
  /** the recognised level's cap, null before recognition */
  capFen: number | null;
  plannedFen: number;
  paidFen: number;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

// ---- rewards: instalments and payouts ----

export const instalmentCreate = z.strictObject({
  amountFen: fenAmount("金额").positive("金额须大于 0"),
  condition: text(2, 200, "兑现条件"),
  dueOn: day.nullable().optional(),
});
export const instalmentUpdate = z.strictObject({
  amountFen: fenAmount("金额").positive("金额须大于 0").optional(),
  condition: text(2, 200, "兑现条件").optional(),
  dueOn: day.nullable().optional(),
  /** the condition is met (checked by the officer); unmet instalments cannot be paid */
  conditionMet: z.boolean().optional(),
  version: z.number().int(),
});
export const payoutCreate = z.strictObject({
  amountFen: fenAmount("金额").positive("金额须大于 0"),
  paidOn: day,
  voucher: text(2, 60, "凭证号"),
  note: optText(200, "备注"),
});
export interface PayoutRow {
  id: string;
  instalmentId: string;
  amountFen: number;
  paidOn: string;
  voucher: string;
  note: string | null;
  createdByName: string | null;
  createdAt: string;
}
export interface InstalmentRow {
  id: string;
  projectId: string;
  seq: number;
  amountFen: number;
  condition: string;
  dueOn: string | null;
  conditionMet: boolean;
  metOn: string | null;
  paidFen: number;
  payouts: PayoutRow[];
  version: number;
}
export const rewardQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  roundId: z.uuid().optional(),
  state: z.enum(["unmet", "payable", "paid"]).optional(),
});
export type RewardQuery = z.infer<typeof rewardQuery>;
/** A row of the reward ledger: an instalment with its project. */
export interface RewardRow extends Omit<InstalmentRow, "payouts"> {
  projectName: string;
  talentName: string;
  parkName: string;
  level: string | null;
}

// ---- apartments (人才公寓) ----

const unitFields = {
  parkId: z.uuid({ error: "请选择园区" }),
  building: text(1, 60, "楼栋"),
  name: text(1, 30, "房号"),
  address: optText(200, "地址"),
  rooms: z.number().int().min(1, "房间数至少 1").max(20),
  areaM2: z.number().positive("面积须大于 0").max(10_000).nullable().optional(),
  rentFenMonth: fenAmount("月租金").nullable().optional(),
  note: optText(500, "备注"),
};
export const unitCreate = z.strictObject(unitFields);
export const unitUpdate = z.strictObject({
  ...unitFields,
  parkId: unitFields.parkId.optional(),
  building: unitFields.building.optional(),
  name: unitFields.name.optional(),
  rooms: unitFields.rooms.optional(),
  version: z.number().int(),
});
export const unitQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  building: z.string().trim().max(60).optional(),
  occupied: z.enum(["yes", "no"]).optional(),
});
export type UnitCreate = z.infer<typeof unitCreate>;
export type UnitQuery = z.infer<typeof unitQuery>;
export interface UnitRow {
  id: string;
  regionId: string;
  parkId: string;
  parkName: string;
  building: string;
  name: string;
  address: string | null;
  rooms: number;
  areaM2: number | null;
  rentFenMonth: number | null;
  note: string | null;
  /** someone is allocated to it today */
  occupied: boolean;
  occupantName: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const allocationCreate = z
  .strictObject({
    talentId: z.uuid({ error: "请选择人才" }),
    fromOn: day,
    toOn: day,
    note: optText(200, "备注"),
  })
  .refine((a) => a.fromOn <= a.toOn, { message: "结束日期不能早于开始日期", path: ["toOn"] });
export const allocationAct = z.strictObject({ on: day, version: z.number().int() });
export const allocationStatuses = ["allocated", "checked_in", "checked_out"] as const;
export type AllocationStatus = (typeof allocationStatuses)[number];
export const allocationStatusLabels: Record<AllocationStatus, string> = {
  allocated: "已分配",
  checked_in: "已入住",
  checked_out: "已退房",
};
export interface AllocationRow {
  id: string;
  unitId: string;
  unitName: string;
  building: string;
  talentId: string;
  talentName: string;
  fromOn: string;
  toOn: string;
  checkedInOn: string | null;
  checkedOutOn: string | null;
  status: AllocationStatus;
  note: string | null;
  version: number;
}
export interface OccupancyRow {
  parkId: string;
  parkName: string;
  building: string | null;
  units: number;
  occupied: number;
  /** occupied ÷ units × 100, null without units */
  rate: number | null;
}

// ---- figures ----

export const figuresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  parkId: z.uuid().optional(),
});
export interface TalentFigureRow {
  parkId: string;
  parkName: string;
  year: number;
  talents: number;
  recognised: number;
  rewardsPaidFen: number;
  units: number;
  occupied: number;
  occupancy: number | null;
}
