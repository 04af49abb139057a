import { eq, sql } from "drizzle-orm";
import {
  type ProjectQuery,
  type ProjectStage,
  projectStages,
  stageIndex,
} from "../../../common/project.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { workday } from "../../lib/workdays/workdays.table.js";
import { park, team } from "../org/org.table.js";
import { openProblemCount } from "../problems/problems.queries.js";
import { projectWhere } from "./projects.queries.js";
import { project, projectNode } from "./projects.table.js";

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: DbOrTx, query: ReturnType<typeof sql>) =>
  ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * The pipeline of the projects a filter selects: count and investment per stage, how many reached
 * each stage (a stopped project counts up to the stage it stopped at), the median working days
 * between consecutive stages both reached (from the projects' stage dates), and the overdue nodes.
 */
export async function pipelineSummary(db: DbOrTx, actor: Actor, q: Partial<ProjectQuery>, today: string) {
  const where = projectWhere(actor, { ...q, stage: undefined }, today) ?? sql`true`;
  const ids = sql`select ${project.id} from ${project} where ${where}`;
  // Three independent reads, side by side on PostgreSQL's pool (one after another on PGlite): the
  // stages with their durations in one pass over the selected projects (an index-only read of
  // project_park_stage_idx for a park), the overdue nodes, the open problems.
  const [[row], [overdue], problems] = await Promise.all([
    rowsOf<{
      stages: { stage: string; stopped_from: string | null; n: number; inv: number }[];
      durations: { k: number; median: number | null; n: number }[];
    }>(
      db,
      sql`with p as materialized (
          select ${project.stage} as stage, ${project.stoppedFrom} as stopped_from,
            ${project.totalInvestmentFen} as total, ${project.stageDates} as dates
          from ${project} where ${where}),
        s as (select stage, stopped_from, count(*)::int as n, coalesce(sum(total), 0)::float8 as inv
          from p group by stage, stopped_from),
        -- Pairs of consecutive stages both reached, in working days: the calendar joins by hash.
        d as (select k, count(*)::int as n, percentile_cont(0.5) within group (order by b.seq - a.seq)::float8 as median
          from p cross join generate_series(1, ${projectStages.length - 1}) k
          join ${workday} a on a.day = p.dates[k] join ${workday} b on b.day = p.dates[k + 1]
          group by k)
        select (select coalesce(json_agg(s), '[]'::json) from s) as stages,
          (select coalesce(json_agg(d order by d.k), '[]'::json) from d) as durations`,
    ),
    rowsOf<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${project} join ${projectNode} pn on pn.project_id = ${project.id}
        and pn.status = 'pending' and pn.due_on is not null and pn.due_on < ${today}::date
        where ${where}`,
    ),
    openProblemCount(db, "project", ids),
  ]);
  const byStage = (row?.stages ?? []).map((r) => ({
    stage: r.stage,
    stoppedFrom: r.stopped_from,
    n: r.n,
    investmentFen: r.inv,
  }));
  const durations = row?.durations ?? [];
  // A project has reached every stage up to its own (a stopped one, up to where it stopped).
  const reachedMap = new Map<string, number>();
  const counts = new Map<string, { n: number; investmentFen: number }>();
  for (const r of byStage) {
    const c = counts.get(r.stage) ?? { n: 0, investmentFen: 0 };
    counts.set(r.stage, { n: c.n + Number(r.n), investmentFen: c.investmentFen + Number(r.investmentFen) });
    const upTo = stageIndex((r.stage === "stopped" ? r.stoppedFrom : r.stage) as ProjectStage);
    for (let k = 0; k <= upTo; k++) {
      reachedMap.set(projectStages[k]!, (reachedMap.get(projectStages[k]!) ?? 0) + Number(r.n));
    }
  }
  const stages = [...projectStages, "stopped" as const].map((s) => ({
    stage: s,
    n: counts.get(s)?.n ?? 0,
    investmentFen: counts.get(s)?.investmentFen ?? 0,
    reached: s === "stopped" ? null : (reachedMap.get(s) ?? 0),
  }));
  const conversion = projectStages.slice(1).map((s, i) => {
    const prev = reachedMap.get(projectStages[i]!) ?? 0;
    const here = reachedMap.get(s) ?? 0;
    return { from: projectStages[i]!, to: s, rate: prev ? here / prev : null };
  });
  return {
    stages,
    conversion,
    durations: durations.map((d) => ({
      from: projectStages[Number(d.k) - 1]!,
      to: projectStages[Number(d.k)]!,
      medianWorkdays: d.median == null ? null : Number(d.median),
      n: Number(d.n),
    })),
    overdueNodes: Number(overdue?.n ?? 0),
    openProblems: problems,
    total: stages.reduce((a, s) => a + s.n, 0),
  };
}

/** The pipeline side by side per park or team: count and investment per stage of each. */
export async function pipelineByGroup(
  db: DbOrTx,
  actor: Actor,
  q: Partial<ProjectQuery> & { groupBy: "park" | "team" },
  today: string,
) {
  const where = projectWhere(actor, { ...q, stage: undefined }, today);
  const key = q.groupBy === "park" ? project.parkId : project.teamId;
  const name = q.groupBy === "park" ? park.name : team.name;
  const rows = await db
    .select({
      id: key,
      name,
      stage: project.stage,
      n: sql<number>`count(*)::int`,
      investmentFen: sql<number>`coalesce(sum(${project.totalInvestmentFen}), 0)::float8`,
    })
    .from(project)
    .leftJoin(park, eq(park.id, project.parkId))
    .leftJoin(team, eq(team.id, project.teamId))
    .where(where)
    .groupBy(key, name, project.stage);
  const groups = new Map<
    string,
    {
      id: string | null;
      name: string | null;
      total: number;
      investmentFen: number;
      stages: Record<string, number>;
    }
  >();
  for (const r of rows) {
    const k = r.id ?? "";
    const g = groups.get(k) ?? { id: r.id, name: r.name, total: 0, investmentFen: 0, stages: {} };
    g.total += Number(r.n);
    g.investmentFen += Number(r.investmentFen);
    g.stages[r.stage] = Number(r.n);
    groups.set(k, g);
  }
  return [...groups.values()].sort((a, b) => b.total - a.total);
}

/**
 * Count and investment per stage of the projects a filter selects, and nothing else: one GROUP
 * BY, for the cockpit and the dashboards (pipelineSummary also reads stage durations, overdue
 * nodes and open problems, which they do not show).
 */
export async function pipelineStages(db: DbOrTx, actor: Actor, q: Partial<ProjectQuery>, today: string) {
  const where = projectWhere(actor, { ...q, stage: undefined }, today) ?? sql`true`;
  const rows = await db
    .select({
      stage: project.stage,
      n: sql<number>`count(*)::int`,
      investmentFen: sql<number>`coalesce(sum(${project.totalInvestmentFen}), 0)::float8`,
    })
    .from(project)
    .where(where)
    .groupBy(project.stage);
  const by = new Map(rows.map((r) => [r.stage as string, r]));
  const stages = [...projectStages, "stopped" as const].map((s) => ({
    stage: s,
    n: Number(by.get(s)?.n ?? 0),
    investmentFen: Number(by.get(s)?.investmentFen ?? 0),
  }));
  return { stages, total: stages.reduce((a, s) => a + s.n, 0) };
}
