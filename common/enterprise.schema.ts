import { z } from "zod";
import { enterpriseLabels, enterpriseStatuses, sizeClasses } from "./enums.js";
import { pageQuery } from "./paging.js";
import { normalizeUscc, usccProblem, usccProblemText } from "./uscc.js";

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const day = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });
const nonNegative = (what: string) => z.number().min(0, `${what}不能为负数`);

/** A USCC, normalised (spaces removed, upper case) and checked; the reason is named when invalid. */
export const usccInput = z
  .string()
  .transform(normalizeUscc)
  .superRefine((v, ctx) => {
    const problem = usccProblem(v);
    if (problem) ctx.addIssue({ code: "custom", message: usccProblemText[problem].zh });
  });

export const contact = z.strictObject({
  name: z.string().trim().min(1, "请填写联系人").max(40),
  title: optionalText(40),
  phone: optionalText(40),
});
export type Contact = z.infer<typeof contact>;

/** Industry codes: section letter plus the digits of the chosen level (C, C39, C398, C3985). */
export const industryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([A-T]|[A-T]?\d{2,4})$/, "行业代码格式应如 C3985 或 3985");

const enterpriseFields = {
  uscc: usccInput.nullable().optional(),
  name: z.string().trim().min(2, "企业名称至少 2 个字").max(120, "企业名称不能超过 120 个字"),
  formerNames: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
  legalRep: optionalText(40),
  registeredCapitalFen: nonNegative("注册资本").int().nullable().optional(),
  capitalCurrency: z.enum(["CNY", "USD"]).optional(),
  foundedOn: day.nullable().optional(),
  status: z.enum(enterpriseStatuses).optional(),
  industryCode: industryCode.nullable().optional(),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  parkId: z.uuid().nullable().optional(),
  address: optionalText(200),
  lng: z.number().min(73).max(136).nullable().optional(),
  lat: z.number().min(3).max(54).nullable().optional(),
  employees: z.number().int().min(0, "从业人数不能为负数").nullable().optional(),
  contacts: z.array(contact).max(20).optional(),
  specialistId: z.uuid().nullable().optional(),
};

export const enterpriseCreate = z.strictObject(enterpriseFields);
export const enterpriseUpdate = z.strictObject({
  ...enterpriseFields,
  regionId: enterpriseFields.regionId.optional(),
  name: enterpriseFields.name.optional(),
  version: z.number().int(),
});
export type EnterpriseCreate = z.infer<typeof enterpriseCreate>;
export type EnterpriseUpdate = z.infer<typeof enterpriseUpdate>;

export const enterpriseQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  industry: z
    .string()
    .regex(/^[A-T]\d{0,4}$/)
    .optional(),
  label: z.enum(enterpriseLabels).optional(),
  sizeClass: z.enum(sizeClasses).optional(),
  status: z.enum(enterpriseStatuses).optional(),
  registered: z.enum(["yes", "no"]).optional(),
});
export type EnterpriseQuery = z.infer<typeof enterpriseQuery>;

export interface EnterpriseLabelRow {
  id: string;
  label: (typeof enterpriseLabels)[number];
  source: string | null;
  validFrom: string | null;
  validTo: string | null;
  current: boolean;
}

export interface Enterprise {
  id: string;
  uscc: string | null;
  name: string;
  formerNames: string[];
  legalRep: string | null;
  registeredCapitalFen: number | null;
  capitalCurrency: string;
  foundedOn: string | null;
  status: (typeof enterpriseStatuses)[number];
  industryCode: string | null;
  industryName: string | null;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  address: string | null;
  lng: number | null;
  lat: number | null;
  employees: number | null;
  contacts: Contact[];
  specialistId: string | null;
  specialistName: string | null;
  sizeClass: (typeof sizeClasses)[number] | null;
  labels: (typeof enterpriseLabels)[number][];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const labelCreate = z
  .strictObject({
    label: z.enum(enterpriseLabels, { error: "请选择标签" }),
    source: optionalText(100),
    validFrom: day.nullable().optional(),
    validTo: day.nullable().optional(),
  })
  .refine((v) => !v.validFrom || !v.validTo || v.validFrom <= v.validTo, {
    message: "有效期止不能早于有效期起",
    path: ["validTo"],
  });

/** Yearly figures (年度数据): money in fen, areas in m², energy in tce, electricity in kWh, emissions in tonnes. */
export const yearFields = {
  sizeClass: z.enum(sizeClasses).nullable().optional(),
  fourUp: z.boolean().nullable().optional(),
  revenueFen: nonNegative("营业收入").int().nullable().optional(),
  taxFen: nonNegative("税收").int().nullable().optional(),
  valueAddedFen: z.number().int().nullable().optional(),
  outputFen: nonNegative("产值").int().nullable().optional(),
  energyTce: nonNegative("综合能耗").nullable().optional(),
  electricityKwh: nonNegative("用电量").nullable().optional(),
  emissionsT: nonNegative("主要污染物排放量").nullable().optional(),
  rdFen: nonNegative("研发经费").int().nullable().optional(),
  employeesAvg: z.number().int().min(0, "从业人数不能为负数").nullable().optional(),
  landM2: nonNegative("用地面积").nullable().optional(),
  landCertNo: optionalText(60),
  floorRentedM2: nonNegative("租用面积").nullable().optional(),
};
export type YearFieldKey = keyof typeof yearFields;

export const yearUpsert = z.strictObject({
  ...yearFields,
  source: optionalText(100),
  version: z.number().int().optional(),
});

export const yearParam = z.object({
  id: z.uuid({ error: "无效的编号" }),
  year: z.coerce.number().int().min(1990, "年度不早于 1990").max(2100, "年度不晚于 2100"),
});

export interface EnterpriseYear {
  id: string;
  enterpriseId: string;
  year: number;
  sizeClass: (typeof sizeClasses)[number] | null;
  fourUp: boolean | null;
  revenueFen: number | null;
  taxFen: number | null;
  valueAddedFen: number | null;
  outputFen: number | null;
  energyTce: number | null;
  electricityKwh: number | null;
  emissionsT: number | null;
  rdFen: number | null;
  employeesAvg: number | null;
  landM2: number | null;
  landCertNo: string | null;
  floorRentedM2: number | null;
  sources: Record<string, string>;
  version: number;
  updatedAt: string;
}

export const mergeBody = z.strictObject({
  sourceId: z.uuid({ error: "请选择被合并的企业" }),
  version: z.number().int(),
});

export interface IndustryNode {
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  children?: IndustryNode[];
}
