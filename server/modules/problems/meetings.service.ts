import { and, eq } from "drizzle-orm";
import type {
  MeetingCreate,
  MeetingDetail,
  MeetingItemCreate,
  MeetingRow,
  MeetingUpdate,
} from "../../../common/problem.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { coversRegionPath } from "../../lib/scope.js";
import { addWorkdays } from "../../lib/workdays/workdays.js";
import { regionById } from "../org/regions.queries.js";
import { getMeeting, insertItem, listItems } from "./meetings.queries.js";
import { getProblem } from "./problems.queries.js";
import { checkDepartment, invalid, recordMeetingDecision } from "./problems.service.js";
import { meeting } from "./problems.table.js";

const today = (ctx: ActorCtx) => chinaDay(ctx.now());

/**
 * A region a meeting may be recorded in: one the actor's region grants cover, or for staff scoped
 * narrower, their home region or a region above or below it (as they read them); 404 otherwise.
 */
async function checkRegion(ctx: ActorCtx, regionId: string) {
  const r = await regionById(ctx.db, regionId);
  if (!r) throw invalid("regionId", "行政区不存在", "No such region");
  if (coversRegionPath(ctx.actor, r.path)) return r;
  const home = ctx.actor.regionId ? await regionById(ctx.db, ctx.actor.regionId) : null;
  const narrow = ctx.actor.grants.some(
    (g) => g.kind === "park" || g.kind === "team" || g.kind === "department",
  );
  if (narrow && home && (home.path.startsWith(r.path) || r.path.startsWith(home.path))) return r;
  throw notFound();
}

const checkHeldOn = (ctx: ActorCtx, heldOn: string) => {
  if (heldOn > today(ctx))
    throw invalid("heldOn", "会议日期不能晚于今天", "The meeting date lies in the future");
};

/** The meeting audit entry joins its region's chain: meetings are a region's record. */
const auditMeeting = (
  tx: ActorCtx,
  action: string,
  m: MeetingRow,
  diff: { before?: unknown; after?: unknown },
  meta: Record<string, unknown> = {},
) =>
  audit(tx, {
    action,
    subjectType: "region",
    subjectId: m.regionId,
    regionId: m.regionId,
    ...diff,
    meta: { label: `会议：${m.title}`, meetingId: m.id, ...meta },
  });

export async function createMeeting(ctx: ActorCtx, input: MeetingCreate): Promise<MeetingRow> {
  requirePermission(ctx.actor.permissions, "meeting.write");
  return inTx(ctx, async (tx) => {
    await checkRegion(tx, input.regionId);
    checkHeldOn(tx, input.heldOn);
    const id = newId();
    await tx.db.insert(meeting).values({
      ...input,
      id,
      attendees: input.attendees ?? [],
      chairedBy: input.chairedBy ?? null,
      minutes: input.minutes ?? null,
      createdBy: tx.actor.id,
    });
    const created = await getMeeting(tx.db, tx.actor, id);
    if (!created) throw notFound();
    await auditMeeting(tx, "create", created, { after: created });
    return created;
  });
}

export async function updateMeeting(ctx: ActorCtx, id: string, input: MeetingUpdate): Promise<MeetingRow> {
  return inTx(ctx, async (tx) => {
    const before = await getMeeting(tx.db, tx.actor, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "meeting.write");
    if (before.version !== input.version) throw stale();
    const { version, ...patch } = input;
    if (patch.heldOn && patch.heldOn !== before.heldOn) {
      checkHeldOn(tx, patch.heldOn);
      // Deadlines assigned at the meeting count from its day.
      if (before.itemCount > 0) {
        throw invalid(
          "heldOn",
          "会议已有研究事项，不能再修改会议日期",
          "The meeting has items; its date is fixed",
        );
      }
    }
    const rows = await tx.db
      .update(meeting)
      .set({ ...patch, version: version + 1, updatedAt: tx.now() })
      .where(and(eq(meeting.id, id), eq(meeting.version, version)))
      .returning({ id: meeting.id });
    if (rows.length === 0) throw stale();
    const after = (await getMeeting(tx.db, tx.actor, id))!;
    await auditMeeting(tx, "update", after, changed(before, after));
    return after;
  });
}

export async function meetingDetail(ctx: ActorCtx, id: string): Promise<MeetingDetail> {
  const m = await getMeeting(ctx.db, ctx.actor, id);
  if (!m) throw notFound();
  return { ...m, items: await listItems(ctx.db, id) };
}

/**
 * A problem discussed at the meeting, with the decision; a new assignment moves the problem to
 * the department with a deadline counted from the meeting day, in the same transaction.
 */
export async function addMeetingItem(ctx: ActorCtx, meetingId: string, input: MeetingItemCreate) {
  return inTx(ctx, async (tx) => {
    const m = await getMeeting(tx.db, tx.actor, meetingId);
    if (!m) throw notFound();
    requirePermission(tx.actor.permissions, "meeting.write");
    const p = await getProblem(tx.db, tx.actor, input.problemId, today(tx));
    if (!p) throw notFound();
    const [mr, pr] = await Promise.all([regionById(tx.db, m.regionId), regionById(tx.db, p.regionId)]);
    if (!mr || !pr?.path.startsWith(mr.path)) {
      throw invalid(
        "problemId",
        "该问题不属于本次会议所在行政区",
        "The problem lies outside the meeting's region",
      );
    }
    if (m.heldOn < p.raisedOn) {
      throw invalid(
        "problemId",
        `会议日期（${m.heldOn}）早于问题提出日期（${p.raisedOn}）`,
        "The meeting was held before the problem was raised",
      );
    }
    if (input.problemVersion !== undefined && input.problemVersion !== p.version) throw stale();
    let assign: { departmentId: string; deadlineWorkdays: number; dueOn: string } | null = null;
    if (input.assign) {
      if (p.status !== "open" && p.status !== "in_progress") {
        throw invalid(
          "assign",
          "问题已解决或已销号，不能再交办；如需继续办理请先重新打开",
          "The problem is resolved or closed; reopen it first",
        );
      }
      const d = await checkDepartment(tx, input.assign.departmentId, p.regionId);
      const dueOn = await addWorkdays(tx.db, m.heldOn, input.assign.deadlineWorkdays);
      assign = { departmentId: d.id, deadlineWorkdays: input.assign.deadlineWorkdays, dueOn };
    }
    await mapConstraint(
      () =>
        insertItem(tx.db, {
          id: newId(),
          meetingId,
          problemId: p.id,
          decision: input.decision,
          departmentId: assign?.departmentId ?? null,
          deadlineWorkdays: assign?.deadlineWorkdays ?? null,
          dueOn: assign?.dueOn ?? null,
          createdBy: tx.actor.id,
          createdAt: tx.now(),
        }),
      {
        duplicate: { zh: "该问题已列入本次会议", en: "The problem is already on this meeting" },
        field: "problemId",
      },
    );
    await recordMeetingDecision(tx, p, m, input.decision, assign);
    await auditMeeting(tx, "discuss", m, {}, { problem: p.title, decision: input.decision, ...assign });
    return meetingDetail(tx, meetingId);
  });
}
