import { and, count, eq, ilike, type SQL, sql } from "drizzle-orm";
import { describeCondition } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type { PageQuery } from "../../../common/paging.js";
import type { CoverageGroup, PlanPeriod, VisitPlanRow } from "../../../common/visit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { enterpriseCondition } from "../enterprises/enterprises.conditions.js";
import { enterpriseScope } from "../enterprises/enterprises.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park, region, team } from "../org/org.table.js";
import { userScopes, users } from "../users/users.table.js";
import { visit, visitPlan } from "./service.table.js";

export const planScope = (a: Actor) => scopeWhere(a, { region: visitPlan.regionId, park: visitPlan.parkId });

const base = (db: DbOrTx) =>
  db
    .select({
      id: visitPlan.id,
      name: visitPlan.name,
      regionId: visitPlan.regionId,
      regionName: region.name,
      parkId: visitPlan.parkId,
      parkName: park.name,
      period: visitPlan.period,
      condition: visitPlan.condition,
      targetRate: visitPlan.targetRate,
      active: visitPlan.active,
      version: visitPlan.version,
      createdAt: visitPlan.createdAt,
      updatedAt: visitPlan.updatedAt,
    })
    .from(visitPlan)
    .innerJoin(region, eq(region.id, visitPlan.regionId))
    .leftJoin(park, eq(park.id, visitPlan.parkId));

