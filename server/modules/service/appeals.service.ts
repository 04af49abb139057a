import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  type AppealCategory,
  type AppealCreate,
  type AppealDetail,
  type AppealRow,
  appealCategoryLabels,
  type appealConfirm,
  type appealReopen,
  type appealReply,
  type appealResolve,
  type appealRoute,
} from "../../../common/appeal.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, forbidden, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { notify } from "../../lib/notify/notify.service.js";
import { requirePermission } from "../../lib/policy.js";
import { hasAll } from "../../lib/scope.js";
import { addWorkdays } from "../../lib/workdays/workdays.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { relatedDepartment } from "../org/org.queries.js";
import * as q from "./appeals.queries.js";
import { appeal } from "./service.table.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
const today = (ctx: ActorCtx) => chinaDay(ctx.now());

/** The department handler of the appeal's current department (or the system administrator). */
const handles = (ctx: ActorCtx, a: AppealRow) =>
  ctx.actor.permissions.has("appeal.handle") &&
  a.departmentId !== null &&
  (hasAll(ctx.actor) || ctx.actor.grants.some((g) => g.kind === "department" && g.refId === a.departmentId));
/** An account of the firm itself. */
const ownFirm = (ctx: ActorCtx, a: Pick<AppealRow, "enterpriseId">) =>
  ctx.actor.grants.some((g) => g.kind === "enterprise" && g.refId === a.enterpriseId);
const staff = (ctx: ActorCtx) => ctx.actor.permissions.has("appeal.write");
const held = (a: AppealRow) => a.status === "routed" || a.status === "accepted";

/** What the actor may do to the appeal now: the page shows only these, the service enforces them. */
export function allowed(ctx: ActorCtx, a: AppealRow): AppealDetail["can"] {
  const h = handles(ctx, a);
  const confirmer = (ownFirm(ctx, a) || staff(ctx)) && a.status === "resolved";
  return {
    route: (staff(ctx) && a.status !== "resolved" && a.status !== "closed") || (h && held(a)),
    accept: h && a.status === "routed",
    transfer: h && held(a),
    reply: h && held(a),
    resolve: h && held(a),
    confirm: confirmer,
    reopen: confirmer,
  };
}

async function load(ctx: ActorCtx, id: string, version: number): Promise<AppealRow> {
  const a = await q.getAppeal(ctx.db, ctx.actor, id, today(ctx));
  if (!a) throw notFound();
  if (!ctx.actor.permissions.has("appeal.read")) throw forbidden();
  if (a.version !== version) throw stale();
  return a;
}

const need = (ok: boolean, zh: string, en: string) => {
  if (!ok) throw new AppError("FORBIDDEN", { zh, en });
};

/** Writes the change if the version still matches, its events, and one audit entry. */
async function commit(
  tx: ActorCtx,
  before: AppealRow,
  action: string,
  patch: Partial<typeof appeal.$inferInsert>,
  events: Omit<q.NewAppealEvent, "id" | "appealId" | "actorId" | "at">[],
): Promise<AppealRow> {
  const rows = await tx.db
    .update(appeal)
    .set({ ...patch, version: before.version + 1, updatedAt: tx.now() })
    .where(and(eq(appeal.id, before.id), eq(appeal.version, before.version)))
    .returning({ id: appeal.id });
  if (rows.length === 0) throw stale();
  const at = tx.now();
  await q.insertAppealEvents(
    tx.db,
    events.map((e) => ({ ...e, id: newId(), appealId: before.id, actorId: tx.actor.id, at })),
  );
  const after = (await q.getAppeal(tx.db, tx.actor, before.id, today(tx)))!;
  await audit(tx, {
    action,
    subjectType: "appeal",
    subjectId: before.id,
    regionId: before.regionId,
    ...changed(before, after),
    meta: { label: `${before.code} ${before.title}`, enterpriseId: before.enterpriseId },
  });
  return after;
}

/** A department whose region is the appeal's, above it or below it; 400 otherwise. */
async function checkDepartment(ctx: ActorCtx, departmentId: string, regionId: string) {
  const d = await relatedDepartment(ctx.db, departmentId, regionId);
  if (!d) throw invalid("departmentId", "承办部门不存在", "No such department");
  if (!d.related) {
    throw invalid(
      "departmentId",
      `「${d.name}」不属于该企业所在行政区，不能分派`,
      "The department is outside the firm's region",
    );
  }
  return d;
}

async function tellDepartment(ctx: ActorCtx, a: AppealRow, word: "新" | "转来" | "重新办理") {
  if (!a.departmentId) return;
  await notify(ctx, {
    to: { departmentId: a.departmentId, roles: ["department_handler"] },
    kind: "appeal.routed",
    title: `${word}诉求：${a.enterpriseName}「${a.title}」`,
    body: `${appealCategoryLabels[a.category]}类，请于 ${a.dueOn} 前办结（${a.deadlineWorkdays} 个工作日）`,
    subject: { type: "appeal", id: a.id },
    link: `/appeals/${a.id}`,
  });
}

