import { type SQL, sql } from "drizzle-orm";
import type { UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";

export interface ComputeArgs {
  unitKind: UnitKind;
  unitIds: string[];
  /** the period, both days included */
  from: string;
  to: string;
}

export interface IndicatorDef {
  /** stable, `<module>.<name>` */
  key: string;
  name: string;
  unit: string;
  unitKinds: UnitKind[];
  higherIsBetter: boolean;
  /** counts and sums add up over the year; rates do not */
  cumulative: boolean;
  description: string;
  /**
   * ONE set-based statement for every unit of the set (group by unit), never a loop per unit.
   * Rows: `unit_id`, `value`; a unit without a row has no data for the period.
   */
  sql: (args: ComputeArgs) => SQL;
  /**
   * Optional: the same figure as an aggregate over rows other indicators of the provider read
   * too, so `computeIndicators` folds them into one pass. `sql` must be `foldedSql(fold)`.
   */
  fold?: IndicatorFold;
}

/**
 * One indicator as parts of a shared pass: the rows of `from` (alias `s` carries `s.unit_id`),
 * those `where` keeps, and the aggregate over them grouped by `s.unit_id`.
 */
export interface IndicatorFold {
  /** indicators naming the same source have the same `from` */
  source: string;
  from: (args: ComputeArgs) => SQL;
  /**
   * Joins this indicator needs on top of `from`, named so a shared pass joins each once. Each
   * must add no row: at most one match per row (a left join on a key, a lateral aggregate).
   */
  joins?: FoldJoin[];
  where: (args: ComputeArgs) => SQL;
  /** the aggregate, `filter` written right after its call (empty alone, `filter (where …)` folded) */
  value: (filter: SQL) => SQL;
}

export interface FoldJoin {
  key: string;
  sql: (args: ComputeArgs) => SQL;
}

const withJoins = (f: IndicatorFold, joins: FoldJoin[], a: ComputeArgs) =>
  sql.join([f.from(a), ...joins.map((j) => j.sql(a))], sql` `);

/** An indicator's own statement from its fold parts: what a folded pass computes for it. */
export const foldedSql = (f: IndicatorFold) => (a: ComputeArgs) =>
  sql`select s.unit_id, ${f.value(sql.empty())} as value from ${withJoins(f, f.joins ?? [], a)}
    where ${f.where(a)} group by s.unit_id`;

export interface IndicatorProvider {
  /** the module, as the 指标库 names it */
  module: string;
  indicators: IndicatorDef[];
}

const providers = new Map<string, IndicatorProvider>();

/** Modules register when buildApp wires them; registering a module again replaces it. */
export function registerIndicatorProvider(provider: IndicatorProvider): void {
  providers.set(provider.module, provider);
}

export const computedIndicators = (): (IndicatorDef & { module: string })[] =>
  [...providers.values()].flatMap((p) => p.indicators.map((i) => ({ ...i, module: p.module })));

export const computedIndicator = (key: string) => computedIndicators().find((i) => i.key === key);

/** Runs one indicator's statement for a set of units: unit id → value (absent: no data). */
export async function computeIndicator(
  db: DbOrTx,
  def: IndicatorDef,
  args: ComputeArgs,
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (args.unitIds.length === 0 || !def.unitKinds.includes(args.unitKind)) return out;
  const r = (await db.execute(def.sql(args))) as unknown as {
    rows: { unit_id: string; value: string | number | null }[];
  };
  for (const row of r.rows) {
    if (row.value !== null) out.set(row.unit_id, Number(row.value));
  }
  return out;
}

/**
 * Several indicators over one set of units and period: those sharing a fold source in one
 * statement (each aggregate filtered by its own condition, a unit without a value left out as
 * computeIndicator leaves it out), the others one statement each, side by side.
 * Key → (unit id → value), the same as computeIndicator answers for each.
 */
export async function computeIndicators(
  db: DbOrTx,
  defs: IndicatorDef[],
  args: ComputeArgs,
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  const bySource = new Map<string, IndicatorDef[]>();
  const alone: IndicatorDef[] = [];
  for (const d of defs) {
    if (out.has(d.key)) continue;
    out.set(d.key, new Map());
    if (args.unitIds.length === 0 || !d.unitKinds.includes(args.unitKind)) continue;
    if (d.fold) bySource.set(d.fold.source, [...(bySource.get(d.fold.source) ?? []), d]);
    else alone.push(d);
  }
  const folds = [...bySource.values()].filter((list) => list.length > 1);
  for (const list of bySource.values()) if (list.length === 1) alone.push(list[0]!);
  await Promise.all([
    ...alone.map(async (d) => out.set(d.key, await computeIndicator(db, d, args))),
    ...folds.map(async (list) => {
      const parts = list.map((d) => ({ key: d.key, fold: d.fold!, where: d.fold!.where(args) }));
      const cols = parts.map(
        (p, i) => sql`${p.fold.value(sql`filter (where ${p.where})`)} as ${sql.raw(`v${i}`)}`,
      );
      const joins = new Map(parts.flatMap((p) => p.fold.joins ?? []).map((j) => [j.key, j]));
      const r = (await db.execute(
        sql`select s.unit_id, ${sql.join(cols, sql`, `)} from ${withJoins(parts[0]!.fold, [...joins.values()], args)}
          where ${sql.join(
            parts.map((p) => sql`(${p.where})`),
            sql` or `,
          )} group by s.unit_id`,
      )) as unknown as { rows: Record<string, string | number | null>[] };
      for (const row of r.rows) {
        parts.forEach((p, i) => {
          const v = row[`v${i}`];
          if (v !== null && v !== undefined) out.get(p.key)!.set(String(row.unit_id), Number(v));
        });
      }
    }),
  ]);
  return out;
}

/** A uuid[] parameter: one bound value, however many units. */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * The (unit_id, ref_id) pairs a set of units covers, for providers to join their rows on:
 * a park or enclave covers itself and its sub-parks (ref = park id), a region its whole subtree
 * (ref = region id), a team itself (ref = team id). Providers choose the column to match.
 * Chains are not places; an indicator that lists them joins the chain's links itself.
 */
export function unitMembers(kind: UnitKind, ids: string[]): SQL {
  const arr = uuidArray(ids);
  if (kind === "region") {
    // The pairs go through arrays so the planner sees a handful of refs, not a join with the whole
    // country's region table: that join's selectivity follows region's 3,000+ ids and put a
    // county's 200k projects at ~600 rows, then probed their contracts one by one (5 s a statement).
    return sql`(select m.unit_id, m.ref_id from (select array_agg(u.id) as us, array_agg(r.id) as rs
      from region u join region r on r.path like u.path || '%' where u.id = any(${arr})) a
      cross join unnest(a.us, a.rs) as m(unit_id, ref_id))`;
  }
  if (kind === "team") return sql`(select t as unit_id, t as ref_id from unnest(${arr}) t)`;
  // A chain is no place: its providers join its links' projects or firms (chains.fragments).
  if (kind === "chain") throw new Error("unitMembers: a chain has no places; join its links instead");
  return sql`(select p.id as unit_id, p.id as ref_id from park p where p.id = any(${arr})
    union all select p.parent_id, p.id from park p where p.parent_id = any(${arr}))`;
}
