import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartColors, chartFont } from "./theme";

export type DepartmentBarsOption = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface DepartmentBar {
  name: string;
  open: number;
  overdue: number;
}

export interface DepartmentBarsNames {
  open: string;
  overdue: string;
  /** e.g. "个" */
  unit: string;
}

/** Short names on the axis: the city prefix (丽水市…) says nothing when every bar has it. */
export const shortName = (name: string): string => name.replace(/^.{2,3}市(?=.{3,})/, "");

/**
 * Each department's open problems beside the overdue ones, as horizontal bars (department names
 * are long), the department with the most open problems on top.
 */
export const departmentBarsOption = (
  rows: readonly DepartmentBar[],
  names: DepartmentBarsNames,
): DepartmentBarsOption => {
  const sorted = [...rows].sort((a, b) => a.open - b.open || a.overdue - b.overdue);
  return {
    color: chartColors,
    textStyle: { fontFamily: chartFont },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0 },
    grid: { left: 8, right: 32, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1, name: names.unit },
    yAxis: { type: "category", data: sorted.map((r) => shortName(r.name)), axisTick: { show: false } },
    series: [
      {
        name: names.open,
        type: "bar",
        barMaxWidth: 18,
        label: { show: true, position: "right" },
        data: sorted.map((r) => r.open),
      },
      {
        name: names.overdue,
        type: "bar",
        barMaxWidth: 18,
        label: { show: true, position: "right" },
        data: sorted.map((r) => r.overdue),
      },
    ],
  };
};
