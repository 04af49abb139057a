import { goalForRange } from "../../../common/kpi.period.js";
import type { GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import { progressRatio, timeAdjustedProgress } from "../../../common/kpi.score.js";
import type { ResolvedIndicator } from "./kpi.indicators.js";
import type { kpiGoal } from "./kpi.table.js";

/** A goal as stored. */
export type GoalRecord = typeof kpiGoal.$inferSelect;

/** The period goals measure: 1 January to the day (or the year's end); null before the year. */
export function yearToDate(year: number, day: string): { from: string; to: string } | null {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  return day >= from ? { from, to: day < end ? day : end } : null;
}

/**
 * One goal's row with its progress to date: actual ÷ target, the goal's share of the elapsed year
 * and the progress against it (序时). `actual` is the year-to-date value (undefined: no data);
 * the quarters are the caller's.
 */
export function goalToDate(
  g: GoalRecord,
  ind: ResolvedIndicator | null,
  day: string,
  actual: number | undefined,
  unitName: string,
): GoalRow {
  const period = yearToDate(g.year, day);
  const cumulative = ind?.cumulative ?? true;
  const value = period ? (actual ?? null) : null;
  const expected = period ? goalForRange(g, cumulative, period.from, period.to) : 0;
  const expectedShare = cumulative ? (g.target === 0 ? 0 : expected / g.target) : period ? 1 : 0;
  const indicatorName = ind?.name ?? g.indicatorKey;
  return {
    id: g.id,
    regionId: g.regionId,
    indicatorKey: g.indicatorKey,
    indicatorName,
    indicatorUnit: ind?.unit ?? "",
    unitKind: g.unitKind as UnitKind,
    unitId: g.unitId,
    unitName,
    name: `${unitName} · ${indicatorName} · ${g.year}年`,
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
}
