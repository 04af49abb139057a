import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Enterprise, EnterpriseYear } from "../../../common/enterprise.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { encodeGbk } from "../../test/gbk.js";
import { importSteps, XLSX } from "../../test/imports.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Job {
  id: string;
  status: string;
  headerRow: number;
  mapping: { index: number; header: string; key: string | null; unit: string | null }[];
  counts: Record<string, number> | null;
  errors: {
    rowNo: number;
    column: string | null;
    index: number | null;
    value: string | null;
    message: string;
  }[];
  corrections: { rowNo: number; index: number; value: string | null }[];
  skipped: { rowNo: number; reason: string }[];
  message: string | null;
}
interface Page<T> {
  items: T[];
  total: number;
}
const A = syntheticUscc("331100", 501);
const B = syntheticUscc("331100", 502);
const C = syntheticUscc("331100", 503);
const D = syntheticUscc("331100", 504);
const E = syntheticUscc("331100", 505);

/** A ledger as bureaus keep it: a title row, a two-row header with merged cells, units in headers, a total row. */
async function ledger(rows: (string | number | null | { formula: string; result?: number })[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业名单");
  ws.addRow(["2025年丽水经开区重点企业名单"]);
  ws.mergeCells("A1:G1");
  ws.addRow(["序号", "企业名称", "社会信用代码", "基本情况", null, null, "所属园区"]);
  ws.addRow([null, null, null, "注册资本（万元）", "成立日期", "企业标签", null]);
  ws.mergeCells("A2:A3");
  ws.mergeCells("B2:B3");
  ws.mergeCells("C2:C3");
  ws.mergeCells("D2:F2");
  ws.mergeCells("G2:G3");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends)("enterprise import on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  const imports = importSteps<Job>(() => t.app);
  const upload = (entity: string, name: string, type: string, data: Buffer, cookie = admin) =>
    imports.upload(entity, { name, type, data }, cookie);
  const start = async (entity: string, name: string, data: Buffer, cookie = admin) => {
    const res = await upload(entity, name, "text/csv", data, cookie);
    if (res.statusCode !== 201) throw new Error(`upload: ${res.statusCode} ${res.body}`);
    return json<Job>(res);
  };
  const act = (id: string, step: "validate" | "commit", cookie = admin) => imports.step(id, step, cookie);
  /** The import option that places rows naming no region. */
  const defaultRegion = (id: string, regionId: string) =>
    t.app.inject({
      method: "PATCH",
      url: `/api/imports/${id}`,
      payload: { options: { regionId } },
      headers: { cookie: admin },
    });
  const search = async (q: string) =>
    json<Page<Enterprise>>(
      await t.app.inject({ url: `/api/enterprises?q=${encodeURIComponent(q)}`, headers: { cookie: admin } }),
    );

  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  it("reads a ledger through title rows and merged headers, reports every problem and writes nothing", async () => {
    const file = await ledger([
      [1, "丽水晶睿电子科技有限公司", A, 5000, "2019-05-20", "高新技术企业；专精特新", "张江飞地"],
      [
        2,
        "浙江华友钴业股份有限公司",
        "91331100MA2A0000X1",
        { formula: "D4*2", result: 10000 },
        "2008-08-08",
        null,
        "丽水经开区",
      ],
      [3, "丽水晶睿电子科技有限公司", A, 100, null, null, "张江飞地"],
      [4, "公式未计算企业", B, { formula: "D4*3" }, "2030-01-01", "不存在的标签", "火星园区"],
      [null, null, null, null, null, null, null],
      ["合计", null, null, 15000, null, null, null],
    ]);
    const res = await upload("enterprise", "重点企业名单.xlsx", XLSX, file);
    expect(res.statusCode, res.body).toBe(201);
    const job = json<Job>(res);
    expect(job.headerRow).toBe(3);
    expect(Object.fromEntries(job.mapping.filter((m) => m.key).map((m) => [m.key, m.unit]))).toEqual({
      name: null,
      uscc: null,
      registeredCapital: "万元",
      foundedOn: null,
      labels: null,
      park: null,
    });
    const done = (await act(job.id, "validate")) as Job;
    expect(done.status, done.message ?? "").toBe("invalid");
    const problems = done.errors.map((e) => `${e.rowNo}|${e.column ?? ""}|${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5\|社会信用代码\|.*校验位/),
        expect.stringMatching(/^6\|\|与第 4 行重复/),
        expect.stringMatching(/^7\|.*注册资本.*\|公式 =D4\*3 没有保存计算结果/),
        expect.stringMatching(/^7\|成立日期\|成立日期不能晚于今天/),
        expect.stringMatching(/^7\|所属园区\|未找到园区“火星园区”/),
        expect.stringMatching(/^7\|企业标签\|“不存在的标签”不是可选值/),
      ]),
    );
    expect(done.skipped.map((s) => s.reason)).toContain("合计/小计行");
    expect(done.counts).toMatchObject({ rows: 4, skipped: 2, duplicates: 1 });
    expect((await search("晶睿")).total).toBe(0);
    const commit = await t.app.inject({
      method: "POST",
      url: `/api/imports/${job.id}/commit`,
      headers: { cookie: admin },
    });
    expect(commit.statusCode).toBe(409);

    const report = await t.app.inject({ url: `/api/imports/${job.id}/report`, headers: { cookie: admin } });
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as unknown as ArrayBuffer);
    const rows: string[] = [];
    wb.getWorksheet("错误明细")!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).join("|")));
    expect(rows[0]).toBe("行号|列|单元格内容|问题");
    expect(rows.some((r) => r.startsWith("5|社会信用代码|91331100MA2A0000X1|"))).toBe(true);
  });

  it("takes cells retyped on the page at the next dry run, without touching the file", async () => {
    const bad = `${D.slice(0, 17)}${D[17] === "0" ? "1" : "0"}`;
    const csv = [
      "统一社会信用代码,企业名称,成立日期,所属园区",
      `${bad},页面修正科技有限公司,2019-13-01,张江飞地`,
    ].join("\n");
    const job = await start("enterprise", "待修正.csv", Buffer.from(csv));
    const first = (await act(job.id, "validate")) as Job;
    expect(first.status).toBe("invalid");
    const usccError = first.errors.find((e) => e.column === "统一社会信用代码")!;
    const dateError = first.errors.find((e) => e.column === "成立日期")!;
    expect(usccError).toMatchObject({ rowNo: 2, index: 0, value: bad });
    expect(dateError).toMatchObject({ rowNo: 2, index: 2 });

    const patch = (payload: Record<string, unknown>) =>
      t.app.inject({ method: "PATCH", url: `/api/imports/${job.id}`, payload, headers: { cookie: admin } });
    expect((await patch({ corrections: [{ rowNo: 2, index: -1, value: "x" }] })).statusCode).toBe(400);
    // One cell fixed: the other is still reported.
    const fixed = json<Job>(await patch({ corrections: [{ rowNo: 2, index: 0, value: ` ${D} ` }] }));
    expect(fixed.corrections).toEqual([{ rowNo: 2, index: 0, value: D }]);
    const second = (await act(job.id, "validate")) as Job;
    expect(second.errors.map((e) => e.column)).toEqual(["成立日期"]);
    // Retyping the same cell again replaces the earlier correction.
    await patch({ corrections: [{ rowNo: 2, index: 2, value: "2019-12-01" }] });
    const third = (await act(job.id, "validate")) as Job;
    expect(third.status).toBe("validated");
    expect(third.corrections).toHaveLength(2);
    expect(((await act(job.id, "commit")) as Job).status).toBe("committed");
    expect((await search("页面修正")).items[0]).toMatchObject({ uscc: D, foundedOn: "2019-12-01" });
  });

  it("commits a corrected GBK CSV all at once, then re-import updates by USCC and keeps blanks", async () => {
    const csv = [
      "统一社会信用代码,企业名称,法人代表,注册资本,成立日期,所属园区,从业人数,地址,标签",
      `${A},丽水晶睿电子科技有限公司,陈某,5000万元,2019/5/20,张江飞地,320,丽水市莲都区,高新技术企业、专精特新`,
      `${B},浙江华友钴业股份有限公司,,1.2亿元,2008-08-08,丽水经开区,1500,,链主`,
      `,晶科能源（丽水）有限公司,,300万美元,,宁波飞地,,,外资`,
    ].join("\r\n");
    const data = encodeGbk(csv);
    const job = json<Job>(await upload("enterprise", "企业名录.csv", "application/vnd.ms-excel", data));
    const checked = (await act(job.id, "validate")) as Job;
    expect(checked.errors).toEqual([]);
    expect(checked.counts).toMatchObject({ rows: 3, valid: 3, create: 3, update: 0 });
    const committed = (await act(job.id, "commit")) as Job;
    expect(committed.status, committed.message ?? "").toBe("committed");
    expect(committed.counts).toMatchObject({ created: 3, updated: 0 });

    const jr = (await search("jr")).items[0]!;
    expect(jr).toMatchObject({
      name: "丽水晶睿电子科技有限公司",
      registeredCapitalFen: 5000_000_000,
      employees: 320,
      foundedOn: "2019-05-20",
    });
    expect(jr.labels.sort()).toEqual(["hnte", "srdi"]);
    const hy = (await search("华友")).items[0]!;
    expect(hy.registeredCapitalFen).toBe(12_000_000_000);
    const jk = (await search("晶科")).items[0]!;
    expect(jk).toMatchObject({ uscc: null, capitalCurrency: "USD", registeredCapitalFen: 300_000_000 });
    const audit = json<{ items: { action: string; meta: { counts: Record<string, number> } }[] }>(
      await t.app.inject({ url: "/api/audit?action=import", headers: { cookie: admin } }),
    );
    expect(audit.items[0]!.meta.counts).toEqual({ created: 3, updated: 0 });

    const again = [
      `信用代码,企业名称,从业人数,地址`,
      `${A},丽水晶睿电子科技有限公司,350,`,
      `${C},新登记企业有限公司,12,丽水市`,
    ].join("\n");
    const job2 = await start("enterprise", "更新.csv", Buffer.from(again));
    await defaultRegion(job2.id, jr.regionId);
    const checked2 = (await act(job2.id, "validate")) as Job;
    expect(checked2.counts).toMatchObject({ create: 1, update: 1 });
    expect(((await act(job2.id, "commit")) as Job).status).toBe("committed");
    const jr2 = json<Enterprise>(
      await t.app.inject({ url: `/api/enterprises/${jr.id}`, headers: { cookie: admin } }),
    );
    expect(jr2).toMatchObject({
      employees: 350,
      address: "丽水市莲都区",
      parkName: jr.parkName,
      version: jr.version + 1,
    });
  });

  it("keeps a renamed firm's former names searchable when the file carries no former names", async () => {
    const jr = (await search("jr")).items[0]!;
    const created = await t.app.inject({
      method: "POST",
      url: "/api/enterprises",
      payload: {
        uscc: E,
        name: "丽水云和木玩有限公司",
        formerNames: ["云和县童趣玩具厂"],
        regionId: jr.regionId,
      },
      headers: { cookie: admin },
    });
    expect(created.statusCode, created.body).toBe(201);
    const file = [`统一社会信用代码,企业名称`, `${E},浙江云和木玩科技有限公司`].join("\n");
    const job = await start("enterprise", "改名.csv", Buffer.from(file));
    await defaultRegion(job.id, jr.regionId);
    expect(((await act(job.id, "validate")) as Job).counts).toMatchObject({ create: 0, update: 1 });
    expect(((await act(job.id, "commit")) as Job).status).toBe("committed");
    expect((await search("木玩科技")).items.map((e) => e.uscc)).toEqual([E]);
    expect((await search("童趣")).items.map((e) => e.uscc)).toEqual([E]);
  });

  it("imports yearly figures with units from cells and headers, and their source", async () => {
    const csv = [
      "统一社会信用代码,年度,是否规上,营业收入（万元）,税收,用地面积（亩）,土地证号,综合能耗",
      `${A},2025,是,26000,1200万元,40,浙(2025)丽水市不动产权第0001号,1500吨标准煤`,
      `${B},2025,是,300000,1.5亿元,600,,`,
      `${syntheticUscc("331100", 999)},2025,否,1,1万元,,,`,
      `${A},2024,否,18000,800万,,,12`,
    ].join("\n");
    const job = await start("enterprise_year", "2025年度数据.csv", Buffer.from(csv));
    const checked = (await act(job.id, "validate")) as Job;
    expect(checked.status).toBe("invalid");
    expect(checked.errors.map((e) => [e.rowNo, e.message])).toEqual([
      [4, expect.stringContaining("未找到统一社会信用代码")],
      // 800万 in a yuan column is 800万元; the energy figure 12 has no unit at all.
      [5, expect.stringContaining("无法确定单位")],
    ]);
    const fixed = csv
      .split("\n")
      .filter((_, i) => i !== 3)
      .join("\n")
      .replace("800万,,,12", "800万元,,,12吨标准煤");
    const job2 = await start("enterprise_year", "2025年度数据.csv", Buffer.from(fixed));
    const ok = (await act(job2.id, "validate")) as Job;
    expect(ok.errors).toEqual([]);
    expect(((await act(job2.id, "commit")) as Job).status).toBe("committed");
    const jr = (await search("晶睿")).items[0]!;
    expect(jr.sizeClass).toBe("above");
    const years = json<{ items: EnterpriseYear[] }>(
      await t.app.inject({ url: `/api/enterprises/${jr.id}/years`, headers: { cookie: admin } }),
    ).items;
    expect(years.map((y) => [y.year, y.revenueFen, y.taxFen, y.energyTce])).toEqual([
      [2024, 180_000_000_00, 8_000_000_00, 12],
      [2025, 260_000_000_00, 12_000_000_00, 1500],
    ]);
    expect(Math.round(years[1]!.landM2!)).toBe(26667);
    expect(years[1]!.sources.taxFen).toBe("导入：2025年度数据.csv");
  });

  it("refuses files that are not spreadsheets, damaged or empty, with the reason", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    const asXlsx = await upload("enterprise", "名单.xlsx", XLSX, png);
    expect(asXlsx.statusCode).toBe(400);
    const pngAsIs = await upload("enterprise", "照片.png", "image/png", png);
    expect(json<{ error: { message: string } }>(pngAsIs).error.message).toContain("不是电子表格");
    const good = await ledger([[1, "某企业", A, 1, null, null, null]]);
    const broken = await upload(
      "enterprise",
      "损坏.xlsx",
      XLSX,
      good.subarray(0, Math.floor(good.length / 2)),
    );
    expect(broken.statusCode).toBe(400);
    expect(json<{ error: { message: string } }>(broken).error.message).toContain("损坏");
    const empty = await upload("enterprise", "空.csv", "text/csv", Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    const unknown = await upload("nothing", "a.csv", "text/csv", Buffer.from("a,b\n1,2"));
    expect(unknown.statusCode).toBe(400);
    const jobs = json<{ items: unknown[] }>(
      await t.app.inject({ url: "/api/imports?entity=enterprise", headers: { cookie: admin } }),
    );
    expect(jobs.items.length).toBeGreaterThan(0);
  });

  it("keeps a park officer's import inside their park, and their jobs to themselves", async () => {
    const officer = await t.login("officer"); // Zhangjiang enclave only
    const csv = [
      "企业名称,所属园区",
      "张江飞地新企业有限公司,张江飞地",
      "宁波飞地企业有限公司,宁波飞地",
    ].join("\n");
    const job = await start("enterprise", "飞地.csv", Buffer.from(csv), officer);
    const checked = (await act(job.id, "validate", officer)) as Job;
    expect(checked.errors.map((e) => [e.rowNo, e.message])).toEqual([
      [3, expect.stringContaining("未找到园区“宁波飞地”")],
    ]);
    expect(
      (await t.app.inject({ url: `/api/imports/${job.id}`, headers: { cookie: admin } })).statusCode,
    ).toBe(200);
    const other = await t.login("officer2");
    expect(
      (await t.app.inject({ url: `/api/imports/${job.id}`, headers: { cookie: other } })).statusCode,
    ).toBe(404);
  });

  it("exports a filtered list longer than one read page, every row once, in the list's order", async () => {
    const n = 4_500;
    const lines = ["统一社会信用代码,企业名称,所属园区"];
    for (let i = 0; i < n; i++)
      lines.push(`${syntheticUscc("331100", 70_000 + i)},导出分页测试${i}号有限公司,张江飞地`);
    const job = await start("enterprise", "导出分页.csv", Buffer.from(lines.join("\n")));
    expect(((await act(job.id, "validate")) as Job).status).toBe("validated");
    expect(((await act(job.id, "commit")) as Job).status).toBe("committed");
    const res = await t.app.inject({
      url: `/api/enterprises/export?q=${encodeURIComponent("导出分页测试")}&sort=uscc&order=asc`,
      headers: { cookie: admin },
    });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const codes: string[] = [];
    ws.eachRow((r, i) => {
      if (i > 1 && i <= n + 1) codes.push(String(r.getCell(1).value));
    });
    expect(codes).toHaveLength(n);
    expect(new Set(codes).size).toBe(n);
    expect([...codes].sort()).toEqual(codes);
    expect(String(ws.getRow(n + 2).getCell(1).value)).toContain(`共 ${n} 条`);
    const logged = json<{ items: { meta: { what: string; rows: number } }[] }>(
      await t.app.inject({ url: "/api/audit?action=export", headers: { cookie: admin } }),
    );
    expect(logged.items[0]!.meta).toMatchObject({ what: "enterprises", rows: n });
  });
});
