import { and, asc, count, eq, gte, ilike, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import {
  type AppealCategory,
  type AppealEvent,
  type AppealQuery,
  type AppealRow,
  appealActiveStatuses,
  defaultAppealDeadlines,
} from "../../../common/appeal.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { appeal, appealDeadline, appealEvent } from "./service.table.js";

const active = sql.raw(`(${appealActiveStatuses.map((s) => `'${s}'`).join(", ")})`);
export const isActive = sql`${appeal.status} in ${active}`;

/**
 * The appeals an actor reaches: by region or park grant those of the firms there; by department
 * grant those the department holds or once held; by enterprise grant the firm's own.
 */
export const appealScope = (actor: Actor): SQL =>
  scopeWhere(actor, {
    region: appeal.regionId,
    park: appeal.parkId,
    enterprise: appeal.enterpriseId,
    // A union of two index reads: an OR with EXISTS made every department's list a full scan.
    department: (d) =>
      sql`${appeal.id} in (select a.id from ${appeal} a where a.department_id = ${d}
        union select e.appeal_id from ${appealEvent} e where e.department_id = ${d})`,
  });

/** Working days past due (positive) or left (≤ 0) while a department holds it. */
export const lateWorkdays = (today: string) =>
  sql<number | null>`case when ${isActive} and ${appeal.dueOn} is not null
    then ${workdaySeq(sql`cast(${today} as date)`)} - ${workdaySeq(appeal.dueOn)} end`;

const raiser = alias(users, "raiser");

const appealSelect = (today: string) => ({
  id: appeal.id,
  code: appeal.code,
  enterpriseId: appeal.enterpriseId,
  enterpriseName: enterprise.name,
  regionId: appeal.regionId,
  regionName: region.name,
  parkId: appeal.parkId,
  parkName: park.name,
  title: appeal.title,
  category: appeal.category,
  detail: appeal.detail,
  raisedOn: appeal.raisedOn,
  raisedBy: appeal.raisedBy,
  raisedByName: raiser.name,
  byEnterprise: appeal.byEnterprise,
  visitId: appeal.visitId,
  departmentId: appeal.departmentId,
  departmentName: department.name,
  routedOn: appeal.routedOn,
  deadlineWorkdays: appeal.deadlineWorkdays,
  dueOn: appeal.dueOn,
  status: appeal.status,
  resolution: appeal.resolution,
  resolvedOn: appeal.resolvedOn,
  closedOn: appeal.closedOn,
  rating: appeal.rating,
  ratingComment: appeal.ratingComment,
  escalated: appeal.escalated,
  lateWorkdays: lateWorkdays(today),
  version: appeal.version,
  createdAt: appeal.createdAt,
  updatedAt: appeal.updatedAt,
});

const base = (db: DbOrTx, today: string) =>
  db
    .select(appealSelect(today))
    .from(appeal)
    .innerJoin(enterprise, eq(enterprise.id, appeal.enterpriseId))
    .innerJoin(region, eq(region.id, appeal.regionId))
    .leftJoin(park, eq(park.id, appeal.parkId))
    .leftJoin(department, eq(department.id, appeal.departmentId))
    .leftJoin(raiser, eq(raiser.id, appeal.raisedBy));

type Raw = Awaited<ReturnType<typeof base>>[number];
const shape = (r: Raw): AppealRow => ({
  ...r,
  category: r.category as AppealCategory,
  status: r.status as AppealRow["status"],
  lateWorkdays: r.lateWorkdays == null ? null : Number(r.lateWorkdays),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const sorts = {
  raisedOn: appeal.raisedOn,
  dueOn: appeal.dueOn,
  code: appeal.code,
  status: appeal.status,
  category: appeal.category,
  enterpriseName: enterprise.name,
  departmentName: department.name,
  createdAt: appeal.createdAt,
};

function where(actor: Actor, q: AppealQuery, today: string): SQL {
  return and(
    appealScope(actor),
    q.status === "active" ? isActive : q.status ? eq(appeal.status, q.status) : undefined,
    q.category ? eq(appeal.category, q.category) : undefined,
    q.departmentId ? eq(appeal.departmentId, q.departmentId) : undefined,
    q.enterpriseId ? eq(appeal.enterpriseId, q.enterpriseId) : undefined,
    q.regionId ? inRegionSubtree(appeal.regionId, q.regionId) : undefined,
    q.parkId ? eq(appeal.parkId, q.parkId) : undefined,
    q.overdue ? and(isActive, lt(appeal.dueOn, today)) : undefined,
    q.escalated ? and(isActive, appeal.escalated) : undefined,
    q.raisedFrom ? gte(appeal.raisedOn, q.raisedFrom) : undefined,
    q.raisedTo ? lte(appeal.raisedOn, q.raisedTo) : undefined,
    q.q
      ? or(
          ilike(appeal.title, likeText(q.q)),
          ilike(appeal.code, likeText(q.q)),
          ilike(enterprise.name, likeText(q.q)),
        )
      : undefined,
  )!;
}

export async function listAppeals(db: DbOrTx, actor: Actor, q: AppealQuery, today: string) {
  const w = where(actor, q, today);
  const [rows, [total]] = await Promise.all([
    base(db, today)
      .where(w)
      .orderBy(...orderBy(sorts, q, "raisedOn", appeal.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(appeal)
      .innerJoin(enterprise, eq(enterprise.id, appeal.enterpriseId))
      .leftJoin(department, eq(department.id, appeal.departmentId))
      .where(w),
  ]);
  return { items: rows.map(shape), total: total?.n ?? 0 };
}

export async function getAppeal(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [r] = await base(db, today).where(and(eq(appeal.id, id), appealScope(actor)));
  return r ? shape(r) : null;
}

const fromDept = alias(department, "from_dept");

export async function appealEvents(db: DbOrTx, appealId: string): Promise<AppealEvent[]> {
  const rows = await db
    .select({
      id: appealEvent.id,
      kind: appealEvent.kind,
      departmentId: appealEvent.departmentId,
      departmentName: department.name,
      fromDepartmentName: fromDept.name,
      dueOn: appealEvent.dueOn,
      text: appealEvent.text,
      rating: appealEvent.rating,
      actorName: users.name,
      at: appealEvent.at,
    })
    .from(appealEvent)
    .leftJoin(department, eq(department.id, appealEvent.departmentId))
    .leftJoin(fromDept, eq(fromDept.id, appealEvent.fromDepartmentId))
    .leftJoin(users, eq(users.id, appealEvent.actorId))
    .where(eq(appealEvent.appealId, appealId))
    .orderBy(asc(appealEvent.at), asc(appealEvent.id));
  return rows.map((r) => ({ ...r, kind: r.kind as AppealEvent["kind"], at: r.at.toISOString() }));
}

export type NewAppealEvent = typeof appealEvent.$inferInsert;
export async function insertAppealEvents(db: DbOrTx, rows: NewAppealEvent[]) {
  if (rows.length) await db.insert(appealEvent).values(rows);
}

export async function nextAppealCode(db: DbOrTx, year: string): Promise<string> {
  const res = (await db.execute(sql`select nextval('appeal_code_seq')::text as n`)) as unknown as {
    rows: { n: string }[];
  };
  return `SQ${year}${res.rows[0]!.n.padStart(5, "0")}`;
}

/**
 * The working days a category's appeals of a region get: the nearest region at or above it that
 * set its own, else the default.
 */
export async function deadlineFor(db: DbOrTx, regionId: string, category: AppealCategory) {
  const [row] = await db
    .select({ workdays: appealDeadline.workdays })
    .from(appealDeadline)
    .innerJoin(region, eq(region.id, appealDeadline.regionId))
    .where(
      and(
        eq(appealDeadline.category, category),
        sql`(select s.path from ${region} s where s.id = ${regionId}) like ${region.path} || '%'`,
      ),
    )
    .orderBy(sql`length(${region.path}) desc`)
    .limit(1);
  return row?.workdays ?? defaultAppealDeadlines[category];
}

/** Every category's deadline for a region, and whether it is inherited from above or the default. */
export async function deadlinesOf(db: DbOrTx, regionId: string) {
  const own = await db
    .select({ category: appealDeadline.category, workdays: appealDeadline.workdays })
    .from(appealDeadline)
    .where(eq(appealDeadline.regionId, regionId));
  return new Map(own.map((r) => [r.category as AppealCategory, r.workdays]));
}
