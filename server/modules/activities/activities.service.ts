import { and, eq } from "drizzle-orm";
import {
  type ActivityCreate,
  type ActivityKind,
  type ActivityLinkInput,
  type ActivityRow,
  type ActivityUpdate,
  leadKinds,
  multiDayKinds,
  PLAN_AHEAD_DAYS,
  type StatsQuery,
  type TimelineItem,
} from "../../../common/activity.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, forbidden, notFound, stale } from "../../lib/errors.js";
import { getFile } from "../../lib/files/files.service.js";
import { newId } from "../../lib/ids.js";
import { requirePermission, systemActor } from "../../lib/policy.js";
import { coversRegionPath } from "../../lib/scope.js";
import { loadSubject } from "../../lib/subjects.js";
import * as orgQ from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { userExists } from "../users/users.queries.js";
import * as q from "./activities.queries.js";
import { activity } from "./activities.table.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

const today = (ctx: ActorCtx) => chinaDay(ctx.now());

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The record as it will be after the write: what the cross-field rules look at. */
type Merged = Pick<ActivityCreate, "kind" | "heldOn" | "regionId"> &
  Pick<ActivityUpdate, "mode" | "eventType" | "endOn" | "parkId" | "teamId">;

/** Fields that belong to one kind are dropped for the others, so a kind change leaves none behind. */
function kindFields(m: Merged) {
  return {
    mode: m.kind === "follow_up" ? (m.mode ?? null) : null,
    eventType: m.kind === "event" ? (m.eventType ?? null) : null,
    endOn: multiDayKinds.includes(m.kind) ? (m.endOn ?? null) : null,
  };
}

function checkDates(ctx: ActorCtx, m: Merged) {
  const day = today(ctx);
  const { endOn, mode } = kindFields(m);
  if (m.kind === "follow_up" && !mode) {
    throw invalid(
      "mode",
      "请选择跟进方式（电话、上门拜访、会谈、微信或其他）",
      "Choose how the follow-up was made",
    );
  }
  if (m.heldOn < "2000-01-01") throw invalid("heldOn", "日期不能早于 2000 年", "The date is before 2000");
  if (m.kind === "follow_up" && m.heldOn > day) {
    throw invalid(
      "heldOn",
      "跟进日期不能晚于今天，请在跟进之后再记录",
      "A follow-up cannot be in the future",
    );
  }
  const horizon = addDays(day, PLAN_AHEAD_DAYS);
  if (m.heldOn > horizon) {
    throw invalid(
      "heldOn",
      `计划日期不能晚于今天起 ${PLAN_AHEAD_DAYS} 天（${horizon}）`,
      `Plan at most ${PLAN_AHEAD_DAYS} days ahead`,
    );
  }
  if (endOn && endOn < m.heldOn) {
    throw invalid("endOn", "结束日期不能早于开始日期", "The end date is before the start date");
  }
  if (endOn && endOn > addDays(horizon, 60)) {
    throw invalid("endOn", "结束日期过远，请核对", "The end date is too far ahead");
  }
}

/** Region, park and team: the region in the actor's scope or their home region; park and team in it. */
async function checkPlace(ctx: ActorCtx, m: Merged, before?: ActivityRow) {
  if (m.regionId !== before?.regionId) {
    const r = await regionById(ctx.db, m.regionId);
    if (!r || !(coversRegionPath(ctx.actor, r.path) || r.id === ctx.actor.regionId)) throw notFound();
  }
  if (m.parkId && (m.parkId !== before?.parkId || m.regionId !== before?.regionId)) {
    const p = await orgQ.getPark(ctx.db, systemActor, m.parkId);
    if (!p) throw invalid("parkId", "园区不存在", "No such park");
    if (p.regionId !== m.regionId)
      throw invalid("parkId", "所选园区不属于该行政区", "The park is not in the chosen region");
  }
  if (m.teamId && (m.teamId !== before?.teamId || m.regionId !== before?.regionId)) {
    const t = await orgQ.teamById(ctx.db, m.teamId);
    if (!t) throw invalid("teamId", "小分队不存在", "No such team");
    if (t.regionId !== m.regionId)
      throw invalid("teamId", "所选小分队不属于该行政区", "The team is not in the chosen region");
  }
}

async function checkPeople(ctx: ActorCtx, ids: string[] | undefined, before?: ActivityRow) {
  if (!ids) return;
  if (new Set(ids).size !== ids.length)
    throw invalid("ourUserIds", "我方人员有重复", "A participant is listed twice");
  for (const [i, id] of ids.entries()) {
    if (before?.ourUserIds.includes(id)) continue;
    if (!(await userExists(ctx.db, id))) {
      throw invalid(`ourUserIds.${i}`, "所选我方人员不存在", "No such participant");
    }
  }
}

async function checkFiles(ctx: ActorCtx, ids: string[] | undefined, before?: ActivityRow) {
  if (!ids) return;
  for (const [i, id] of ids.entries()) {
    if (before?.fileIds.includes(id)) continue;
    try {
      await getFile(ctx, id);
    } catch {
      throw invalid(`fileIds.${i}`, "附件不存在或无权使用，请重新上传", "No such attachment");
    }
  }
}

/**
 * Each newly linked record must be one the actor sees (404) and may add to (403); leads are
 * projects, from receptions, trips and events. Links kept from before keep their labels.
 */
