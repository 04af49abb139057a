import fs from "node:fs";
import { Transform } from "node:stream";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import { Open } from "unzipper";
import { AppError } from "../errors.js";
import type { Cell } from "./importer.types.js";

export type SheetKind = "xlsx" | "csv";

export interface SheetRow {
  /** 1-based row number as the user sees it in Excel */
  rowNo: number;
  cells: Cell[];
}

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Which reader a stored file needs; anything else is refused with the reason. */
export function sheetKindOf(mime: string, name: string): SheetKind {
  if (mime === XLSX_MIME || (mime === "application/zip" && /\.xlsx$/i.test(name))) return "xlsx";
  if (mime.startsWith("text/")) return "csv";
  if (mime === "application/x-cfb" || mime === "application/vnd.ms-excel") {
    throw new AppError("VALIDATION", {
      zh: "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入",
      en: "Old .xls files are not supported; save as .xlsx",
    });
  }
  throw new AppError("VALIDATION", {
    zh: "文件不是电子表格：请上传 .xlsx 或 .csv 文件",
    en: "Not a spreadsheet: upload an .xlsx or .csv file",
  });
}

const corrupt = () =>
  new AppError("VALIDATION", {
    zh: "文件无法读取：不是有效的 Excel 文件或文件已损坏",
    en: "The file cannot be read: not a valid xlsx or damaged",
  });

/** Counts bytes as the file is read, for the progress bar. */
function counted(path: string, onBytes: (n: number) => void) {
  let n = 0;
  return fs.createReadStream(path).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        n += chunk.length;
        onBytes(n);
        done(null, chunk);
      },
    }),
  );
}

/** CSV from Chinese Excel is GBK (GB18030 covers it); otherwise UTF-8, with or without BOM. */
export function csvEncoding(head: Buffer): "utf-8" | "gb18030" {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  try {
    // Streaming mode: the head may end inside a character.
    new TextDecoder("utf-8", { fatal: true }).decode(head, { stream: true });
    return "utf-8";
  } catch {
    return "gb18030";
  }
}

async function* csvRows(path: string, onBytes: (n: number) => void): AsyncGenerator<SheetRow> {
  const fd = await fs.promises.open(path, "r");
  const head = Buffer.alloc(65536);
  const { bytesRead } = await fd.read(head, 0, head.length, 0);
  await fd.close();
  const decoder = new TextDecoder(csvEncoding(head.subarray(0, bytesRead)));
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = counted(path, onBytes)
    .pipe(decode)
    .pipe(parse({ bom: true, relax_column_count: true, relax_quotes: true, info: true }));
  for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { rowNo: rec.info.lines, cells: rec.record.map((s) => (s === "" ? null : s)) };
  }
}

interface Range {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

const colNo = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const parseRef = (ref: string) => {
  const m = ref.match(/^([A-Z]+)(\d+)$/)!;
  return { c: colNo(m[1]!), r: Number(m[2]) };
};

/** Merged ranges per sheet number, read from the end of each sheet's XML (the streaming reader skips them). */
async function mergedRanges(path: string): Promise<Map<number, Range[]>> {
  const out = new Map<number, Range[]>();
  const dir = await Open.file(path);
  for (const entry of dir.files) {
    const m = entry.path.match(/^xl\/worksheets\/sheet(\d+)\.xml$/);
    if (!m) continue;
    const ranges: Range[] = [];
    let tail = "";
    for await (const chunk of entry.stream()) {
      const textChunk = tail + (chunk as Buffer).toString("utf8");
      for (const hit of textChunk.matchAll(/<mergeCell ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
        const a = parseRef(hit[1]!);
        const b = parseRef(hit[2]!);
        ranges.push({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
      }
      tail = textChunk.slice(-60);
      // A match straddling the chunk edge is found again in the next chunk; drop repeats below.
    }
    const seen = new Set<string>();
    out.set(
      Number(m[1]),
      ranges.filter((r) => {
        const k = `${r.r1},${r.c1},${r.r2},${r.c2}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      }),
    );
  }
  return out;
}

type ExcelValue = ExcelJS.CellValue | undefined;

function toCell(v: ExcelValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v !== "object" || v instanceof Date) return v;
  if ("richText" in v) return v.richText.map((t) => t.text).join("");
  if ("formula" in v || "sharedFormula" in v) {
    const result = (v as { result?: unknown }).result;
    const formula =
      (v as { formula?: string; sharedFormula?: string }).formula ??
      (v as { sharedFormula?: string }).sharedFormula ??
      "";
    if (result === undefined || result === null) return { formulaWithoutValue: `=${formula}` };
    if (typeof result === "object" && !(result instanceof Date) && "error" in result) {
      return { error: String((result as { error: unknown }).error) };
    }
    return result as Cell;
  }
  if ("error" in v) return { error: String(v.error) };
  if ("text" in v) return String((v as { text: unknown }).text);
  return null;
}

async function* xlsxRows(path: string, onBytes: (n: number) => void): AsyncGenerator<SheetRow> {
  let merges: Map<number, Range[]>;
  try {
    merges = await mergedRanges(path);
  } catch {
    throw corrupt();
  }
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(counted(path, onBytes), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
  });
  try {
    for await (const sheet of reader) {
      const ranges = merges.get((sheet as unknown as { id: number }).id) ?? [];
      const masters = new Map<Range, Cell>();
      for await (const row of sheet) {
        const values = row.values as ExcelValue[];
        const cells: Cell[] = [];
        for (let c = 1; c < values.length; c++) cells.push(toCell(values[c]));
        for (const r of ranges) {
          if (row.number < r.r1 || row.number > r.r2) continue;
          if (row.number === r.r1) masters.set(r, cells[r.c1 - 1] ?? null);
          const v = masters.get(r) ?? null;
          for (let c = r.c1; c <= r.c2; c++) if (!(c === r.c1 && row.number === r.r1)) cells[c - 1] = v;
        }
        yield { rowNo: row.number, cells };
      }
      return; // the first sheet only
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
}

/** The rows of the file's first sheet, streamed; onBytes reports how much of the file has been read. */
export function readRows(path: string, kind: SheetKind, onBytes: (n: number) => void = () => {}) {
  return kind === "xlsx" ? xlsxRows(path, onBytes) : csvRows(path, onBytes);
}
