import type { BarSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import type { EnterpriseYear } from "../../../../common/enterprise.schema";
import { chartColors, chartFont } from "./theme";

export type YearTrendOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface YearTrendNames {
  revenue: string;
  output: string;
  tax: string;
  /** e.g. "万元" */
  unit: string;
  /** The tax axis' name, e.g. "税收（万元）" */
  taxAxis: string;
}

/** fen → 万元 with two decimals; a year without the figure stays a gap, not a zero. */
const wan = (fen: number | null): number | null => (fen === null ? null : Math.round(fen / 10_000) / 100);

/**
 * Revenue and output as bars, tax as a line on its own axis (it is an order of
 * magnitude smaller), one point per year in ascending order.
 */
export const yearTrendOption = (years: readonly EnterpriseYear[], names: YearTrendNames): YearTrendOption => {
  const sorted = [...years].sort((a, b) => a.year - b.year);
  const axisLabel = { formatter: (v: number) => v.toLocaleString("zh-CN") };
  return {
    color: chartColors,
    textStyle: { fontFamily: chartFont },
    tooltip: {
      trigger: "axis",
      valueFormatter: (v) =>
        typeof v === "number"
          ? `${v.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} ${names.unit}`
          : "—",
    },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: sorted.map((y) => String(y.year)) },
    yAxis: [
      { type: "value", name: names.unit, axisLabel },
      { type: "value", name: names.taxAxis, axisLabel, splitLine: { show: false } },
    ],
    series: [
      { name: names.revenue, type: "bar", barMaxWidth: 28, data: sorted.map((y) => wan(y.revenueFen)) },
      { name: names.output, type: "bar", barMaxWidth: 28, data: sorted.map((y) => wan(y.outputFen)) },
      {
        name: names.tax,
        type: "line",
        yAxisIndex: 1,
        connectNulls: false,
        showSymbol: true,
        symbolSize: 7,
        data: sorted.map((y) => wan(y.taxFen)),
      },
    ],
  };
};
