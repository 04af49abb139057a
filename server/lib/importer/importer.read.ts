import fs from "node:fs";
import { PassThrough, pipeline, type Readable, Transform } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import zlib from "node:zlib";
import { parse } from "csv-parse";
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

const colNo = (letters: string) => {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
};
const parseRef = (ref: string) => {
  const m = ref.match(/^\$?([A-Z]+)\$?(\d+)$/)!;
  return { c: colNo(m[1]!), r: Number(m[2]) };
};

/*
 * The xlsx reader. A sheet is read straight from its XML, streamed out of the zip: rows are cut at
 * `</row>` and their cells read with a few regular expressions. A general XML parser (exceljs on
 * saxes) built an object per tag and cost as much as all the checks of the dry run together.
 */

/** A zip entry as unzipper's Open.file gives it (its typings omit buffer and the sizes). */
interface ZipEntry {
  path: string;
  uncompressedSize: number;
  compressedSize: number;
  compressionMethod: number;
  offsetToLocalFileHeader: number;
  buffer(): Promise<Buffer>;
}
interface ZipDir {
  files: ZipEntry[];
}

/**
 * An entry's content, inflated in large chunks straight from the file. unzipper's own entry
 * stream moves 16 KB at a time through three streams: reading a large sheet that way spent more
 * time waiting between chunks than parsing them.
 */
function entryStream(path: string, e: ZipEntry): Readable {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  void (async () => {
    const fd = await fs.promises.open(path, "r");
    const head = Buffer.alloc(30);
    try {
      await fd.read(head, 0, 30, e.offsetToLocalFileHeader);
    } finally {
      await fd.close();
    }
    if (head.readUInt32LE(0) !== 0x04034b50 || ![0, 8].includes(e.compressionMethod)) throw corrupt();
    const start = e.offsetToLocalFileHeader + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    const file = fs.createReadStream(path, {
      start,
      end: start + e.compressedSize - 1,
      highWaterMark: 1 << 20,
    });
    const done = (err: Error | null) => {
      if (err) out.destroy(err);
    };
    if (e.compressionMethod === 0) pipeline(file, out, done);
    else pipeline(file, zlib.createInflateRaw({ chunkSize: 1 << 18 }), out, done);
  })().catch((err: Error) => out.destroy(err));
  return out;
}

const entities: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
/** XML text: entities and character references, and Excel's _xHHHH_ escapes. */
function xmlText(s: string): string {
  if (s.includes("&"))
    s = s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (all, e: string) =>
      e[0] === "#"
        ? String.fromCodePoint(e[1] === "x" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)))
        : (entities[e] ?? all),
    );
  if (s.includes("_x"))
    s = s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return s;
}

/** The text of a string item (<si> or <is>): its runs, without phonetic guides (<rPh>). */
function runText(xml: string): string {
  if (xml.includes("<rPh")) xml = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)) out += m[1];
  return xmlText(out);
}

/**
 * Producers other than Excel (the OpenXML SDK, report exporters) may name elements with a
 * namespace prefix (<x:row>): the prefix of a part's root element, found once and dropped.
 */
const rootPrefix = (xml: string) =>
  xml.match(/<([A-Za-z_][\w.-]*):(?:worksheet|sst|workbook|styleSheet)\b/)?.[1] ?? "";
function unprefix(xml: string, prefix: string): string {
  return prefix ? xml.replaceAll(`<${prefix}:`, "<").replaceAll(`</${prefix}:`, "</") : xml;
}

async function entryText(entry: ZipEntry | undefined): Promise<string> {
  if (!entry) return "";
  const xml = (await entry.buffer()).toString("utf8");
  return unprefix(xml, rootPrefix(xml));
}

/** Runs `each` over the complete elements `<tag>…</tag>` of an entry, streamed. */
async function eachElement(path: string, entry: ZipEntry, close: string, each: (xml: string) => void) {
  const decoder = new StringDecoder("utf8");
  let rest = "";
  let prefix: string | undefined;
  for await (const chunk of entryStream(path, entry)) {
    let text = rest + decoder.write(chunk as Buffer);
    prefix ??= rootPrefix(text);
    text = unprefix(text, prefix);
    const end = text.lastIndexOf(close);
    if (end < 0) {
      rest = text;
      continue;
    }
    each(text.slice(0, end + close.length));
    rest = text.slice(end + close.length);
  }
  each(unprefix(rest + decoder.end(), prefix ?? ""));
}

async function sharedStrings(path: string, entry: ZipEntry | undefined): Promise<string[]> {
  const out: string[] = [];
  if (!entry) return out;
  await eachElement(path, entry, "</si>", (xml) => {
    for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) out.push(m[1] ? runText(m[1]) : "");
  });
  return out;
}

