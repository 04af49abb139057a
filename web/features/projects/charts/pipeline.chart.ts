import type { BarSeriesOption, FunnelSeriesOption, LineSeriesOption } from "echarts/charts";
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartColors, chartFont } from "./theme";

export type StageBarsOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;
export type FunnelOption = ComposeOption<FunnelSeriesOption | TooltipComponentOption>;

export interface StageFigure {
  /** the stage's Chinese name */
  name: string;
  /** projects at the stage now */
  n: number;
  /** their total investment, in fen */
  investmentFen: number;
}

export interface StageBarsNames {
  count: string;
  investment: string;
  /** e.g. "个" */
  countUnit: string;
  /** e.g. "亿元" */
  moneyUnit: string;
}

/** fen → 亿元 with two decimals. */
const yi = (fen: number): number => Math.round(fen / 100_000_000) / 100;

/**
 * Projects now at each stage as bars, their investment (亿元) as a line on its
 * own axis: a stage with few large projects and one with many small ones both show.
 */
export const stageBarsOption = (stages: readonly StageFigure[], names: StageBarsNames): StageBarsOption => ({
  color: chartColors,
  textStyle: { fontFamily: chartFont },
  tooltip: { trigger: "axis" },
  legend: { top: 0 },
  grid: { left: 16, right: 16, top: 40, bottom: 8, containLabel: true },
  xAxis: { type: "category", data: stages.map((s) => s.name), axisTick: { alignWithLabel: true } },
  yAxis: [
    { type: "value", name: names.countUnit, minInterval: 1 },
    { type: "value", name: names.moneyUnit, splitLine: { show: false } },
  ],
  series: [
    {
      name: names.count,
      type: "bar",
      barMaxWidth: 32,
      label: { show: true, position: "top" },
      tooltip: { valueFormatter: (v) => `${String(v)} ${names.countUnit}` },
      data: stages.map((s) => s.n),
    },
    {
      name: names.investment,
      type: "line",
      yAxisIndex: 1,
      symbolSize: 7,
      tooltip: {
        valueFormatter: (v) =>
          `${typeof v === "number" ? v.toLocaleString("zh-CN", { maximumFractionDigits: 2 }) : "—"} ${names.moneyUnit}`,
      },
      data: stages.map((s) => yi(s.investmentFen)),
    },
  ],
});

/**
 * How many projects reached each stage (a stopped one counts up to where it
 * stopped). The counts never grow down the pipeline, so a funnel does not pinch.
 */
export const reachedFunnelOption = (
  stages: readonly { name: string; reached: number }[],
  unit: string,
): FunnelOption => {
  const top = Math.max(1, ...stages.map((s) => s.reached));
  return {
    textStyle: { fontFamily: chartFont },
    tooltip: { trigger: "item", formatter: `{b}：{c} ${unit}` },
    series: [
      {
        type: "funnel",
        sort: "none",
        min: 0,
        max: top,
        minSize: "8%",
        left: "4%",
        width: "64%",
        top: 8,
        bottom: 8,
        gap: 2,
        label: { show: true, position: "right", formatter: `{b}  {c} ${unit}`, color: "#333" },
        labelLine: { show: true },
        itemStyle: { borderWidth: 0 },
        data: stages.map((s, i) => ({
          name: s.name,
          value: s.reached,
          itemStyle: { color: chartColors[0], opacity: 1 - (i / stages.length) * 0.6 },
        })),
      },
    ],
  };
};
