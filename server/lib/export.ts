import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { audit } from "./audit/audit.service.js";
import { type ActorCtx, inTx } from "./context.js";

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** The most rows one list export writes. */
export const EXPORT_LIMIT = 100_000;

/**
 * Writes rows to an xlsx download carrying the exporter's name and time (a
 * header/footer watermark and a closing line), and logs the export.
 */
export async function sendXlsx<T>(
  ctx: ActorCtx,
  reply: FastifyReply,
  opts: {
    filename: string;
    sheet: string;
    what: string;
    filters: unknown;
    columns: ExportColumn<T>[];
    rows: T[];
  },
) {
  const stamp = `${ctx.actor.name} ${ctx.now().toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false })}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = ctx.actor.name;
  wb.created = ctx.now();
  const ws = wb.addWorksheet(opts.sheet, {
    headerFooter: {
      oddHeader: `&R&8&K999999导出：${stamp}`,
      oddFooter: `&C&8&K999999招引 · ${stamp} · 第 &P 页`,
    },
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.columns = opts.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };
  for (const row of opts.rows) ws.addRow(opts.columns.map((c) => c.value(row) ?? null));
  const note = ws.addRow([`导出人：${stamp}，共 ${opts.rows.length} 条`]);
  note.font = { italic: true, color: { argb: "FF999999" }, size: 9 };
  const buffer = await wb.xlsx.writeBuffer();
  await inTx(ctx, (tx) =>
    audit(tx, {
      action: "export",
      subjectType: "export",
      regionId: tx.actor.regionId,
      meta: { what: opts.what, rows: opts.rows.length, filters: opts.filters },
    }),
  );
  const name = encodeURIComponent(`${opts.filename}.xlsx`);
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`)
    .send(Buffer.from(buffer));
}
