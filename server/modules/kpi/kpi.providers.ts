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
}

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

/** A uuid[] parameter: one bound value, however many units. */
export const uuidArray = (ids: string[]) => sql`${`{${ids.join(",")}}`}::uuid[]`;

/**
 * The (unit_id, ref_id) pairs a set of units covers, for providers to join their rows on:
 * a park or enclave covers itself and its sub-parks (ref = park id), a region its whole subtree
 * (ref = region id), a team itself (ref = team id). Providers choose the column to match.
 */
export function unitMembers(kind: UnitKind, ids: string[]): SQL {
  const arr = uuidArray(ids);
  if (kind === "region") {
    return sql`(select u.id as unit_id, r.id as ref_id from region u join region r on r.path like u.path || '%' where u.id = any(${arr}))`;
  }
  if (kind === "team") return sql`(select t as unit_id, t as ref_id from unnest(${arr}) t)`;
  return sql`(select p.id as unit_id, p.id as ref_id from park p where p.id = any(${arr})
    union all select p.parent_id, p.id from park p where p.parent_id = any(${arr}))`;
}
