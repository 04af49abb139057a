import type { EChartsCoreOption } from "echarts/core";
import type { CockpitChain, CockpitPipeline, CockpitRanking } from "../../../../common/cockpit.schema";

/** The wall screen's palette: light text on a deep blue ground, large type. */
export const dark = {
  text: "#d6e4ff",
  dim: "#8ea8d8",
  line: "#22406e",
  accent: "#36cfc9",
  gold: "#faad14",
  bar: "#4096ff",
  strong: "#52c41a",
  weak: "#faad14",
  missing: "#ff4d4f",
};

const axisText = (size: number) => ({ color: dark.text, fontSize: size });
const splitLine = { lineStyle: { color: dark.line } };

/** Projects standing at each stage (中止 apart, greyed), the count on each bar. */
export function pipelineOption(
  p: CockpitPipeline,
  stageName: (s: string) => string,
  amount: (fen: number) => string,
  font = 16,
): EChartsCoreOption {
  return {
    backgroundColor: "transparent",
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (items: { dataIndex: number }[]) => {
        const s = p.stages[items[0]!.dataIndex]!;
        return `${stageName(s.stage)}：${s.n}<br/>${amount(s.investmentFen)}`;
      },
    },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: p.stages.map((s) => stageName(s.stage)),
      axisLabel: { ...axisText(font), interval: 0 },
      axisLine: { lineStyle: { color: dark.line } },
    },
    yAxis: { type: "value", minInterval: 1, axisLabel: axisText(font - 2), splitLine },
    series: [
      {
        type: "bar",
        barMaxWidth: 38,
        data: p.stages.map((s) => ({
          value: s.n,
          itemStyle: { color: s.stage === "stopped" ? "#5c6b80" : dark.bar, borderRadius: [4, 4, 0, 0] },
        })),
        label: { show: true, position: "top", color: dark.text, fontSize: font, fontWeight: 600 },
      },
    ],
  };
}

/** The latest run's units, first place on top; the top three in gold. */
export function rankingOption(r: CockpitRanking, font = 16): EChartsCoreOption {
  return {
    backgroundColor: "transparent",
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    xAxis: {
      type: "value",
      max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)),
      axisLabel: axisText(font - 4),
      splitLine,
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: r.units.map((u) => `${u.rank}. ${u.unitName}`),
      axisLabel: axisText(font),
      axisLine: { lineStyle: { color: dark.line } },
    },
    series: [
      {
        type: "bar",
        barMaxWidth: 26,
        data: r.units.map((u) => ({
          value: u.total,
          itemStyle: { color: u.rank <= 3 ? dark.gold : dark.bar },
        })),
        label: { show: true, position: "right", color: dark.text, fontSize: font, fontWeight: 600 },
      },
    ],
  };
}

/** Each chain's links, stacked strong / weak / missing. */
export function chainsOption(
  chains: CockpitChain[],
  names: { strong: string; weak: string; missing: string },
  font = 15,
): EChartsCoreOption {
  const series = (["strong", "weak", "missing"] as const).map((k) => ({
    name: names[k],
    type: "bar",
    stack: "links",
    barMaxWidth: 22,
    itemStyle: { color: dark[k] },
    label: {
      show: true,
      color: "#0b1a33",
      fontSize: font - 2,
      formatter: (x: { value: number }) => x.value || "",
    },
    data: chains.map((c) => c[k]),
  }));
  return {
    backgroundColor: "transparent",
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { top: 0, textStyle: axisText(font - 1), itemWidth: 14, itemHeight: 10 },
    grid: { left: 8, right: 16, top: 30, bottom: 4, containLabel: true },
    xAxis: { type: "value", minInterval: 1, axisLabel: axisText(font - 3), splitLine },
    yAxis: {
      type: "category",
      inverse: true,
      data: chains.map((c) => c.name),
      axisLabel: { ...axisText(font), width: 150, overflow: "truncate" },
      axisLine: { lineStyle: { color: dark.line } },
    },
    series,
  };
}
