import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { audit } from "../audit/audit.service.js";
import { type ActorCtx, inTx } from "../context.js";
import type { importJob } from "./importer.table.js";
import type { AnyImportSpec } from "./importer.types.js";

const attachment = (reply: FastifyReply, filename: string) =>
  reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header(
      "content-disposition",
      `attachment; filename="report.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );

/** The dry run's findings as a workbook: problems by row and column, and the rows left out. */
export async function sendImportReport(
  ctx: ActorCtx,
  reply: FastifyReply,
  job: typeof importJob.$inferSelect,
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = ctx.actor.name;
  const errors = wb.addWorksheet("错误明细", { views: [{ state: "frozen", ySplit: 1 }] });
  errors.columns = [
    { header: "行号", width: 8 },
    { header: "列", width: 24 },
    { header: "单元格内容", width: 30 },
    { header: "问题", width: 60 },
  ];
  errors.getRow(1).font = { bold: true };
  for (const e of job.errors) errors.addRow([e.rowNo, e.column, e.value, e.message]);
  const total = job.counts?.errors ?? job.errors.length;
  if (total > job.errors.length) errors.addRow([`共 ${total} 处问题，仅列出前 ${job.errors.length} 处`]);
  const skipped = wb.addWorksheet("跳过的行");
  skipped.columns = [
    { header: "行号", width: 8 },
    { header: "原因", width: 20 },
  ];
  skipped.getRow(1).font = { bold: true };
  for (const s of job.skipped) skipped.addRow([s.rowNo, s.reason]);
  const buffer = await wb.xlsx.writeBuffer();
  await inTx(ctx, (tx) =>
    audit(tx, {
      action: "export",
      subjectType: "export",
      regionId: tx.actor.regionId,
      meta: { what: "import_report", job: job.id, rows: job.errors.length },
    }),
  );
  const base = job.fileName.replace(/\.(xlsx|csv)$/i, "");
  return attachment(reply, `${base}-校验报告.xlsx`).send(Buffer.from(buffer));
}

/** An empty workbook with the import's headers (units in brackets) to fill in. */
export async function sendImportTemplate(reply: FastifyReply, spec: AnyImportSpec) {
  const unitOf: Record<string, string> = {
    money: "万元",
    area: "平方米",
    energy: "吨标准煤",
    electricity: "千瓦时",
    mass: "吨",
  };
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(spec.label);
  ws.columns = spec.columns.map((c) => ({
    header: `${c.required ? "*" : ""}${c.label}${c.unit ? `（${unitOf[c.unit]}）` : ""}`,
    width: Math.max(12, c.label.length * 2 + 6),
  }));
  ws.getRow(1).font = { bold: true };
  const buffer = await wb.xlsx.writeBuffer();
  return attachment(reply, `${spec.label}导入模板.xlsx`).send(Buffer.from(buffer));
}
