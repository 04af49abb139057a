import { and, asc, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type CallRow,
  type ExitRow,
  type ExitWay,
  type FundProjectRow,
  type FundQuery,
  type FundRow,
  type FundStatus,
  type InvestmentRound,
  type InvestmentRow,
  leverageOf,
} from "../../../common/fund.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region } from "../org/org.table.js";
import { project, projectContract } from "../projects/projects.table.js";
import { fund, fundCall, fundExit, fundInvestment, fundProject } from "./funds.table.js";

/** Funds belong to a region and maybe a park: region grants reach the subtree, park grants the park. */
export const fundScope = (a: Actor) => scopeWhere(a, { region: fund.regionId, park: fund.parkId });

const sumOf = (col: SQL) => sql<number>`coalesce(${col}, 0)::float8`;
const invested = sql<number>`(select ${sumOf(sql`sum(i.amount_fen)`)} from fund_investment i where i.fund_id = ${fund.id})`;
const coInvested = sql<number>`(select ${sumOf(sql`sum(i.co_invest_fen)`)} from fund_investment i where i.fund_id = ${fund.id})`;
const paidIn = sql<number>`(select ${sumOf(sql`sum(c.amount_fen)`)} from fund_call c where c.fund_id = ${fund.id})`;
const proceeds = sql<number>`(select ${sumOf(sql`sum(x.proceeds_fen)`)} from fund_exit x where x.fund_id = ${fund.id})`;
const investmentCount = sql<number>`(select count(*)::int from fund_investment i where i.fund_id = ${fund.id})`;
const projectCount = sql<number>`(select count(*)::int from fund_project fp where fp.fund_id = ${fund.id})`;

const base = (db: DbOrTx) =>
  db
    .select({
      f: fund,
      regionName: region.name,
      parkName: park.name,
      managerName: enterprise.name,
      invested,
      coInvested,
      paidIn,
      proceeds,
      investmentCount,
      projectCount,
    })
    .from(fund)
    .innerJoin(region, eq(region.id, fund.regionId))
    .leftJoin(park, eq(park.id, fund.parkId))
    .leftJoin(enterprise, eq(enterprise.id, fund.managerId));

type BaseRow = Awaited<ReturnType<typeof base>>[number];
const n = (v: unknown) => Number(v ?? 0);
const present = (r: BaseRow): FundRow => {
  const f = r.f;
  const investedFen = n(r.invested);
  const coInvestFen = n(r.coInvested);
  return {
    id: f.id,
    regionId: f.regionId,
    regionName: r.regionName,
    parkId: f.parkId,
    parkName: r.parkName,
    name: f.name,
    managerId: f.managerId,
    managerName: r.managerName,
    sizeFen: f.sizeFen,
    committedFen: f.committedFen,
    governmentFen: f.governmentFen,
    governmentPct: f.sizeFen > 0 ? Math.round((f.governmentFen / f.sizeFen) * 10000) / 100 : 0,
    paidInFen: n(r.paidIn),
    investedFen,
    coInvestFen,
    uncommittedFen: f.committedFen - investedFen,
    leverage: leverageOf(investedFen, coInvestFen),
    exitProceedsFen: n(r.proceeds),
    investments: n(r.investmentCount),
    projects: n(r.projectCount),
    inceptionOn: f.inceptionOn,
    termYears: f.termYears,
    status: f.status as FundStatus,
    focus: f.focus,
    note: f.note,
    version: f.version,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
  };
};

const inPark = (parkId: string) =>
  sql`${fund.parkId} in (select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`;

