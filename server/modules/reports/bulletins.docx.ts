import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Chart } from "./bulletins.charts.js";
import { type BulletinFacts, pct } from "./bulletins.data.js";

/**
 * The bulletin as an official document laid out after GB/T 9704-2012: A4 with the standard's
 * margins (天头 37 mm, 订口 28 mm), the red 发文机关标志 and rule, 发文字号, the title in 2号
 * 小标宋 (宋体 where that is missing), body in 3号 仿宋 with 28.95 pt lines (22 lines a page),
 * headings 黑体 / 楷体 / 仿宋 bold by level (一、（一）1.), page numbers "— 1 —" in 4号 宋体,
 * odd pages right and even pages left.
 */

/** millimetres to twips, rounded (docx's own helper floors: 37 mm would come out 2097) */
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const RED = "FF0000";
/** half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 小四 12 pt */
const SIZE = { title: 44, body: 32, four: 28, table: 24, header: 72 };
const FONT = { song: "宋体", fang: "仿宋", hei: "黑体", kai: "楷体", title: "方正小标宋简体" };
/** 28.95 pt exact line spacing in twentieths of a point */
const LINE = 579;
/** type area width: 210 − 28 − 26 = 156 mm */
const TEXT_WIDTH = mm(156);

const run = (
  text: string,
  font: string,
  size: number,
  extra: Partial<{ bold: boolean; color: string }> = {},
) => new TextRun({ text, font: { eastAsia: font, ascii: font, hAnsi: font }, size, ...extra });

const body = (
  text: string,
  opts: { indent?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {},
) =>
  new Paragraph({
    children: [run(text, FONT.fang, SIZE.body)],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: opts.indent === false ? undefined : { firstLine: 640 },
    alignment: opts.align ?? AlignmentType.JUSTIFIED,
  });

/** 一、 in 黑体; （一） in 楷体; 1. in 仿宋 bold — the standard's three levels. */
const heading = (level: 1 | 2 | 3, text: string) =>
  new Paragraph({
    children: [
      level === 1
        ? run(text, FONT.hei, SIZE.body)
        : level === 2
          ? run(text, FONT.kai, SIZE.body)
          : run(text, FONT.fang, SIZE.body, { bold: true }),
    ],
    spacing: { line: LINE, lineRule: LineRuleType.EXACT },
    indent: { firstLine: 640 },
  });

const blank = () => new Paragraph({ children: [], spacing: { line: LINE, lineRule: LineRuleType.EXACT } });

const cell = (text: string, head = false, width?: number) =>
  new TableCell({
    children: [
      new Paragraph({
        children: [run(text, head ? FONT.hei : FONT.fang, SIZE.table)],
        alignment: AlignmentType.CENTER,
      }),
    ],
    verticalAlign: VerticalAlign.CENTER,
    width: width ? { size: width, type: WidthType.DXA } : undefined,
  });

function table(header: string[], rows: string[][]): Table {
  const w = Math.floor(TEXT_WIDTH / header.length);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: header.map(() => w),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true, w)) }),
      ...rows.map((r) => new TableRow({ children: r.map((x) => cell(x, false, w)) })),
    ],
  });
}

const image = (c: Chart) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: "png",
        data: c.png,
        // 150 mm wide at the chart's aspect ratio (docx takes pixels at 96 dpi)
        transformation: { width: 567, height: Math.round((567 * c.height) / c.width) },
        altText: { title: c.title, description: c.title, name: c.title },
      }),
    ],
  });

const num = (x: number | null) =>
  x === null ? "无数据" : Number.isInteger(x) ? String(x) : (Math.round(x * 100) / 100).toFixed(2);
const cnDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return `${y}年${m}月${d}日`;
};
const change = (c: number | null) => (c === null ? "—" : c > 0 ? `↑${c}` : c < 0 ? `↓${-c}` : "持平");

