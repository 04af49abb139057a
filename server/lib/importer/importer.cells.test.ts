import { describe, expect, it } from "vitest";
import { CellProblem, parseCell, parseQuantity } from "./importer.cells.js";
import type { Cell, ImportColumn, UnitKind } from "./importer.types.js";

const loose: ImportColumn = { key: "d", label: "签约时间", synonyms: [], type: "date", approximate: true };
const strict: ImportColumn = { ...loose, approximate: false };
type Quantity = ImportColumn & { unit: UnitKind };
const yuan: Quantity = { key: "m", label: "总投资", synonyms: [], type: "number", unit: "money" };
const capital: Quantity = { ...yuan, allowUsd: true };

const problem = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof CellProblem) return e.message;
    throw e;
  }
};

describe("ledger cells", () => {
  it.each<[Cell, string | null]>([
    ["2021/3/15", "2021-03-15"],
    ["2020年10月", "2020-10-01"],
    ["2020.8", "2020-08-01"],
    [2020.8, "2020-08-01"],
    ["2021-10", "2021-10-01"],
    ["待定", null],
    ["—", null],
  ])("a loose date %s reads as %s", (cell, day) => expect(parseCell(cell, loose)).toBe(day));

  it("reports a number 2020.1, which Excel keeps for January and October alike", () => {
    expect(problem(() => parseCell(2020.1, loose))).toContain("无法区分 1 月与 10 月");
    // Typed as text, 2020.10 is October.
    expect(parseCell("2020.10", loose)).toBe("2020-10-01");
  });

  it.each<[string, string | null]>([
    ["2024-02-29", "2024-02-29"],
    ["2000-02-29", "2000-02-29"],
    ["1999-12-31", "1999-12-31"],
    ["2023-02-29", "不是有效日期"],
    ["1900-02-29", "不是有效日期"],
    ["2024-04-31", "不是有效日期"],
    ["2024-13-01", "不是有效日期"],
    ["2024-00-10", "不是有效日期"],
    ["2024-05-00", "不是有效日期"],
  ])("a day written 2024-05-20 style, %s, reads as itself or is refused", (raw, out) => {
    if (out?.includes("-")) expect(parseCell(raw, strict)).toBe(out);
    else expect(problem(() => parseCell(raw, strict))).toContain(out);
  });

  it("keeps strict date columns strict", () => {
    expect(problem(() => parseCell("2020.8", strict))).toContain("不是日期");
    expect(problem(() => parseCell("待定", strict))).toContain("不是日期");
  });

  it.each<[string, string | null, number]>([
    ["15亿", "万元", 15 * 10_000_000_000],
    ["8000万", null, 8000 * 1_000_000],
    ["150000", "万元", 150000 * 1_000_000],
    ["1.5亿元", null, 15_000_000_000],
  ])("%s in a column headed %s is %d fen", (raw, unit, fen) =>
    expect(parseQuantity(raw, yuan, unit)).toEqual({ fen, currency: "CNY" }),
  );

  it("refuses a bare 万 or 亿 where dollars are possible, and a number with no unit anywhere", () => {
    expect(problem(() => parseQuantity("300万", capital, null))).toContain("未注明币种");
    expect(parseQuantity("300万美元", capital, null)).toEqual({ fen: 300 * 1_000_000, currency: "USD" });
    expect(problem(() => parseQuantity("300", yuan, null))).toContain("无法确定单位");
  });
});
