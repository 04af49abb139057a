import { z } from "zod";
import { pageQuery } from "./paging.js";

/**
 * 产业基金 (seed 001: a ¥3bn green industry fund; ¥1.66bn of fund money drew ¥12.3bn alongside;
 * 9 projects brought in by funds. Seed 000: a ¥20bn fund goal). Money is integer fen.
 */
export const fundStatuses = ["raising", "investing", "exiting", "closed"] as const;
export type FundStatus = (typeof fundStatuses)[number];
export const fundStatusLabels: Record<FundStatus, string> = {
  raising: "募集期",
  investing: "投资期",
  exiting: "退出期",
  closed: "已清算",
};
export const fundStatusColors: Record<FundStatus, string> = {
  raising: "blue",
  investing: "green",
  exiting: "orange",
  closed: "default",
};

export const investmentRounds = [
  "seed",
  "angel",
  "a",
  "b",
  "c",
  "pre_ipo",
  "strategic",
  "m_and_a",
  "other",
] as const;
export type InvestmentRound = (typeof investmentRounds)[number];
export const roundLabels: Record<InvestmentRound, string> = {
  seed: "种子轮",
  angel: "天使轮",
  a: "A 轮",
  b: "B 轮",
  c: "C 轮及以后",
  pre_ipo: "Pre-IPO",
  strategic: "战略投资",
  m_and_a: "股权并购",
  other: "其他",
};

export const exitWays = ["ipo", "m_and_a", "transfer", "buyback", "liquidation", "other"] as const;
export type ExitWay = (typeof exitWays)[number];
export const exitWayLabels: Record<ExitWay, string> = {
  ipo: "上市退出",
  m_and_a: "并购退出",
  transfer: "股权转让",
  buyback: "回购",
  liquidation: "清算",
  other: "其他",
};

/**
 * 撬动倍数 = co-investment ÷ fund money (社会资本和金融资本跟投 ÷ 基金出资). No fund money → null
 * (shown as n/a), never Infinity or NaN. Rounded to two decimals.
 */
export function leverageOf(fundFen: number, coInvestFen: number): number | null {
  if (!(fundFen > 0)) return null;
  return Math.round((coInvestFen / fundFen) * 100) / 100;
}
export const LEVERAGE_FORMULA = "撬动倍数 = 跟投资金 ÷ 基金出资";

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();
/** A sum of money in fen: whole, not negative, at most ¥10 trillion. */
const money = (what: string) =>
  z
    .number({ error: `${what}应为数字` })
    .int(`${what}应精确到分`)
    .min(0, `${what}不能为负数`)
    .max(1e17, `${what}过大，请核对`);
const day = (what: string) =>
  z.string({ error: `请填写${what}` }).regex(/^\d{4}-\d{2}-\d{2}$/, `${what}格式应为 YYYY-MM-DD`);

export const fundFields = {
  name: z
    .string({ error: "请填写基金名称" })
    .trim()
    .min(2, "基金名称至少 2 个字")
    .max(80, "基金名称不能超过 80 个字"),
  /** the GP / management firm, an enterprise of the registry */
  managerId: z.uuid({ error: "请选择管理人" }).nullable().optional(),
  parkId: z.uuid({ error: "请选择园区" }).nullable().optional(),
  /** needed only without a park: the park gives its region */
  regionId: z.uuid({ error: "请选择行政区" }).nullable().optional(),
  sizeFen: money("基金规模").refine((v) => v > 0, "基金规模应大于 0"),
  committedFen: money("认缴规模"),
  governmentFen: money("政府出资").default(0),
  inceptionOn: day("成立日期"),
  termYears: z
    .number({ error: "存续期应为整数年" })
    .int("存续期应为整数年")
    .min(1, "存续期至少 1 年")
    .max(30, "存续期不超过 30 年"),
  status: z.enum(fundStatuses, { error: "请选择状态" }).default("investing"),
  /** 重点投向: chains or industries, as tags */
  focus: z
    .array(z.string().trim().min(1).max(30, "投向标签不能超过 30 个字"))
    .max(12, "投向不超过 12 项")
    .default([]),
  note: text(1000, "备注"),
};

const fundShape = z.strictObject(fundFields);
const sumsFit = (
  v: { sizeFen?: number; committedFen?: number; governmentFen?: number },
  ctx: z.RefinementCtx,
) => {
  if (v.sizeFen === undefined) return;
  if (v.committedFen !== undefined && v.committedFen > v.sizeFen)
    ctx.addIssue({ code: "custom", path: ["committedFen"], message: "认缴规模不能超过基金规模" });
  if (v.governmentFen !== undefined && v.governmentFen > v.sizeFen)
    ctx.addIssue({ code: "custom", path: ["governmentFen"], message: "政府出资不能超过基金规模" });
};
export const fundCreate = fundShape.superRefine(sumsFit);
export type FundCreate = z.infer<typeof fundCreate>;
export const fundUpdate = fundShape.partial().extend({ version: z.number().int() }).superRefine(sumsFit);
export type FundUpdate = z.infer<typeof fundUpdate>;

export const fundQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  status: z.enum(fundStatuses).optional(),
  managerId: z.uuid().optional(),
});
export type FundQuery = z.infer<typeof fundQuery>;

