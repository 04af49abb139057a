import { type AnyColumn, and, asc, desc, eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { GoalQuery, UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { chain } from "../chains/chains.table.js";
import { park, region, team } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { uuidArray } from "./kpi.providers.js";
import { kpiGoal, kpiIndicator, kpiRun, kpiScheme, kpiValue } from "./kpi.table.js";

type Rows<T> = { rows: T[] };

/**
 * KPI records belong to a region: region grants reach them. A park or team grant also reaches
 * the records about that park or team (an enclave's officer reads their enclave's goals and the
 * rankings it races in).
 */
function kpiScope(actor: Actor, regionCol: AnyColumn, unitMatch?: (ids: string[]) => SQL): SQL {
  const own = actor.grants
    .filter((g) => (g.kind === "park" || g.kind === "team") && g.refId)
    .map((g) => g.refId!);
  const byRegion = scopeWhere(actor, { region: regionCol });
  return unitMatch && own.length ? or(byRegion, unitMatch(own))! : byRegion;
}

export const goalScope = (actor: Actor) =>
  kpiScope(actor, kpiGoal.regionId, (ids) => sql`${kpiGoal.unitId} = any(${uuidArray(ids)})`);
export const valueScope = (actor: Actor) =>
  kpiScope(actor, kpiValue.regionId, (ids) => sql`${kpiValue.unitId} = any(${uuidArray(ids)})`);
export const schemeScope = (actor: Actor) =>
  kpiScope(actor, kpiScheme.regionId, (ids) => sql`${kpiScheme.unitIds} && ${uuidArray(ids)}`);
export const indicatorScope = (actor: Actor) => kpiScope(actor, kpiIndicator.regionId);

/** Names of units of one kind, by id. */
export async function unitNames(
  db: DbOrTx,
  kind: UnitKind,
  ids: string[],
): Promise<Map<string, { name: string; regionId: string }>> {
  if (ids.length === 0) return new Map();
  if (kind === "chain") {
    const chains = await db
      .select({ id: chain.id, name: chain.name, regionId: chain.regionId })
      .from(chain)
      .where(inArray(chain.id, ids));
    return new Map(chains.map((r) => [r.id, { name: r.name, regionId: r.regionId }]));
  }
  const rows =
    kind === "region"
      ? await db
          .select({ id: region.id, name: region.name, regionId: region.id })
          .from(region)
          .where(inArray(region.id, ids))
      : kind === "team"
        ? await db
            .select({ id: team.id, name: team.name, regionId: team.regionId })
            .from(team)
            .where(inArray(team.id, ids))
        : await db
            .select({
              id: park.id,
              name: sql<string>`coalesce(${park.shortName}, ${park.name})`,
              regionId: park.regionId,
              kind: park.kind,
            })
            .from(park)
            .where(and(inArray(park.id, ids), kind === "enclave" ? eq(park.kind, "enclave") : undefined));
  return new Map(rows.map((r) => [r.id, { name: r.name, regionId: r.regionId }]));
}

export const regionName = async (db: DbOrTx, id: string) =>
  (await db.select({ name: region.name }).from(region).where(eq(region.id, id)))[0]?.name ?? "";

export const listManualIndicators = (db: DbOrTx, actor: Actor) =>
  db.select().from(kpiIndicator).where(indicatorScope(actor)).orderBy(asc(kpiIndicator.name));

export const manualIndicatorByKey = async (db: DbOrTx, key: string) =>
  (await db.select().from(kpiIndicator).where(eq(kpiIndicator.key, key)))[0] ?? null;

export const getManualIndicator = async (db: DbOrTx, actor: Actor, id: string) =>
  (
    await db
      .select()
      .from(kpiIndicator)
      .where(and(eq(kpiIndicator.id, id), indicatorScope(actor)))
  )[0] ?? null;

/**
 * Manual indicators over a period, one statement for the set of indicators and units: counts and
 * sums add the entries lying inside the period; a rate takes the latest entry inside it.
 * Key → (unit id → value), every key present.
 */
export async function manualValues(
  db: DbOrTx,
  keys: { key: string; cumulative: boolean }[],
  unitIds: string[],
  from: string,
  to: string,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map(keys.map((k) => [k.key, new Map<string, number>()]));
  if (!keys.length || !unitIds.length) return out;
  const of = (cumulative: boolean) =>
    `{${keys
      .filter((k) => k.cumulative === cumulative)
      .map((k) => `"${k.key}"`)
      .join(",")}}`;
  const where = (cumulative: boolean) =>
    sql`indicator_key = any(${of(cumulative)}::text[]) and unit_id = any(${uuidArray(unitIds)}) and from_on >= ${from} and to_on <= ${to}`;
  const r = (await db.execute(
    sql`select indicator_key, unit_id, sum(value) as value from kpi_value where ${where(true)} group by 1, 2
      union all
      (select distinct on (indicator_key, unit_id) indicator_key, unit_id, value from kpi_value where ${where(false)}
        order by indicator_key, unit_id, to_on desc)`,
  )) as unknown as { rows: { indicator_key: string; unit_id: string; value: string | number }[] };
  for (const row of r.rows) out.get(row.indicator_key)?.set(row.unit_id, Number(row.value));
  return out;
}

export async function listValues(
  db: DbOrTx,
  actor: Actor,
  q: { page: number; pageSize: number; indicatorKey?: string; unitId?: string },
) {
  const where = and(
    valueScope(actor),
    q.indicatorKey ? eq(kpiValue.indicatorKey, q.indicatorKey) : undefined,
    q.unitId ? eq(kpiValue.unitId, q.unitId) : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select({ v: kpiValue, enteredByName: users.name })
      .from(kpiValue)
      .leftJoin(users, eq(users.id, kpiValue.enteredBy))
      .where(where)
      .orderBy(desc(kpiValue.toOn), asc(kpiValue.indicatorKey))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(kpiValue).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export const getValue = async (db: DbOrTx, actor: Actor, id: string) =>
  (
    await db
      .select()
      .from(kpiValue)
      .where(and(eq(kpiValue.id, id), valueScope(actor)))
  )[0] ?? null;

export async function listGoals(db: DbOrTx, actor: Actor, q: GoalQuery) {
  const where = and(
    goalScope(actor),
    q.year ? eq(kpiGoal.year, q.year) : undefined,
    q.unitKind ? eq(kpiGoal.unitKind, q.unitKind) : undefined,
    q.indicatorKey ? eq(kpiGoal.indicatorKey, q.indicatorKey) : undefined,
    q.regionId ? eq(kpiGoal.regionId, q.regionId) : undefined,
  );
  const order = q.order === "asc" ? asc : desc;
  const sortCol =
    q.sort === "target" ? kpiGoal.target : q.sort === "indicatorKey" ? kpiGoal.indicatorKey : kpiGoal.year;
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(kpiGoal)
      .where(where)
      .orderBy(order(sortCol), asc(kpiGoal.indicatorKey), asc(kpiGoal.unitId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(kpiGoal).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export const getGoal = async (db: DbOrTx, actor: Actor, id: string) =>
  (
    await db
      .select()
      .from(kpiGoal)
      .where(and(eq(kpiGoal.id, id), goalScope(actor)))
  )[0] ?? null;

/** Goals of a set of units for some indicators and a year: the scheme run's ratio rules read them. */
export const goalsFor = (db: DbOrTx, keys: string[], unitIds: string[], year: number) =>
  keys.length && unitIds.length
    ? db
        .select()
        .from(kpiGoal)
        .where(
          and(inArray(kpiGoal.indicatorKey, keys), inArray(kpiGoal.unitId, unitIds), eq(kpiGoal.year, year)),
        )
    : Promise.resolve([]);

export async function listSchemes(
  db: DbOrTx,
  actor: Actor,
  q: { page: number; pageSize: number; q?: string },
) {
  const where = and(schemeScope(actor), q.q ? sql`${kpiScheme.name} like ${`%${q.q}%`}` : undefined);
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(kpiScheme)
      .where(where)
      .orderBy(desc(kpiScheme.updatedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)::int` }).from(kpiScheme).where(where),
  ]);
  return { items, total: count?.n ?? 0 };
}

export const getScheme = async (db: DbOrTx, actor: Actor, id: string) =>
  (
    await db
      .select()
      .from(kpiScheme)
      .where(and(eq(kpiScheme.id, id), schemeScope(actor)))
  )[0] ?? null;

export const insertRun = (db: DbOrTx, row: typeof kpiRun.$inferInsert) => db.insert(kpiRun).values(row);

/** The latest run of a scheme, for a period or for any. */
export async function latestRun(db: DbOrTx, schemeId: string, periodKey?: string) {
  const [row] = await db
    .select({ run: kpiRun, computedByName: users.name })
    .from(kpiRun)
    .leftJoin(users, eq(users.id, kpiRun.computedBy))
    .where(and(eq(kpiRun.schemeId, schemeId), periodKey ? eq(kpiRun.periodKey, periodKey) : undefined))
    .orderBy(periodKey ? desc(kpiRun.computedAt) : desc(kpiRun.toOn), desc(kpiRun.computedAt))
    .limit(1);
  return row ?? null;
}

export async function getRun(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ run: kpiRun, computedByName: users.name })
    .from(kpiRun)
    .leftJoin(users, eq(users.id, kpiRun.computedBy))
    .where(eq(kpiRun.id, id));
  return row ?? null;
}

/** Periods a scheme has been run for, newest first (the ranking page's period picker). */
export async function runPeriods(db: DbOrTx, schemeId: string) {
  const r = (await db.execute(sql`select period_key, max(to_on)::text as to_on from kpi_run
    where scheme_id = ${schemeId} group by period_key order by max(to_on) desc limit 60`)) as unknown as Rows<{
    period_key: string;
  }>;
  return r.rows.map((x) => x.period_key);
}

export const uuidList = uuidArray;

/** Units of a kind a scheme or goal may name: inside a region's subtree and the actor's scope. */
export async function unitCandidates(db: DbOrTx, actor: Actor, kind: UnitKind, regionId?: string) {
  if (kind === "region") {
    return db
      .select({ id: region.id, name: region.name })
      .from(region)
      .where(
        and(
          scopeWhere(actor, { region: region.id }),
          regionId ? inRegionSubtree(region.id, regionId) : undefined,
        ),
      )
      .orderBy(asc(region.path))
      .limit(500);
  }
  if (kind === "chain") {
    return db
      .select({ id: chain.id, name: chain.name })
      .from(chain)
      .where(
        and(
          scopeWhere(actor, { region: chain.regionId }),
          regionId ? inRegionSubtree(chain.regionId, regionId) : undefined,
          eq(chain.status, "active"),
        ),
      )
      .orderBy(asc(chain.name))
      .limit(500);
  }
  if (kind === "team") {
    return db
      .select({ id: team.id, name: team.name })
      .from(team)
      .where(
        and(
          scopeWhere(actor, { region: team.regionId, team: team.id, park: team.parkId }),
          regionId ? inRegionSubtree(team.regionId, regionId) : undefined,
        ),
      )
      .orderBy(asc(team.name))
      .limit(500);
  }
  return db
    .select({ id: park.id, name: sql<string>`coalesce(${park.shortName}, ${park.name})` })
    .from(park)
    .where(
      and(
        scopeWhere(actor, { region: park.regionId, park: park.id }),
        regionId ? inRegionSubtree(park.regionId, regionId) : undefined,
        kind === "enclave" ? eq(park.kind, "enclave") : undefined,
      ),
    )
    .orderBy(asc(park.name))
    .limit(500);
}

/**
 * The newest run (by period end, then computing time) of any scheme the actor reaches, within a
 * region's subtree and naming a unit when asked: the cockpit's and the team dashboard's 赛马.
 */
export async function latestRunInScope(
  db: DbOrTx,
  actor: Actor,
  opts: { regionId?: string; unitId?: string } = {},
): Promise<string | null> {
  const [row] = await db
    .select({ id: kpiRun.id })
    .from(kpiRun)
    .innerJoin(kpiScheme, eq(kpiScheme.id, kpiRun.schemeId))
    .where(
      and(
        schemeScope(actor),
        opts.regionId ? inRegionSubtree(kpiScheme.regionId, opts.regionId) : undefined,
        opts.unitId ? sql`${opts.unitId}::uuid = any(${kpiScheme.unitIds})` : undefined,
      ),
    )
    .orderBy(desc(kpiRun.toOn), desc(kpiRun.computedAt))
    .limit(1);
  return row?.id ?? null;
}
