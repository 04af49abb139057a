import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { encodeGbk } from "../../test/gbk.js";
import { AppError } from "../errors.js";
import { readRows, type SheetKind, type SheetRow } from "./importer.read.js";
import { readRowsOffThread, startReadWorker } from "./importer.read.thread.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-read-thread-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const all = async (rows: AsyncIterable<SheetRow>) => {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
};
/** Every file goes to the worker, however small. */
const offThread = (file: string, kind: SheetKind, onBytes?: (n: number) => void) =>
  readRowsOffThread(file, kind, onBytes, { fromBytes: 0 });

async function workbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业");
  ws.addRow(["企业名录"]);
  ws.mergeCells("A1:D1");
  ws.addRow(["企业名称", "成立日期", "注册资本", "在业"]);
  for (let i = 0; i < 2500; i++) {
    ws.addRow([
      `丽水第${i}号新材料科技有限公司`,
      new Date(Date.UTC(2019, 4, 1 + (i % 28))),
      i * 1.5,
      i % 2 === 0,
    ]);
  }
  ws.getCell("C5").value = { formula: "1000*5", result: 5000 };
  ws.getCell("C6").value = { formula: "1000*6" };
  ws.getCell("C7").value = { error: "#DIV/0!" };
  const file = path.join(tmp, "firms.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("rows read in a worker thread", () => {
  it("are the rows read here, cells, dates and progress alike", async () => {
    expect(await startReadWorker()).not.toBeNull();
    const file = await workbook();
    const progress: number[] = [];
    const there = await all(offThread(file, "xlsx", (n) => progress.push(n)));
    const here = await all(readRows(file, "xlsx"));
    expect(there).toHaveLength(2502);
    expect(there).toEqual(here);
    expect(there[0]!.cells).toEqual(["企业名录", "企业名录", "企业名录", "企业名录"]);
    expect(there[2]!.cells[1]).toBeInstanceOf(Date);
    expect(there[4]!.cells[2]).toBe(5000);
    expect(there[5]!.cells[2]).toEqual({ formulaWithoutValue: "=1000*6" });
    expect(there[6]!.cells[2]).toEqual({ error: "#DIV/0!" });
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)).toBe(fs.statSync(file).size);
  });

  it("read CSV in GBK the same way", async () => {
    const text = `企业名称,地址\n${Array.from({ length: 3000 }, (_, i) => `"丽水${i}号,公司",浙江省丽水市${i}号`).join("\n")}\n`;
    const file = path.join(tmp, "gbk.csv");
    fs.writeFileSync(file, encodeGbk(text));
    const there = await all(offThread(file, "csv"));
    expect(there).toEqual(await all(readRows(file, "csv")));
    expect(there[1]!.cells).toEqual(["丽水0号,公司", "浙江省丽水市0号"]);
  });

  it("report a damaged file as reading it here does", async () => {
    const file = path.join(tmp, "broken.xlsx");
    const good = fs.readFileSync(await workbook());
    fs.writeFileSync(file, Buffer.concat([good.subarray(0, 4000), Buffer.alloc(good.length - 4000, 7)]));
    const here = await all(readRows(file, "xlsx")).catch((e: unknown) => e);
    const there = await all(offThread(file, "xlsx")).catch((e: unknown) => e);
    expect(here).toBeInstanceOf(AppError);
    expect(there).toBeInstanceOf(AppError);
    expect((there as AppError).messageIn("zh-CN")).toBe((here as AppError).messageIn("zh-CN"));
  });

  it("stop the worker's read when the dry run stops early, and serve the next one", async () => {
    const file = await workbook();
    let n = 0;
    for await (const _ of offThread(file, "xlsx")) if (++n === 1500) break;
    expect(await all(offThread(file, "xlsx"))).toHaveLength(2502);
  });
});
