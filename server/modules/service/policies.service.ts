import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import { explainCondition, unmetReasons } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type {
  ApplicationCreate,
  ApplicationDetail,
  ApplicationQuery,
  applicationDecide,
  ClauseCreate,
  ClauseMatch,
  ClauseQuery,
  ClauseRow,
  ClauseUpdate,
  payoutCreate,
} from "../../../common/policy.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { assertCondition } from "../../lib/conditions.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, forbidden, notFound, stale } from "../../lib/errors.js";
import { getFile } from "../../lib/files/files.service.js";
import { newId } from "../../lib/ids.js";
import { notify } from "../../lib/notify/notify.service.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { coversRegionPath, inRegionSubtree } from "../../lib/scope.js";
import { enterpriseCondition, enterpriseFacts } from "../enterprises/enterprises.conditions.js";
import { enterpriseScope, getEnterprise } from "../enterprises/enterprises.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { relatedDepartment } from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { estimate } from "./policies.amount.js";
import * as q from "./policies.queries.js";
import {
  policyApplication as app,
  policyApplicationEvent,
  policyClause,
  policyPayout,
} from "./policies.table.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
const today = (ctx: ActorCtx) => chinaDay(ctx.now());
const wan = (fen: number) =>
  `${(fen / 1_000_000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 万元`;

/** A zone's service desk keeps its own region's clauses; region staff keep their subtree's. */
async function assertClauseRegion(ctx: ActorCtx, regionId: string) {
  const r = await regionById(ctx.db, regionId);
  if (!r || !(coversRegionPath(ctx.actor, r.path) || r.id === ctx.actor.regionId)) throw notFound();
}

const clauseKind: RecordKind<ClauseRow, ClauseCreate> = {
  subjectType: "policy",
  table: policyClause,
  permission: "policy.manage",
  texts: {},
  get: (ctx, id) => q.getClause(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    if (!before || (input.regionId && input.regionId !== before.regionId)) {
      await assertClauseRegion(ctx, input.regionId ?? before!.regionId);
    }
    if (input.condition) assertCondition(input.condition, enterpriseFields);
    const regionId = input.regionId ?? before?.regionId;
    if (input.departmentId && regionId) {
      const d = await relatedDepartment(ctx.db, input.departmentId, regionId);
      if (!d?.related)
        throw invalid("departmentId", "兑现部门不属于该政策的行政区", "The department is elsewhere");
    }
  },
};

export function listClauses(ctx: ActorCtx, query: ClauseQuery) {
  requirePermission(ctx.actor.permissions, "policy.read");
  return q.listClauses(ctx.db, ctx.actor, query);
}
export const getClause = (ctx: ActorCtx, id: string) => q.getClause(ctx.db, ctx.actor, id);
export const createClause = (ctx: ActorCtx, input: ClauseCreate) => createRecord(ctx, clauseKind, input);
export const updateClause = (ctx: ActorCtx, id: string, input: ClauseUpdate) =>
  updateRecord(ctx, clauseKind, id, input);
export const deleteClause = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, clauseKind, id, version);

const periodOf = (c: Pick<ClauseRow, "period">, year: number) =>
  c.period === "year" ? String(year) : "once";

