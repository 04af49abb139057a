import { and, asc, count, desc, eq, type SQL, sql } from "drizzle-orm";
import type { ResultQuery, SchemeQuery, SchemeRow } from "../../../common/evaluation.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { offsetOf } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { firmChainsSql } from "../chains/chains.fragments.js";
import { enterpriseNames } from "../enterprises/enterprises.figures.js";
import { park, region } from "../org/org.table.js";
import { sitesOfFirm } from "../sites/sites.queries.js";
import {
  evaluationEvent,
  evaluationRun,
  evaluationScheme,
  evaluationResult as res,
} from "./evaluation.table.js";

type Rows<T> = { rows: T[] };
const rowsOf = <T>(r: unknown) => (r as Rows<T>).rows;

/** Schemes and runs belong to a region: the actor's region grants (or all) reach them. */
const regionScope = (a: Actor, col: typeof evaluationScheme.regionId | typeof evaluationRun.regionId) =>
  scopeWhere(a, { region: col });
export const resultScope = (a: Actor) =>
  scopeWhere(a, { region: res.regionId, park: res.parkId, enterprise: res.enterpriseId });

const schemeCols = {
  id: evaluationScheme.id,
  regionId: evaluationScheme.regionId,
  regionName: region.name,
  name: evaluationScheme.name,
  year: evaluationScheme.year,
  note: evaluationScheme.note,
  preset: evaluationScheme.preset,
  body: evaluationScheme.body,
  version: evaluationScheme.version,
  createdAt: evaluationScheme.createdAt,
  updatedAt: evaluationScheme.updatedAt,
};
const presentScheme = (
  r: Omit<SchemeRow, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date },
) => ({ ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() }) as SchemeRow;

export async function listSchemes(db: DbOrTx, actor: Actor, q: SchemeQuery) {
  const where = and(
    regionScope(actor, evaluationScheme.regionId),
    q.regionId ? inRegionSubtree(evaluationScheme.regionId, q.regionId) : undefined,
    q.year ? eq(evaluationScheme.year, q.year) : undefined,
    q.q ? sql`strpos(${evaluationScheme.name}, ${q.q}) > 0` : undefined,
  );
  const [items, [total]] = await Promise.all([
    db
      .select(schemeCols)
      .from(evaluationScheme)
      .innerJoin(region, eq(region.id, evaluationScheme.regionId))
      .where(where)
      .orderBy(desc(evaluationScheme.year), desc(evaluationScheme.createdAt))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(evaluationScheme).where(where),
  ]);
  return { items: items.map(presentScheme), total: total?.n ?? 0 };
}

export async function getScheme(db: DbOrTx, actor: Actor, id: string): Promise<SchemeRow | null> {
  const [r] = await db
    .select(schemeCols)
    .from(evaluationScheme)
    .innerJoin(region, eq(region.id, evaluationScheme.regionId))
    .where(and(eq(evaluationScheme.id, id), regionScope(actor, evaluationScheme.regionId)));
  return r ? presentScheme(r) : null;
}

export const schemeHasRuns = async (db: DbOrTx, id: string) =>
  (await db.select({ n: count() }).from(evaluationRun).where(eq(evaluationRun.schemeId, id)))[0]!.n > 0;

const runCols = {
  id: evaluationRun.id,
  schemeId: evaluationRun.schemeId,
  regionId: evaluationRun.regionId,
  regionName: region.name,
  year: evaluationRun.year,
  schemeName: evaluationRun.schemeName,
  status: evaluationRun.status,
  forced: evaluationRun.forced,
  missing: evaluationRun.missing,
  counts: evaluationRun.counts,
  digest: evaluationRun.digest,
  note: evaluationRun.note,
  startedAt: evaluationRun.startedAt,
  finishedAt: evaluationRun.finishedAt,
};

export async function listRuns(db: DbOrTx, actor: Actor, schemeId?: string) {
  return db
    .select(runCols)
    .from(evaluationRun)
    .innerJoin(region, eq(region.id, evaluationRun.regionId))
    .where(
      and(
        regionScope(actor, evaluationRun.regionId),
        schemeId ? eq(evaluationRun.schemeId, schemeId) : undefined,
      ),
    )
    .orderBy(desc(evaluationRun.startedAt))
    .limit(100);
}

export async function getRun(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await db
    .select({ ...runCols, scheme: evaluationRun.scheme, previous: evaluationRun.previous })
    .from(evaluationRun)
    .innerJoin(region, eq(region.id, evaluationRun.regionId))
    .where(and(eq(evaluationRun.id, id), regionScope(actor, evaluationRun.regionId)));
  return r ?? null;
}

