import { sql } from "drizzle-orm";
import { appealStatusLabels } from "../../../common/appeal.schema.js";
import { problemStatusLabels } from "../../../common/problem.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { workdaySeq } from "../../lib/workdays/workdays.queries.js";
import type { BulletinFacts } from "./bulletins.data.js";

type Rows<T> = { rows: T[] };
/** A day in the lists' words: 3月5日. */
const short = (day: string) => `${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
/** The status a listed item had at the day: still open then, closed since or still open now. */
const statusAt = (labels: Record<string, string>, status: string, closedOn: string | null, day: string) =>
  closedOn && closedOn > day ? `期末未办结（${short(closedOn)}办结）` : (labels[status] ?? status);

/**
 * What a bulletin lists for a region's subtree as it stood at the end of its day `day`, however
 * late it is generated: key nodes overdue then (due before it, not done by it: the due day is the
 * node's own business date, so a ledger imported later counts as of its dates), problems and
 * appeals raised by it and not yet resolved. Counts are whole; items the `limit` most overdue.
 * Lateness is counted in working days up to `day`. Reads the three modules' tables directly: a
 * bulletin is the region's, so the region subtree is its whole scope.
 */
export async function openAsOf(
  db: DbOrTx,
  regionId: string,
  day: string,
  limit: number,
): Promise<Pick<BulletinFacts, "overdueNodes" | "problems" | "appeals">> {
  const seqDay = workdaySeq(sql`${day}::date`);
  const inRegion = (col: string) =>
    sql`${sql.raw(col)} in (select r.id from region r join region top on r.path like top.path || '%'
      where top.id = ${regionId})`;
  const nodes = (await db.execute(sql`select p.name as project, n.name as node,
      coalesce(d.name, '—') as department, n.due_on::text as due_on,
      (${seqDay} - ${workdaySeq(sql`n.due_on`)})::int as late, count(*) over () as total
    from project_node n join project p on p.id = n.project_id
      left join department d on d.id = n.department_id
    where ${inRegion("p.region_id")} and n.due_on < ${day}
      and (n.status = 'pending' or (n.status = 'done' and n.done_on > ${day}))
    order by n.due_on, n.id limit ${limit}`)) as unknown as Rows<{
    project: string;
    node: string;
    department: string;
    due_on: string;
    late: number;
    total: string;
  }>;
  const problems = (await db.execute(sql`select x.title, coalesce(p.name, '—') as subject,
      coalesce(d.name, '未交办') as department, x.due_on::text as due_on, x.status,
      coalesce(x.resolved_on, x.closed_on)::text as closed_on,
      case when x.due_on is not null then (${seqDay} - ${workdaySeq(sql`x.due_on`)})::int end as late,
      count(*) over () as total
    from problem x
      left join project p on x.subject_type = 'project' and p.id = x.subject_id
      left join department d on d.id = x.department_id
    where ${inRegion("x.region_id")} and x.raised_on <= ${day}
      and (coalesce(x.resolved_on, x.closed_on) is null or coalesce(x.resolved_on, x.closed_on) > ${day})
    order by x.due_on nulls last, x.id limit ${limit}`)) as unknown as Rows<{
    title: string;
    subject: string;
    department: string;
    due_on: string | null;
    status: string;
    closed_on: string | null;
    late: number | null;
    total: string;
  }>;
  // An appeal waiting to be routed is the firm's, not yet a department's: the active list's rule.
  const appeals = (await db.execute(sql`select x.title, e.name as enterprise,
      coalesce(d.name, '未分办') as department, x.due_on::text as due_on, x.status,
      coalesce(x.resolved_on, x.closed_on)::text as closed_on,
      case when x.due_on is not null then (${seqDay} - ${workdaySeq(sql`x.due_on`)})::int end as late,
      count(*) over () as total
    from appeal x join enterprise e on e.id = x.enterprise_id
      left join department d on d.id = x.department_id
    where ${inRegion("x.region_id")} and x.raised_on <= ${day} and x.status <> 'submitted'
      and (coalesce(x.resolved_on, x.closed_on) is null or coalesce(x.resolved_on, x.closed_on) > ${day})
    order by x.due_on nulls last, x.id limit ${limit}`)) as unknown as Rows<{
    title: string;
    enterprise: string;
    department: string;
    due_on: string | null;
    status: string;
    closed_on: string | null;
    late: number | null;
    total: string;
  }>;
  const total = (rows: { total: string }[]) => Number(rows[0]?.total ?? 0);
  return {
    overdueNodes: {
      total: total(nodes.rows),
      items: nodes.rows.map((r) => ({
        project: r.project,
        node: r.node,
        department: r.department,
        dueOn: r.due_on,
        late: Number(r.late),
      })),
    },
    problems: {
      total: total(problems.rows),
      items: problems.rows.map((r) => ({
        title: r.title,
        subject: r.subject,
        department: r.department,
        dueOn: r.due_on,
        late: r.late === null ? null : Number(r.late),
        status: statusAt(problemStatusLabels, r.status, r.closed_on, day),
      })),
    },
    appeals: {
      total: total(appeals.rows),
      items: appeals.rows.map((r) => ({
        title: r.title,
        enterprise: r.enterprise,
        department: r.department,
        dueOn: r.due_on,
        late: r.late === null ? null : Number(r.late),
        status: statusAt(appealStatusLabels, r.status, r.closed_on, day),
      })),
    },
  };
}
