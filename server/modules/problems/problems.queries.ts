import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  activeStatuses,
  type ProblemEvent,
  type ProblemQuery,
  type ProblemRow,
} from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department, region } from "../org/org.table.js";
import { projectIdsInScope } from "../projects/projects.queries.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";
import { meeting, problem, problemEvent } from "./problems.table.js";

const active = sql.raw(`(${activeStatuses.map((s) => `'${s}'`).join(", ")})`);
export const isActive = sql`${problem.status} in ${active}`;

/**
 * The problems an actor reaches: by region grant the problems raised in the region's subtree;
 * by park or team grant those of the projects the grant reaches; by department grant the
 * problems the department holds or was ever assigned (it still reads one it passed on).
 */
export function problemScope(actor: Actor): SQL {
  const direct = scopeWhere(actor, {
    region: problem.regionId,
    department: (d) =>
      sql`(${problem.departmentId} = ${d} or exists (select 1 from ${problemEvent}
        where ${problemEvent.problemId} = ${problem.id} and ${problemEvent.departmentId} = ${d}))`,
  });
  const narrow = actor.grants.filter((g) => g.kind === "park" || g.kind === "team");
  if (narrow.length === 0) return direct;
  const viaSubject = sql`(${problem.subjectType} = 'project' and ${problem.subjectId} in ${projectIdsInScope({ ...actor, grants: narrow })})`;
  return or(direct, viaSubject)!;
}

/** Working days past due (positive) or left (≤ 0) for an open problem. */
export const lateWorkdays = (today: string) =>
  sql<number | null>`case when ${isActive} and ${problem.dueOn} is not null
    then ${workdaySeq(sql`cast(${today} as date)`)} - ${workdaySeq(problem.dueOn)} end`;

const raiser = alias(users, "raiser");

const problemSelect = (today: string) => ({
  id: problem.id,
  subjectType: problem.subjectType,
  subjectId: problem.subjectId,
  subjectName: project.name,
  subjectCode: project.code,
  regionId: problem.regionId,
  regionName: region.name,
  title: problem.title,
  detail: problem.detail,
  category: problem.category,
  raisedOn: problem.raisedOn,
  raisedBy: problem.raisedBy,
  raisedByName: raiser.name,
  departmentId: problem.departmentId,
  departmentName: department.name,
  assignedOn: problem.assignedOn,
  deadlineWorkdays: problem.deadlineWorkdays,
  dueOn: problem.dueOn,
  status: problem.status,
  resolution: problem.resolution,
  resolvedOn: problem.resolvedOn,
  closedOn: problem.closedOn,
  escalated: problem.escalated,
  lateWorkdays: lateWorkdays(today),
  version: problem.version,
  createdAt: problem.createdAt,
  updatedAt: problem.updatedAt,
});

