import { and, asc, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { MeetingItem, MeetingQuery, MeetingRow } from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { department, region } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";
import { meeting, meetingItem, problem } from "./problems.table.js";

/**
 * Meetings an actor reads: those of the regions their region grants cover; staff scoped to parks,
 * teams or a department read the meetings of their home region, of the regions above it (a city's
 * 月督察) and below it, since those meetings chase their projects' problems.
 */
export function meetingScope(actor: Actor): SQL {
  const byGrant = scopeWhere(actor, { region: meeting.regionId });
  const narrow = actor.grants.some((g) => g.kind === "park" || g.kind === "team" || g.kind === "department");
  if (!narrow || !actor.regionId) return byGrant;
  const home = sql`(select h.path from ${region} h where h.id = ${actor.regionId})`;
  const related = sql`${meeting.regionId} in (select r.id from ${region} r
    where ${home} like r.path || '%' or r.path like ${home} || '%')`;
  return or(byGrant, related)!;
}

const creator = users;

const meetingSelect = {
  id: meeting.id,
  regionId: meeting.regionId,
  regionName: region.name,
  kind: meeting.kind,
  heldOn: meeting.heldOn,
  title: meeting.title,
  chairedBy: meeting.chairedBy,
  attendees: meeting.attendees,
  minutes: meeting.minutes,
  itemCount: sql<number>`(select count(*)::int from ${meetingItem} where ${meetingItem.meetingId} = ${meeting.id})`,
  createdByName: creator.name,
  version: meeting.version,
  createdAt: meeting.createdAt,
  updatedAt: meeting.updatedAt,
};

function selectMeetings(db: DbOrTx) {
  return db
    .select(meetingSelect)
    .from(meeting)
    .innerJoin(region, eq(region.id, meeting.regionId))
    .leftJoin(creator, eq(creator.id, meeting.createdBy));
}

type Raw = Awaited<ReturnType<ReturnType<typeof selectMeetings>["where"]>>[number];
const present = (r: Raw): MeetingRow =>
  ({
    ...r,
    itemCount: Number(r.itemCount),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) as MeetingRow;

const sorts = { heldOn: meeting.heldOn, title: meeting.title, createdAt: meeting.createdAt };

export async function listMeetings(db: DbOrTx, actor: Actor, q: MeetingQuery) {
  const text = q.q?.trim();
  const where = and(
    meetingScope(actor),
    text
      ? or(
          ilike(meeting.title, likeText(text)),
          ilike(meeting.minutes, likeText(text)),
          ilike(meeting.chairedBy, likeText(text)),
        )
      : undefined,
    q.kind ? eq(meeting.kind, q.kind) : undefined,
    q.regionId ? inRegionSubtree(meeting.regionId, q.regionId) : undefined,
    q.heldFrom ? gte(meeting.heldOn, q.heldFrom) : undefined,
    q.heldTo ? lte(meeting.heldOn, q.heldTo) : undefined,
  );
  // Newest meeting first unless another order is asked for.
  const order = q.sort
    ? orderBy(sorts, q, "heldOn", meeting.id)
    : [sql`${meeting.heldOn} desc`, sql`${meeting.id} desc`];
  const [items, [count]] = await Promise.all([
    selectMeetings(db)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(meeting).where(where),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0) };
}

export async function getMeeting(db: DbOrTx, actor: Actor, id: string): Promise<MeetingRow | null> {
  const [row] = await selectMeetings(db).where(and(eq(meeting.id, id), meetingScope(actor)));
  return row ? present(row) : null;
}

export async function listItems(db: DbOrTx, meetingId: string): Promise<MeetingItem[]> {
  const rows = await db
    .select({
      id: meetingItem.id,
      problemId: meetingItem.problemId,
      problemTitle: problem.title,
      problemStatus: problem.status,
      subjectName: project.name,
      decision: meetingItem.decision,
      departmentId: meetingItem.departmentId,
      departmentName: department.name,
      deadlineWorkdays: meetingItem.deadlineWorkdays,
      dueOn: meetingItem.dueOn,
      createdByName: users.name,
      createdAt: meetingItem.createdAt,
    })
    .from(meetingItem)
    .innerJoin(problem, eq(problem.id, meetingItem.problemId))
    .leftJoin(project, and(eq(problem.subjectType, "project"), eq(project.id, problem.subjectId)))
    .leftJoin(department, eq(department.id, meetingItem.departmentId))
    .leftJoin(users, eq(users.id, meetingItem.createdBy))
    .where(eq(meetingItem.meetingId, meetingId))
    .orderBy(asc(meetingItem.createdAt), asc(meetingItem.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }) as MeetingItem);
}

export const insertItem = (db: DbOrTx, row: typeof meetingItem.$inferInsert) =>
  db.insert(meetingItem).values(row);