/** The document's body sections, numbered 一、二、… as they appear (empty ones say so). */
function sections(f: BulletinFacts, charts: Chart[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  const cn = ["一", "二", "三", "四", "五", "六", "七"];
  let n = 0;
  const h1 = (t: string) => out.push(heading(1, `${cn[n++]}、${t}`));
  const chart = (title: string) => {
    const c = charts.find((x) => x.title === title);
    if (c) out.push(image(c));
  };

  const behind = f.goals.filter((g) => g.timeAdjusted !== null && g.timeAdjusted < 1);
  h1("目标任务完成情况");
  if (f.goals.length === 0) {
    out.push(body(`${f.period.label}暂无年度目标任务数据。`));
  } else {
    out.push(
      body(
        `截至${cnDay(f.asOf)}，纳入考核的年度目标任务共 ${f.goals.length} 项，` +
          (behind.length
            ? `其中 ${behind.length} 项完成进度落后于时间进度，需加快推进。`
            : "均达到或超过时间进度。"),
      ),
    );
    out.push(
      table(
        ["单位", "指标", "年度目标", "累计完成", "完成率", "时间进度", "序时完成率"],
        f.goals.map((g) => [
          g.unitName,
          `${g.indicatorName}（${g.indicatorUnit}）`,
          num(g.target),
          num(g.actual),
          g.progress === null ? "n/a" : pct(g.progress),
          pct(g.expectedShare),
          g.timeAdjusted === null ? "n/a" : pct(g.timeAdjusted),
        ]),
      ),
    );
    chart("目标完成率");
  }

  h1("赛马排名情况");
  if (!f.ranking) {
    out.push(
      body(
        f.schemeName ? `「${f.schemeName}」${f.period.label}尚未开展赛马排名。` : "本通报未列入赛马排名。",
      ),
    );
  } else {
    const r = f.ranking;
    const top = r.units[0];
    out.push(
      body(
        `按照「${r.schemeName}」，${r.periodLabel}共 ${r.units.length} 个单位参加赛马排名` +
          (top ? `，${top.unitName}以 ${top.total.toFixed(1)} 分位列第一` : "") +
          (r.previousPeriodLabel ? `，名次变化与${r.previousPeriodLabel}相比` : "") +
          "。具体排名如下：",
      ),
    );
    out.push(
      table(
        [
          "名次",
          "单位",
          ...r.items.map((i) => `${i.indicatorName}（${i.weight}）`),
          "加减分",
          "总分",
          "较上期",
        ],
        r.units.map((u) => [
          String(u.rank),
          u.unitName,
          ...r.items.map((i) => {
            const s = u.scores[i.indicatorKey];
            return s?.note === "no_data" ? "无数据" : num(s?.score ?? null);
          }),
          num(u.bonus - u.deduction),
          u.total.toFixed(1),
          change(u.change),
        ]),
      ),
    );
    chart("赛马得分");
  }

  h1("工作滞后单位");
  if (f.lagging.length === 0) out.push(body("本期无排名靠后或落后于时间进度的单位。"));
  f.lagging.forEach((l, i) => {
    out.push(heading(3, `${i + 1}. ${l.unitName}`));
    out.push(body(`${l.reason}。`));
  });

  h1("逾期关键节点");
  if (f.overdueNodes.total === 0) out.push(body("截至本期末，无逾期未办结的项目关键节点。"));
  else {
    out.push(body(`截至${cnDay(f.asOf)}，共有 ${f.overdueNodes.total} 个项目关键节点逾期未办结：`));
    out.push(
      table(
        ["项目", "节点", "责任部门", "应完成日期", "逾期（工作日）"],
        f.overdueNodes.items.map((x) => [x.project, x.node, x.department, x.dueOn, String(x.late)]),
      ),
    );
  }

  h1("问题清单与企业诉求");
  out.push(heading(2, "（一）待解决问题"));
  if (f.problems.total === 0) out.push(body("无待解决的项目问题。"));
  else {
    out.push(body(`待解决问题 ${f.problems.total} 个：`));
    out.push(
      table(
        ["问题", "项目", "责任部门", "办结时限", "状态"],
        f.problems.items.map((x) => [
          x.title,
          x.subject,
          x.department,
          x.dueOn ?? "—",
          x.late !== null && x.late > 0 ? `${x.status}（逾期 ${x.late} 个工作日）` : x.status,
        ]),
      ),
    );
  }
  out.push(heading(2, "（二）企业诉求"));
  if (f.appeals.total === 0) out.push(body("无办理中的企业诉求。"));
  else {
    out.push(body(`办理中的企业诉求 ${f.appeals.total} 件：`));
    out.push(
      table(
        ["诉求", "企业", "承办部门", "办结时限", "状态"],
        f.appeals.items.map((x) => [
          x.title,
          x.enterprise,
          x.department,
          x.dueOn ?? "—",
          x.late !== null && x.late > 0 ? `${x.status}（逾期 ${x.late} 个工作日）` : x.status,
        ]),
      ),
    );
  }

  h1("下步工作要求");
  out.push(
    body(
      "各单位要对照年度目标任务和时间节点，认真分析差距，落实专人专班；排名靠后和进度滞后的单位要查找原因、制定措施，" +
        "逾期节点、问题和诉求的责任部门要限时办结并及时反馈。",
    ),
  );
  return out;
}

const footer = (align: "right" | "left") =>
  new Footer({
    children: [
      new Paragraph({
        alignment: align === "right" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // 空一字: one 4号 character in from the edge
        indent: align === "right" ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: { eastAsia: FONT.song, ascii: FONT.song, hAnsi: FONT.song },
            size: SIZE.four,
          }),
        ],
      }),
    ],
  });

