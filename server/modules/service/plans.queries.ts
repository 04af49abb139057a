import { and, count, eq, ilike, type SQL, sql } from "drizzle-orm";
import { describeCondition } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type { PageQuery } from "../../../common/paging.js";
import type { CoverageGroup, PlanPeriod, VisitPlanRow } from "../../../common/visit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { matchingEnterprises } from "../enterprises/enterprises.conditions.js";
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
  const narrow = and(
    inRegionSubtree(enterprise.regionId, plan.regionId),
    plan.parkId
      ? sql`${enterprise.parkId} in (select p.id from ${park} p where p.id = ${plan.parkId} or p.parent_id = ${plan.parkId})`
      : undefined,
    enterpriseScope(actor),
  );
  return matchingEnterprises(plan.condition, today, narrow);
}

const visitedIn = (from: string, to: string) =>
  sql`exists (select 1 from ${visit} v where v.enterprise_id = ${enterprise.id}
    and v.visited_on between ${from} and ${to})`;

/** The specialist's first team (a specialist usually serves with one team). */
const teamOfSpecialist = sql`(select s.ref_id from ${userScopes} s where s.user_id = ${enterprise.specialistId}
  and s.kind = 'team' order by s.ref_id limit 1)`;

interface Row {
  id: string | null;
  name: string | null;
  population: number | string;
  visited: number | string;
}
const rows = async (db: DbOrTx, q: SQL) => ((await db.execute(q)) as unknown as { rows: Row[] }).rows;
const group = (r: Row, fallback: string): CoverageGroup => {
  const p = Number(r.population);
  const v = Number(r.visited);
  return { id: r.id, name: r.name ?? fallback, population: p, visited: v, rate: rate(v, p) };
};
export const rate = (v: number, p: number) => (p ? Math.round((v / p) * 1000) / 10 : null);

/** Population and visited counts in total and by specialist, team and park: four grouped reads. */
export async function coverage(db: DbOrTx, pop: SQL, from: string, to: string) {
  const counts = sql`count(*)::int as population, count(*) filter (where ${visitedIn(from, to)})::int as visited`;
  const inPop = sql`${enterprise.id} in ${pop}`;
  const [[total], bySpecialist, byTeam, byPark] = await Promise.all([
    rows(db, sql`select null as id, null as name, ${counts} from ${enterprise} where ${inPop}`),
    rows(
      db,
      sql`select ${enterprise.specialistId} as id, ${users.name} as name, ${counts} from ${enterprise}
        left join ${users} on ${users.id} = ${enterprise.specialistId}
        where ${inPop} group by 1, 2 order by 3 desc, 2`,
    ),
    rows(
      db,
      sql`select t.id as id, t.name as name, ${counts} from ${enterprise}
        left join ${team} t on t.id = ${teamOfSpecialist}
        where ${inPop} group by 1, 2 order by 3 desc, 2`,
    ),
    rows(
      db,
      sql`select ${enterprise.parkId} as id, ${park.name} as name, ${counts} from ${enterprise}
        left join ${park} on ${park.id} = ${enterprise.parkId}
        where ${inPop} group by 1, 2 order by 3 desc, 2`,
    ),
  ]);
  return {
    population: Number(total?.population ?? 0),
    visited: Number(total?.visited ?? 0),
    bySpecialist: bySpecialist.map((r) => group(r, "未指定服务专员")),
    byTeam: byTeam.map((r) => group(r, "未归属小分队")),
    byPark: byPark.map((r) => group(r, "未入园区")),
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
    sql`${enterprise.id} in ${pop}`,
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
  const w = sql`${enterprise.id} in ${pop}`;
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
