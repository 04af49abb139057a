import { normalizeUscc, usccProblem, usccProblemText } from "../../../common/uscc.js";
import type { Cell, ImportColumn, UnitKind, Value } from "./importer.types.js";

/** Units per kind: factor to the stored unit (fen, m², tce, kWh, t) and, for money, the currency. */
const units: Record<UnitKind, Record<string, { factor: number; currency?: "CNY" | "USD" }>> = {
  money: {
    元: { factor: 100, currency: "CNY" },
    万元: { factor: 1_000_000, currency: "CNY" },
    亿元: { factor: 10_000_000_000, currency: "CNY" },
    // Ledgers write 15亿 and 8000万 in cells; the currency is still yuan.
    万: { factor: 1_000_000, currency: "CNY" },
    亿: { factor: 10_000_000_000, currency: "CNY" },
    美元: { factor: 100, currency: "USD" },
    万美元: { factor: 1_000_000, currency: "USD" },
    亿美元: { factor: 10_000_000_000, currency: "USD" },
  },
  area: {
    平方米: { factor: 1 },
    "m²": { factor: 1 },
    m2: { factor: 1 },
    万平方米: { factor: 10_000 },
    亩: { factor: 2000 / 3 },
    公顷: { factor: 10_000 },
  },
  energy: {
    吨标准煤: { factor: 1 },
    吨标煤: { factor: 1 },
    tce: { factor: 1 },
    万吨标准煤: { factor: 10_000 },
    万吨标煤: { factor: 10_000 },
  },
  electricity: {
    千瓦时: { factor: 1 },
    度: { factor: 1 },
    kwh: { factor: 1 },
    万千瓦时: { factor: 10_000 },
    万度: { factor: 10_000 },
  },
  mass: {
    吨: { factor: 1 },
    t: { factor: 1 },
    千克: { factor: 0.001 },
    公斤: { factor: 0.001 },
    万吨: { factor: 10_000 },
  },
};

export const unitNames = (kind: UnitKind) => Object.keys(units[kind]);

/** The unit a header states, e.g. 注册资本（万元） or 用地面积/亩. */
export function unitInHeader(header: string, kind: UnitKind): string | null {
  const m = header.match(/[（(［[]\s*([^）)\]］]+?)\s*[）)\]］]\s*$/) ?? header.match(/[/／]\s*(\S+)\s*$/);
  if (!m) return null;
  const u = m[1]!.toLowerCase();
  return u in units[kind] ? u : null;
}

/** The header without its unit, for matching against labels and synonyms. */
export const headerBase = (header: string) =>
  header
    .replace(/[（(［[][^）)\]］]*[）)\]］]\s*$/, "")
    .replace(/[/／]\s*\S+\s*$/, "")
    .replace(/[\s*＊:：]/g, "")
    .trim();

export class CellProblem extends Error {}

const text = (cell: Cell): string | null => {
  if (cell === null) return null;
  if (typeof cell === "object" && !(cell instanceof Date)) {
    if ("formulaWithoutValue" in cell) {
      throw new CellProblem(
        `公式 ${cell.formulaWithoutValue} 没有保存计算结果，请在 Excel 中打开并保存后再导入`,
      );
    }
    throw new CellProblem(`单元格为错误值 ${cell.error}`);
  }
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  const s = String(cell).trim();
  return s === "" ? null : s;
};

function parseNumber(raw: string): number {
  const s = raw.replace(/[,，\s]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) throw new CellProblem(`“${raw}”不是数字`);
  return Number(s);
}

/** A number with its unit taken from the cell, else from the header or the user's choice. */
function quantity(raw: string, kind: UnitKind, columnUnit: string | null): { n: number; unit: string } {
  const m = raw.replace(/[,，\s]/g, "").match(/^([-+]?(?:\d+\.?\d*|\.\d+))(.*)$/);
  if (!m) throw new CellProblem(`“${raw}”不是数字`);
  const cellUnit = m[2]!.toLowerCase();
  if (cellUnit && !(cellUnit in units[kind])) {
    throw new CellProblem(`无法识别单位“${m[2]}”，可用：${unitNames(kind).join("、")}`);
  }
  const unit = cellUnit || columnUnit;
  if (!unit) throw new CellProblem(`无法确定单位：请在表头或单元格中注明（${unitNames(kind).join("、")}）`);
  return { n: Number(m[1]), unit };
}

const truthy = new Set(["是", "y", "yes", "true", "1", "√", "✓", "规上", "有"]);
const falsy = new Set(["否", "n", "no", "false", "0", "×", "规下", "无"]);

