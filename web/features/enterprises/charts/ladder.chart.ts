import type { BarSeriesOption } from "echarts/charts";
import type { GridComponentOption, TooltipComponentOption } from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartColors, chartFont } from "./theme";

export type LadderOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface LadderStage {
  name: string;
  count: number;
}

/**
 * The ladder drawn as one: a bar per stage, the bottom stage (科技型中小企业) at
 * the bottom. Bars rather than a funnel, because a stage may hold more firms
 * than the one below it and a funnel would then pinch.
 */
export const ladderOption = (stages: readonly LadderStage[], unit: string): LadderOption => ({
  textStyle: { fontFamily: chartFont },
  tooltip: { trigger: "item", formatter: `{b}：{c} ${unit}` },
  grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
  xAxis: { type: "value", minInterval: 1, splitLine: { lineStyle: { type: "dashed" } } },
  yAxis: { type: "category", data: stages.map((s) => s.name), axisTick: { show: false } },
  series: [
    {
      type: "bar",
      barMaxWidth: 32,
      label: { show: true, position: "right", formatter: `{c} ${unit}` },
      data: stages.map((s, i) => ({
        value: s.count,
        itemStyle: { color: chartColors[i % chartColors.length] },
      })),
    },
  ],
});
