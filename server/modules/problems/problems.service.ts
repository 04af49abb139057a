import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { SubjectType } from "../../../common/enums.js";
import {
  activeStatuses,
  type ProblemCreate,
  type ProblemRow,
  type ProblemUpdate,
  type problemAssign,
  type problemClose,
  type problemReopen,
  type problemReply,
  type problemResolve,
} from "../../../common/problem.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, forbidden, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { hasAll } from "../../lib/scope.js";
import { loadSubject } from "../../lib/subjects.js";
import { addWorkdays } from "../../lib/workdays/workdays.js";
import * as orgQ from "../org/org.queries.js";
import { getProblem, insertEvents, type NewEvent, problemById } from "./problems.queries.js";
import { problem } from "./problems.table.js";

export const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

const today = (ctx: ActorCtx) => chinaDay(ctx.now());
const isActive = (p: ProblemRow) => activeStatuses.includes(p.status);

/** The problem in the actor's scope (404), then the officer's right (403) and the version (409). */
async function forOfficer(ctx: ActorCtx, id: string, version: number): Promise<ProblemRow> {
  const p = await getProblem(ctx.db, ctx.actor, id, today(ctx));
  if (!p) throw notFound();
  requirePermission(ctx.actor.permissions, "problem.write");
  if (p.version !== version) throw stale();
  return p;
}

/** A department handler acts only on the problems their department holds (403 otherwise). */
async function forHandler(ctx: ActorCtx, id: string, version: number): Promise<ProblemRow> {
  const p = await getProblem(ctx.db, ctx.actor, id, today(ctx));
  if (!p) throw notFound();
  requirePermission(ctx.actor.permissions, "problem.handle");
  const own =
    hasAll(ctx.actor) ||
    (p.departmentId !== null &&
      ctx.actor.grants.some((g) => g.kind === "department" && g.refId === p.departmentId));
  if (!own) {
    throw new AppError("FORBIDDEN", {
      zh: "只能办理本部门承办的问题",
      en: "Only the department holding the problem may act on it",
    });
  }
  if (p.version !== version) throw stale();
  return p;
}

const stillOpen = (p: ProblemRow) => {
  if (!isActive(p)) {
    throw invalid(
      "status",
      "问题已解决或已销号，如需继续办理请先重新打开",
      "The problem is resolved or closed; reopen it first",
    );
  }
};

/**
 * A department the subject's problems may go to: one of the subject's region, of a region above
 * it (a city bureau acting on a zone's project) or below it; 400 otherwise.
 */
export async function checkDepartment(ctx: ActorCtx, departmentId: string, regionId: string) {
  const d = await orgQ.relatedDepartment(ctx.db, departmentId, regionId);
  if (!d) throw invalid("departmentId", "责任部门不存在", "No such department");
  if (!d.related) {
    throw invalid(
      "departmentId",
      `「${d.name}」不属于该项目所在行政区，不能交办`,
      "The department is outside the project's region",
    );
  }
  return d;
}

const checkDay = (path: string, day: string, p: { raisedOn: string } | null, ctx: ActorCtx, what: string) => {
  if (day > today(ctx)) throw invalid(path, `${what}不能晚于今天`, `The ${path} lies in the future`);
  if (p && day < p.raisedOn) {
    throw invalid(path, `${what}不能早于问题提出日期（${p.raisedOn}）`, `The ${path} precedes the raising`);
  }
};

/** Writes the change if the version still matches, its events, and one audit entry on the subject. */
async function commit(
  tx: ActorCtx,
  before: ProblemRow,
  action: string,
  patch: Partial<typeof problem.$inferInsert>,
  events: Omit<NewEvent, "id" | "problemId" | "actorId" | "at">[],
  meta: Record<string, unknown> = {},
): Promise<ProblemRow> {
  const rows = await tx.db
    .update(problem)
    .set({ ...patch, version: before.version + 1, updatedAt: tx.now() })
    .where(and(eq(problem.id, before.id), eq(problem.version, before.version)))
    .returning({ id: problem.id });
  if (rows.length === 0) throw stale();
  if (events.length) {
    const at = tx.now();
    await insertEvents(
      tx.db,
      events.map((e) => ({ ...e, id: newId(), problemId: before.id, actorId: tx.actor.id, at })),
    );
  }
  const after =
    (await getProblem(tx.db, tx.actor, before.id, today(tx))) ??
    (await problemById(tx.db, before.id, today(tx)))!;
  await audit(tx, {
    action,
    subjectType: before.subjectType as SubjectType,
    subjectId: before.subjectId,
    regionId: before.regionId,
    ...changed(before, after),
    meta: { label: before.subjectName, problem: before.title, problemId: before.id, ...meta },
  });
  return after;
}

