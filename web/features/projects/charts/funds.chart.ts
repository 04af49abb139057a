import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartColors, chartFont } from "./theme";

export type FundsBarOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface FundFigure {
  /** the park, team or month as shown */
  name: string;
  /** fen */
  domesticFen: number;
  /** US cents */
  foreignCents: number;
}

export interface FundsBarNames {
  domestic: string;
  foreign: string;
  /** 万元 */
  wan: string;
  /** 万美元 */
  usd: string;
}

/** fen (or cents) → 万 with two decimals. */
const wan = (x: number): number => Math.round(x / 10_000) / 100;

const fmt = (unit: string) => (v: unknown) =>
  `${typeof v === "number" ? v.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) : "—"} ${unit}`;

/**
 * Months of a year with nothing recorded still show, as zero: a ledger by month has twelve
 * rows, and a gap in the bars is a month without money in place, not a missing month.
 */
export const fillMonths = <T extends { id: string | null; domesticFen: number; foreignCents: number }>(
  year: number,
  rows: readonly T[],
  empty: (month: string) => T,
): T[] => {
  const by = new Map(rows.map((r) => [r.id, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const m = `${year}-${String(i + 1).padStart(2, "0")}`;
    return by.get(m) ?? empty(m);
  });
};

/**
 * Funds in place per park, team or month: domestic (万元) on the left axis, foreign (万美元) on
 * the right, as the two are never added up (different currencies).
 */
export const fundsBarOption = (rows: readonly FundFigure[], names: FundsBarNames): FundsBarOption => ({
  color: chartColors,
  textStyle: { fontFamily: chartFont },
  tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
  legend: { top: 0 },
  grid: { left: 16, right: 16, top: 44, bottom: 8, containLabel: true },
  xAxis: {
    type: "category",
    data: rows.map((r) => r.name),
    axisTick: { alignWithLabel: true },
    axisLabel: {
      interval: 0,
      rotate: rows.length > 8 ? 30 : 0,
      width: rows.length > 8 ? 100 : 180,
      overflow: "truncate",
    },
  },
  yAxis: [
    { type: "value", name: names.wan },
    { type: "value", name: names.usd, splitLine: { show: false } },
  ],
  series: [
    {
      name: names.domestic,
      type: "bar",
      barMaxWidth: 28,
      tooltip: { valueFormatter: fmt(names.wan) },
      data: rows.map((r) => wan(r.domesticFen)),
    },
    {
      name: names.foreign,
      type: "bar",
      yAxisIndex: 1,
      barMaxWidth: 28,
      tooltip: { valueFormatter: fmt(names.usd) },
      data: rows.map((r) => wan(r.foreignCents)),
    },
  ],
});
