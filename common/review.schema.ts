import { z } from "zod";
import { pageQuery } from "./paging.js";

/** Subjects a panel reviews: projects now, talent projects when they land. */
export const reviewSubjects = ["project", "talent_project"] as const;
export type ReviewSubject = (typeof reviewSubjects)[number];

export const reviewConclusions = ["pass", "conditional", "fail"] as const;
export type ReviewConclusion = (typeof reviewConclusions)[number];
export const conclusionLabels: Record<ReviewConclusion, string> = {
  pass: "通过",
  conditional: "有条件通过",
  fail: "不通过",
};

export const reviewStatuses = ["open", "concluded"] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusLabels: Record<ReviewStatus, string> = { open: "评审中", concluded: "已出结论" };

const text = (min: number, max: number, what: string) =>
  z.string().trim().min(min, `请填写${what}`).max(max, `${what}不能超过 ${max} 个字`);

const expertFields = {
  name: text(2, 40, "专家姓名"),
  title: z.string().trim().max(60).nullable().optional(),
  organization: z.string().trim().max(100).nullable().optional(),
  fields: z.array(z.string().trim().min(1).max(30)).min(1, "至少一个专业领域").max(10),
  phone: z.string().trim().max(40).nullable().optional(),
  userId: z.uuid().nullable().optional(),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  /** firms the expert works for, owns a stake in or advises: never on their panels */
  tiedEnterpriseIds: z.array(z.uuid()).max(50).optional(),
  active: z.boolean().optional(),
};
export const expertCreate = z.strictObject(expertFields);
export const expertUpdate = z.strictObject({
  ...expertFields,
  name: expertFields.name.optional(),
  fields: expertFields.fields.optional(),
  regionId: expertFields.regionId.optional(),
  version: z.number().int(),
});
export const expertQuery = pageQuery.extend({
  field: z.string().trim().max(30).optional(),
  active: z.enum(["yes", "no"]).optional(),
});

export const criterion = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, "指标代码应为小写字母开头的字母、数字或下划线"),
  name: text(2, 30, "评审指标名称"),
  weight: z.number().positive("权重须大于 0").max(100),
  max: z.number().positive("满分须大于 0").max(100),
});
export type Criterion = z.infer<typeof criterion>;

/** The criteria a project review scores unless the caller gives its own. */
export const defaultProjectCriteria: Criterion[] = [
  { key: "industry_fit", name: "产业契合度", weight: 25, max: 100 },
  { key: "investment", name: "投资强度与规模", weight: 25, max: 100 },
  { key: "technology", name: "技术先进性", weight: 20, max: 100 },
  { key: "output_tax", name: "亩均产出与税收", weight: 20, max: 100 },
  { key: "risk", name: "环保与安全风险", weight: 10, max: 100 },
];

export const reviewCreate = z.strictObject({
  subjectType: z.enum(reviewSubjects),
  subjectId: z.uuid(),
  title: text(2, 100, "评审名称"),
  /** drawn at random from the active pool, filtered by field */
  panelSize: z.number().int().min(1, "至少抽取 1 位专家").max(15, "最多抽取 15 位专家"),
  fields: z.array(z.string().trim().min(1).max(30)).max(10).optional(),
  criteria: z
    .array(criterion)
    .min(1)
    .max(12)
    .refine((c) => new Set(c.map((x) => x.key)).size === c.length, "评审指标代码不能重复")
    .optional(),
});

export const scoreSubmit = z.strictObject({
  /** staff recording a score sheet handed in on paper name the expert; experts score as themselves */
  expertId: z.uuid().optional(),
  scores: z.record(z.string(), z.number().min(0, "分数不能为负数")),
  comment: z.string().trim().max(2000).optional(),
});

export const reviewConclude = z.strictObject({
  conclusion: z.enum(reviewConclusions, { error: "请选择评审结论" }),
  note: z.string().trim().max(2000).optional(),
  version: z.number().int(),
});

export type ExpertRow = {
  id: string;
  name: string;
  title: string | null;
  organization: string | null;
  fields: string[];
  phone: string | null;
  userId: string | null;
  regionId: string;
  tiedEnterpriseIds: string[];
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type Panelist = {
  expertId: string;
  expertName: string;
  title: string | null;
  organization: string | null;
  scores: Record<string, number> | null;
  /** weighted, out of 100 */
  total: number | null;
  comment: string | null;
  submittedAt: string | null;
};

export type ReviewRow = {
  id: string;
  subjectType: ReviewSubject;
  subjectId: string;
  subjectLabel: string;
  regionId: string;
  title: string;
  criteria: Criterion[];
  status: ReviewStatus;
  conclusion: ReviewConclusion | null;
  conclusionNote: string | null;
  /** mean of the submitted totals */
  averageScore: number | null;
  /** experts the draw left out because they are tied to the subject's firms */
  excludedExperts: string[];
  panel: Panelist[];
  /** the caller's own seat on the panel, when they sit on it */
  myExpertId: string | null;
  concludedAt: string | null;
  version: number;
  createdAt: string;
};