/** 提出问题: on a subject the actor may add to; assigned at once when a department is given. */
export async function raiseProblem(ctx: ActorCtx, input: ProblemCreate): Promise<ProblemRow> {
  requirePermission(ctx.actor.permissions, "problem.write");
  return inTx(ctx, async (tx) => {
    const subject = await loadSubject(tx, input.subjectType, input.subjectId);
    if (!subject) throw notFound();
    if (!subject.writable) throw forbidden();
    const raisedOn = input.raisedOn ?? today(tx);
    checkDay("raisedOn", raisedOn, null, tx, "提出日期");
    const { departmentId, deadlineWorkdays } = input;
    if (departmentId && !deadlineWorkdays) {
      throw invalid(
        "deadlineWorkdays",
        "交办时请填写办理期限（工作日）",
        "Give the deadline in working days",
      );
    }
    if (!departmentId && deadlineWorkdays) {
      throw invalid("departmentId", "填写办理期限时请选择责任部门", "Choose the responsible department");
    }
    const dept = departmentId ? await checkDepartment(tx, departmentId, subject.regionId) : null;
    const dueOn = dept && deadlineWorkdays ? await addWorkdays(tx.db, raisedOn, deadlineWorkdays) : null;
    const id = newId();
    await tx.db.insert(problem).values({
      id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      regionId: subject.regionId,
      title: input.title,
      detail: input.detail ?? null,
      category: input.category,
      raisedOn,
      raisedBy: tx.actor.id,
      departmentId: dept?.id ?? null,
      assignedOn: dept ? raisedOn : null,
      deadlineWorkdays: dept ? deadlineWorkdays : null,
      dueOn,
      status: "open",
    });
    const at = tx.now();
    const events: NewEvent[] = [{ id: newId(), problemId: id, kind: "raised", actorId: tx.actor.id, at }];
    if (dept) {
      events.push({
        id: newId(),
        problemId: id,
        kind: "assigned",
        departmentId: dept.id,
        dueOn,
        actorId: tx.actor.id,
        at,
      });
    }
    await insertEvents(tx.db, events);
    const created = await getProblem(tx.db, tx.actor, id, today(tx));
    if (!created) throw notFound();
    await audit(tx, {
      action: "create",
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      regionId: subject.regionId,
      after: created,
      meta: { label: subject.label, problem: created.title, problemId: id },
    });
    return created;
  });
}

/** Edits the wording and category; the department and deadline change through assign. */
export async function updateProblem(ctx: ActorCtx, id: string, input: ProblemUpdate): Promise<ProblemRow> {
  return inTx(ctx, async (tx) => {
    const before = await forOfficer(tx, id, input.version);
    if (before.status === "closed") {
      throw invalid("status", "已销号的问题不能修改，请先重新打开", "A closed problem cannot be edited");
    }
    const { version: _v, ...patch } = input;
    return commit(tx, before, "update", patch, []);
  });
}

/** 交办 / 转办: to a department of the region, due N working days after `on`. */
export async function assignProblem(ctx: ActorCtx, id: string, input: z.infer<typeof problemAssign>) {
  return inTx(ctx, async (tx) => {
    const before = await forOfficer(tx, id, input.version);
    stillOpen(before);
    const on = input.on ?? today(tx);
    checkDay("on", on, before, tx, "交办日期");
    const dept = await checkDepartment(tx, input.departmentId, before.regionId);
    if (before.departmentId && !input.reason) {
      throw invalid(
        "reason",
        "转办或调整办理期限须填写原因",
        "Give the reason for the transfer or new deadline",
      );
    }
    const transfer = before.departmentId !== null && before.departmentId !== dept.id;
    const dueOn = await addWorkdays(tx.db, on, input.deadlineWorkdays);
    return commit(
      tx,
      before,
      transfer ? "transfer" : "assign",
      {
        departmentId: dept.id,
        assignedOn: on,
        deadlineWorkdays: input.deadlineWorkdays,
        dueOn,
        escalated: false,
        ...(transfer ? { status: "open" } : {}),
      },
      [
        {
          kind: transfer ? "transferred" : "assigned",
          departmentId: dept.id,
          fromDepartmentId: transfer ? before.departmentId : null,
          dueOn,
          text: input.reason ?? null,
        },
      ],
    );
  });
}