/** Built-in number formats that show dates (14–22, 45–47; 27–36 and 50–58 in Chinese Excel). */
const builtinDates = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);
const isDateFormat = (code: string) =>
  /[ymdhsb]/i.test(
    code
      .replace(/\[[^\]]*]/g, "")
      .replace(/"[^"]*"/g, "")
      .replace(/\\./g, ""),
  );

/** Which cell styles (the s="n" index) format numbers as dates. */
function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const id = attr(m[1]!, "numFmtId");
    const code = attr(m[1]!, "formatCode");
    if (id !== undefined && code !== undefined) custom.set(Number(id), xmlText(code));
  }
  const xfs = xml.match(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/)?.[1] ?? "";
  const out: boolean[] = [];
  for (const m of xfs.matchAll(/<xf\b([^>]*)/g)) {
    const id = Number(attr(m[1]!, "numFmtId") ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : builtinDates.has(id));
  }
  return out;
}

/** The first sheet as Excel shows it (the workbook's order, not the zip's), and the date system. */
async function firstSheet(dir: ZipDir) {
  const byPath = new Map(dir.files.map((f) => [f.path, f]));
  const workbook = await entryText(byPath.get("xl/workbook.xml"));
  const rels = await entryText(byPath.get("xl/_rels/workbook.xml.rels"));
  const rid = workbook.match(/<sheet\b[^>]*?\s[\w.-]+:id="([^"]+)"/)?.[1];
  let target: string | undefined;
  for (const m of rels.matchAll(/<Relationship\b([^>]*)>/g)) {
    if (attr(m[1]!, "Id") === rid) target = attr(m[1]!, "Target");
  }
  const path = target
    ? target.startsWith("/")
      ? target.slice(1)
      : `xl/${target}`
    : dir.files.find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f.path))?.path;
  const sheet = path ? byPath.get(path) : undefined;
  if (!sheet) throw corrupt();
  return {
    sheet,
    date1904: /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook),
    strings: byPath.get("xl/sharedStrings.xml"),
    styles: byPath.get("xl/styles.xml"),
  };
}

/** Merged ranges, from the end of the sheet's XML (after its rows): a first pass that only inflates. */
async function mergedRanges(path: string, sheet: ZipEntry): Promise<Range[]> {
  const ranges: Range[] = [];
  const seen = new Set<string>();
  const needle = Buffer.from("mergeCell ");
  let tail: Buffer = Buffer.alloc(0);
  for await (const chunk of entryStream(path, sheet)) {
    const buf = tail.length > 0 ? Buffer.concat([tail, chunk as Buffer]) : (chunk as Buffer);
    if (buf.indexOf(needle) >= 0) {
      for (const hit of buf
        .toString("latin1")
        .matchAll(/<(?:[\w.-]+:)?mergeCell\s+ref="([A-Z]+\d+):([A-Z]+\d+)"/g)) {
        if (seen.has(hit[0])) continue; // found again across a chunk edge
        seen.add(hit[0]);
        const a = parseRef(hit[1]!);
        const b = parseRef(hit[2]!);
        ranges.push({ r1: a.r, c1: a.c, r2: b.r, c2: b.c });
      }
    }
    tail = buf.subarray(Math.max(0, buf.length - 60));
  }
  return ranges;
}

const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const attr = (attrs: string, name: string) => {
  const at = attrs.indexOf(` ${name}="`);
  if (at < 0) {
    // Attributes on lines of their own: rare, so looked for only then.
    if (!/[\n\r\t]/.test(attrs)) return undefined;
    return attrs.match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
  }
  const from = at + name.length + 3;
  return attrs.slice(from, attrs.indexOf('"', from));
};

