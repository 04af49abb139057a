import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";

export type AppealBarsOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Canvas text does not inherit CSS fonts: name the CJK faces the page uses. */
const chartFont =
  "-apple-system, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', sans-serif";
/** Total in the app's blue, in hand in teal, overdue in red. */
const chartColors = ["#1f5fbf", "#36a3a0", "#cf1322"];

export interface AppealBar {
  name: string;
  total: number;
  active: number;
  overdue: number;
}

export interface AppealBarsNames {
  total: string;
  active: string;
  overdue: string;
  /** e.g. "件" */
  unit: string;
}

/** Short names on the axis: the city prefix (丽水市…) says nothing when every bar has it. */
export const shortName = (name: string): string => name.replace(/^.{2,3}市(?=.{3,})/, "");

/**
 * Each department's appeals, those still in hand and those overdue, as horizontal bars (department
 * names are long), the department with the most appeals on top.
 */
export const appealBarsOption = (rows: readonly AppealBar[], names: AppealBarsNames): AppealBarsOption => {
  const sorted = [...rows].sort((a, b) => a.total - b.total || a.active - b.active);
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
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, name: names.unit },
    yAxis: { type: "category", data: sorted.map((r) => shortName(r.name)), axisTick: { show: false } },
    series: [
      bar(
        names.total,
        sorted.map((r) => r.total),
      ),
      bar(
        names.active,
        sorted.map((r) => r.active),
      ),
      bar(
        names.overdue,
        sorted.map((r) => r.overdue),
      ),
    ],
  };
};
