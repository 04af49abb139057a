import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartColors, chartFont } from "./theme";

export type StatsBarsOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface StatsBar {
  name: string;
  /** counts per kind, in the order of `series` */
  values: readonly number[];
}

/**
 * Activities per person or team as stacked horizontal bars, one colour per kind, the busiest at
 * the top; names stay readable however many there are.
 */
export const statsBarsOption = (rows: readonly StatsBar[], series: readonly string[]): StatsBarsOption => {
  // ECharts draws the first category at the bottom: reverse so the list's order reads top-down.
  const shown = [...rows].reverse();
  return {
    color: chartColors,
    textStyle: { fontFamily: chartFont },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { type: "dashed" } } },
    yAxis: { type: "category", data: shown.map((r) => r.name), axisTick: { show: false } },
    series: series.map((name, i) => ({
      name,
      type: "bar",
      stack: "total",
      barMaxWidth: 22,
      emphasis: { focus: "series" },
      data: shown.map((r) => r.values[i] ?? 0),
    })),
  };
};
