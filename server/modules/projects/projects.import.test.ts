import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectRow } from "../../../common/project.schema.js";
import { importSteps, XLSX } from "../../test/imports.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Job {
  id: string;
  status: string;
  headerRow: number;
  mapping: { index: number; header: string; key: string | null; unit: string | null }[];
  counts: Record<string, number> | null;
  errors: { rowNo: number; column: string | null; message: string }[];
  skipped: { rowNo: number; reason: string }[];
  message: string | null;
}
interface Page<T> {
  items: T[];
  total: number;
}

type CellIn = string | number | null;

/** A 项目台账 as a bureau keeps it: a title, a merged two-row header, 万元 and 亩 in headers, loose dates. */
async function ledger(rows: CellIn[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("重点项目");
  ws.addRow(["2026年丽水经开区招商引资项目台账"]);
  ws.mergeCells("A1:J1");
  ws.addRow([
    "序号",
    "项目名称",
    "投资主体",
    "所属园区",
    "招商单位",
    "投资规模",
    null,
    "推进情况",
    null,
    null,
  ]);
  ws.addRow([
    null,
    null,
    null,
    null,
    null,
    "总投资（万元）",
    "用地（亩）",
    "签约时间",
    "开工时间",
    "项目状态",
  ]);
  for (const c of ["A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:G2", "H2:J2"]) ws.mergeCells(c);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.each(backends)("project ledger import on %s", (backend) => {
  let t: TestApp;
  let officer: string;
  const imports = importSteps<Job>(() => t.app);
  const act = (id: string, step: "validate" | "commit") => imports.step(id, step, officer);
  const upload = async (data: Buffer) => {
    const res = await imports.upload("project", { name: "项目台账.xlsx", type: XLSX, data }, officer);
    expect(res.statusCode, res.body).toBe(201);
    return json<Job>(res);
  };
  const projects = async () =>
    json<Page<ProjectRow>>(
      await t.app.inject({ url: "/api/projects?sort=name", headers: { cookie: officer } }),
    );

  beforeAll(async () => {
    t = await testApp(backend);
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("reports loose dates, ambiguous months, out-of-order dates and unknown parks, and writes nothing", async () => {
    const file = await ledger([
      [
        1,
        "晶睿半导体材料项目",
        "丽水晶睿电子科技有限公司",
        "张江飞地",
        "丽水经开区驻上海招商组",
        150000,
        80,
        2020.8,
        "2020年10月",
        "在建",
      ],
      [
        2,
        "某新能源电池项目",
        "某新能源科技有限公司",
        "张江飞地",
        "丽水经开区驻上海招商组",
        "15亿",
        120,
        2021.1,
        null,
        "已签约",
      ],
      [
        3,
        "倒序项目",
        "某材料有限公司",
        "张江飞地",
        "丽水经开区驻上海招商组",
        5000,
        10,
        "2021/3/15",
        "2021.2",
        "在建",
      ],
      [4, "火星项目", "某公司", "火星园区", "丽水经开区驻上海招商组", 100, 1, "待定", null, "在谈"],
    ]);
    const job = await upload(file);
    expect(job.headerRow).toBe(3);
    const units = Object.fromEntries(job.mapping.filter((m) => m.key).map((m) => [m.key, m.unit]));
    expect(units).toMatchObject({ totalInvestment: "万元", land: "亩" });
    const done = await act(job.id, "validate");
    expect(done.status).toBe("invalid");
    const problems = done.errors.map((e) => `${e.rowNo}|${e.column ?? ""}|${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^5\|.*签约时间\|“2021\.1”无法区分 1 月与 10 月/),
        expect.stringMatching(/^6\|.*开工时间\|开工时间（2021-02-01）早于签约时间（2021-03-15）/),
        expect.stringMatching(/^7\|所属园区\|未找到园区“火星园区”/),
      ]),
    );
    // Row 4 is fine: 2020.8 is August, 2020年10月 October, 150000 万元 is ¥1.5bn.
    expect(problems.filter((p) => p.startsWith("4|"))).toEqual([]);
    expect((await projects()).total).toBe(0);
  });

  it("commits a clean ledger with amounts in 万元, land in 亩 and the stage history, then updates on re-import", async () => {
    const rows: CellIn[][] = [
      [
        1,
        "晶睿半导体材料项目",
        "丽水晶睿电子科技有限公司",
        "张江飞地",
        "丽水经开区驻上海招商组",
        150000,
        80,
        2020.8,
        "2020年10月",
        "在建",
      ],
      [
        2,
        "某新能源电池项目",
        "某新能源科技有限公司",
        "张江飞地",
        "丽水经开区驻上海招商组",
        "15亿",
        120,
        "2021-10",
        "待定",
        "已签约",
      ],
    ];
    const job = await upload(await ledger(rows));
    const checked = await act(job.id, "validate");
    expect(checked.status, JSON.stringify(checked.errors)).toBe("validated");
    expect(checked.counts).toMatchObject({ create: 2, update: 0 });
    const committed = await act(job.id, "commit");
    expect(committed.status, committed.message ?? "").toBe("committed");
    const list = (await projects()).items;
    expect(list.map((p) => p.name)).toEqual(["晶睿半导体材料项目", "某新能源电池项目"]);
    const jr = list.find((p) => p.name === "晶睿半导体材料项目")!;
    // 150000 万元 stored as fen, never as yuan; 80 亩 as m².
    expect(jr.totalInvestmentFen).toBe(150000 * 1_000_000);
    expect(Math.round(jr.landDemandM2!)).toBe(Math.round((80 * 2000) / 3));
    expect(jr.stage).toBe("construction");
    expect(jr.stageOn).toBe("2020-10-01");
    expect(jr.investorName).toBe("丽水晶睿电子科技有限公司");
    const battery = list.find((p) => p.name === "某新能源电池项目")!;
    expect(battery.totalInvestmentFen).toBe(15 * 10_000_000_000);
    expect(battery.stage).toBe("signed");
    const events = json<{ items: { toStage: string; on: string }[] }>(
      await t.app.inject({ url: `/api/projects/${jr.id}/stages`, headers: { cookie: officer } }),
    ).items;
    expect(events.map((e) => `${e.toStage}@${e.on}`)).toEqual([
      "lead@2020-08-01",
      "signed@2020-08-01",
      "construction@2020-10-01",
    ]);

    // The same ledger a month later: the battery project started construction.
    rows[1]![8] = "2021.12";
    rows[1]![9] = "在建";
    const again = await upload(await ledger(rows));
    const checked2 = await act(again.id, "validate");
    expect(checked2.counts).toMatchObject({ create: 0, update: 2 });
    const committed2 = await act(again.id, "commit");
    expect(committed2.status, committed2.message ?? "").toBe("committed");
    const after = (await projects()).items.find((p) => p.name === "某新能源电池项目")!;
    expect(after.stage).toBe("construction");
    expect(after.stageDates[6]).toBe("2021-12-01");
    expect((await projects()).total).toBe(2);
  });
});
