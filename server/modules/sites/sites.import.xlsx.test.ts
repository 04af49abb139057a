import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { M2_PER_MU } from "../../../common/geo.js";
import type { SiteRow } from "../../../common/site.schema.js";
import { importSteps, XLSX } from "../../test/imports.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Job {
  id: string;
  status: string;
  headerRow: number;
  mapping: { index: number; header: string; key: string | null; unit: string | null }[];
  counts: Record<string, number> | null;
  errors: { rowNo: number; column: string | null; message: string }[];
  message: string | null;
}
interface Page<T> {
  items: T[];
  total: number;
}

type CellIn = string | number | null;

const HEADER = [
  "名称",
  "编号",
  "类型",
  "园区",
  "用地性质",
  "存量类型",
  "状态",
  "面积（亩）",
  "容积率",
  "限高（米）",
  "价格（万元）",
  "租金（元/平方米·月）",
  "权属人/运营方",
  "不动产权证号",
  "坐标",
  "中心经度",
  "中心纬度",
];

/** A 可用空间 sheet as a zone keeps it: a title row, then the header, then one row a site. */
async function sheet(rows: CellIn[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("空间资源");
  ws.addRow(["丽水经开区可用空间资源清单"]);
  ws.mergeCells("A1:Q1");
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const square = (lng: number, lat: number, d = 0.002) => {
  const [e, n] = [+(lng + d).toFixed(7), +(lat + d).toFixed(7)];
  return `${lng},${lat};${e},${lat};${e},${n};${lng},${n}`;
};

describe.each(backends)("site xlsx import on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let fund: string;
  const get = (url: string, cookie = admin) => t.app.inject({ url, headers: { cookie } });
  const imports = importSteps<Job>(() => t.app);
  const act = (id: string, step: "validate" | "commit") => imports.step(id, step, admin);
  const upload = async (data: Buffer, options: Record<string, unknown> = {}, cookie = admin) => {
    const res = await imports.upload("site", { name: "空间资源.xlsx", type: XLSX, data }, cookie);
    if (res.statusCode !== 201) return { res, job: null };
    const job = json<Job>(res);
    const patched = await t.app.inject({
      method: "PATCH",
      url: `/api/imports/${job.id}`,
      payload: { options: { parkId: fund, ...options } },
      headers: { cookie },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    return { res, job: json<Job>(patched) };
  };
  const sites = async () =>
    json<Page<SiteRow>>(await get(`/api/sites?parkId=${fund}&sort=name&pageSize=100`)).items;

  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
    const parks = json<Page<{ id: string; name: string }>>(await get("/api/parks?pageSize=200")).items;
    fund = parks.find((p) => p.name === "丽水经开区基金产业园")!.id;
  });
  afterAll(() => t.close());

  it("refuses a bad polygon row by row and column, and writes nothing", async () => {
    const before = (await sites()).length;
    const { job } = await upload(
      await sheet([
        [
          "好地块",
          "T-01",
          "地块",
          null,
          "工业用地",
          null,
          "可供应",
          64,
          2,
          24,
          null,
          null,
          null,
          null,
          square(119.95, 28.4),
        ],
        // the ring crosses itself: vertices out of order
        [
          "自相交地块",
          "T-02",
          "地块",
          null,
          null,
          null,
          null,
          10,
          null,
          null,
          null,
          null,
          null,
          null,
          "119.95,28.41;119.952,28.412;119.952,28.41;119.95,28.412",
        ],
        // latitude and longitude swapped
        [
          "颠倒地块",
          "T-03",
          "地块",
          null,
          null,
          null,
          null,
          10,
          null,
          null,
          null,
          null,
          null,
          null,
          square(28.4, 119.95),
        ],
        [
          "火星地块",
          "T-04",
          "厂房",
          "火星园区",
          null,
          null,
          null,
          10,
          null,
          null,
          null,
          null,
          null,
          null,
          square(119.96, 28.4),
        ],
        ["无图形地块", "T-05", "地块", null, null, null, null, 10],
        [
          "已预留地块",
          "T-06",
          "地块",
          null,
          null,
          null,
          "已预留",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          square(119.97, 28.4),
        ],
      ]),
    );
    expect(job!.headerRow).toBe(2);
    const units = Object.fromEntries(job!.mapping.filter((m) => m.key).map((m) => [m.key, m.unit]));
    expect(units).toMatchObject({ area: "亩", price: "万元" });
    const done = await act(job!.id, "validate");
    expect(done.status).toBe("invalid");
    const problems = done.errors.map((e) => `${e.rowNo}|${e.column ?? ""}|${e.message}`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^4\|坐标\|.*自相交/),
        expect.stringMatching(/^5\|坐标\|.*不在中国境内/),
        expect.stringMatching(/^6\|园区\|未找到园区“火星园区”/),
        expect.stringMatching(/^7\|坐标\|请填写坐标/),
        expect.stringMatching(/^8\|状态\|.*已预留/),
      ]),
    );
    expect(problems.filter((p) => p.startsWith("3|"))).toEqual([]);
    const commit = await t.app.inject({
      method: "POST",
      url: `/api/imports/${job!.id}/commit`,
      headers: { cookie: admin },
    });
    expect(commit.statusCode).toBe(409);
    expect((await sites()).length).toBe(before);
  });

  it("creates sites with the right box and area from vertex lists and centre points, warning of areas far off", async () => {
    const { job } = await upload(
      await sheet([
        [
          "基金产业园 A-01 地块",
          "A-01",
          "地块",
          "基金产业园",
          "工业用地",
          "批而未供",
          "可供应",
          64,
          2.5,
          24,
          3200,
          null,
          "丽水经开区管委会",
          "浙(2026)丽水市不动产权第0001号",
          square(119.95, 28.4),
        ],
        // `lng lat, lng lat` order, and a stated area far from the polygon's
        [
          "基金产业园 B-02 标准厂房",
          "B-02",
          "标准厂房",
          null,
          null,
          null,
          "可供应",
          10,
          null,
          null,
          null,
          18,
          "丽水经开区建设发展有限公司",
          null,
          "119.96 28.4, 119.962 28.4, 119.962 28.402, 119.96 28.402, 119.96 28.4",
        ],
        // only a centre point: a square of 30 亩 around it
        [
          "基金产业园 C-03 地块",
          "C-03",
          null,
          null,
          null,
          "闲置",
          null,
          30,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          119.97,
          28.41,
        ],
      ]),
    );
    const checked = await act(job!.id, "validate");
    expect(checked.status, JSON.stringify(checked.errors)).toBe("validated");
    expect(checked.counts).toMatchObject({ rows: 3, valid: 3, create: 3, update: 0 });
    const warnings = json<{ items: { rowNo: number; message: string }[] }>(
      await get(`/api/sites/import-warnings/${job!.id}`),
    ).items;
    expect(warnings.map((w) => `${w.rowNo}|${w.message}`)).toEqual([
      expect.stringMatching(/^4\|.*相差/),
      expect.stringMatching(/^5\|.*近似/),
    ]);
    const committed = await act(job!.id, "commit");
    expect(committed.status, committed.message ?? "").toBe("committed");
    expect(committed.counts).toMatchObject({ created: 3, updated: 0 });

    const list = await sites();
    const a = list.find((s) => s.code === "A-01")!;
    expect(a.bbox).toEqual([119.95, 28.4, 119.952, 28.402]);
    expect(a.geometry.coordinates[0]).toHaveLength(5);
    expect(a.geometryAreaM2).toBeGreaterThan(42_000);
    expect(a.geometryAreaM2).toBeLessThan(44_000);
    expect(a.areaM2).toBeCloseTo(64 * M2_PER_MU, 1);
    expect(a.areaWarning).toBeNull();
    expect(a).toMatchObject({
      kind: "land",
      landUse: "industrial",
      stockCategory: "approved_unsupplied",
      status: "available",
      plotRatioMax: 2.5,
      heightMaxM: 24,
      priceFen: 3200 * 1_000_000,
      owner: "丽水经开区管委会",
      certificateNo: "浙(2026)丽水市不动产权第0001号",
    });
    const b = list.find((s) => s.code === "B-02")!;
    expect(b.kind).toBe("factory");
    expect(b.rentFenM2Month).toBe(1800);
    expect(b.bbox).toEqual([119.96, 28.4, 119.962, 28.402]);
    expect(b.areaWarning).toContain("相差");
    const c = list.find((s) => s.code === "C-03")!;
    expect(c.kind).toBe("land");
    expect(Math.abs(c.geometryAreaM2 - 30 * M2_PER_MU)).toBeLessThan(30 * M2_PER_MU * 0.005);
    expect((c.bbox[0] + c.bbox[2]) / 2).toBeCloseTo(119.97, 6);
    expect((c.bbox[1] + c.bbox[3]) / 2).toBeCloseTo(28.41, 6);
    expect(c.note).toContain("近似");

    // One audit entry for the batch.
    const audit = json<Page<{ action: string; subjectType: string }>>(
      await get("/api/audit?subjectType=site&pageSize=50"),
    ).items.filter((e) => e.action === "import");
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it("converts GCJ-02 vertices to WGS 84", async () => {
    const { job } = await upload(
      await sheet([
        [
          "高德坐标地块",
          "G-01",
          "地块",
          null,
          null,
          null,
          null,
          64,
          null,
          null,
          null,
          null,
          null,
          null,
          square(119.99, 28.4),
        ],
      ]),
      { crs: "gcj02" },
    );
    expect((await act(job!.id, "validate")).status).toBe("validated");
    expect((await act(job!.id, "commit")).status).toBe("committed");
    const g = (await sites()).find((s) => s.code === "G-01")!;
    // In 丽水 GCJ-02 lies a few hundred metres east of WGS 84, and a little south.
    expect(g.bbox[0]).toBeLessThan(119.99);
    expect(g.bbox[0]).toBeGreaterThan(119.98);
    expect(Math.abs(g.bbox[1] - 28.4)).toBeGreaterThan(0.001);
    expect(Math.abs(g.bbox[1] - 28.4)).toBeLessThan(0.01);
    expect(g.geometryAreaM2).toBeGreaterThan(42_000);
  });

  it("updates by 编号 within the park on re-import, keeping what blank cells leave out", async () => {
    const before = await sites();
    const a = before.find((s) => s.code === "A-01")!;
    const { job } = await upload(
      await sheet([
        [
          "A-01 地块（已出让）",
          "A-01",
          null,
          null,
          null,
          null,
          "已使用",
          64,
          null,
          null,
          null,
          null,
          null,
          null,
          square(119.95, 28.4, 0.0021),
        ],
        // no 编号: matched by park and name
        [
          "基金产业园 B-02 标准厂房",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          20,
          null,
          null,
          "119.96 28.4, 119.962 28.4, 119.962 28.402, 119.96 28.402",
        ],
      ]),
    );
    const checked = await act(job!.id, "validate");
    expect(checked.status, JSON.stringify(checked.errors)).toBe("validated");
    expect(checked.counts).toMatchObject({ create: 0, update: 2 });
    expect((await act(job!.id, "commit")).status).toBe("committed");
    const after = await sites();
    expect(after).toHaveLength(before.length);
    const a2 = after.find((s) => s.id === a.id)!;
    expect(a2).toMatchObject({
      name: "A-01 地块（已出让）",
      status: "occupied",
      kind: "land",
      landUse: "industrial",
      plotRatioMax: 2.5,
      owner: "丽水经开区管委会",
      version: a.version + 1,
    });
    expect(a2.bbox[2]).toBeCloseTo(119.9521, 6);
    const b2 = after.find((s) => s.code === "B-02")!;
    expect(b2.rentFenM2Month).toBe(2000);
    expect(b2.owner).toBe("丽水经开区建设发展有限公司");
  });

  it("needs site.manage, and finds parks only in the user's scope", async () => {
    // An officer reads sites but does not manage them.
    const reader = await t.login("officer");
    const { res } = await upload(await sheet([]), {}, reader);
    expect(res.statusCode).toBe(403);
    // A team lead manages sites, but no park is in a team's scope.
    const officer = await t.login("teamlead");
    const file = {
      name: "空间资源.xlsx",
      type: XLSX,
      data: await sheet([
        [
          "飞地地块",
          "Z-01",
          "地块",
          "基金产业园",
          null,
          null,
          null,
          10,
          null,
          null,
          null,
          null,
          null,
          null,
          square(121.6, 31.2),
        ],
      ]),
    };
    const up = await imports.upload("site", file, officer);
    expect(up.statusCode, up.body).toBe(201);
    const id = json<Job>(up).id;
    const job = await imports.step(id, "validate", officer);
    expect(job.status).toBe("invalid");
    expect(job.errors[0]!.message).toContain("未找到园区“基金产业园”");
    // Someone else's import is not found.
    expect((await get(`/api/sites/import-warnings/${id}`)).statusCode).toBe(200);
    expect((await get(`/api/sites/import-warnings/${id}`, reader)).statusCode).toBe(404);
  });
});