export interface FileInput {
  enterpriseId: string;
  title: string;
  category: AppealCategory;
  detail?: string | null;
  visitId?: string | null;
  raisedOn?: string;
  departmentId?: string | null;
  deadlineWorkdays?: number | null;
  byEnterprise?: boolean;
}

/** Files an appeal inside the caller's transaction (a visit files its appeals this way). */
export async function fileAppeal(tx: ActorCtx, input: FileInput): Promise<AppealRow> {
  const firm = await getEnterprise(tx.db, tx.actor, input.enterpriseId, today(tx));
  if (!firm) throw notFound();
  const raisedOn = input.raisedOn ?? today(tx);
  const dept = input.departmentId ? await checkDepartment(tx, input.departmentId, firm.regionId) : null;
  const workdays = dept
    ? (input.deadlineWorkdays ?? (await q.deadlineFor(tx.db, firm.regionId, input.category)))
    : null;
  const dueOn = dept && workdays ? await addWorkdays(tx.db, raisedOn, workdays) : null;
  const id = newId();
  await tx.db.insert(appeal).values({
    id,
    code: await q.nextAppealCode(tx.db, raisedOn.slice(0, 4)),
    enterpriseId: firm.id,
    regionId: firm.regionId,
    parkId: firm.parkId,
    visitId: input.visitId ?? null,
    title: input.title,
    category: input.category,
    detail: input.detail ?? null,
    raisedOn,
    raisedBy: tx.actor.id,
    byEnterprise: input.byEnterprise ?? false,
    departmentId: dept?.id ?? null,
    routedOn: dept ? raisedOn : null,
    deadlineWorkdays: workdays,
    dueOn,
    status: dept ? "routed" : "submitted",
  });
  const at = tx.now();
  await q.insertAppealEvents(tx.db, [
    { id: newId(), appealId: id, kind: "raised", actorId: tx.actor.id, at },
    ...(dept
      ? [
          {
            id: newId(),
            appealId: id,
            kind: "routed",
            departmentId: dept.id,
            dueOn,
            actorId: tx.actor.id,
            at,
          },
        ]
      : []),
  ]);
  const created = (await q.getAppeal(tx.db, tx.actor, id, today(tx)))!;
  await audit(tx, {
    action: "create",
    subjectType: "appeal",
    subjectId: id,
    regionId: created.regionId,
    after: created,
    meta: { label: `${created.code} ${created.title}`, enterpriseId: firm.id },
  });
  if (dept) await tellDepartment(tx, created, "新");
  else {
    // Unrouted: the firm's specialist (or the region's specialists) has to send it on.
    await notify(tx, {
      to: firm.specialistId
        ? { userIds: [firm.specialistId] }
        : { roles: ["service_specialist"], regionId: firm.regionId },
      kind: "appeal.submitted",
      title: `待分派诉求：${firm.name}「${created.title}」`,
      subject: { type: "appeal", id },
      link: `/appeals/${id}`,
    });
  }
  return created;
}

/** 提出诉求: a specialist for a firm in scope, or a firm's own account for itself. */
export async function createAppeal(ctx: ActorCtx, input: AppealCreate): Promise<AppealRow> {
  const own = ctx.actor.grants.find((g) => g.kind === "enterprise");
  if (!staff(ctx)) {
    requirePermission(ctx.actor.permissions, "appeal.raise");
    if (!own?.refId || (input.enterpriseId && input.enterpriseId !== own.refId)) throw notFound();
    if (input.departmentId) {
      throw invalid(
        "departmentId",
        "企业提交的诉求由服务专员分派承办部门",
        "A specialist routes an appeal a firm files",
      );
    }
    return inTx(ctx, (tx) => fileAppeal(tx, { ...input, enterpriseId: own.refId!, byEnterprise: true }));
  }
  if (!input.enterpriseId) throw invalid("enterpriseId", "请选择企业", "Choose the firm");
  if (input.deadlineWorkdays && !input.departmentId) {
    throw invalid("departmentId", "填写办理期限时请选择承办部门", "Choose the department");
  }
  return inTx(ctx, (tx) => fileAppeal(tx, { ...input, enterpriseId: input.enterpriseId! }));
}

/** 分派 / 转办: to a department of the firm's region (or above or below), due from today. */
export async function routeAppeal(ctx: ActorCtx, id: string, input: z.infer<typeof appealRoute>) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    const can = allowed(tx, before);
    need(can.route, "只有服务专员或当前承办部门可以分派、转办该诉求", "You may not route this appeal");
    const dept = await checkDepartment(tx, input.departmentId, before.regionId);
    const transfer = before.departmentId !== null;
    if (transfer && before.departmentId === dept.id && !input.deadlineWorkdays) {
      throw invalid("departmentId", "诉求已在该部门办理", "The appeal is with this department already");
    }
    if (transfer && !input.reason) {
      throw invalid("reason", "转办请填写原因", "Give the reason for the transfer");
    }
    const on = today(tx);
    const workdays = input.deadlineWorkdays ?? (await q.deadlineFor(tx.db, before.regionId, before.category));
    const dueOn = await addWorkdays(tx.db, on, workdays);
    const after = await commit(
      tx,
      before,
      transfer ? "transfer" : "route",
      {
        departmentId: dept.id,
        routedOn: on,
        deadlineWorkdays: workdays,
        dueOn,
        status: "routed",
        escalated: false,
      },
      [
        {
          kind: transfer ? "transferred" : "routed",
          departmentId: dept.id,
          fromDepartmentId: transfer ? before.departmentId : null,
          dueOn,
          text: input.reason ?? null,
        },
      ],
    );
    await tellDepartment(tx, after, transfer ? "转来" : "新");
    return after;
  });
}

