import type { CustomSeriesOption } from "echarts/charts";
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from "echarts/components";
import type { ComposeOption } from "echarts/core";
import { chartFont } from "./theme";

export type GanttOption = ComposeOption<
  CustomSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export type GanttState = "done" | "doneLate" | "late" | "open" | "waived";

export interface GanttNode {
  name: string;
  /** YYYY-MM-DD */
  dueOn: string;
  doneOn: string | null;
  state: GanttState;
}

export interface GanttNames {
  today: string;
  signed: string;
  due: string;
  done: string;
  states: Record<GanttState, string>;
  /** ECharts time templates for ticks on a year, a month and a day: {yyyy}年, {M}月, {M}月{d}日 */
  axis: { year: string; month: string; day: string };
}

export const ganttColors: Record<GanttState, string> = {
  done: "#389e0d",
  doneLate: "#fa8c16",
  late: "#cf1322",
  open: "#1f5fbf",
  waived: "#bfbfbf",
};

const DAY = 86_400_000;
/** A day at local midnight, so the axis labels fall on the day in any time zone. */
const ts = (day: string) => new Date(`${day}T00:00:00`).getTime();

/** The state a node is drawn in: done (on time or late), overdue, open or waived. */
export const ganttState = (n: {
  status: "pending" | "done" | "waived";
  dueOn: string | null;
  doneOn: string | null;
  lateWorkdays: number | null;
}): GanttState => {
  if (n.status === "waived") return "waived";
  if (n.status === "done") return n.doneOn && n.dueOn && n.doneOn > n.dueOn ? "doneLate" : "done";
  return n.lateWorkdays !== null && n.lateWorkdays > 0 ? "late" : "open";
};

/**
 * Key nodes as a Gantt chart: one bar per node from the signing day to its due day, coloured by
 * state, a paler run on past the due day while late, a dot on the day it was done, and a line for
 * today. Nodes run top to bottom in order.
 */
export const ganttOption = (
  nodes: readonly GanttNode[],
  signedOn: string,
  today: string,
  names: GanttNames,
): GanttOption => {
  const start = ts(signedOn);
  const now = ts(today);
  const ends = nodes.flatMap((n) => [ts(n.dueOn), ...(n.doneOn ? [ts(n.doneOn)] : [])]);
  const last = Math.max(now, start, ...ends);
  const first = Math.min(now, start);
  const pad = Math.max(DAY * 3, (last - first) * 0.04);
  return {
    textStyle: { fontFamily: chartFont },
    grid: { left: 16, right: 32, top: 28, bottom: 24, containLabel: true },
    tooltip: {
      trigger: "item",
      formatter: (p) => {
        const i = Array.isArray(p) ? (p[0]?.dataIndex ?? 0) : p.dataIndex;
        const n = nodes[i];
        if (!n) return "";
        return [
          `<b>${n.name}</b>（${names.states[n.state]}）`,
          `${names.signed} ${signedOn} → ${names.due} ${n.dueOn}`,
          ...(n.doneOn ? [`${names.done} ${n.doneOn}`] : []),
        ].join("<br/>");
      },
    },
    xAxis: {
      type: "time",
      position: "top",
      min: first - pad,
      max: last + pad,
      splitLine: { show: true, lineStyle: { type: "dashed", color: "#eee" } },
      // Ticks are labelled by what they fall on, so a span of years reads 2021年 … 6月 … 2022年.
      axisLabel: { hideOverlap: true, formatter: { ...names.axis } },
    },
    yAxis: {
      type: "category",
      inverse: true,
      data: nodes.map((n) => n.name),
      axisTick: { show: false },
    },
    series: [
      {
        type: "custom",
        encode: { x: [1, 2], y: 0 },
        renderItem: (_params, api) => {
          const y = api.value(0);
          const from = api.coord([api.value(1), y]);
          const to = api.coord([api.value(2), y]);
          const done = Number(api.value(3));
          const size = api.size?.([0, 1]);
          const band = Array.isArray(size) ? (size[1] ?? 20) : 20;
          const h = Math.min(18, band * 0.55);
          const color = String(api.visual("color"));
          const x0 = from[0] ?? 0;
          const y0 = from[1] ?? 0;
          const x1 = to[0] ?? x0;
          const dot = Number.isFinite(done) && done > 0 ? api.coord([done, y]) : null;
          // Past its due day (still open, or done late): the days over run on, paler.
          const over = Number(api.value(4));
          const overTo = over > 0 ? (api.coord([over, y])[0] ?? x1) : x1;
          return {
            type: "group",
            children: [
              {
                type: "rect",
                shape: { x: x0, y: y0 - h / 2, width: Math.max(2, x1 - x0), height: h, r: 3 },
                style: { fill: color, opacity: 0.85 },
              },
              ...(overTo > x1
                ? [
                    {
                      type: "rect" as const,
                      shape: { x: x1, y: y0 - h / 2, width: overTo - x1, height: h },
                      style: { fill: color, opacity: 0.3 },
                    },
                  ]
                : []),
              ...(dot
                ? [
                    {
                      type: "circle" as const,
                      shape: { cx: dot[0] ?? 0, cy: dot[1] ?? 0, r: h / 3 },
                      style: { fill: "#fff", stroke: color, lineWidth: 2 },
                    },
                  ]
                : []),
            ],
          };
        },
        data: nodes.map((n, i) => ({
          value: [
            i,
            start,
            ts(n.dueOn),
            n.doneOn ? ts(n.doneOn) : 0,
            n.state === "late" ? now : n.state === "doneLate" && n.doneOn ? ts(n.doneOn) : 0,
          ],
          itemStyle: { color: ganttColors[n.state] },
        })),
        markLine: {
          silent: true,
          symbol: "none",
          lineStyle: { color: "#cf1322", type: "solid", width: 1.5 },
          label: { formatter: names.today, position: "end", color: "#cf1322" },
          data: [{ xAxis: now }],
        },
      },
    ],
  };
};
