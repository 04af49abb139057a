import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { AppealDepartmentFigures, AppealFiguresQuery } from "../../../common/appeal.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { inRegionSubtree } from "../../lib/scope.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { appealScope, isActive } from "./appeals.queries.js";
import { appeal } from "./service.table.js";

const done = sql`${appeal.status} in ('resolved', 'closed')`;

/** One group's figures; working days to resolve count from the current routing. */
const figures = (today: string) => ({
  total: sql<number>`count(*)::int`,
  active: sql<number>`count(*) filter (where ${isActive})::int`,
  overdue: sql<number>`count(*) filter (where ${isActive} and ${appeal.dueOn} < ${today})::int`,
  resolved: sql<number>`count(*) filter (where ${done})::int`,
  resolvedOnTime: sql<number>`count(*) filter (where ${done} and ${appeal.resolvedOn} <= ${appeal.dueOn})::int`,
  medianWorkdays: sql<number | null>`percentile_cont(0.5) within group (order by
    ${workdaySeq(appeal.resolvedOn)} - ${workdaySeq(appeal.routedOn)}) filter (where ${done})`,
  rated: sql<number>`count(${appeal.rating})::int`,
  satisfaction: sql<number | null>`avg(${appeal.rating})`,
});

type Raw = { [K in keyof ReturnType<typeof figures>]: number | string | null };
const round1 = (x: number) => Math.round(x * 10) / 10;
const shape = (r: Raw) => {
  const resolved = Number(r.resolved);
  const onTime = Number(r.resolvedOnTime);
  return {
    total: Number(r.total),
    active: Number(r.active),
    overdue: Number(r.overdue),
    resolved,
    resolvedOnTime: onTime,
    onTimeRate: resolved ? round1((onTime / resolved) * 100) : null,
    medianWorkdays: r.medianWorkdays == null ? null : round1(Number(r.medianWorkdays)),
    rated: Number(r.rated),
    satisfaction: r.satisfaction == null ? null : round1(Number(r.satisfaction)),
  };
};

const where = (actor: Actor, q: AppealFiguresQuery): SQL | undefined =>
  and(
    appealScope(actor),
    sql`${appeal.departmentId} is not null`,
    q.regionId ? inRegionSubtree(appeal.regionId, q.regionId) : undefined,
    q.category ? eq(appeal.category, q.category) : undefined,
    q.raisedFrom ? gte(appeal.raisedOn, q.raisedFrom) : undefined,
    q.raisedTo ? lte(appeal.raisedOn, q.raisedTo) : undefined,
  );

/**
 * 部门诉求办理统计: per department holding appeals, how many, how many still open and overdue,
 * the on-time rate of those resolved, the median working days to resolve and the mean rating.
 */
export async function appealFiguresByDepartment(
  db: DbOrTx,
  actor: Actor,
  q: AppealFiguresQuery,
  today: string,
): Promise<{
  items: AppealDepartmentFigures[];
  total: Omit<AppealDepartmentFigures, "departmentId" | "departmentName">;
}> {
  const w = where(actor, q);
  const f = figures(today);
  const [rows, [all]] = await Promise.all([
    db
      .select({ departmentId: department.id, departmentName: department.name, ...f })
      .from(appeal)
      .innerJoin(department, eq(department.id, appeal.departmentId))
      .where(w)
      .groupBy(department.id, department.name)
      .orderBy(desc(f.total), asc(department.name)),
    db.select(f).from(appeal).where(w),
  ]);
  return {
    items: rows.map((r) => ({ departmentId: r.departmentId, departmentName: r.departmentName, ...shape(r) })),
    total: shape(
      all ?? {
        total: 0,
        active: 0,
        overdue: 0,
        resolved: 0,
        resolvedOnTime: 0,
        medianWorkdays: null,
        rated: 0,
        satisfaction: null,
      },
    ),
  };
}
