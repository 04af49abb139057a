import { goalForRange } from "../../../common/kpi.period.js";
import type { GoalQuery, GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import { progressRatio, timeAdjustedProgress } from "../../../common/kpi.score.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { resolveIndicator } from "../kpi/kpi.indicators.js";
import { listGoals, unitNames } from "../kpi/kpi.queries.js";

/**
 * The year's goals in scope with their progress to date: the same arithmetic as the KPI module's
 * goal rows (kpi.service goalRows: actual ÷ target, the goal's share of the elapsed year, 序时),
 * without the quarter-by-quarter actuals the cockpit does not show, so each group of goals (one
 * indicator, one unit kind) costs one statement instead of five.
 */
export async function goalsToDate(db: DbOrTx, actor: Actor, year: number, day: string): Promise<GoalRow[]> {
  if (!actor.permissions.has("kpi.read")) return [];
  const { items } = await listGoals(db, actor, { year, page: 1, pageSize: 200 } as GoalQuery);
  const groups = new Map<string, typeof items>();
  for (const g of items) {
    const k = `${g.indicatorKey}|${g.unitKind}`;
    groups.set(k, [...(groups.get(k) ?? []), g]);
  }
  const yFrom = `${year}-01-01`;
  const yTo = `${year}-12-31`;
  const asOf = day < yTo ? day : yTo;
  const started = day >= yFrom;
  const rows = await Promise.all(
    [...groups.values()].map(async (list) => {
      const kind = list[0]!.unitKind as UnitKind;
      const ids = list.map((g) => g.unitId);
      const ind = await resolveIndicator(db, list[0]!.indicatorKey);
      const [names, ytd] = await Promise.all([
        unitNames(db, kind, ids),
        ind && started
          ? ind.compute(db, { unitKind: kind, unitIds: ids, from: yFrom, to: asOf })
          : Promise.resolve(new Map<string, number>()),
      ]);
      return list.map((g): GoalRow => {
        const cumulative = ind?.cumulative ?? true;
        const actual = started ? (ytd.get(g.unitId) ?? null) : null;
        const expected = started ? goalForRange(g, cumulative, yFrom, asOf) : 0;
        const expectedShare = cumulative ? (g.target === 0 ? 0 : expected / g.target) : started ? 1 : 0;
        const unitName = names.get(g.unitId)?.name ?? "";
        const indicatorName = ind?.name ?? g.indicatorKey;
        return {
          id: g.id,
          regionId: g.regionId,
          indicatorKey: g.indicatorKey,
          indicatorName,
          indicatorUnit: ind?.unit ?? "",
          unitKind: kind,
          unitId: g.unitId,
          unitName,
          name: `${unitName} · ${indicatorName} · ${g.year}年`,
          year: g.year,
          target: g.target,
          split: g.split,
          note: g.note,
          version: g.version,
          actual,
          progress: progressRatio(actual, g.target),
          expectedShare,
          timeAdjusted: timeAdjustedProgress(actual, g.target, expectedShare),
          quarters: [],
        };
      });
    }),
  );
  return rows.flat();
}