const resultCols = {
  runId: res.runId,
  enterpriseId: res.enterpriseId,
  enterpriseName: sql<string>`${enterpriseNames(res.enterpriseId)}`,
  parkId: res.parkId,
  parkName: park.name,
  industryCode: res.industryCode,
  sizeGroup: res.sizeGroup,
  unit: res.unit,
  members: res.members,
  class: res.class,
  computedClass: res.computedClass,
  tReason: res.tReason,
  forcedReason: res.forcedReason,
  overrideReason: res.overrideReason,
  overriddenAt: res.overriddenAt,
  total: res.total,
  base: res.base,
  bonus: res.bonus,
  deduction: res.deduction,
  position: res.position,
  population: res.population,
  /** the firm's sites, for the class lists (the D list's land for 腾笼换鸟) */
  sites: sitesOfFirm(sql`${res.enterpriseId}`),
  version: res.version,
};

const sorts: Record<string, SQL | typeof res.total> = {
  total: res.total,
  position: res.position as never,
  class: res.class as never,
};

export function resultWhere(actor: Actor, runId: string, q: Partial<ResultQuery>) {
  return and(
    eq(res.runId, runId),
    resultScope(actor),
    q.class ? eq(res.class, q.class) : undefined,
    q.parkId ? eq(res.parkId, q.parkId) : undefined,
    q.industry ? sql`${res.industryCode} like ${`${q.industry.replace(/[\\%_]/g, "")}%`}` : undefined,
    q.sizeClass ? eq(res.sizeGroup, q.sizeClass) : undefined,
    q.q ? sql`strpos(${enterpriseNames(res.enterpriseId)}, ${q.q}) > 0` : undefined,
  );
}

export async function listResults(db: DbOrTx, actor: Actor, runId: string, q: ResultQuery) {
  const where = resultWhere(actor, runId, q);
  const key = sorts[q.sort ?? "total"] ?? res.total;
  const order = q.order === "asc" ? asc(key as never) : sql`${key} desc nulls last`;
  const [items, [total]] = await Promise.all([
    db
      .select(resultCols)
      .from(res)
      .leftJoin(park, eq(park.id, res.parkId))
      .where(where)
      .orderBy(order, asc(res.enterpriseId))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(res).where(where),
  ]);
  // The sites are the sites module's to show: only to those who may read them.
  const mayReadSites = actor.permissions.has("site.read");
  return {
    items: items.map((r) => ({ ...r, sites: mayReadSites ? (r.sites ?? []) : [] })),
    total: total?.n ?? 0,
  };
}

export async function getResult(db: DbOrTx, actor: Actor, runId: string, enterpriseId: string) {
  const [r] = await db
    .select({ ...resultCols, figures: res.figures, indicators: res.indicators, adjustments: res.adjustments })
    .from(res)
    .leftJoin(park, eq(park.id, res.parkId))
    .where(and(eq(res.runId, runId), eq(res.enterpriseId, enterpriseId), resultScope(actor)));
  return r ?? null;
}

/** Other firms of the same unit (a shared parcel), for the card. */
export async function unitMembers(db: DbOrTx, runId: string, unit: string) {
  return db
    .select({ enterpriseId: res.enterpriseId, name: sql<string>`${enterpriseNames(res.enterpriseId)}` })
    .from(res)
    .where(and(eq(res.runId, runId), eq(res.unit, unit)));
}

/** Class counts and 亩均税收 (Σ tax ÷ Σ land over distinct units) per park or industry division. */
export async function distribution(
  db: DbOrTx,
  actor: Actor,
  runId: string,
  by: "park" | "industry" | "chain" | "class",
) {
  const key =
    by === "park"
      ? sql`coalesce(${park.name}, '（未入园）')`
      : by === "industry"
        ? sql`coalesce(left(${res.industryCode}, 3), '（未填行业）')`
        : by === "chain"
          ? sql`fc.chain_name`
          : sql`'全部'`;
  // Per chain: the firms on its links only, a firm on two chains in both.
  const chains =
    by === "chain" ? sql`join ${firmChainsSql()} fc on fc.enterprise_id = ${res.enterpriseId}` : sql``;
  const r = await db.execute(sql`select ${key} as key,
      count(*) filter (where ${res.class} = 'A')::int as a, count(*) filter (where ${res.class} = 'B')::int as b,
      count(*) filter (where ${res.class} = 'C')::int as c, count(*) filter (where ${res.class} = 'D')::int as d,
      count(*) filter (where ${res.class} = 'T')::int as t, count(*)::int as n,
      sum((${res.figures}->>'taxWan')::float8 / ${res.members}) filter (where ${res.class} <> 'T')
        / nullif(sum((${res.figures}->>'landMu')::float8 / ${res.members}) filter (where ${res.class} <> 'T'
          and ${res.figures}->>'taxWan' is not null), 0) as tax_per_mu
    from ${res} left join ${park} on ${park.id} = ${res.parkId} ${chains}
    where ${and(eq(res.runId, runId), resultScope(actor))}
    group by 1 order by n desc limit 200`);
  return rowsOf<{
    key: string;
    a: number;
    b: number;
    c: number;
    d: number;
    t: number;
    n: number;
    tax_per_mu: number | null;
  }>(r).map((x) => ({
    key: x.key,
    counts: { A: Number(x.a), B: Number(x.b), C: Number(x.c), D: Number(x.d), T: Number(x.t) },
    total: Number(x.n),
    taxPerMu: x.tax_per_mu === null ? null : Number(x.tax_per_mu),
  }));
}

