import type { GoalQuery, GoalRow } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { type GoalRecord, goalToDate } from "../kpi/kpi.goals.js";
import type { ResolvedIndicator } from "../kpi/kpi.indicators.js";
import { listGoals } from "../kpi/kpi.queries.js";
import { goalRows as kpiGoalRows } from "../kpi/kpi.service.js";

/** The year's goals in the actor's scope (none without kpi.read). */
export async function goalItems(db: DbOrTx, actor: Actor, year: number): Promise<GoalRecord[]> {
  if (!actor.permissions.has("kpi.read")) return [];
  return (await listGoals(db, actor, { year, page: 1, pageSize: 200 } as GoalQuery)).items;
}

/**
 * Goal rows with their progress to date from values the cockpit has read in its shared pass
 * (cockpit.figures): `actual` answers each goal's year-to-date value (undefined: no data),
 * `unitName` its unit's name.
 */
export function goalRows(
  items: GoalRecord[],
  day: string,
  inds: Map<string, ResolvedIndicator | null>,
  actual: (g: GoalRecord) => number | undefined,
  unitName: (g: GoalRecord) => string,
): GoalRow[] {
  return items.map((g) => goalToDate(g, inds.get(g.indicatorKey) ?? null, day, actual(g), unitName(g)));
}

/** The year's goals in scope with their progress to date, as the KPI module computes them. */
export async function goalsToDate(db: DbOrTx, actor: Actor, year: number, day: string): Promise<GoalRow[]> {
  return kpiGoalRows(db, await goalItems(db, actor, year), day, { quarters: false });
}