/** Words ledgers put where a date is not known yet. */
const undated = new Set([
  "待定",
  "未定",
  "暂无",
  "无",
  "/",
  "-",
  "—",
  "——",
  "待签",
  "未开工",
  "未投产",
  "未签约",
]);

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function excelDate(cell: Cell, raw: string, approximate: boolean): string | null {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  // 2024-05-20, as most files write it, checked by arithmetic: building a Date and printing it
  // again took a tenth of a dry run's checks.
  const iso = isoDay.exec(raw);
  if (iso && raw >= "1000") {
    const [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const last = mo === 2 && leap(y) ? 29 : monthDays[mo - 1];
    if (last !== undefined && d >= 1 && d <= last) return raw;
    throw new CellProblem(`“${raw}”不是有效日期`);
  }
  if (approximate && undated.has(raw)) return null;
  if (typeof cell === "number" && cell > 20000 && cell < 80000) {
    // An Excel serial day number (1900 date system).
    return new Date(Date.UTC(1899, 11, 30) + cell * 86_400_000).toISOString().slice(0, 10);
  }
  if (approximate && typeof cell === "number" && /^\d{4}\.1$/.test(raw)) {
    // Excel keeps 2020.10 typed as a number as 2020.1: October and January look the same.
    throw new CellProblem(
      `“${raw}”无法区分 1 月与 10 月，请写作 ${raw.slice(0, 4)}-01 或 ${raw.slice(0, 4)}-10`,
    );
  }
  const m =
    raw.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/) ??
    raw.match(/^(\d{4})(\d{2})(\d{2})$/) ??
    // 2020.8, 2020年10月, 2020-08: the month is known, the day is taken as the 1st.
    (approximate ? raw.match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*月?()$/) : null);
  if (!m)
    throw new CellProblem(`“${raw}”不是日期（应如 2024-05-20${approximate ? "、2024.5 或 待定" : ""}）`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new CellProblem(`“${raw}”不是有效日期`);
  return date.toISOString().slice(0, 10);
}

/** Applies a column's type to a cell; throws CellProblem with a Chinese message. */
export function parseCell(cell: Cell, col: ImportColumn): Value {
  const raw = text(cell);
  if (raw === null) return null;
  switch (col.type) {
    case "text":
      return raw;
    case "uscc": {
      const code = normalizeUscc(raw);
      const problem = usccProblem(code);
      if (problem) throw new CellProblem(usccProblemText[problem].zh);
      return code;
    }
    case "int":
    case "number": {
      const n = typeof cell === "number" ? cell : parseNumber(raw);
      if (col.type === "int" && !Number.isInteger(n)) throw new CellProblem(`“${raw}”应为整数`);
      if (col.nonNegative && n < 0) throw new CellProblem("不能为负数");
      return n;
    }
    case "date":
      return excelDate(cell, raw, col.approximate === true);
    case "bool": {
      const v = raw.toLowerCase();
      if (truthy.has(v)) return true;
      if (falsy.has(v)) return false;
      throw new CellProblem(`“${raw}”应填 是/否`);
    }
    case "choice": {
      const code = col.choices?.[raw];
      if (!code) throw new CellProblem(`“${raw}”不是可选值（${Object.keys(col.choices ?? {}).join("、")}）`);
      return code;
    }
    case "list": {
      const items = raw
        .split(/[;；,，、\n]/)
        .map((s) => s.trim())
        .filter(Boolean);
      if (!col.choices) return items;
      return items.map((item) => {
        const code = col.choices![item];
        if (!code) throw new CellProblem(`“${item}”不是可选值`);
        return code;
      });
    }
  }
}

/** A quantity column's value in its stored unit. */
export function parseQuantity(
  cell: Cell,
  col: ImportColumn & { unit: UnitKind },
  columnUnit: string | null,
): Value {
  const raw = typeof cell === "number" ? String(cell) : text(cell);
  if (raw === null) return null;
  const { n, unit } = quantity(raw, col.unit, columnUnit);
  if (col.nonNegative && n < 0) throw new CellProblem("不能为负数");
  const u = units[col.unit][unit]!;
  if (col.unit !== "money") return n * u.factor;
  if (col.allowUsd && (unit === "万" || unit === "亿")) {
    throw new CellProblem(`“${raw}”未注明币种，请写作 ${unit}元 或 ${unit}美元`);
  }
  if (u.currency === "USD" && !col.allowUsd) throw new CellProblem("该列应以人民币计（元、万元、亿元）");
  return { fen: Math.round(n * u.factor), currency: u.currency! };
}

export const readValue = (cell: Cell, col: ImportColumn, columnUnit: string | null): Value =>
  col.unit ? parseQuantity(cell, col as ImportColumn & { unit: UnitKind }, columnUnit) : parseCell(cell, col);
