import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";

export type TotalsBarsOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Canvas text does not inherit CSS fonts: name the CJK faces the page uses. */
const chartFont =
  "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
/** Approved in the app's blue, paid in green. */
const chartColors = ["#1f5fbf", "#389e0d"];

export interface TotalsBar {
  name: string;
  approvedWan: number;
  paidWan: number;
}

export interface TotalsBarsNames {
  approved: string;
  paid: string;
  /** e.g. "万元" */
  unit: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Approved and paid amounts per clause, park or year, as horizontal bars (clause names are long);
 * years keep their order, the others put the largest on top.
 */
export const totalsBarsOption = (
  rows: readonly TotalsBar[],
  names: TotalsBarsNames,
  keepOrder: boolean,
): TotalsBarsOption => {
  const sorted = keepOrder ? [...rows].reverse() : [...rows].sort((a, b) => a.approvedWan - b.approvedWan);
  const bar = (name: string, data: number[]): BarSeriesOption => ({
    name,
    type: "bar",
    barMaxWidth: 14,
    label: { show: true, position: "right" },
    data,
  });
  return {
    color: chartColors,
    textStyle: { fontFamily: chartFont },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 48, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", name: names.unit },
    yAxis: { type: "category", data: sorted.map((r) => r.name), axisTick: { show: false } },
    series: [
      bar(
        names.approved,
        sorted.map((r) => round(r.approvedWan)),
      ),
      bar(
        names.paid,
        sorted.map((r) => round(r.paidWan)),
      ),
    ],
  };
};