/** A firm's results across runs, newest first, for the enterprise page. */
export async function firmResults(db: DbOrTx, actor: Actor, enterpriseId: string) {
  return db
    .select({
      runId: res.runId,
      year: evaluationRun.year,
      schemeName: evaluationRun.schemeName,
      class: res.class,
      total: res.total,
      position: res.position,
      population: res.population,
      tReason: res.tReason,
      startedAt: evaluationRun.startedAt,
    })
    .from(res)
    .innerJoin(evaluationRun, eq(evaluationRun.id, res.runId))
    .where(and(eq(res.enterpriseId, enterpriseId), resultScope(actor)))
    .orderBy(desc(evaluationRun.year), desc(evaluationRun.startedAt))
    .limit(20);
}

export async function listEvents(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(evaluationEvent)
    .where(eq(evaluationEvent.enterpriseId, enterpriseId))
    .orderBy(desc(evaluationEvent.year), asc(evaluationEvent.kind));
}

/** The summary row of a run statement (runStatement) as the run keeps it. */
export function runSummaryOf(result: unknown) {
  const x = rowsOf<Record<string, string | number>>(result)[0]!;
  const counts: Record<string, number> = {};
  for (const c of ["A", "B", "C", "D", "T"]) {
    const n = Number(x[c.toLowerCase()]);
    if (n) counts[c] = n;
  }
  return { counts, digest: String(x.digest), missing: Number(x.missing) };
}

/** The latest finished run of the same region for the year before, to compare classes against. */
export async function previousRun(db: DbOrTx, regionId: string, year: number) {
  const [r] = await db
    .select({ id: evaluationRun.id, schemeName: evaluationRun.schemeName, year: evaluationRun.year })
    .from(evaluationRun)
    .where(
      and(
        eq(evaluationRun.regionId, regionId),
        eq(evaluationRun.year, year - 1),
        eq(evaluationRun.status, "done"),
      ),
    )
    .orderBy(desc(evaluationRun.startedAt))
    .limit(1);
  return r ?? null;
}

/** 等级变动: firms by last year's class and this year's, for the firms in both runs. */
export async function movement(db: DbOrTx, actor: Actor, runId: string, previousId: string) {
  const p = sql.raw("p");
  const r = await db.execute(sql`select ${p}.class as from_class, ${res}.class as to_class, count(*)::int as n
    from ${res} join ${res} ${p} on ${p}.enterprise_id = ${res.enterpriseId} and ${p}.run_id = ${previousId}
    where ${and(eq(res.runId, runId), resultScope(actor))}
    group by 1, 2 order by 1, 2`);
  return rowsOf<{ from_class: string; to_class: string; n: number }>(r).map((x) => ({
    from: x.from_class,
    to: x.to_class,
    count: Number(x.n),
  }));
}

/**
 * An enterprise merge: the merged firm's events and results follow it into the other firm. A past
 * run that evaluated both keeps the merged firm's row as it was (a run is a record of its day).
 */
export async function repointFirm(db: DbOrTx, fromId: string, intoId: string) {
  await db
    .update(evaluationEvent)
    .set({ enterpriseId: intoId })
    .where(eq(evaluationEvent.enterpriseId, fromId));
  await db.execute(sql`update ${res} set enterprise_id = ${intoId}
    where enterprise_id = ${fromId}
      and not exists (select 1 from ${res} o where o.run_id = ${res.runId} and o.enterprise_id = ${intoId})`);
}

/**
 * A firm's class and year in its latest evaluation run (latest year, then latest run), as a JSON
 * object `{ class, year }` or null: for other modules' rows (sites show the 亩均 class of their firms).
 */
export const latestClassOf = (enterpriseId: SQL) =>
  sql<{ class: string; year: number } | null>`(select json_build_object('class', r.class, 'year', run.year)
    from ${res} r join ${evaluationRun} run on run.id = r.run_id
    where r.enterprise_id = ${enterpriseId}
    order by run.year desc, run.started_at desc limit 1)`;
