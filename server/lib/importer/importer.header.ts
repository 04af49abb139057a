import type { MappingEntry } from "../../../common/import.types.js";
import { headerBase, unitInHeader } from "./importer.cells.js";
import type { Cell, ImportColumn } from "./importer.types.js";

export type { MappingEntry };

/** How many rows at the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 20;

const cellText = (c: Cell | undefined): string => {
  if (c === null || c === undefined) return "";
  if (c instanceof Date) return c.toISOString().slice(0, 10);
  if (typeof c === "object") return "";
  return String(c).replace(/\s+/g, " ").trim();
};

const nonEmpty = (row: Cell[] | undefined) => (row ?? []).filter((c) => cellText(c) !== "").length;

/**
 * Header texts of row `h`, reading through merged cells: a blank header cell under a filled one
 * takes the upper text (merged down), and a group row above with two or more cells carries
 * across its blanks (merged across) as a prefix. A title row (one cell) is not a group row.
 */
export function headersAt(rows: Cell[][], h: number): string[] {
  const own = rows[h] ?? [];
  const upper = h > 0 && nonEmpty(rows[h - 1]) >= 2 ? rows[h - 1]! : [];
  const width = Math.max(own.length, upper.length);
  const out: string[] = [];
  let group = "";
  for (let c = 0; c < width; c++) {
    const up = cellText(upper[c]);
    if (up) group = up;
    const mine = cellText(own[c]);
    if (!mine) out.push(up);
    else out.push(group && group !== mine && !up ? `${group}/${mine}` : mine);
  }
  return out;
}

const norm = (s: string) => headerBase(s.normalize("NFKC")).toLowerCase();

/** The import column a header names: exact label or synonym first, then the longest one it contains. */
export function columnFor(header: string, columns: ImportColumn[], taken: Set<string>): ImportColumn | null {
  const parts = header.split("/");
  const candidates = [norm(parts[parts.length - 1]!), norm(header.replace("/", ""))];
  for (const h of candidates) {
    if (!h) continue;
    const exact = columns.find(
      (c) => !taken.has(c.key) && [c.label, ...c.synonyms].some((s) => norm(s) === h),
    );
    if (exact) return exact;
  }
  let best: { col: ImportColumn; len: number } | null = null;
  for (const c of columns) {
    if (taken.has(c.key)) continue;
    for (const s of [c.label, ...c.synonyms]) {
      const n = norm(s);
      if (n.length >= 2 && candidates[0]!.includes(n) && (!best || n.length > best.len))
        best = { col: c, len: n.length };
    }
  }
  return best?.col ?? null;
}

export function suggestMapping(headers: string[], columns: ImportColumn[]): MappingEntry[] {
  const taken = new Set<string>();
  return headers.map((header, index) => {
    const col = header ? columnFor(header, columns, taken) : null;
    if (col) taken.add(col.key);
    return { index, header, key: col?.key ?? null, unit: col?.unit ? unitInHeader(header, col.unit) : null };
  });
}

/** The row (0-based) whose headers name the most import columns; ties go to the lower row. */
export function detectHeaderRow(rows: Cell[][], columns: ImportColumn[]): number {
  let best = 0;
  let bestScore = -1;
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
  for (let h = 0; h < limit; h++) {
    if (nonEmpty(rows[h]) < 2) continue;
    const score = suggestMapping(headersAt(rows, h), columns).filter((m) => m.key).length;
    if (score > bestScore || (score === bestScore && score > 0)) {
      best = h;
      bestScore = score;
    }
  }
  return best;
}

/** Rows that are not data: blank, or a total line (合计/小计/总计). */
export function skipReason(cells: Cell[]): string | null {
  // Only the first three texts can mark a total line: the rest of a long row is not read.
  let seen = 0;
  for (const c of cells) {
    const t = cellText(c);
    if (!t) continue;
    if (/^(合\s*计|小\s*计|总\s*计|累\s*计)[:：]?$/.test(t)) return "合计/小计行";
    if (++seen === 3) return null;
  }
  return seen === 0 ? "空行" : null;
}
