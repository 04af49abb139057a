import type { EChartsCoreOption } from "echarts/core";
import type { RankingUnit } from "../../../../common/kpi.schema";

/** Horizontal bars of each unit's total, first place on top; the top three in gold. */
export function rankingBarsOption(units: RankingUnit[]): EChartsCoreOption {
  return {
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", max: (v: { max: number }) => Math.max(100, Math.ceil(v.max)) },
    yAxis: { type: "category", inverse: true, data: units.map((u) => `${u.rank}. ${u.unitName}`) },
    series: [
      {
        type: "bar",
        data: units.map((u) => ({
          value: u.total,
          itemStyle: { color: u.rank <= 3 ? "#d48806" : "#1677ff" },
        })),
        label: { show: true, position: "right" },
        barMaxWidth: 22,
      },
    ],
  };
}