async function resolveLinks(
  ctx: ActorCtx,
  kind: ActivityKind,
  links: ActivityLinkInput[],
  before: ActivityRow["links"] = [],
) {
  const out: { subjectType: string; subjectId: string; role: string; label: string }[] = [];
  for (const [i, l] of links.entries()) {
    if (l.role === "lead" && l.subjectType !== "project") {
      throw invalid(`links.${i}.role`, "只有项目可以登记为带来的线索", "Only projects can be leads");
    }
    if (l.role === "lead" && !leadKinds.includes(kind)) {
      throw invalid(
        `links.${i}.role`,
        "只有客商接待、外出招商和推介会/赛会可以登记带来的线索项目",
        "Only receptions, trips and events bring leads",
      );
    }
    const kept = before.find((b) => b.subjectType === l.subjectType && b.subjectId === l.subjectId);
    if (kept) {
      out.push({ ...l, label: kept.label });
      continue;
    }
    const info = await loadSubject(ctx, l.subjectType, l.subjectId);
    if (!info) throw notFound();
    if (!info.writable) throw forbidden();
    out.push({ ...l, label: info.label });
  }
  return out;
}

/** The activity in the actor's scope (404), then the right to change it (403). */
async function writable(ctx: ActorCtx, id: string) {
  const row = await q.getActivity(ctx.db, ctx.actor, id);
  if (!row) throw notFound();
  requirePermission(ctx.actor.permissions, "activity.write");
  return row;
}

export async function createActivity(ctx: ActorCtx, input: ActivityCreate): Promise<ActivityRow> {
  requirePermission(ctx.actor.permissions, "activity.write");
  return inTx(ctx, async (tx) => {
    const { links = [], ...fields } = input;
    checkDates(tx, fields);
    await checkPlace(tx, fields);
    await checkPeople(tx, fields.ourUserIds);
    await checkFiles(tx, fields.fileIds);
    const resolved = await resolveLinks(tx, fields.kind, links);
    const id = newId();
    await tx.db.insert(activity).values({ ...fields, ...kindFields(fields), id, createdBy: tx.actor.id });
    await q.replaceLinks(tx.db, id, resolved);
    const created = (await q.getActivity(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "activity",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.title },
    });
    return created;
  });
}

export async function updateActivity(ctx: ActorCtx, id: string, input: ActivityUpdate): Promise<ActivityRow> {
  return inTx(ctx, async (tx) => {
    const before = await writable(tx, id);
    const { version, links, ...patch } = input;
    const merged: Merged = {
      kind: patch.kind ?? before.kind,
      heldOn: patch.heldOn ?? before.heldOn,
      regionId: patch.regionId ?? before.regionId,
      mode: patch.mode === undefined ? before.mode : patch.mode,
      eventType: patch.eventType === undefined ? before.eventType : patch.eventType,
      endOn: patch.endOn === undefined ? before.endOn : patch.endOn,
      parkId: patch.parkId === undefined ? before.parkId : patch.parkId,
      teamId: patch.teamId === undefined ? before.teamId : patch.teamId,
    };
    checkDates(tx, merged);
    await checkPlace(tx, merged, before);
    await checkPeople(tx, patch.ourUserIds, before);
    await checkFiles(tx, patch.fileIds, before);
    // A kind change re-checks the leads already linked.
    const nextLinks =
      links ??
      (patch.kind && patch.kind !== before.kind
        ? before.links.map(({ subjectType, subjectId, role }) => ({ subjectType, subjectId, role }))
        : undefined);
    const resolved = nextLinks && (await resolveLinks(tx, merged.kind, nextLinks, before.links));
    const rows = await tx.db
      .update(activity)
      .set({ ...patch, ...kindFields(merged), version: version + 1, updatedAt: tx.now() })
      .where(and(eq(activity.id, id), eq(activity.version, version)))
      .returning({ id: activity.id });
    if (rows.length === 0) throw stale();
    if (resolved) await q.replaceLinks(tx.db, id, resolved);
    const after = (await q.getActivity(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "activity",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.title },
    });
    return after;
  });
}

export async function deleteActivity(ctx: ActorCtx, id: string, version: number): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await writable(tx, id);
    if (before.version !== version) throw stale();
    await tx.db.delete(activity).where(eq(activity.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "activity",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.title },
    });
  });
}

/**
 * A record's timeline: every activity linked to it, seen through the record (404 when the record
 * is out of reach). Editable where the actor reaches the activity itself and may write.
 */
export async function timeline(
  ctx: ActorCtx,
  subjectType: ActivityLinkInput["subjectType"],
  subjectId: string,
): Promise<TimelineItem[]> {
  const info = await loadSubject(ctx, subjectType, subjectId);
  if (!info) throw notFound();
  requirePermission(ctx.actor.permissions, "activity.read");
  const canWrite = ctx.actor.permissions.has("activity.write");
  const rows = await q.timelineOf(ctx.db, ctx.actor, subjectType, subjectId);
  return rows.map(({ inScope, role, ...r }) => ({
    ...r,
    role: role as TimelineItem["role"],
    editable: canWrite && Boolean(inScope),
  }));
}

export async function stats(ctx: ActorCtx, query: StatsQuery) {
  requirePermission(ctx.actor.permissions, "activity.read");
  const { items, totals } = await q.activityStats(ctx.db, ctx.actor, query, today(ctx));
  return { year: query.year, groupBy: query.groupBy, items, totals };
}
