import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { getSettings } from "../modules/settings/settings.service.js";
import { audit } from "./audit/audit.service.js";
import { type ActorCtx, inTx } from "./context.js";
import { chinaTime } from "./dates.js";

export interface ExportColumn<T> {
  header: string;
  width?: number;
  value: (row: T) => string | number | null | undefined;
}

/** The most rows one list export writes. */
export const EXPORT_LIMIT = 100_000;
/** Rows read per query while streaming: memory stays flat however long the list. */
const EXPORT_PAGE = 2_000;

/**
 * Streams a filtered list to an xlsx download, reading it page by page through the list's own
 * (scoped) query, and logs the export with the number of rows written. When the administrator
 * has the watermark on, the sheet carries the exporter's name and time in its header, footer and
 * a closing line.
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
    /** one page of the list, 1-based, in the list's order */
    list: (page: number, pageSize: number) => Promise<{ items: T[] }>;
  },
) {
  const { watermark } = await getSettings(ctx.db);
  // The first page is read before any byte is sent, so a refused query still gets its error body.
  const first = (await opts.list(1, EXPORT_PAGE)).items;
  const stamp = `${ctx.actor.name} ${chinaTime.format(ctx.now())}`;
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  wb.creator = ctx.actor.name;
  wb.created = ctx.now();
  const ws = wb.addWorksheet(opts.sheet, {
    headerFooter: watermark
      ? {
          oddHeader: `&R&8&K999999导出：${stamp}`,
          oddFooter: `&C&8&K999999招引 · ${stamp} · 第 &P 页`,
        }
      : undefined,
    views: [{ state: "frozen", ySplit: 1 }],
  });
  ws.columns = opts.columns.map((c) => ({ header: c.header, width: c.width ?? 18 }));
  ws.getRow(1).font = { bold: true };

  const write = async () => {
    let rows = 0;
    let page = first;
    for (let n = 1; page.length > 0 && rows < EXPORT_LIMIT; n++) {
      if (n > 1) page = (await opts.list(n, EXPORT_PAGE)).items;
      for (const row of page.slice(0, EXPORT_LIMIT - rows)) {
        ws.addRow(opts.columns.map((c) => c.value(row) ?? null)).commit();
        rows++;
      }
      if (page.length < EXPORT_PAGE) break;
    }
    if (watermark) {
      const note = ws.addRow([`导出人：${stamp}，共 ${rows} 条`]);
      note.font = { italic: true, color: { argb: "FF999999" }, size: 9 };
      note.commit();
    }
    await inTx(ctx, (tx) =>
      audit(tx, {
        action: "export",
        subjectType: "export",
        regionId: tx.actor.regionId,
        meta: { what: opts.what, rows, filters: opts.filters },
      }),
    );
    ws.commit();
    await wb.commit();
  };
  write().catch((err: unknown) => {
    ctx.log.error({ err }, "export failed while streaming");
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  const name = encodeURIComponent(`${opts.filename}.xlsx`);
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", `attachment; filename="export.xlsx"; filename*=UTF-8''${name}`)
    .send(out);
}
