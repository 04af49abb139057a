import ExcelJS from "exceljs";
import { type BulletinFacts, pct } from "./bulletins.data.js";

const ratio = (x: number | null) => (x === null ? "n/a" : Math.round(x * 1000) / 10);
const value = (x: number | null) => (x === null ? "无数据" : Math.round(x * 100) / 100);

/**
 * The bulletin's figures as a workbook: the 统计表 reported upward (one row per goal, the
 * columns the 上报 tables carry), the ranking, and the lists, each on its own sheet.
 */
export async function bulletinXlsx(f: BulletinFacts, issuedOn: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = f.issuer;
  wb.created = new Date(`${issuedOn}T00:00:00+08:00`);
  wb.title = f.title;

  const sheet = (name: string, columns: [string, number][]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 3 }] });
    ws.columns = columns.map(([, width]) => ({ width }));
    ws.mergeCells(1, 1, 1, columns.length);
    ws.getCell(1, 1).value = `${f.title}　${name}`;
    ws.getCell(1, 1).font = { bold: true, size: 14 };
    ws.getCell(1, 1).alignment = { horizontal: "center" };
    ws.mergeCells(2, 1, 2, columns.length);
    ws.getCell(2, 1).value =
      `填报单位：${f.issuer}　　统计周期：${f.period.from} 至 ${f.period.to}　　数据截至：${f.asOf}　　文号：${f.docNo}`;
    const head = ws.getRow(3);
    head.values = columns.map(([h]) => h);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
      c.border = {
        top: { style: "thin" },
        bottom: { style: "thin" },
        left: { style: "thin" },
        right: { style: "thin" },
      };
    });
    return ws;
  };

  const stats = sheet("目标任务统计表", [
    ["序号", 6],
    ["单位", 22],
    ["指标", 26],
    ["计量单位", 10],
    ["年度目标", 12],
    ["累计完成", 12],
    ["完成率（%）", 12],
    ["时间进度（%）", 12],
    ["序时完成率（%）", 14],
    ["进度判断", 12],
  ]);
  for (const [i, g] of f.goals.entries()) {
    stats.addRow([
      i + 1,
      g.unitName,
      g.indicatorName,
      g.indicatorUnit,
      g.target,
      value(g.actual),
      ratio(g.progress),
      ratio(g.expectedShare),
      ratio(g.timeAdjusted),
      g.timeAdjusted === null ? "无法判断" : g.timeAdjusted >= 1 ? "达到序时" : "落后序时",
    ]);
  }
  if (f.goals.length === 0) stats.addRow(["", "本期无目标任务数据"]);

  const r = f.ranking;
  const rank = sheet("赛马排名", [
    ["名次", 8],
    ["单位", 22],
    ...(r?.items ?? []).map((i) => [`${i.indicatorName}（${i.weight}）`, 18] as [string, number]),
    ["加分", 8],
    ["扣分", 8],
    ["总分", 10],
    ["较上期", 10],
  ]);
  for (const u of r?.units ?? []) {
    rank.addRow([
      u.rank,
      u.unitName,
      ...(r?.items ?? []).map((i) => {
        const s = u.scores[i.indicatorKey];
        return s?.note === "no_data" ? "无数据" : (s?.score ?? null);
      }),
      u.bonus,
      u.deduction,
      Math.round(u.total * 10) / 10,
      u.change === null ? "—" : u.change > 0 ? `▲${u.change}` : u.change < 0 ? `▼${-u.change}` : "持平",
    ]);
  }
  if (!r) rank.addRow(["", f.schemeName ? `「${f.schemeName}」本期尚未开展赛马排名` : "未列入赛马排名"]);

  const lag = sheet("滞后单位", [
    ["序号", 6],
    ["单位", 24],
    ["情况", 60],
  ]);
  for (const [i, l] of f.lagging.entries()) lag.addRow([i + 1, l.unitName, l.reason]);

  const nodes = sheet("逾期节点", [
    ["项目", 30],
    ["节点", 24],
    ["责任部门", 22],
    ["应完成日期", 14],
    ["逾期工作日", 12],
  ]);
  for (const x of f.overdueNodes.items) nodes.addRow([x.project, x.node, x.department, x.dueOn, x.late]);

  const probs = sheet("问题清单", [
    ["问题", 36],
    ["项目", 28],
    ["责任部门", 22],
    ["办结时限", 14],
    ["逾期工作日", 12],
    ["状态", 10],
  ]);
  for (const x of f.problems.items)
    probs.addRow([
      x.title,
      x.subject,
      x.department,
      x.dueOn,
      x.late !== null && x.late > 0 ? x.late : null,
      x.status,
    ]);

  const apps = sheet("企业诉求", [
    ["诉求", 36],
    ["企业", 28],
    ["承办部门", 22],
    ["办结时限", 14],
    ["逾期工作日", 12],
    ["状态", 10],
  ]);
  for (const x of f.appeals.items)
    apps.addRow([
      x.title,
      x.enterprise,
      x.department,
      x.dueOn,
      x.late !== null && x.late > 0 ? x.late : null,
      x.status,
    ]);

  const sum = wb.addWorksheet("通报概要");
  sum.columns = [{ width: 22 }, { width: 60 }];
  for (const [k, v] of [
    ["标题", f.title],
    ["文号", f.docNo],
    ["发文机关", f.issuer],
    ["统计周期", `${f.period.label}（${f.period.from} 至 ${f.period.to}）`],
    ["数据截至", f.asOf],
    ["主送", f.recipients.join("、")],
    ["抄送", f.copyTo.join("、")],
    ["目标任务（项）", f.goals.length],
    ["落后序时（项）", f.goals.filter((g) => g.timeAdjusted !== null && g.timeAdjusted < 1).length],
    ["参赛单位", r?.units.length ?? 0],
    ["第一名", r?.units[0] ? `${r.units[0].unitName}（${r.units[0].total.toFixed(1)} 分）` : "—"],
    ["平均完成率", pct(avg(f.goals.map((g) => g.progress)))],
    ["逾期节点（个）", f.overdueNodes.total],
    ["待解决问题（个）", f.problems.total],
    ["办理中诉求（件）", f.appeals.total],
  ] as [string, string | number][]) {
    sum.addRow([k, v]).getCell(1).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function avg(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? v.reduce((s, x) => s + x, 0) / v.length : null;
}