/** 部门答复: the department says what it is doing; the problem is then in progress. */
export async function replyProblem(ctx: ActorCtx, id: string, input: z.infer<typeof problemReply>) {
  return inTx(ctx, async (tx) => {
    const before = await forHandler(tx, id, input.version);
    stillOpen(before);
    return commit(tx, before, "reply", { status: "in_progress" }, [
      { kind: "replied", departmentId: before.departmentId, text: input.text },
    ]);
  });
}

/** 办结: the department reports it solved, with how; the officer confirms it afterwards. */
export async function resolveProblem(ctx: ActorCtx, id: string, input: z.infer<typeof problemResolve>) {
  return inTx(ctx, async (tx) => {
    const before = await forHandler(tx, id, input.version);
    stillOpen(before);
    const resolvedOn = input.resolvedOn ?? today(tx);
    checkDay("resolvedOn", resolvedOn, before, tx, "解决日期");
    return commit(tx, before, "resolve", { status: "resolved", resolution: input.resolution, resolvedOn }, [
      { kind: "resolved", departmentId: before.departmentId, text: input.resolution },
    ]);
  });
}

/** 销号: the officer confirms a resolved problem solved. */
export async function closeProblem(ctx: ActorCtx, id: string, input: z.infer<typeof problemClose>) {
  return inTx(ctx, async (tx) => {
    const before = await forOfficer(tx, id, input.version);
    if (before.status !== "resolved") {
      throw invalid("status", "只有部门已办结的问题才能确认销号", "Only a resolved problem can be closed");
    }
    return commit(tx, before, "close", { status: "closed", closedOn: today(tx) }, [
      { kind: "closed", text: input.note ?? null },
    ]);
  });
}

/** 重新打开: a resolved or closed problem back to its department, with a reason (and a new deadline). */
export async function reopenProblem(ctx: ActorCtx, id: string, input: z.infer<typeof problemReopen>) {
  return inTx(ctx, async (tx) => {
    const before = await forOfficer(tx, id, input.version);
    if (isActive(before)) {
      throw invalid("status", "问题尚未办结，无需重新打开", "The problem is still open");
    }
    const day = today(tx);
    const fresh =
      input.deadlineWorkdays && before.departmentId
        ? {
            assignedOn: day,
            deadlineWorkdays: input.deadlineWorkdays,
            dueOn: await addWorkdays(tx.db, day, input.deadlineWorkdays),
          }
        : {};
    return commit(
      tx,
      before,
      "reopen",
      { status: "open", resolution: null, resolvedOn: null, closedOn: null, escalated: false, ...fresh },
      [
        {
          kind: "reopened",
          departmentId: before.departmentId,
          dueOn: fresh.dueOn ?? null,
          text: input.reason,
        },
      ],
    );
  });
}

/**
 * What a meeting decided on a problem (called by the meeting service inside its transaction):
 * a "discussed" event, and with a new assignment the department and due day change as well.
 */
export async function recordMeetingDecision(
  tx: ActorCtx,
  before: ProblemRow,
  m: { id: string; title: string; heldOn: string },
  decision: string,
  assign: { departmentId: string; deadlineWorkdays: number; dueOn: string } | null,
): Promise<ProblemRow> {
  const events: Omit<NewEvent, "id" | "problemId" | "actorId" | "at">[] = [
    { kind: "discussed", meetingId: m.id, text: decision },
  ];
  if (!assign) return commit(tx, before, "discuss", {}, events, { meeting: m.title });
  const transfer = before.departmentId !== null && before.departmentId !== assign.departmentId;
  events.push({
    kind: transfer ? "transferred" : "assigned",
    departmentId: assign.departmentId,
    fromDepartmentId: transfer ? before.departmentId : null,
    dueOn: assign.dueOn,
    meetingId: m.id,
    text: `${m.title}决定：${decision}`,
  });
  return commit(
    tx,
    before,
    "discuss",
    {
      departmentId: assign.departmentId,
      assignedOn: m.heldOn,
      deadlineWorkdays: assign.deadlineWorkdays,
      dueOn: assign.dueOn,
      escalated: false,
      ...(transfer ? { status: "open" } : {}),
    },
    events,
    { meeting: m.title },
  );
}