function selectProblems(db: DbOrTx, today: string) {
  return db
    .select(problemSelect(today))
    .from(problem)
    .innerJoin(region, eq(region.id, problem.regionId))
    .leftJoin(project, and(eq(problem.subjectType, "project"), eq(project.id, problem.subjectId)))
    .leftJoin(department, eq(department.id, problem.departmentId))
    .leftJoin(raiser, eq(raiser.id, problem.raisedBy));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectProblems>["where"]>>[number];
const present = (r: RawRow): ProblemRow =>
  ({
    ...r,
    lateWorkdays: r.lateWorkdays == null ? null : Number(r.lateWorkdays),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) as ProblemRow;

export function problemWhere(actor: Actor, q: Partial<ProblemQuery>, today: string): SQL | undefined {
  const text = q.q?.trim();
  return and(
    problemScope(actor),
    text
      ? or(
          ilike(problem.title, likeText(text)),
          ilike(problem.detail, likeText(text)),
          sql`${problem.subjectId} in (select ${project.id} from ${project}
            where ${ilike(project.name, likeText(text))})`,
        )
      : undefined,
    q.status === "active" ? isActive : q.status ? eq(problem.status, q.status) : undefined,
    q.departmentId ? eq(problem.departmentId, q.departmentId) : undefined,
    q.subjectId ? eq(problem.subjectId, q.subjectId) : undefined,
    q.regionId ? inRegionSubtree(problem.regionId, q.regionId) : undefined,
    q.category ? eq(problem.category, q.category) : undefined,
    q.overdue ? and(isActive, sql`${problem.dueOn} < ${today}`) : undefined,
    q.escalated ? eq(problem.escalated, true) : undefined,
  );
}

const sorts = {
  raisedOn: problem.raisedOn,
  dueOn: problem.dueOn,
  updatedAt: problem.updatedAt,
  status: problem.status,
  title: problem.title,
  createdAt: problem.createdAt,
};

export async function listProblems(db: DbOrTx, actor: Actor, q: ProblemQuery, today: string) {
  const where = problemWhere(actor, q, today);
  const [items, [count]] = await Promise.all([
    selectProblems(db, today)
      .where(where)
      .orderBy(...orderBy(sorts, q, "createdAt", problem.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(problem).where(where),
  ]);
  return { items: items.map(present), total: Number(count?.n ?? 0) };
}

export async function getProblem(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [row] = await selectProblems(db, today).where(and(eq(problem.id, id), problemScope(actor)));
  return row ? present(row) : null;
}

/** A problem whatever the reader's scope: for the daily job and for writes already checked. */
export async function problemById(db: DbOrTx, id: string, today: string) {
  const [row] = await selectProblems(db, today).where(eq(problem.id, id));
  return row ? present(row) : null;
}

const toDept = alias(department, "to_dept");
const fromDept = alias(department, "from_dept");

export async function listEvents(db: DbOrTx, problemId: string): Promise<ProblemEvent[]> {
  const rows = await db
    .select({
      id: problemEvent.id,
      kind: problemEvent.kind,
      departmentId: problemEvent.departmentId,
      departmentName: toDept.name,
      fromDepartmentName: fromDept.name,
      dueOn: problemEvent.dueOn,
      text: problemEvent.text,
      meetingId: problemEvent.meetingId,
      meetingTitle: meeting.title,
      actorName: users.name,
      at: problemEvent.at,
    })
    .from(problemEvent)
    .leftJoin(toDept, eq(toDept.id, problemEvent.departmentId))
    .leftJoin(fromDept, eq(fromDept.id, problemEvent.fromDepartmentId))
    .leftJoin(meeting, eq(meeting.id, problemEvent.meetingId))
    .leftJoin(users, eq(users.id, problemEvent.actorId))
    .where(eq(problemEvent.problemId, problemId))
    .orderBy(asc(problemEvent.at), asc(problemEvent.id));
  return rows.map((r) => ({ ...r, at: r.at.toISOString() }) as ProblemEvent);
}

export type NewEvent = typeof problemEvent.$inferInsert;
export const insertEvents = (db: DbOrTx, rows: NewEvent[]) => db.insert(problemEvent).values(rows);

/** Open (not yet resolved) problems of the given subjects: the pipeline passes its projects' ids. */
export async function openProblemCount(db: DbOrTx, subjectType: string, subjectIdsSql: SQL): Promise<number> {
  const r = (await db.execute(
    sql`select count(*)::int as n from ${problem} where ${problem.subjectType} = ${subjectType} and ${isActive}
      and ${problem.subjectId} in (${subjectIdsSql})`,
  )) as unknown as { rows: { n: number }[] };
  return Number(r.rows[0]?.n ?? 0);
}

/** Whether any of the ids is a problem in the actor's scope (for a meeting's items). */
export async function problemsInScope(db: DbOrTx, actor: Actor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: problem.id })
    .from(problem)
    .where(and(inArray(problem.id, ids), problemScope(actor)));
  return new Set(rows.map((r) => r.id));
}