const shape = (r: Awaited<ReturnType<typeof base>>[number]): VisitPlanRow => ({
  ...r,
  period: r.period as PlanPeriod,
  conditionText: describeCondition(r.condition, enterpriseFields),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export interface PlanQuery extends PageQuery {
  regionId?: string;
  active?: "true" | "false";
}

export async function listPlans(db: DbOrTx, actor: Actor, q: PlanQuery) {
  const w = and(
    planScope(actor),
    q.regionId ? inRegionSubtree(visitPlan.regionId, q.regionId) : undefined,
    q.active ? eq(visitPlan.active, q.active === "true") : undefined,
    q.q ? ilike(visitPlan.name, likeText(q.q)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(w)
      .orderBy(
        ...orderBy({ name: visitPlan.name, createdAt: visitPlan.createdAt }, q, "createdAt", visitPlan.id),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(visitPlan).where(w),
  ]);
  return { items: rows.map(shape), total: total?.n ?? 0 };
}

export async function getPlan(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await base(db).where(and(eq(visitPlan.id, id), planScope(actor)));
  return r ? shape(r) : null;
}

/** The plan's firms in the actor's scope: its region (and park), then its condition. */
export function population(
  plan: Pick<VisitPlanRow, "regionId" | "parkId" | "condition">,
  actor: Actor,
  today: string,
): SQL {
  return and(
    inRegionSubtree(enterprise.regionId, plan.regionId),
    plan.parkId
      ? sql`${enterprise.parkId} in (select p.id from ${park} p where p.id = ${plan.parkId} or p.parent_id = ${plan.parkId})`
      : undefined,
    enterpriseScope(actor),
    enterpriseCondition(plan.condition, today),
  )!;
}

const visitedIn = (from: string, to: string) =>
  sql`exists (select 1 from ${visit} v where v.enterprise_id = ${enterprise.id}
    and v.visited_on between ${from} and ${to})`;

export const rate = (v: number, p: number) => (p ? Math.round((v / p) * 1000) / 10 : null);

interface CountRow {
  dim: "total" | "specialist" | "team" | "park";
  id: string | null;
  name: string | null;
  population: number | string;
  visited: number | string;
}

/**
 * Population and visited counts in total and by specialist, the specialist's team and park: the
 * firms are read once into a CTE and counted with grouping sets, so the cost is one pass over
 * the population however many groups there are.
 */
export async function coverage(db: DbOrTx, pop: SQL, from: string, to: string) {
  const res = (await db.execute(sql`
    with pop as materialized (
      select ${enterprise.parkId} as park_id, ${enterprise.specialistId} as specialist_id, st.team_id,
        ${visitedIn(from, to)} as visited
      from ${enterprise}
      -- each specialist's first team, joined once per specialist rather than looked up per firm
      left join (select distinct on (s.user_id) s.user_id, s.ref_id as team_id from ${userScopes} s
        where s.kind = 'team' order by s.user_id, s.ref_id) st on st.user_id = ${enterprise.specialistId}
      where ${pop}
    ), counts as (
      select case when grouping(specialist_id) = 0 then 'specialist' when grouping(team_id) = 0 then 'team'
          when grouping(park_id) = 0 then 'park' else 'total' end as dim,
        coalesce(specialist_id, team_id, park_id) as id,
        count(*)::int as population, count(*) filter (where visited)::int as visited
      from pop group by grouping sets ((), (specialist_id), (team_id), (park_id))
    )
    select c.dim, c.id, coalesce(u.name, t.name, p.name) as name, c.population, c.visited from counts c
      left join ${users} u on c.dim = 'specialist' and u.id = c.id
      left join ${team} t on c.dim = 'team' and t.id = c.id
      left join ${park} p on c.dim = 'park' and p.id = c.id
    order by c.population desc, 3`)) as unknown as { rows: CountRow[] };
  const groups = (dim: CountRow["dim"], fallback: string): CoverageGroup[] =>
    res.rows
      .filter((r) => r.dim === dim)
      .map((r) => {
        const p = Number(r.population);
        const v = Number(r.visited);
        return { id: r.id, name: r.name ?? fallback, population: p, visited: v, rate: rate(v, p) };
      });
  const total = res.rows.find((r) => r.dim === "total");
  return {
    population: Number(total?.population ?? 0),
    visited: Number(total?.visited ?? 0),
    bySpecialist: groups("specialist", "未指定服务专员"),
    byTeam: groups("team", "未归属小分队"),
    byPark: groups("park", "未入园区"),
  };
}

export interface UnvisitedFilter extends PageQuery {
  specialistId?: string;
  parkId?: string;
}

/** The plan's firms with no visit in the period, the longest unvisited first. */
export async function unvisited(db: DbOrTx, pop: SQL, from: string, to: string, q: UnvisitedFilter) {
  const lastVisit = sql<
    string | null
  >`(select max(v.visited_on)::text from ${visit} v where v.enterprise_id = ${enterprise.id})`;
  const w = and(
    pop,
    sql`not ${visitedIn(from, to)}`,
    q.specialistId ? eq(enterprise.specialistId, q.specialistId) : undefined,
    q.parkId ? eq(enterprise.parkId, q.parkId) : undefined,
    q.q ? ilike(enterprise.name, likeText(q.q)) : undefined,
  );
  // Never visited sorts before the longest ago.
  const sorts = { name: enterprise.name, lastVisitedOn: sql`coalesce(${lastVisit}, '')` };
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprise.id,
        name: enterprise.name,
        uscc: enterprise.uscc,
        parkName: park.name,
        specialistId: enterprise.specialistId,
        specialistName: users.name,
        lastVisitedOn: lastVisit,
      })
      .from(enterprise)
      .leftJoin(park, eq(park.id, enterprise.parkId))
      .leftJoin(users, eq(users.id, enterprise.specialistId))
      .where(w)
      .orderBy(
        ...orderBy(
          sorts,
          { sort: q.sort ?? "lastVisitedOn", order: q.order ?? "asc" },
          "name",
          enterprise.id,
        ),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(enterprise).where(w),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** How many firms a condition selects and a few of them, for the plan editor. */
export async function preview(db: DbOrTx, pop: SQL) {
  const w = pop;
  const [[total], sample] = await Promise.all([
    db.select({ n: count() }).from(enterprise).where(w),
    db
      .select({ id: enterprise.id, name: enterprise.name })
      .from(enterprise)
      .where(w)
      .orderBy(enterprise.name)
      .limit(10),
  ]);
  return { population: total?.n ?? 0, sample };
}
