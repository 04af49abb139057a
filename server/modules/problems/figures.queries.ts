import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import type { ByDepartmentQuery, DepartmentFigures } from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { inRegionSubtree } from "../../lib/scope.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import { department } from "../org/org.table.js";
import { isActive, problemScope } from "./problems.queries.js";
import { problem } from "./problems.table.js";

const done = sql`${problem.status} in ('resolved', 'closed')`;

/** The figures of one group of problems; the working days to resolve count from raising. */
const figures = (today: string) => ({
  open: sql<number>`count(*) filter (where ${isActive})::int`,
  overdue: sql<number>`count(*) filter (where ${isActive} and ${problem.dueOn} < ${today})::int`,
  escalated: sql<number>`count(*) filter (where ${isActive} and ${problem.escalated})::int`,
  resolved: sql<number>`count(*) filter (where ${done})::int`,
  resolvedOnTime: sql<number>`count(*) filter (where ${done} and ${problem.resolvedOn} <= ${problem.dueOn})::int`,
  medianWorkdays: sql<number | null>`percentile_cont(0.5) within group (order by
    ${workdaySeq(problem.resolvedOn)} - ${workdaySeq(problem.raisedOn)}) filter (where ${done})`,
});

type Raw = { [K in keyof ReturnType<typeof figures>]: number | string | null };
const shape = (r: Raw) => {
  const resolved = Number(r.resolved);
  const onTime = Number(r.resolvedOnTime);
  return {
    open: Number(r.open),
    overdue: Number(r.overdue),
    escalated: Number(r.escalated),
    resolved,
    resolvedOnTime: onTime,
    onTimeRate: resolved ? Math.round((onTime / resolved) * 1000) / 10 : null,
    medianWorkdays: r.medianWorkdays == null ? null : Math.round(Number(r.medianWorkdays) * 10) / 10,
  };
};

const where = (actor: Actor, q: ByDepartmentQuery): SQL | undefined =>
  and(
    problemScope(actor),
    sql`${problem.departmentId} is not null`,
    q.regionId ? inRegionSubtree(problem.regionId, q.regionId) : undefined,
    q.category ? eq(problem.category, q.category) : undefined,
    q.raisedFrom ? gte(problem.raisedOn, q.raisedFrom) : undefined,
    q.raisedTo ? lte(problem.raisedOn, q.raisedTo) : undefined,
  );

/**
 * 部门问题统计: per responsible department, the open and overdue problems, how many were
 * resolved and how many of those by their due day, and the median working days it took.
 * A transferred problem counts for the department holding it now.
 */
export async function figuresByDepartment(
  db: DbOrTx,
  actor: Actor,
  q: ByDepartmentQuery,
  today: string,
): Promise<{
  items: DepartmentFigures[];
  total: Omit<DepartmentFigures, "departmentId" | "departmentName">;
}> {
  const w = where(actor, q);
  const f = figures(today);
  const [rows, [all]] = await Promise.all([
    db
      .select({ departmentId: department.id, departmentName: department.name, ...f })
      .from(problem)
      .innerJoin(department, eq(department.id, problem.departmentId))
      .where(w)
      .groupBy(department.id, department.name)
      .orderBy(desc(f.open), desc(f.overdue), asc(department.name)),
    db.select(f).from(problem).where(w),
  ]);
  return {
    items: rows.map((r) => ({ departmentId: r.departmentId, departmentName: r.departmentName, ...shape(r) })),
    total: shape(
      all ?? { open: 0, overdue: 0, escalated: 0, resolved: 0, resolvedOnTime: 0, medianWorkdays: null },
    ),
  };
}