export interface FundRow {
  id: string;
  regionId: string;
  regionName: string;
  parkId: string | null;
  parkName: string | null;
  name: string;
  managerId: string | null;
  managerName: string | null;
  sizeFen: number;
  committedFen: number;
  governmentFen: number;
  /** 政府出资 ÷ 基金规模, in percent, two decimals */
  governmentPct: number;
  /** Σ capital calls */
  paidInFen: number;
  /** Σ fund money of its investments */
  investedFen: number;
  coInvestFen: number;
  /** 认缴 − 已投: what further investments may draw on */
  uncommittedFen: number;
  leverage: number | null;
  exitProceedsFen: number;
  investments: number;
  projects: number;
  inceptionOn: string;
  termYears: number;
  status: FundStatus;
  focus: string[];
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** 实缴出资: one capital call, paid in on its day. */
export const callCreate = z.strictObject({
  calledOn: day("出资日期"),
  amountFen: money("出资金额").refine((v) => v > 0, "出资金额应大于 0"),
  note: text(500, "备注"),
});
export type CallCreate = z.infer<typeof callCreate>;
export interface CallRow {
  id: string;
  fundId: string;
  calledOn: string;
  amountFen: number;
  note: string | null;
  version: number;
  createdAt: string;
}

export const investmentFields = {
  enterpriseId: z.uuid({ error: "请选择被投企业" }).nullable().optional(),
  projectId: z.uuid({ error: "请选择项目" }).nullable().optional(),
  /** the fund's own money in the deal */
  amountFen: money("基金投资金额").refine((v) => v > 0, "基金投资金额应大于 0"),
  /** other money in the same deal: social and financial capital alongside */
  coInvestFen: money("跟投资金").default(0),
  investedOn: day("投资日期"),
  round: z.enum(investmentRounds, { error: "请选择轮次" }).default("other"),
  stakePct: z
    .number({ error: "持股比例应为数字" })
    .min(0, "持股比例不能为负数")
    .max(100, "持股比例不超过 100%")
    .nullable()
    .optional(),
  note: text(1000, "备注"),
};
const needsTarget = (
  v: { enterpriseId?: string | null; projectId?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (!v.enterpriseId && !v.projectId)
    ctx.addIssue({ code: "custom", path: ["enterpriseId"], message: "请选择被投企业或项目（至少一项）" });
};
export const investmentCreate = z.strictObject(investmentFields).superRefine(needsTarget);
export type InvestmentCreate = z.infer<typeof investmentCreate>;
export const investmentUpdate = z
  .strictObject(investmentFields)
  .partial()
  .extend({ version: z.number().int() });
export type InvestmentUpdate = z.infer<typeof investmentUpdate>;

export interface InvestmentRow {
  id: string;
  fundId: string;
  fundName: string;
  regionId: string;
  parkId: string | null;
  parkName: string | null;
  enterpriseId: string | null;
  enterpriseName: string | null;
  projectId: string | null;
  projectName: string | null;
  amountFen: number;
  coInvestFen: number;
  leverage: number | null;
  investedOn: string;
  round: InvestmentRound;
  stakePct: number | null;
  exitProceedsFen: number;
  note: string | null;
  version: number;
  createdAt: string;
}

export const exitCreate = z.strictObject({
  investmentId: z.uuid({ error: "请选择要退出的投资" }),
  exitedOn: day("退出日期"),
  proceedsFen: money("退出回收金额"),
  way: z.enum(exitWays, { error: "请选择退出方式" }),
  note: text(500, "备注"),
});
export type ExitCreate = z.infer<typeof exitCreate>;
export interface ExitRow {
  id: string;
  fundId: string;
  investmentId: string;
  targetName: string;
  exitedOn: string;
  proceedsFen: number;
  way: ExitWay;
  note: string | null;
  version: number;
  createdAt: string;
}

/** A project the fund brought to the region (channel 基金招商). */
export const fundProjectCreate = z.strictObject({
  projectId: z.uuid({ error: "请选择项目" }),
  note: text(500, "备注"),
});
export type FundProjectCreate = z.infer<typeof fundProjectCreate>;
export interface FundProjectRow {
  id: string;
  fundId: string;
  projectId: string;
  projectName: string;
  projectCode: string;
  stage: string;
  channel: string;
  parkName: string | null;
  /** the project's total investment (fen), as the ledger records it */
  totalInvestmentFen: number | null;
  /** the fund's money put into this project (Σ its investments naming it) */
  fundInvestedFen: number;
  signedOn: string | null;
  note: string | null;
  version: number;
  createdAt: string;
}

export const deleteQuery = z.object({ version: z.coerce.number().int() });

export const figuresQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  parkId: z.uuid().optional(),
});
export type FiguresQuery = z.infer<typeof figuresQuery>;
export interface FundFigureRow {
  /** null: money of funds without a park (region-level funds) */
  parkId: string | null;
  parkName: string;
  year: number;
  fundFen: number;
  coInvestFen: number;
  leverage: number | null;
  investments: number;
  projectsLanded: number;
}
export interface FundFigures {
  rows: FundFigureRow[];
  byYear: {
    year: number;
    fundFen: number;
    coInvestFen: number;
    leverage: number | null;
    projectsLanded: number;
  }[];
  total: { fundFen: number; coInvestFen: number; leverage: number | null; projectsLanded: number };
  formula: string;
}
