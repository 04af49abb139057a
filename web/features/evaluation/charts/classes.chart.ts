import type { EChartsCoreOption } from "echarts/core";
import { classColors, type ResultClass } from "../../../../common/evaluation.schema";
import type { DistributionRow } from "../api/evaluation.types";

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
