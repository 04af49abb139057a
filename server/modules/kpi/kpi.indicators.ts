import type { IndicatorRow, UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { ActorCtx } from "../../lib/context.js";
import { requirePermission } from "../../lib/policy.js";
import {
  type ComputeArgs,
  computedIndicator,
  computedIndicators,
  computeIndicator,
  computeIndicators,
  type IndicatorDef,
} from "./kpi.providers.js";
import * as q from "./kpi.queries.js";

/** An indicator whatever its source, with the one statement that computes it for a unit set. */
export interface ResolvedIndicator {
  key: string;
  name: string;
  unit: string;
  unitKinds: UnitKind[];
  higherIsBetter: boolean;
  cumulative: boolean;
  compute: (db: DbOrTx, args: ComputeArgs) => Promise<Map<string, number>>;
  /** a provider's indicator: what `computeResolved` folds with the others of its source */
  def?: IndicatorDef;
  /** a manual one: `computeResolved` reads all of them in one statement */
  manual?: boolean;
}

export async function resolveIndicator(db: DbOrTx, key: string): Promise<ResolvedIndicator | null> {
  const def = computedIndicator(key);
  if (def) return { ...def, def, compute: (d, args) => computeIndicator(d, def, args) };
  const m = await q.manualIndicatorByKey(db, key);
  if (!m) return null;
  return {
    key: m.key,
    name: m.name,
    unit: m.unit,
    unitKinds: m.unitKinds as UnitKind[],
    higherIsBetter: m.higherIsBetter,
    cumulative: m.cumulative,
    manual: true,
    compute: async (d, args) => {
      const out = new Map<string, number>();
      if (!args.unitIds.length) return out;
      const r = (await d.execute(
        q.manualValuesSql(m.key, args.unitIds, args.from, args.to, m.cumulative),
      )) as unknown as { rows: { unit_id: string; value: string | number }[] };
      for (const row of r.rows) out.set(row.unit_id, Number(row.value));
      return out;
    },
  };
}

/**
 * Several indicators over one set of units and period: the providers' ones through
 * computeIndicators (those sharing a source in one statement), the manual ones in one statement.
 * Key → (unit id → value), as each one's `compute` answers.
 */
export async function computeResolved(
  db: DbOrTx,
  inds: ResolvedIndicator[],
  args: ComputeArgs,
): Promise<Map<string, Map<string, number>>> {
  const defs = inds.flatMap((i) => (i.def ? [i.def] : []));
  const manual = inds.filter((i) => !i.def && i.manual);
  const [computed, manualRows] = await Promise.all([
    computeIndicators(db, defs, args),
    manual.length && args.unitIds.length
      ? db.execute(q.manualValuesManySql(manual, args.unitIds, args.from, args.to))
      : null,
  ]);
  for (const i of manual) computed.set(i.key, new Map());
  const rows =
    (
      manualRows as unknown as {
        rows: { indicator_key: string; unit_id: string; value: string | number }[];
      } | null
    )?.rows ?? [];
  for (const r of rows) computed.get(r.indicator_key)?.set(r.unit_id, Number(r.value));
  return computed;
}

/** The 指标库: every provider's indicators, then the manual ones in the actor's scope. */
export async function listIndicators(ctx: ActorCtx): Promise<IndicatorRow[]> {
  requirePermission(ctx.actor.permissions, "kpi.read");
  const computed: IndicatorRow[] = computedIndicators().map((i) => ({
    key: i.key,
    name: i.name,
    unit: i.unit,
    unitKinds: i.unitKinds,
    higherIsBetter: i.higherIsBetter,
    cumulative: i.cumulative,
    source: "computed",
    provider: i.module,
    description: i.description,
    id: null,
    regionId: null,
    version: null,
  }));
  const manual = (await q.listManualIndicators(ctx.db, ctx.actor)).map(
    (m): IndicatorRow => ({
      key: m.key,
      name: m.name,
      unit: m.unit,
      unitKinds: m.unitKinds as UnitKind[],
      higherIsBetter: m.higherIsBetter,
      cumulative: m.cumulative,
      source: "manual",
      provider: "手工填报",
      description: m.description,
      id: m.id,
      regionId: m.regionId,
      version: m.version,
    }),
  );
  return [...computed, ...manual];
}