/** The firms in the actor's scope meeting a clause, with what each would likely get. */
export async function clauseMatches(
  ctx: ActorCtx,
  id: string,
  page: { page: number; pageSize: number; q?: string },
) {
  requirePermission(ctx.actor.permissions, "policy.read");
  const c = await q.getClause(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  const meets = and(
    enterpriseScope(ctx.actor),
    inRegionSubtree(enterprise.regionId, c.regionId),
    enterpriseCondition(c.condition, today(ctx)),
  )!;
  const period = periodOf(c, Number(today(ctx).slice(0, 4)));
  const found = await q.clauseFirms(ctx.db, meets, c.id, period, page);
  const facts = await enterpriseFacts(
    ctx.db,
    found.items.map((r) => r.enterpriseId),
    today(ctx),
  );
  return {
    items: found.items.map((r) => ({ ...r, estimateFen: estimate(c.amountRule, facts.get(r.enterpriseId)) })),
    total: found.total,
  };
}

/** 政策匹配: every clause in force for the firm, whether it qualifies and why, and the estimate. */
export async function firmMatches(ctx: ActorCtx, enterpriseId: string): Promise<ClauseMatch[]> {
  requirePermission(ctx.actor.permissions, "policy.read");
  const firm = await getEnterprise(ctx.db, ctx.actor, enterpriseId, today(ctx));
  if (!firm) throw notFound();
  const [clauses, facts] = await Promise.all([
    q.clausesFor(ctx.db, ctx.actor, firm.regionId, today(ctx)),
    enterpriseFacts(ctx.db, [firm.id], today(ctx)),
  ]);
  const f = facts.get(firm.id) ?? {};
  const year = Number(today(ctx).slice(0, 4));
  const live = await q.liveApplications(ctx.db, firm.id, [String(year), "once"]);
  const out = clauses.map((clause) => {
    const explanation = explainCondition(clause.condition, f, enterpriseFields);
    return {
      clause,
      eligible: explanation.met,
      explanation,
      reasons: unmetReasons(explanation),
      estimateFen: estimate(clause.amountRule, f),
      applicationId: live.get(`${clause.id}:${periodOf(clause, year)}`) ?? null,
    };
  });
  return out.sort((a, b) => Number(b.eligible) - Number(a.eligible));
}

async function checkFiles(ctx: ActorCtx, ids: string[]) {
  for (const [i, id] of ids.entries()) {
    try {
      await getFile(ctx, id);
    } catch {
      throw invalid(`fileIds.${i}`, "附件不存在或无权使用，请重新上传", "No such attachment");
    }
  }
}

/** 申报: for the firm's own account or by staff; a firm not meeting the clause needs staff's reason. */
export async function applyForClause(ctx: ActorCtx, input: ApplicationCreate) {
  requirePermission(ctx.actor.permissions, "policy.apply");
  const own = ctx.actor.grants.find((g) => g.kind === "enterprise")?.refId ?? null;
  const byFirm = own !== null && !ctx.actor.permissions.has("policy.review");
  const enterpriseId = byFirm ? own : input.enterpriseId;
  if (!enterpriseId) throw invalid("enterpriseId", "请选择申报企业", "Choose the firm");
  if (byFirm && input.enterpriseId && input.enterpriseId !== own) throw notFound();
  return inTx(ctx, async (tx) => {
    const firm = await getEnterprise(tx.db, tx.actor, enterpriseId, today(tx));
    if (!firm) throw notFound();
    const c = await q.getClause(tx.db, tx.actor, input.clauseId);
    if (!c) throw notFound();
    const inForce = (await q.clausesFor(tx.db, tx.actor, firm.regionId, today(tx))).some(
      (x) => x.id === c.id,
    );
    if (!inForce) {
      throw invalid("clauseId", "该条款未生效、已停用或不适用于该企业所在地区", "The clause does not apply");
    }
    const facts = (await enterpriseFacts(tx.db, [firm.id], today(tx))).get(firm.id) ?? {};
    const explanation = explainCondition(c.condition, facts, enterpriseFields);
    if (!explanation.met) {
      const why = unmetReasons(explanation).join("；");
      if (byFirm) throw invalid("clauseId", `贵企业暂不符合该条款条件：${why}`, "The firm does not qualify");
      if (!input.overrideReason) {
        throw invalid(
          "overrideReason",
          `企业不符合该条款条件（${why}），如仍受理请填写原因`,
          "The firm does not qualify; give the reason to accept the application anyway",
        );
      }
    }
    await checkFiles(tx, input.fileIds);
    const year = input.year ?? Number(today(tx).slice(0, 4));
    const id = newId();
    const on = today(tx);
    await mapConstraint(
      async () =>
        tx.db.insert(app).values({
          id,
          code: await q.nextApplicationCode(tx.db, on.slice(0, 4)),
          clauseId: c.id,
          enterpriseId: firm.id,
          regionId: firm.regionId,
          parkId: firm.parkId,
          period: periodOf(c, year),
          claimedFen: input.claimedFen,
          estimateFen: estimate(c.amountRule, facts),
          status: "reviewing",
          stepIndex: 0,
          stepSince: on,
          eligible: explanation.met,
          overrideReason: explanation.met ? null : (input.overrideReason ?? null),
          note: input.note ?? null,
          fileIds: input.fileIds,
          appliedOn: on,
          appliedBy: tx.actor.id,
        }),
      {
        duplicate: {
          zh: c.period === "year" ? `该企业 ${year} 年已申报过此条款` : "该企业已申报过此条款（每家限一次）",
          en: "The firm has applied under this clause for the period",
        },
        field: "clauseId",
      },
    );
    await tx.db.insert(policyApplicationEvent).values({
      id: newId(),
      applicationId: id,
      kind: "submitted",
      step: c.steps[0] ?? null,
      text: input.note ?? null,
      amountFen: input.claimedFen,
      actorId: tx.actor.id,
      at: tx.now(),
    });
    const created = (await q.getApplication(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "policy_application",
      subjectId: id,
      regionId: firm.regionId,
      after: created,
      meta: { label: `${firm.name} 申报「${c.name}」`, enterpriseId: firm.id, fairReview: c.fairReview },
    });
    await notify(tx, {
      to: c.departmentId
        ? { departmentId: c.departmentId, roles: ["department_handler"] }
        : { roles: ["service_specialist"], regionId: firm.regionId },
      kind: "policy.submitted",
      title: `政策兑现申请待审核：${firm.name}「${c.name}」`,
      body: `申请金额 ${wan(input.claimedFen)}`,
      subject: { type: "policy_application", id },
      link: `/policies/applications/${id}`,
    });
    return created;
  });
}

export function listApplications(ctx: ActorCtx, query: ApplicationQuery) {
  requirePermission(ctx.actor.permissions, "policy.read");
  return q.listApplications(ctx.db, ctx.actor, query);
}

export async function applicationDetail(ctx: ActorCtx, id: string): Promise<ApplicationDetail> {
  requirePermission(ctx.actor.permissions, "policy.read");
  const a = await q.getApplication(ctx.db, ctx.actor, id);
  if (!a) throw notFound();
  const [events, paid] = await Promise.all([q.applicationEvents(ctx.db, id), q.payouts(ctx.db, id)]);
  const { stepSince: _since, ...row } = a;
  return {
    ...row,
    events,
    payouts: paid,
    can: {
      decide: ctx.actor.permissions.has("policy.review") && a.status === "reviewing",
      pay: ctx.actor.permissions.has("policy.pay") && a.status === "approved",
    },
  };
}

async function forWrite(
  ctx: ActorCtx,
  id: string,
  version: number,
  permission: "policy.review" | "policy.pay",
) {
  const a = await q.getApplication(ctx.db, ctx.actor, id);
  if (!a) throw notFound();
  if (!ctx.actor.permissions.has(permission)) throw forbidden();
  if (a.version !== version) throw stale();
  return a;
}

async function write(
  tx: ActorCtx,
  before: q.ApplicationFull,
  action: string,
  patch: Partial<typeof app.$inferInsert>,
  event: Omit<typeof policyApplicationEvent.$inferInsert, "id" | "applicationId" | "actorId" | "at">,
) {
  const rows = await tx.db
    .update(app)
    .set({ ...patch, version: before.version + 1, updatedAt: tx.now() })
    .where(and(eq(app.id, before.id), eq(app.version, before.version)))
    .returning({ id: app.id });
  if (rows.length === 0) throw stale();
  await tx.db
    .insert(policyApplicationEvent)
    .values({ ...event, id: newId(), applicationId: before.id, actorId: tx.actor.id, at: tx.now() });
  const after = (await q.getApplication(tx.db, tx.actor, before.id))!;
  await audit(tx, {
    action,
    subjectType: "policy_application",
    subjectId: before.id,
    regionId: before.regionId,
    ...changed(before, after),
    meta: { label: `${before.enterpriseName} 申报「${before.clauseName}」`, fairReview: before.fairReview },
  });
  return after;
}

/** 审核: pass moves to the next step (the last approves an amount up to the claim); reject ends it. */
export async function decideApplication(ctx: ActorCtx, id: string, input: z.infer<typeof applicationDecide>) {
  return inTx(ctx, async (tx) => {
    const before = await forWrite(tx, id, input.version, "policy.review");
    if (before.status !== "reviewing" || before.stepIndex === null) {
      throw invalid("decision", "该申请已审结", "The application is decided");
    }
    const step = before.steps[before.stepIndex] ?? null;
    if (input.decision === "reject") {
      return write(
        tx,
        before,
        "reject",
        { status: "rejected", stepIndex: null, stepSince: null },
        {
          kind: "rejected",
          step,
          text: input.opinion,
        },
      );
    }
    const last = before.stepIndex >= before.steps.length - 1;
    if (!last) {
      if (input.approvedFen !== undefined) {
        throw invalid("approvedFen", "批准金额在最后一个审核环节填写", "Approve the amount at the last step");
      }
      return write(
        tx,
        before,
        "pass",
        { stepIndex: before.stepIndex + 1, stepSince: today(tx) },
        {
          kind: "passed",
          step,
          text: input.opinion,
        },
      );
    }
    const approvedFen = input.approvedFen ?? before.claimedFen;
    if (approvedFen > before.claimedFen) {
      throw invalid(
        "approvedFen",
        `批准金额不能超过申请金额（${wan(before.claimedFen)}）`,
        "The approved amount exceeds the claim",
      );
    }
    return write(
      tx,
      before,
      "approve",
      { status: "approved", stepIndex: null, stepSince: null, approvedFen },
      { kind: "approved", step, text: input.opinion, amountFen: approvedFen },
    );
  });
}

/** 兑付: payouts add up to at most the approved amount; the last one marks it paid. */
export async function recordPayout(ctx: ActorCtx, id: string, input: z.infer<typeof payoutCreate>) {
  return inTx(ctx, async (tx) => {
    const before = await forWrite(tx, id, input.version, "policy.pay");
    if (before.status !== "approved" || before.approvedFen === null) {
      throw invalid("amountFen", "申请批准后才能登记兑付", "Only an approved application can be paid");
    }
    const left = before.approvedFen - before.paidFen;
    if (input.amountFen > left) {
      throw invalid(
        "amountFen",
        `兑付金额超过批准金额，尚可兑付 ${wan(left)}`,
        "The payout exceeds the approved amount left",
      );
    }
    if (input.paidOn > today(tx))
      throw invalid("paidOn", "兑付日期不能晚于今天", "The payout date is in the future");
    if (input.paidOn < before.appliedOn) {
      throw invalid("paidOn", `兑付日期不能早于申报日期（${before.appliedOn}）`, "Paid before applied");
    }
    await tx.db.insert(policyPayout).values({
      id: newId(),
      applicationId: id,
      amountFen: input.amountFen,
      paidOn: input.paidOn,
      voucherNo: input.voucherNo ?? null,
      recordedBy: tx.actor.id,
    });
    const paidFen = before.paidFen + input.amountFen;
    return write(
      tx,
      before,
      "pay",
      { paidFen, status: paidFen === before.approvedFen ? "paid" : "approved" },
      { kind: "paid", text: input.voucherNo ?? null, amountFen: input.amountFen },
    );
  });
}

export function policyTotals(ctx: ActorCtx, query: Parameters<typeof q.totals>[2]) {
  requirePermission(ctx.actor.permissions, "policy.read");
  return q.totals(ctx.db, ctx.actor, query);
}
