import { and, count, eq } from "drizzle-orm";
import type {
  CallCreate,
  ExitCreate,
  FundCreate,
  FundProjectCreate,
  FundQuery,
  FundRow,
  FundUpdate,
  InvestmentCreate,
  InvestmentUpdate,
} from "../../../common/fund.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { registerSubject } from "../../lib/subjects.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { getPark } from "../org/org.queries.js";
import { getProject } from "../projects/projects.queries.js";
import * as q from "./funds.queries.js";
import { fund, fundCall, fundExit, fundInvestment, fundProject } from "./funds.table.js";
import { shown } from "./funds.trail.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
/** 万元 with two decimals, as the refusals state sums. */
export const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString("zh-CN", { minimumFractionDigits: 0, maximumFractionDigits: 2 })} 万元`;
const today = (ctx: ActorCtx) => chinaDay(ctx.now());

type FundInput = Omit<FundCreate, "regionId"> & { regionId: string };

async function checkManager(ctx: ActorCtx, managerId: string | null | undefined) {
  if (!managerId) return;
  if (!(await getEnterprise(ctx.db, ctx.actor, managerId, today(ctx))))
    throw invalid("managerId", "管理人企业不存在或不在您的管辖范围内", "Unknown manager firm");
}

const fundKind: RecordKind<FundRow, FundInput> = {
  subjectType: "fund",
  table: fund,
  permission: "fund.manage",
  texts: {
    duplicate: { zh: "本行政区已有同名基金", en: "A fund of that name exists in the region" },
    field: "name",
    inUse: { zh: "基金已有投资、出资或项目记录，不能删除", en: "The fund has records" },
  },
  get: (ctx, id) => q.getFund(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    await checkManager(ctx, input.managerId);
    if (!before) return;
    const size = input.sizeFen ?? before.sizeFen;
    const committed = input.committedFen ?? before.committedFen;
    const government = input.governmentFen ?? before.governmentFen;
    if (committed > size) throw invalid("committedFen", "认缴规模不能超过基金规模", "Committed above size");
    if (government > size)
      throw invalid("governmentFen", "政府出资不能超过基金规模", "Government share above size");
    if (committed < before.investedFen)
      throw invalid(
        "committedFen",
        `认缴规模不能低于已投资金额 ${wan(before.investedFen)}`,
        "Committed below the amount already invested",
      );
    if (committed < before.paidInFen)
      throw invalid(
        "committedFen",
        `认缴规模不能低于已实缴出资 ${wan(before.paidInFen)}`,
        "Committed below the capital paid in",
      );
  },
};

/** The region a fund sits in: its park's (404 outside scope), else a region the user may write to. */
async function placeOf(
  ctx: ActorCtx,
  parkId: string | null | undefined,
  regionId: string | null | undefined,
) {
  if (parkId) {
    const p = await getPark(ctx.db, ctx.actor, parkId);
    if (!p) throw invalid("parkId", "园区不存在或不在您的管辖范围内", "Unknown park");
    return p.regionId;
  }
  if (!regionId) throw invalid("parkId", "请选择基金所在园区（或行政区）", "A park or a region is needed");
  try {
    await assertRegionWritable(ctx.db, ctx.actor, regionId);
  } catch {
    throw invalid("regionId", "行政区不存在或不在您的管辖范围内", "Unknown region");
  }
  return regionId;
}

export function listFunds(ctx: ActorCtx, query: FundQuery) {
  requirePermission(ctx.actor.permissions, "fund.read");
  return q.listFunds(ctx.db, ctx.actor, query);
}
export const getFund = (ctx: ActorCtx, id: string) => q.getFund(ctx.db, ctx.actor, id);

export async function createFund(ctx: ActorCtx, input: FundCreate): Promise<FundRow> {
  requirePermission(ctx.actor.permissions, "fund.manage");
  const regionId = await placeOf(ctx, input.parkId, input.regionId);
  return createRecord(ctx, fundKind, { ...input, regionId });
}

export async function updateFund(ctx: ActorCtx, id: string, input: FundUpdate): Promise<FundRow> {
  const before = await q.getFund(ctx.db, ctx.actor, id);
  if (!before) throw notFound();
  requirePermission(ctx.actor.permissions, "fund.manage");
  const { regionId, ...rest } = input;
  const patch: Partial<FundInput> & { version: number } = { ...rest };
  if (input.parkId !== undefined && input.parkId !== before.parkId) {
    patch.regionId = await placeOf(ctx, input.parkId, regionId ?? before.regionId);
  }
  return updateRecord(ctx, fundKind, id, patch);
}

export async function deleteFund(ctx: ActorCtx, id: string, version: number) {
  const before = await q.getFund(ctx.db, ctx.actor, id);
  if (before && (before.investments > 0 || before.projects > 0 || before.paidInFen > 0)) {
    requirePermission(ctx.actor.permissions, "fund.manage");
    throw new AppError("CONFLICT", {
      zh: `基金“${before.name}”已有投资、实缴出资或引进项目记录，不能删除；可将状态改为“已清算”`,
      en: "The fund has investments, capital calls or projects; close it instead",
    });
  }
  return deleteRecord(ctx, fundKind, id, version);
}

/** The fund in scope (404), the right to manage it (403), then its row locked for the sums. */
async function fundForWrite(ctx: ActorCtx, fundId: string) {
  const f = await q.getFund(ctx.db, ctx.actor, fundId);
  if (!f) throw notFound();
  requirePermission(ctx.actor.permissions, "fund.manage");
  await q.lockFund(ctx.db, fundId);
  return f;
}

/** An entry in the fund's history for a change to one of its lists (names, not ids). */
const entry = (
  ctx: ActorCtx,
  f: FundRow,
  action: string,
  label: string,
  change: { before?: object; after?: object },
) =>
  audit(ctx, {
    action,
    subjectType: "fund",
    subjectId: f.id,
    regionId: f.regionId,
    before: shown(change.before),
    after: shown(change.after),
    meta: { label: `${f.name}：${label}` },
  });

// ── 实缴出资 ──

export async function addCall(ctx: ActorCtx, fundId: string, input: CallCreate) {
  return inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const { paidIn } = await q.fundTotals(tx.db, fundId);
    if (paidIn + input.amountFen > f.committedFen) {
      throw invalid(
        "amountFen",
        `实缴出资合计将达 ${wan(paidIn + input.amountFen)}，超过认缴规模 ${wan(f.committedFen)}（已实缴 ${wan(paidIn)}），未保存`,
        "Paid-in capital would exceed the committed capital",
      );
    }
    const id = newId();
    await tx.db.insert(fundCall).values({ id, fundId, regionId: f.regionId, ...input });
    const row = (await q.getCall(tx.db, fundId, id))!;
    await entry(tx, f, "create", `实缴出资 ${wan(row.amountFen)}`, { after: row });
    return row;
  });
}

export async function deleteCall(ctx: ActorCtx, fundId: string, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const before = await q.getCall(tx.db, fundId, id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await tx.db.delete(fundCall).where(eq(fundCall.id, id));
    await entry(tx, f, "delete", `实缴出资 ${wan(before.amountFen)}`, { before });
  });
}

// ── 投资 ──

/** The firm and project named exist in the user's scope; the park the money lands in. */
async function targets(
  ctx: ActorCtx,
  f: FundRow,
  input: { enterpriseId?: string | null; projectId?: string | null },
) {
  let parkId: string | null = null;
  if (input.projectId) {
    const p = await getProject(ctx.db, ctx.actor, input.projectId, today(ctx));
    if (!p) throw invalid("projectId", "项目不存在或不在您的管辖范围内", "Unknown project");
    parkId = p.parkId;
  }
  if (input.enterpriseId) {
    const e = await getEnterprise(ctx.db, ctx.actor, input.enterpriseId, today(ctx));
    if (!e) throw invalid("enterpriseId", "被投企业不存在或不在您的管辖范围内", "Unknown firm");
    parkId ??= e.parkId;
  }
  return parkId ?? f.parkId;
}

function refuseAbove(f: FundRow, investedOthers: number, amountFen: number) {
  const left = f.committedFen - investedOthers;
  if (amountFen > left) {
    throw invalid(
      "amountFen",
      `投资金额 ${wan(amountFen)} 超过基金未投余额 ${wan(Math.max(left, 0))}（认缴 ${wan(f.committedFen)}，已投 ${wan(investedOthers)}），未保存`,
      "The investment exceeds the fund's uncommitted capital",
    );
  }
}

export async function addInvestment(ctx: ActorCtx, fundId: string, input: InvestmentCreate) {
  return inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const parkId = await targets(tx, f, input);
    const { invested } = await q.fundTotals(tx.db, fundId);
    refuseAbove(f, invested, input.amountFen);
    const id = newId();
    await tx.db.insert(fundInvestment).values({ id, fundId, regionId: f.regionId, parkId, ...input });
    const row = (await q.getInvestment(tx.db, tx.actor, id))!;
    await entry(tx, f, "create", `投资 ${row.enterpriseName ?? row.projectName}`, { after: row });
    return row;
  });
}

export async function updateInvestment(ctx: ActorCtx, id: string, input: InvestmentUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await q.getInvestment(tx.db, tx.actor, id);
    if (!before) throw notFound();
    const f = await fundForWrite(tx, before.fundId);
    const { version, ...patch } = input;
    const next = {
      enterpriseId: patch.enterpriseId === undefined ? before.enterpriseId : patch.enterpriseId,
      projectId: patch.projectId === undefined ? before.projectId : patch.projectId,
    };
    if (!next.enterpriseId && !next.projectId)
      throw invalid("enterpriseId", "请选择被投企业或项目（至少一项）", "A firm or a project is needed");
    const parkId = await targets(tx, f, next);
    const { invested } = await q.fundTotals(tx.db, f.id);
    refuseAbove(f, invested - before.amountFen, patch.amountFen ?? before.amountFen);
    const rows = await tx.db
      .update(fundInvestment)
      .set({ ...patch, parkId, version: version + 1, updatedAt: tx.now() })
      .where(and(eq(fundInvestment.id, id), eq(fundInvestment.version, version)))
      .returning({ id: fundInvestment.id });
    if (rows.length === 0) throw stale();
    const after = (await q.getInvestment(tx.db, tx.actor, id))!;
    await entry(
      tx,
      f,
      "update",
      `投资 ${after.enterpriseName ?? after.projectName}`,
      changed(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>),
    );
    return after;
  });
}

export async function deleteInvestment(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await q.getInvestment(tx.db, tx.actor, id);
    if (!before) throw notFound();
    const f = await fundForWrite(tx, before.fundId);
    if (before.version !== version) throw stale();
    const [exits] = await tx.db.select({ n: count() }).from(fundExit).where(eq(fundExit.investmentId, id));
    if ((exits?.n ?? 0) > 0)
      throw new AppError("CONFLICT", {
        zh: "该投资已有退出记录，请先删除退出记录",
        en: "The investment has exits; delete them first",
      });
    await tx.db.delete(fundInvestment).where(eq(fundInvestment.id, id));
    await entry(tx, f, "delete", `投资 ${before.enterpriseName ?? before.projectName}`, { before });
  });
}

// ── 退出 ──

export async function addExit(ctx: ActorCtx, fundId: string, input: ExitCreate) {
  return inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const inv = await q.getInvestment(tx.db, tx.actor, input.investmentId);
    if (!inv || inv.fundId !== fundId)
      throw invalid("investmentId", "该投资不属于本基金", "The investment is not this fund's");
    if (input.exitedOn < inv.investedOn)
      throw invalid("exitedOn", `退出日期不能早于投资日期 ${inv.investedOn}`, "Exit before the investment");
    const id = newId();
    await tx.db.insert(fundExit).values({ id, fundId, regionId: f.regionId, ...input });
    const row = (await q.listExits(tx.db, fundId)).find((x) => x.id === id)!;
    await entry(tx, f, "create", `退出 ${row.targetName}`, { after: row });
    return row;
  });
}

export async function deleteExit(ctx: ActorCtx, fundId: string, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const before = (await q.listExits(tx.db, fundId)).find((x) => x.id === id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await tx.db.delete(fundExit).where(eq(fundExit.id, id));
    await entry(tx, f, "delete", `退出 ${before.targetName}`, { before });
  });
}

// ── 引进项目 ──

export async function linkProject(ctx: ActorCtx, fundId: string, input: FundProjectCreate) {
  return inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const p = await getProject(tx.db, tx.actor, input.projectId, today(tx));
    if (!p) throw invalid("projectId", "项目不存在或不在您的管辖范围内", "Unknown project");
    const id = newId();
    await mapConstraint(
      () =>
        tx.db
          .insert(fundProject)
          .values({ id, fundId, projectId: p.id, regionId: f.regionId, note: input.note }),
      {
        duplicate: { zh: `项目“${p.name}”已关联到本基金`, en: "The project is already linked" },
        field: "projectId",
      },
    );
    const row = (await q.listFundProjects(tx.db, fundId)).find((x) => x.id === id)!;
    await entry(tx, f, "create", `引进项目 ${p.name}`, { after: row });
    return row;
  });
}

export async function unlinkProject(ctx: ActorCtx, fundId: string, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const f = await fundForWrite(tx, fundId);
    const before = (await q.listFundProjects(tx.db, fundId)).find((x) => x.id === id);
    if (!before) throw notFound();
    if (before.version !== version) throw stale();
    await tx.db.delete(fundProject).where(eq(fundProject.id, id));
    await entry(tx, f, "delete", `引进项目 ${before.projectName}`, { before });
  });
}

/** A fund's page: the fund and its four lists (404 outside scope). */
export async function fundDetail(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "fund.read");
  const f = await q.getFund(ctx.db, ctx.actor, id);
  if (!f) throw notFound();
  const [investments, calls, exits, projects] = await Promise.all([
    q.listInvestments(ctx.db, id),
    q.listCalls(ctx.db, id),
    q.listExits(ctx.db, id),
    q.listFundProjects(ctx.db, id),
  ]);
  return { fund: f, investments, calls, exits, projects };
}

registerSubject("fund", async (ctx, id) => {
  const f = await q.getFund(ctx.db, ctx.actor, id);
  if (!f) return null;
  return {
    regionId: f.regionId,
    label: f.name,
    enterpriseIds: f.managerId ? [f.managerId] : [],
    writable: ctx.actor.permissions.has("fund.manage"),
  };
});