const handlerOnly = "只能办理本部门承办的诉求";

export async function acceptAppeal(
  ctx: ActorCtx,
  id: string,
  input: { note?: string | null; version: number },
) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    need(handles(tx, before), handlerOnly, "Only the department holding the appeal may accept it");
    if (before.status !== "routed") {
      throw invalid("status", "该诉求不在待受理状态", "The appeal is not waiting to be accepted");
    }
    return commit(tx, before, "accept", { status: "accepted" }, [
      { kind: "accepted", departmentId: before.departmentId, text: input.note ?? null },
    ]);
  });
}

function holding(tx: ActorCtx, a: AppealRow) {
  need(handles(tx, a), handlerOnly, "Only the department holding the appeal may act on it");
  if (!held(a)) {
    throw invalid("status", "诉求已办结或尚未分派，不能办理", "The appeal is not with a department");
  }
}

export async function replyAppeal(ctx: ActorCtx, id: string, input: z.infer<typeof appealReply>) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    holding(tx, before);
    return commit(tx, before, "reply", { status: "accepted" }, [
      { kind: "replied", departmentId: before.departmentId, text: input.text },
    ]);
  });
}

export async function resolveAppeal(ctx: ActorCtx, id: string, input: z.infer<typeof appealResolve>) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    holding(tx, before);
    const after = await commit(
      tx,
      before,
      "resolve",
      { status: "resolved", resolution: input.resolution, resolvedOn: today(tx) },
      [{ kind: "resolved", departmentId: before.departmentId, text: input.resolution }],
    );
    await notify(tx, {
      to: { enterpriseId: after.enterpriseId, ...(after.raisedBy ? { userIds: [after.raisedBy] } : {}) },
      kind: "appeal.resolved",
      title: `诉求已办结，请确认：「${after.title}」`,
      body: input.resolution,
      subject: { type: "appeal", id: after.id },
      link: `/appeals/${after.id}`,
    });
    return after;
  });
}

const confirmOnly = "只有企业或服务专员可以确认、评价诉求";

/** 企业确认: only a resolved appeal can be rated; a firm's account or a specialist on its behalf. */
export async function confirmAppeal(ctx: ActorCtx, id: string, input: z.infer<typeof appealConfirm>) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    need(ownFirm(tx, before) || staff(tx), confirmOnly, "You may not confirm this appeal");
    if (before.status !== "resolved") {
      throw invalid("rating", "诉求办结后才能确认和评价", "Only a resolved appeal can be rated");
    }
    return commit(
      tx,
      before,
      "confirm",
      { status: "closed", closedOn: today(tx), rating: input.rating, ratingComment: input.comment ?? null },
      [{ kind: "confirmed", rating: input.rating, text: input.comment ?? null }],
    );
  });
}

/** 重新办理: back to the same department with a fresh deadline of the same length. */
export async function reopenAppeal(ctx: ActorCtx, id: string, input: z.infer<typeof appealReopen>) {
  return inTx(ctx, async (tx) => {
    const before = await load(tx, id, input.version);
    need(ownFirm(tx, before) || staff(tx), confirmOnly, "You may not reopen this appeal");
    if (before.status !== "resolved") {
      throw invalid("reason", "只有待确认的诉求可以重新办理", "Only a resolved appeal can be reopened");
    }
    const on = today(tx);
    const workdays =
      before.deadlineWorkdays ?? (await q.deadlineFor(tx.db, before.regionId, before.category));
    const dueOn = await addWorkdays(tx.db, on, workdays);
    const after = await commit(
      tx,
      before,
      "reopen",
      {
        status: "accepted",
        routedOn: on,
        deadlineWorkdays: workdays,
        dueOn,
        resolution: null,
        resolvedOn: null,
        escalated: false,
      },
      [{ kind: "reopened", departmentId: before.departmentId, dueOn, text: input.reason }],
    );
    await tellDepartment(tx, after, "重新办理");
    return after;
  });
}

export async function appealDetail(ctx: ActorCtx, id: string): Promise<AppealDetail> {
  requirePermission(ctx.actor.permissions, "appeal.read");
  const a = await q.getAppeal(ctx.db, ctx.actor, id, today(ctx));
  if (!a) throw notFound();
  return { ...a, events: await q.appealEvents(ctx.db, id), can: allowed(ctx, a) };
}