interface SheetContext {
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

/** One <c> element as a cell: shared or inline strings, numbers, dates by style, booleans, errors, cached formula results. */
function cellOf(attrs: string, body: string | undefined, x: SheetContext): Cell {
  if (!body) return null;
  const t = attr(attrs, "t");
  if (t === "inlineStr") {
    const is = body.match(/<is>([\s\S]*?)<\/is>/)?.[1];
    return is === undefined ? null : runText(is);
  }
  const vm = body.match(/<v>([^<]*)<\/v>/);
  const f = body.match(/<f\b[^>]*?(?:\/>|>([^<]*)<\/f>)/);
  if (!vm) return f ? { formulaWithoutValue: `=${xmlText(f[1] ?? "")}` } : null;
  const v = vm[1]!;
  switch (t) {
    case "s":
      // An empty string item is an empty cell, as in CSV.
      return x.strings[Number(v)] || null;
    case "str":
      return xmlText(v);
    case "b":
      return v !== "0";
    case "e":
      return { error: xmlText(v) };
    case "d":
      return new Date(v);
    default: {
      const n = Number(v);
      const s = attr(attrs, "s");
      if (s !== undefined && x.dates[Number(s)])
        return new Date(Math.round((n - 25569 + (x.date1904 ? 1462 : 0)) * 86_400_000));
      return n;
    }
  }
}

interface OpenSheet {
  sheet: ZipEntry;
  x: SheetContext;
  ranges: Range[];
  size: number;
}

async function openSheet(path: string): Promise<OpenSheet> {
  try {
    const dir = (await Open.file(path)) as unknown as ZipDir;
    const first = await firstSheet(dir);
    const x = {
      strings: await sharedStrings(path, first.strings),
      dates: dateStyles(await entryText(first.styles)),
      date1904: first.date1904,
    };
    return {
      sheet: first.sheet,
      x,
      ranges: await mergedRanges(path, first.sheet),
      size: (await fs.promises.stat(path)).size,
    };
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  }
}

/**
 * The last files opened for a preview (the page asks for one on every refresh while a job runs):
 * stored files are named by their content hash, so a path always holds the same sheet.
 */
const previews = new Map<string, Promise<OpenSheet>>();
function previewSheet(path: string): Promise<OpenSheet> {
  let open = previews.get(path);
  if (!open) {
    open = openSheet(path);
    open.catch(() => previews.delete(path));
    previews.set(path, open);
    for (const key of previews.keys()) if (previews.size > 2) previews.delete(key);
  }
  return open;
}

async function* xlsxRows(
  path: string,
  onBytes: (n: number) => void,
  preview: boolean,
): AsyncGenerator<SheetRow> {
  const { sheet, x, ranges, size } = await (preview ? previewSheet(path) : openSheet(path));
  const masters = new Map<Range, Cell>();
  const decoder = new StringDecoder("utf8");
  const stream = entryStream(path, sheet);
  const total = sheet.uncompressedSize || 1;
  let inflated = 0;
  let rest = "";
  let prefix: string | undefined;
  let rowNo = 0;
  const rowsOf = (xml: string): SheetRow[] => {
    const out: SheetRow[] = [];
    for (const rm of xml.matchAll(rowRe)) {
      const r = attr(rm[1]!, "r");
      rowNo = r ? Number(r) : rowNo + 1;
      const cells: Cell[] = [];
      if (rm[2]) {
        let col = 0;
        for (const cm of rm[2].matchAll(cellRe)) {
          const ref = attr(cm[1]!, "r");
          if (ref) {
            let end = 0;
            while (end < ref.length && ref.charCodeAt(end) >= 65) end++;
            col = colNo(ref.slice(0, end));
          } else col++;
          while (cells.length < col - 1) cells.push(null);
          cells[col - 1] = cellOf(cm[1]!, cm[2], x);
        }
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      for (const g of ranges) {
        if (rowNo < g.r1 || rowNo > g.r2) continue;
        if (rowNo === g.r1) masters.set(g, cells[g.c1 - 1] ?? null);
        const v = masters.get(g) ?? null;
        for (let c = g.c1; c <= g.c2; c++) if (!(c === g.c1 && rowNo === g.r1)) cells[c - 1] = v;
        for (let c = 0; c < g.c1 - 1; c++) cells[c] ??= null;
      }
      out.push({ rowNo, cells });
    }
    return out;
  };
  try {
    for await (const chunk of stream) {
      inflated += (chunk as Buffer).length;
      onBytes(Math.min(size, Math.round((inflated / total) * size)));
      let text = rest + decoder.write(chunk as Buffer);
      prefix ??= rootPrefix(text);
      text = unprefix(text, prefix);
      const data = text.indexOf("</sheetData>");
      if (data >= 0) {
        yield* rowsOf(text.slice(0, data));
        return; // the first sheet only
      }
      // Every row before the last row that opens in this chunk is complete.
      const cut = text.lastIndexOf("<row");
      if (cut > 0) {
        yield* rowsOf(text.slice(0, cut));
        text = text.slice(cut);
      }
      rest = text;
    }
    if (rest) yield* rowsOf(rest);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw corrupt();
  } finally {
    stream.destroy();
  }
}

/** The rows of the file's first sheet, streamed; onBytes reports how much of the file has been read. */
export function readRows(path: string, kind: SheetKind, onBytes: (n: number) => void = () => {}) {
  return kind === "xlsx" ? xlsxRows(path, onBytes, false) : csvRows(path, onBytes);
}

/** The first rows of a file, for finding the header and showing a preview. */
export async function firstRows(path: string, kind: SheetKind, n: number): Promise<SheetRow[]> {
  const out: SheetRow[] = [];
  if (n <= 0) return out;
  const rows = kind === "xlsx" ? xlsxRows(path, () => {}, true) : csvRows(path, () => {});
  for await (const row of rows) {
    out.push(row);
    if (out.length >= n) break;
  }
  return out;
}