export async function listFunds(db: DbOrTx, actor: Actor, q: FundQuery) {
  const w = and(
    fundScope(actor),
    q.parkId ? inPark(q.parkId) : undefined,
    q.status ? eq(fund.status, q.status) : undefined,
    q.managerId ? eq(fund.managerId, q.managerId) : undefined,
    q.q ? or(ilike(fund.name, likeText(q.q)), ilike(enterprise.name, likeText(q.q))) : undefined,
  );
  const sorts = {
    name: fund.name,
    sizeFen: fund.sizeFen,
    committedFen: fund.committedFen,
    inceptionOn: fund.inceptionOn,
    status: fund.status,
    investedFen: invested,
    createdAt: fund.createdAt,
    updatedAt: fund.updatedAt,
  };
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", fund.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(fund).leftJoin(enterprise, eq(enterprise.id, fund.managerId)).where(w),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

export async function getFund(db: DbOrTx, actor: Actor, id: string): Promise<FundRow | null> {
  const [r] = await base(db).where(and(eq(fund.id, id), fundScope(actor)));
  return r ? present(r) : null;
}

/** The fund row locked for an investment or a capital call: the sums are checked under the lock. */
export async function lockFund(db: DbOrTx, id: string) {
  const [row] = await db.select().from(fund).where(eq(fund.id, id)).for("update");
  return row;
}

export async function fundTotals(db: DbOrTx, fundId: string) {
  const [r] = await db
    .select({
      invested: sql<number>`(select ${sumOf(sql`sum(amount_fen)`)} from fund_investment where fund_id = ${fundId})`,
      paidIn: sql<number>`(select ${sumOf(sql`sum(amount_fen)`)} from fund_call where fund_id = ${fundId})`,
    })
    .from(sql`(select 1) one`);
  return { invested: n(r?.invested), paidIn: n(r?.paidIn) };
}

export async function listCalls(db: DbOrTx, fundId: string): Promise<CallRow[]> {
  const rows = await db
    .select()
    .from(fundCall)
    .where(eq(fundCall.fundId, fundId))
    .orderBy(desc(fundCall.calledOn), asc(fundCall.id));
  return rows.map((c) => ({
    id: c.id,
    fundId: c.fundId,
    calledOn: c.calledOn,
    amountFen: c.amountFen,
    note: c.note,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
  }));
}

export const getCall = async (db: DbOrTx, fundId: string, id: string) =>
  (await listCalls(db, fundId)).find((c) => c.id === id) ?? null;

const invPark = alias(park, "inv_park");
const investmentBase = (db: DbOrTx) =>
  db
    .select({
      i: fundInvestment,
      fundName: fund.name,
      parkName: invPark.name,
      enterpriseName: enterprise.name,
      projectName: project.name,
      proceeds: sql<number>`(select ${sumOf(sql`sum(x.proceeds_fen)`)} from fund_exit x where x.investment_id = ${fundInvestment.id})`,
    })
    .from(fundInvestment)
    .innerJoin(fund, eq(fund.id, fundInvestment.fundId))
    .leftJoin(invPark, eq(invPark.id, fundInvestment.parkId))
    .leftJoin(enterprise, eq(enterprise.id, fundInvestment.enterpriseId))
    .leftJoin(project, eq(project.id, fundInvestment.projectId));

type InvBase = Awaited<ReturnType<typeof investmentBase>>[number];
const presentInvestment = (r: InvBase): InvestmentRow => ({
  id: r.i.id,
  fundId: r.i.fundId,
  fundName: r.fundName,
  regionId: r.i.regionId,
  parkId: r.i.parkId,
  parkName: r.parkName,
  enterpriseId: r.i.enterpriseId,
  enterpriseName: r.enterpriseName,
  projectId: r.i.projectId,
  projectName: r.projectName,
  amountFen: r.i.amountFen,
  coInvestFen: r.i.coInvestFen,
  leverage: leverageOf(r.i.amountFen, r.i.coInvestFen),
  investedOn: r.i.investedOn,
  round: r.i.round as InvestmentRound,
  stakePct: r.i.stakePct,
  exitProceedsFen: n(r.proceeds),
  note: r.i.note,
  version: r.i.version,
  createdAt: r.i.createdAt.toISOString(),
});

export async function listInvestments(db: DbOrTx, fundId: string): Promise<InvestmentRow[]> {
  const rows = await investmentBase(db)
    .where(eq(fundInvestment.fundId, fundId))
    .orderBy(desc(fundInvestment.investedOn), asc(fundInvestment.id));
  return rows.map(presentInvestment);
}

export async function getInvestment(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await investmentBase(db).where(and(eq(fundInvestment.id, id), fundScope(actor)));
  return r ? presentInvestment(r) : null;
}

export async function listExits(db: DbOrTx, fundId: string): Promise<ExitRow[]> {
  const rows = await db
    .select({
      x: fundExit,
      enterpriseName: enterprise.name,
      projectName: project.name,
    })
    .from(fundExit)
    .innerJoin(fundInvestment, eq(fundInvestment.id, fundExit.investmentId))
    .leftJoin(enterprise, eq(enterprise.id, fundInvestment.enterpriseId))
    .leftJoin(project, eq(project.id, fundInvestment.projectId))
    .where(eq(fundExit.fundId, fundId))
    .orderBy(desc(fundExit.exitedOn), asc(fundExit.id));
  return rows.map(({ x, enterpriseName, projectName }) => ({
    id: x.id,
    fundId: x.fundId,
    investmentId: x.investmentId,
    targetName: enterpriseName ?? projectName ?? "—",
    exitedOn: x.exitedOn,
    proceedsFen: x.proceedsFen,
    way: x.way as ExitWay,
    note: x.note,
    version: x.version,
    createdAt: x.createdAt.toISOString(),
  }));
}

/** The day a project was signed: its contract's, else the pipeline's 签约 date (stage 4). */
const signedOn = sql<string | null>`coalesce(${projectContract.signedOn}, ${project.stageDates}[4])`;

/** Projects the fund brought in, with their stage and the fund's money in them (read-only joins). */
export async function listFundProjects(db: DbOrTx, fundId: string): Promise<FundProjectRow[]> {
  const rows = await db
    .select({
      l: fundProject,
      name: project.name,
      code: project.code,
      stage: project.stage,
      channel: project.channel,
      parkName: park.name,
      totalInvestmentFen: sql<
        number | null
      >`coalesce(${projectContract.investmentFen}, ${project.totalInvestmentFen})`,
      signedOn,
      fundInvested: sql<number>`(select ${sumOf(sql`sum(i.amount_fen)`)} from fund_investment i
        where i.fund_id = ${fundProject.fundId} and i.project_id = ${fundProject.projectId})`,
    })
    .from(fundProject)
    .innerJoin(project, eq(project.id, fundProject.projectId))
    .leftJoin(park, eq(park.id, project.parkId))
    .leftJoin(projectContract, eq(projectContract.projectId, project.id))
    .where(eq(fundProject.fundId, fundId))
    .orderBy(desc(fundProject.createdAt), asc(fundProject.id));
  return rows.map((r) => ({
    id: r.l.id,
    fundId: r.l.fundId,
    projectId: r.l.projectId,
    projectName: r.name,
    projectCode: r.code,
    stage: r.stage,
    channel: r.channel,
    parkName: r.parkName,
    totalInvestmentFen: r.totalInvestmentFen === null ? null : Number(r.totalInvestmentFen),
    fundInvestedFen: n(r.fundInvested),
    signedOn: r.signedOn ? String(r.signedOn).slice(0, 10) : null,
    note: r.l.note,
    version: r.l.version,
    createdAt: r.l.createdAt.toISOString(),
  }));
}

/** The funds' references to a firm move to the firm it was merged into. */
export async function repointFirm(db: DbOrTx, fromId: string, intoId: string) {
  await db.update(fund).set({ managerId: intoId }).where(eq(fund.managerId, fromId));
  await db
    .update(fundInvestment)
    .set({ enterpriseId: intoId })
    .where(eq(fundInvestment.enterpriseId, fromId));
}
