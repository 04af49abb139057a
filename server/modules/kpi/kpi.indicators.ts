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
    compute: async (d, args) =>
      (await q.manualValues(d, [m], args.unitIds, args.from, args.to)).get(m.key) ?? new Map(),
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
  // Without a provider's definition, an indicator is a manual one.
  const manual = inds.filter((i) => !i.def);
  const [computed, entered] = await Promise.all([
    computeIndicators(db, defs, args),
    q.manualValues(db, manual, args.unitIds, args.from, args.to),
  ]);
  for (const [key, values] of entered) computed.set(key, values);
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
