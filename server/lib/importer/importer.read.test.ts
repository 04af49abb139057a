import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { readRows } from "./importer.read.js";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-read-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const rowsOf = async (file: string) => {
  const out: unknown[][] = [];
  for await (const r of readRows(file, "xlsx")) out.push([r.rowNo, ...r.cells]);
  return out;
};

/**
 * A workbook as other producers write it (the OpenXML SDK, WPS, report exporters): prefixed
 * element names, attributes in another order, inline and rich-text strings, a date by a custom
 * style, a cached formula result, an escaped character, and a second sheet listed first in the zip.
 */
async function foreignWorkbook(prefix: string): Promise<string> {
  const x = prefix ? `${prefix}:` : "";
  const ns = `xmlns${prefix ? `:${prefix}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  const rel = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  // The workbook's first sheet is sheet2.xml.
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}workbook ${ns} ${rel}><${x}sheets><${x}sheet name="企业" sheetId="2" r:id="rId2"/><${x}sheet name="说明" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}sst ${ns} count="3" uniqueCount="3"><${x}si><${x}t>企业名称</${x}t></${x}si><${x}si><${x}r><${x}rPr><${x}b/></${x}rPr><${x}t>丽水晶睿</${x}t></${x}r><${x}r><${x}t xml:space="preserve">电子科技有限公司</${x}t></${x}r></${x}si><${x}si><${x}t>成立日期</${x}t></${x}si></${x}sst>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}styleSheet ${ns}><${x}numFmts count="1"><${x}numFmt formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;" numFmtId="176"/></${x}numFmts><${x}cellXfs count="2"><${x}xf numFmtId="0"/><${x}xf numFmtId="176" applyNumberFormat="1"/></${x}cellXfs></${x}styleSheet>`,
  );
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns}><${x}sheetData><${x}row r="1"><${x}c r="A1" t="inlineStr"><${x}is><${x}t>说明页，不是数据</${x}t></${x}is></${x}c></${x}row></${x}sheetData></${x}worksheet>`,
  );
  zip.file(
    "xl/worksheets/sheet2.xml",
    `<?xml version="1.0" encoding="UTF-8"?><${x}worksheet ${ns}><${x}sheetData>` +
      `<${x}row r="1"><${x}c t="s" r="A1"><${x}v>0</${x}v></${x}c><${x}c r="B1" t="s"><${x}v>2</${x}v></${x}c><${x}c r="C1" t="inlineStr"><${x}is><${x}t>注册资本</${x}t></${x}is></${x}c></${x}row>` +
      `<${x}row r="3" spans="1:3"><${x}c r="A3" t="s"><${x}v>1</${x}v></${x}c><${x}c s="1" r="B3"><${x}v>43605</${x}v></${x}c><${x}c r="C3"><${x}f>1000*5</${x}f><${x}v>5000</${x}v></${x}c></${x}row>` +
      `<${x}row r="4"><${x}c r="A4" t="inlineStr"><${x}is><${x}t>A&amp;B 公司_x000D_</${x}t></${x}is></${x}c><${x}c r="C4" t="str"><${x}f>"x"</${x}f><${x}v>文本结果</${x}v></${x}c></${x}row>` +
      `</${x}sheetData></${x}worksheet>`,
  );
  const file = path.join(tmp, `foreign-${prefix || "plain"}.xlsx`);
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return file;
}

describe("xlsx reader", () => {
  it.each(["", "x"])("reads a workbook written by another producer (prefix %j)", async (prefix) => {
    const rows = await rowsOf(await foreignWorkbook(prefix));
    expect(rows[0]).toEqual([1, "企业名称", "成立日期", "注册资本"]);
    const [rowNo, name, founded, capital] = rows[1] as [number, string, Date, number];
    expect([rowNo, name, capital]).toEqual([3, "丽水晶睿电子科技有限公司", 5000]);
    expect(founded).toBeInstanceOf(Date);
    expect(founded.toISOString().slice(0, 10)).toBe("2019-05-20");
    expect(rows[2]).toEqual([4, "A&B 公司\r", null, "文本结果"]);
  });

  it("reads what exceljs writes, long Chinese text intact across chunk edges", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("名单");
    const names = Array.from({ length: 3000 }, (_, i) => `浙江省丽水市第${i}号新材料科技股份有限公司`);
    ws.addRow(["企业名称", "金额"]);
    for (const [i, n] of names.entries()) ws.addRow([n, i * 1.5]);
    const file = path.join(tmp, "exceljs.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(3001);
    expect(rows.slice(1).map((r) => r[1])).toEqual(names);
    expect(rows[3000]![2]).toBe(2999 * 1.5);
  });
});