const rule = (color: string, size: number) =>
  new Paragraph({
    children: [],
    border: { bottom: { style: BorderStyle.SINGLE, size, color, space: 1 } },
    spacing: { after: 0, line: 240 },
  });

export async function bulletinDocx(f: BulletinFacts, charts: Chart[], issuedOn: string): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(f.issuer, FONT.title, SIZE.header, { color: RED, bold: true })],
      spacing: { after: 240 },
    }),
    blank(),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(f.docNo, FONT.fang, SIZE.body)] }),
    rule(RED, 16),
    blank(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(f.title, FONT.title, SIZE.title, { bold: true })],
      spacing: { line: 700, lineRule: LineRuleType.EXACT },
    }),
    blank(),
    body(`${f.recipients.join("、")}：`, { indent: false }),
    body(
      `现将${f.period.label}（${cnDay(f.period.from)}至${cnDay(f.period.to)}）${f.regionName}招商引资工作推进情况通报如下：`,
    ),
    ...sections(f, charts),
    blank(),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [run(f.issuer, FONT.fang, SIZE.body)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: 1280 },
      children: [run(cnDay(issuedOn), FONT.fang, SIZE.body)],
    }),
    blank(),
    // 版记: 抄送 and 印发 between rules
    rule("000000", 8),
    ...(f.copyTo.length
      ? [
          new Paragraph({
            indent: { left: 280, right: 280 },
            children: [run(`抄送：${f.copyTo.join("，")}。`, FONT.fang, SIZE.four)],
          }),
          rule("000000", 4),
        ]
      : []),
    new Paragraph({
      indent: { left: 280, right: 280 },
      children: [run(`${f.issuer}          ${cnDay(issuedOn)}印发`, FONT.fang, SIZE.four)],
    }),
    rule("000000", 8),
  ];
  const doc = new Document({
    creator: f.issuer,
    title: f.title,
    description: f.docNo,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: { eastAsia: FONT.fang, ascii: FONT.fang, hAnsi: FONT.fang }, size: SIZE.body },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(28) },
          },
        },
        footers: { default: footer("right"), even: footer("left") },
        children,
      },
    ],
  });
  return Buffer.from(await Packer.toBuffer(doc));
}
