import fs from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";
import type { GoalRow, RunRow } from "../../../common/kpi.schema.js";
import { AppError } from "../../lib/errors.js";

echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

/**
 * Where a CJK font is looked for when the configuration names none: the one `.ci/run` installs
 * (Debian's fonts-wqy-microhei) first, then other common Debian CJK fonts.
 */
export const fontCandidates = [
  "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
];

/**
 * The font file the charts are drawn with. resvg is given this one file and no system fonts, so
 * every glyph comes from it: a chart never silently renders boxes for a missing font.
 */
export function findCjkFont(configured?: string): string {
  if (configured) {
    if (fs.existsSync(configured)) return configured;
    throw new AppError("INTERNAL", {
      zh: `找不到配置的中文字体文件 ${configured}（ZHAOYIN_CJK_FONT），无法绘制通报图表`,
      en: `The configured CJK font ${configured} (ZHAOYIN_CJK_FONT) does not exist`,
    });
  }
  const found = fontCandidates.find((f) => fs.existsSync(f));
  if (found) return found;
  throw new AppError("INTERNAL", {
    zh: "服务器未安装中文字体，无法绘制通报图表：请安装 fonts-wqy-microhei（.ci/run 会安装），或以 ZHAOYIN_CJK_FONT 指定字体文件",
    en: "No CJK font on the server: install fonts-wqy-microhei or set ZHAOYIN_CJK_FONT",
  });
}

export interface Chart {
  title: string;
  png: Buffer;
  width: number;
  height: number;
}

/** Charts are drawn at this size (px) and rasterised at 2× for print. */
const W = 760;
const H = 360;
const SCALE = 2;

/** ECharts server-side rendering to SVG, then resvg to PNG with the CJK font. */
export function renderPng(option: echarts.EChartsCoreOption, font: string, width = W, height = H): Buffer {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: "#ffffff", ...option });
    const svg = chart.renderToSVGString();
    const resvg = new Resvg(svg, {
      font: { fontFiles: [font], loadSystemFonts: false },
      fitTo: { mode: "zoom", value: SCALE },
      background: "#ffffff",
    });
    return Buffer.from(resvg.render().asPng());
  } finally {
    chart.dispose();
  }
}

const short = (s: string, n = 8) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** 赛马得分: one bar per unit in rank order, bonus and deduction included. */
export function rankingOption(run: RunRow): echarts.EChartsCoreOption {
  const units = run.units;
  return {
    title: {
      text: `${run.schemeName}（${run.periodLabel}）得分`,
      left: "center",
      textStyle: { fontSize: 16 },
    },
    grid: { left: 50, right: 20, top: 50, bottom: units.length > 8 ? 80 : 50 },
    xAxis: {
      type: "category",
      data: units.map((u) => short(u.unitName)),
      axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 },
    },
    yAxis: { type: "value", name: "分", max: 100 },
    series: [
      {
        type: "bar",
        data: units.map((u) => Math.round(u.total * 10) / 10),
        itemStyle: { color: "#c23531" },
        label: { show: true, position: "top" },
        barMaxWidth: 48,
      },
    ],
  };
}

/** 目标完成率与时间进度: completion per goal against the calendar's share. */
export function progressOption(goals: GoalRow[], asOfLabel: string): echarts.EChartsCoreOption {
  const rows = goals.filter((g) => g.progress !== null).slice(0, 12);
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);
  return {
    title: {
      text: `年度目标完成率与时间进度（截至${asOfLabel}）`,
      left: "center",
      textStyle: { fontSize: 16 },
    },
    legend: { top: 52, data: ["完成率", "时间进度"] },
    grid: { left: 50, right: 20, top: 100, bottom: 90 },
    xAxis: {
      type: "category",
      data: rows.map((g) => `${short(g.unitName, 6)}\n${short(g.indicatorName, 8)}`),
      axisLabel: { interval: 0, fontSize: 11 },
    },
    yAxis: { type: "value", name: "%" },
    series: [
      {
        name: "完成率",
        type: "bar",
        data: rows.map((g) => pct(g.progress)),
        itemStyle: { color: "#2f54eb" },
        label: { show: true, position: "top", formatter: "{c}%" },
        barMaxWidth: 40,
      },
      {
        name: "时间进度",
        type: "bar",
        data: rows.map((g) => pct(g.expectedShare)),
        itemStyle: { color: "#bfbfbf" },
        label: { show: true, position: "top", formatter: "{c}%" },
        barMaxWidth: 40,
      },
    ],
  };
}

/** The bulletin's charts; a section without data draws none. */
export function bulletinCharts(
  facts: { ranking: RunRow | null; goals: GoalRow[]; asOfLabel: string },
  font: string,
): Chart[] {
  const out: Chart[] = [];
  if (facts.ranking && facts.ranking.units.length > 0) {
    out.push({ title: "赛马得分", png: renderPng(rankingOption(facts.ranking), font), width: W, height: H });
  }
  if (facts.goals.some((g) => g.progress !== null)) {
    out.push({
      title: "目标完成率",
      png: renderPng(progressOption(facts.goals, facts.asOfLabel), font),
      width: W,
      height: H,
    });
  }
  return out;
}
