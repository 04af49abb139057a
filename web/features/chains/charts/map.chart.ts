import type { EChartsCoreOption } from "echarts/core";
import type { LinkRow, Strength } from "../../../../common/chain.schema";

export const strengthColors: Record<Strength, string> = {
  strong: "#389e0d",
  weak: "#d48806",
  missing: "#cf1322",
};

/**
 * Columns by depth in the DAG (a link sits one column right of its deepest parent), so the map
 * reads upstream → downstream left to right; rows keep each column's link order.
 */
export function layout(links: readonly LinkRow[]): Map<string, { x: number; y: number }> {
  const byId = new Map(links.map((l) => [l.id, l]));
  const depth = new Map<string, number>();
  const visit = (l: LinkRow, seen: Set<string>): number => {
    const known = depth.get(l.id);
    if (known !== undefined) return known;
    if (seen.has(l.id)) return 0; // the server refuses cycles; never loop on bad data
    seen.add(l.id);
    const parents = l.parentIds.map((p) => byId.get(p)).filter((p): p is LinkRow => Boolean(p));
    const d = parents.length ? Math.max(...parents.map((p) => visit(p, seen))) + 1 : 0;
    depth.set(l.id, d);
    return d;
  };
  for (const l of links) visit(l, new Set());
  const rows = new Map<number, number>();
  const out = new Map<string, { x: number; y: number }>();
  for (const l of [...links].sort((a, b) => a.order - b.order)) {
    const d = depth.get(l.id) ?? 0;
    const r = rows.get(d) ?? 0;
    rows.set(d, r + 1);
    out.set(l.id, { x: d * 240, y: r * 80 });
  }
  return out;
}

/** The chain map as an ECharts graph: nodes coloured by strength, edges parent → child. */
export function chainMapOption(
  links: readonly LinkRow[],
  words: { strength: Record<Strength, string>; firms: string },
): EChartsCoreOption {
  const pos = layout(links);
  const categories = (["strong", "weak", "missing"] as const).map((s) => ({
    name: words.strength[s],
    itemStyle: { color: strengthColors[s] },
  }));
  return {
    tooltip: {
      formatter: (p: { dataType: string; data: { tip?: string } }) =>
        p.dataType === "node" ? (p.data.tip ?? "") : "",
    },
    legend: [{ data: categories.map((c) => c.name), top: 0 }],
    series: [
      {
        type: "graph",
        layout: "none",
        roam: true,
        // fixed node size whatever the fit: the map's boxes stay readable as it is zoomed
        nodeScaleRatio: 0,
        top: 56,
        bottom: 30,
        left: 90,
        right: 90,
        symbol: "roundRect",
        symbolSize: [140, 40],
        edgeSymbol: ["none", "arrow"],
        edgeSymbolSize: 8,
        categories,
        label: {
          show: true,
          color: "#fff",
          fontSize: 13,
          formatter: "{b}",
          width: 130,
          overflow: "truncate",
        },
        lineStyle: { color: "#8c8c8c", width: 1.5, curveness: 0.1 },
        data: links.map((l) => ({
          id: l.id,
          name: l.name,
          x: pos.get(l.id)?.x ?? 0,
          y: pos.get(l.id)?.y ?? 0,
          category: ["strong", "weak", "missing"].indexOf(l.strength),
          tip: `${l.name}：${words.strength[l.strength]}，${words.firms} ${l.firmCount}`,
          itemStyle:
            l.strength === "missing"
              ? { borderType: "dashed", borderColor: "#fff", borderWidth: 2 }
              : undefined,
        })),
        links: links.flatMap((l) => l.parentIds.map((p) => ({ source: p, target: l.id }))),
      },
    ],
  };
}
