import type { EChartsCoreOption } from "echarts/core";
import type { ResultClass } from "../../../../common/evaluation.schema";
import type { DistributionRow } from "../api/evaluation.types";

export const classColors: Record<ResultClass, string> = {
  A: "#389e0d",
  B: "#1677ff",
  C: "#d48806",
  D: "#cf1322",
  T: "#8c8c8c",
};
const order: ResultClass[] = ["A", "B", "C", "D", "T"];

/** Stacked bars of class counts per park or industry; the first row is the whole run. */
export function classBarsOption(
  rows: DistributionRow[],
  names: Record<ResultClass, string>,
): EChartsCoreOption {
  const cats = rows.map((r) => r.key);
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    legend: { data: order.map((c) => names[c]), top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", data: cats, inverse: true },
    series: order.map((c) => ({
      name: names[c],
      type: "bar",
      stack: "n",
      itemStyle: { color: classColors[c] },
      data: rows.map((r) => r.counts[c]),
    })),
  };
}
