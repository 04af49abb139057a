import { z } from "zod";
import { conditionSchema } from "./conditions.js";
import { pageQuery } from "./paging.js";

/** 产业链 (chain), its 环节 (links) and the firms sitting on them; shared by server and web. */
export const segments = ["upstream", "midstream", "downstream"] as const;
export type Segment = (typeof segments)[number];
export const segmentLabels: Record<Segment, string> = {
  upstream: "上游",
  midstream: "中游",
  downstream: "下游",
};

export const strengths = ["strong", "weak", "missing"] as const;
export type Strength = (typeof strengths)[number];
export const strengthLabels: Record<Strength, string> = { strong: "强链", weak: "弱链", missing: "缺链" };

export const chainStatuses = ["active", "archived"] as const;
export type ChainStatus = (typeof chainStatuses)[number];

/** The "X图X清单" lists a chain may carry; each chain picks and orders its own. */
export const chainListKinds = ["firms", "projects", "prospects", "problems", "policies", "gaps"] as const;
export type ChainListKind = (typeof chainListKinds)[number];
export const chainListLabels: Record<ChainListKind, string> = {
  firms: "重点企业清单",
  projects: "重点项目清单",
  prospects: "招引目标清单",
  problems: "问题清单",
  policies: "政策清单",
  gaps: "缺链补链清单",
};

/** A link is strong when `strong` holds, weak when `weak` holds, missing otherwise. */
export const strengthRule = z.strictObject({ strong: conditionSchema, weak: conditionSchema });
export type StrengthRule = z.infer<typeof strengthRule>;

export const defaultStrengthRule: StrengthRule = {
  strong: {
    any: [
      {
        all: [
          { field: "firmCount", op: "gte", value: 3 },
          { field: "outputWan", op: "gte", value: 50_000 },
        ],
      },
      { field: "leaderCount", op: "gte", value: 1 },
    ],
  },
  weak: { field: "firmCount", op: "gte", value: 1 },
};

const text = (max: number) => z.string().trim().max(max).nullable().optional();

export const chainGoal = z.strictObject({
  text: z.string().trim().min(2, "请填写目标").max(200),
  /** a figure the goal names, in 亿元 for money */
  target: z.number().min(0).nullable().optional(),
  unit: z.string().trim().max(20).nullable().optional(),
  by: z.number().int().min(2000).max(2100).nullable().optional(),
});
export type ChainGoal = z.infer<typeof chainGoal>;

/** A link as part of a whole chain body: parents name other links by their local key. */
export const linkDraft = z.strictObject({
  key: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1, "请填写环节名称").max(60),
  segment: z.enum(segments, { error: "请选择上游、中游或下游" }),
  parents: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  order: z.number().int().min(0).max(10_000).optional(),
  note: text(500),
});
export type LinkDraft = z.infer<typeof linkDraft>;

const chainFields = {
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name: z.string().trim().min(2, "产业链名称至少 2 个字").max(60),
  description: text(2000),
  chiefId: z.uuid().nullable().optional(),
  chiefTitle: text(60),
  leaderFirmIds: z.array(z.uuid()).max(20).optional(),
  departmentId: z.uuid().nullable().optional(),
  teamId: z.uuid().nullable().optional(),
  goals: z.array(chainGoal).max(20).optional(),
  lists: z.array(z.enum(chainListKinds)).max(chainListKinds.length).optional(),
  rule: strengthRule.optional(),
};
export const chainCreate = z.strictObject({
  ...chainFields,
  links: z.array(linkDraft).max(500).optional(),
});
export type ChainCreate = z.infer<typeof chainCreate>;
export const chainUpdate = z.strictObject({
  ...chainFields,
  regionId: chainFields.regionId.optional(),
  name: chainFields.name.optional(),
  status: z.enum(chainStatuses).optional(),
  version: z.number().int(),
});
export type ChainUpdate = z.infer<typeof chainUpdate>;
export const chainFromTemplate = z.strictObject({
  template: z.string().min(1, "请选择模板").max(40),
  regionId: z.uuid({ error: "请选择所属行政区" }),
  name: z.string().trim().min(2).max(60).optional(),
});
export const chainQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  status: z.enum(chainStatuses).optional(),
});
export type ChainQuery = z.infer<typeof chainQuery>;

export interface ChainTotals {
  links: number;
  strong: number;
  weak: number;
  missing: number;
  firms: number;
  outputWan: number;
  taxWan: number;
  projects: number;
  prospects: number;
}

export interface ChainRow {
  id: string;
  regionId: string;
  regionName: string;
  name: string;
  description: string | null;
  chiefId: string | null;
  chiefName: string | null;
  chiefTitle: string | null;
  leaderFirmIds: string[];
  leaderFirms: { id: string; name: string }[];
  departmentId: string | null;
  departmentName: string | null;
  teamId: string | null;
  teamName: string | null;
  goals: ChainGoal[];
  lists: ChainListKind[];
  rule: StrengthRule;
  ruleText: { strong: string; weak: string };
  status: ChainStatus;
  template: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const linkCreate = z.strictObject({
  name: z.string().trim().min(1, "请填写环节名称").max(60),
  segment: z.enum(segments, { error: "请选择上游、中游或下游" }),
  parentIds: z.array(z.uuid()).max(20).default([]),
  order: z.number().int().min(0).max(10_000).optional(),
  note: text(500),
});
export const linkUpdate = z.strictObject({
  name: linkCreate.shape.name.optional(),
  segment: linkCreate.shape.segment.optional(),
  parentIds: z.array(z.uuid()).max(20).optional(),
  order: z.number().int().min(0).max(10_000).optional(),
  note: text(500),
  version: z.number().int(),
});

/** Each link's figures, as the strength rule reads them. */
export interface LinkFacts {
  firmCount: number;
  leaderCount: number;
  outputWan: number;
  taxWan: number;
  revenueWan: number;
  hnteCount: number;
  srdiCount: number;
  giantCount: number;
  listedCount: number;
  projectCount: number;
  prospectCount: number;
}

export interface LinkRow extends LinkFacts {
  id: string;
  chainId: string;
  name: string;
  segment: Segment;
  parentIds: string[];
  order: number;
  note: string | null;
  strength: Strength;
  version: number;
}

export interface ChainMap {
  chain: ChainRow;
  links: LinkRow[];
  totals: ChainTotals;
}

export const linkFirmAdd = z.strictObject({
  enterpriseId: z.uuid({ error: "请选择企业" }),
  role: z.enum(["member", "leader"]).default("member"),
  note: text(200),
});

export interface LinkFirm {
  enterpriseId: string;
  name: string;
  role: "member" | "leader";
  note: string | null;
  outputWan: number | null;
  taxWan: number | null;
  labels: string[];
}

export interface LinkDetail {
  link: LinkRow;
  firms: LinkFirm[];
  projects: { id: string; code: string; name: string; stage: string }[];
  prospects: { id: string; name: string; priority: string; status: string }[];
}

export const projectChainLinks = z.strictObject({
  linkIds: z.array(z.uuid()).max(50),
});
export interface ProjectChainLink {
  chainId: string;
  chainName: string;
  linkId: string | null;
  linkName: string | null;
  strength: Strength | null;
}

export interface GapRow {
  chainId: string;
  chainName: string;
  linkId: string;
  linkName: string;
  segment: Segment;
  strength: Exclude<Strength, "strong">;
  firmCount: number;
  prospects: { id: string; name: string; score: number }[];
  projects: { id: string; code: string; name: string; stage: string }[];
}
