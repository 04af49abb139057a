import { goalForRange } from "../../../common/kpi.period.js";
import type { GoalQuery, GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import { progressRatio, timeAdjustedProgress } from "../../../common/kpi.score.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { type ResolvedIndicator, resolveIndicator } from "../kpi/kpi.indicators.js";
import { listGoals, unitNames } from "../kpi/kpi.queries.js";

/** A goal as the KPI module stores it. */
export type GoalItem = Awaited<ReturnType<typeof listGoals>>["items"][number];

/** The year's goals in the actor's scope (none without kpi.read). */
export async function goalItems(db: DbOrTx, actor: Actor, year: number): Promise<GoalItem[]> {
  if (!actor.permissions.has("kpi.read")) return [];
  return (await listGoals(db, actor, { year, page: 1, pageSize: 200 } as GoalQuery)).items;
}

/** The period goals measure: 1 January to the day (or the year's end); null before the year. */
export function yearToDate(year: number, day: string): { from: string; to: string } | null {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  return day >= from ? { from, to: day < end ? day : end } : null;
}

/**
 * Goal rows with their progress to date: the same arithmetic as the KPI module's goal rows
 * (kpi.service goalRows: actual ÷ target, the goal's share of the elapsed year, 序时), without the
 * quarter-by-quarter actuals the cockpit does not show. `actual` answers each goal's year-to-date
 * value (undefined: no data), `unitName` its unit's name.
 */
export function goalRows(
  items: GoalItem[],
  year: number,
  day: string,
  inds: Map<string, ResolvedIndicator | null>,
  actual: (g: GoalItem) => number | undefined,
  unitName: (g: GoalItem) => string,
): GoalRow[] {
  const period = yearToDate(year, day);
  return items.map((g): GoalRow => {
    const ind = inds.get(g.indicatorKey) ?? null;
    const cumulative = ind?.cumulative ?? true;
    const value = period ? (actual(g) ?? null) : null;
    const expected = period ? goalForRange(g, cumulative, period.from, period.to) : 0;
    const expectedShare = cumulative ? (g.target === 0 ? 0 : expected / g.target) : period ? 1 : 0;
    const name = unitName(g);
    const indicatorName = ind?.name ?? g.indicatorKey;
    return {
      id: g.id,
      regionId: g.regionId,
      indicatorKey: g.indicatorKey,
      indicatorName,
      indicatorUnit: ind?.unit ?? "",
      unitKind: g.unitKind as UnitKind,
      unitId: g.unitId,
      unitName: name,
      name: `${name} · ${indicatorName} · ${g.year}年`,
      year: g.year,
      target: g.target,
      split: g.split,
      note: g.note,
      version: g.version,
      actual: value,
      progress: progressRatio(value, g.target),
      expectedShare,
      timeAdjusted: timeAdjustedProgress(value, g.target, expectedShare),
      quarters: [],
    };
  });
}

/**
 * The year's goals in scope with their progress to date, each group of goals (one indicator, one
 * unit kind) one statement. The cockpit reads them in its shared pass instead (cockpit.figures).
 */
export async function goalsToDate(db: DbOrTx, actor: Actor, year: number, day: string): Promise<GoalRow[]> {
  const items = await goalItems(db, actor, year);
  const period = yearToDate(year, day);
  const groups = new Map<string, GoalItem[]>();
  for (const g of items) {
    const k = `${g.indicatorKey}|${g.unitKind}`;
    groups.set(k, [...(groups.get(k) ?? []), g]);
  }
  const rows = await Promise.all(
    [...groups.values()].map(async (list) => {
      const kind = list[0]!.unitKind as UnitKind;
      const ids = list.map((g) => g.unitId);
      const ind = await resolveIndicator(db, list[0]!.indicatorKey);
      const [names, ytd] = await Promise.all([
        unitNames(db, kind, ids),
        ind && period
          ? ind.compute(db, { unitKind: kind, unitIds: ids, ...period })
          : Promise.resolve(new Map<string, number>()),
      ]);
      return goalRows(
        list,
        year,
        day,
        new Map([[list[0]!.indicatorKey, ind]]),
        (g) => ytd.get(g.unitId),
        (g) => names.get(g.unitId)?.name ?? "",
      );
    }),
  );
  return rows.flat();
}
