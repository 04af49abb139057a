import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEntry } from "../../common/audit.schema.js";
import type { Enterprise, EnterpriseLabelRow, EnterpriseYear } from "../../common/enterprise.schema.js";
import { usccProblem } from "../../common/uscc.js";
import { systemCtx } from "../bootstrap.js";
import { enterprise } from "../modules/enterprises/enterprises.table.js";
import { userScopes } from "../modules/users/users.table.js";
import {
  backends,
  DEMO_PASSWORD,
  freshDatabase,
  json,
  TEST_SECRET,
  type TestApp,
  testApp,
} from "../test/setup.js";
import { demoData, withoutEnterprises } from "./demo.data.js";
import { demoEnterprises } from "./demo.enterprises.js";
import { loadDemo } from "./demo.load.js";

interface Page<T> {
  items: T[];
  total: number;
}

describe("demo enterprise data", () => {
  it("has unique keys and names, synthetic well-formed USCCs and the article cited", () => {
    expect(new Set(demoEnterprises.map((e) => e.key)).size).toBe(demoEnterprises.length);
    expect(new Set(demoEnterprises.map((e) => e.name)).size).toBe(demoEnterprises.length);
    const codes = demoEnterprises.flatMap((e) => (e.uscc ? [e.uscc] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(usccProblem(code), code).toBeNull();
    for (const e of demoEnterprises) expect(["000", "001", "002", "003", "004"], e.key).toContain(e.source);
    expect(demoData.enterprises).toBe(demoEnterprises);
  });

  it("loads without its firms for tests that need an empty registry", async () => {
    const database = await freshDatabase("pglite");
    try {
      await loadDemo(systemCtx(database, TEST_SECRET), withoutEnterprises(demoData), DEMO_PASSWORD);
      expect(await database.db.select().from(enterprise)).toEqual([]);
      const scopes = await database.db.select().from(userScopes);
      expect(scopes.filter((s) => s.kind === "enterprise").map((s) => s.refId)).toEqual([null]);
    } finally {
      await database.close();
    }
  });
});

describe.each(backends)("demo enterprises on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  const get = (url: string, cookie = admin) => t.app.inject({ url, headers: { cookie } });
  const list = async (query: string, cookie = admin) =>
    json<Page<Enterprise>>(await get(`/api/enterprises?pageSize=500&${query}`, cookie));
  const byName = async (name: string) =>
    (await list(`q=${encodeURIComponent(name)}`)).items.find((e) => e.name === name)!;

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full" });
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  it("loads the named firms, registered and not, through the audited service", async () => {
    const all = await list("");
    expect(all.items.map((e) => e.name).sort()).toEqual(demoEnterprises.map((e) => e.name).sort());
    const unregistered = (await list("registered=no")).items.map((e) => e.name).sort();
    expect(unregistered).toEqual(
      demoEnterprises
        .filter((e) => !e.uscc)
        .map((e) => e.name)
        .sort(),
    );

    const jingrui = await byName("浙江晶睿电子科技有限公司");
    expect(jingrui).toMatchObject({
      parkName: "丽水经济技术开发区",
      industryCode: "C3985",
      industryName: "电子专用材料制造",
      specialistName: "叶雨婷",
    });
    expect(jingrui.uscc?.slice(2, 8)).toBe("331100");

    const rongqi = await byName("浙江容祺科技有限公司");
    expect(rongqi.labels).toEqual(["hnte"]);
    const labels = json<{ items: EnterpriseLabelRow[] }>(await get(`/api/enterprises/${rongqi.id}/labels`));
    expect(labels.items).toMatchObject([
      { label: "hnte", source: "来源：文章编号 001", validFrom: null, validTo: null },
    ]);

    const wolei = await byName("杭州沃镭智能科技股份有限公司");
    const years = json<{ items: EnterpriseYear[] }>(await get(`/api/enterprises/${wolei.id}/years`)).items;
    expect(years).toMatchObject([{ year: 2019, outputFen: 200_000_000_00, revenueFen: null }]);
    expect(years[0]!.sources.outputFen).toContain("文章编号 002");

    const created = json<Page<AuditEntry>>(
      await get("/api/audit?subjectType=enterprise&action=create&pageSize=500"),
    );
    expect(created.total).toBe(demoEnterprises.length);
    expect(new Set(created.items.map((e) => e.actorName))).toEqual(new Set(["王晓东"]));
    const labelled = demoEnterprises.reduce((n, e) => n + e.labels.length, 0);
    const added = json<Page<AuditEntry>>(await get("/api/audit?subjectType=enterprise&action=label_add"));
    expect(added.total).toBe(labelled);
    expect(json<{ ok: boolean }>(await get("/api/audit/verify")).ok).toBe(true);
  });

  it("loads the article's projects through the lifecycle, gates and working days included", async () => {
    const items = json<Page<{ id: string; name: string; stage: string; stageDates: (string | null)[] }>>(
      await get("/api/projects?sort=name"),
    ).items;
    expect(items.map((p) => `${p.name}|${p.stage}`).sort()).toEqual(
      [
        "晶睿电子晶圆片和外延片制造项目|production",
        "容祺工业级无人机研发中心、展销中心、服务中心及生产基地项目|construction",
        "浙江方正智驱应用技术研究院项目|registered",
        "航迅信息航空智能产业园项目|construction",
        "珏芯微电子光电探测器项目|land",
        "光珀智能3D视觉传感器生产线项目|registered",
        "意芯集成电路封装测试项目|signed",
        "嘉利工业智能化技改扩产项目|lead",
      ].sort(),
    );
    const jr = items.find((p) => p.name.startsWith("晶睿"))!;
    // Construction in October 2020, production seven months later.
    expect(jr.stageDates[6]?.slice(0, 7)).toBe("2020-10");
    expect(jr.stageDates[8]?.slice(0, 7)).toBe("2021-05");
    const nodes = json<{ items: { name: string; status: string }[] }>(
      await get(`/api/projects/${jr.id}/nodes`),
    ).items;
    expect(nodes.find((n) => n.name === "土地出让/摘牌")!.status).toBe("done");
  });

  it("gives this year's goals data: 实际到位外资 2,436 万美元, 101.5% of the task (seed 001)", async () => {
    const goals = json<
      Page<{ unitName: string; target: number; actual: number | null; progress: number | null }>
    >(await get("/api/kpi/goals?year=2026&indicatorKey=projects.foreign_in_place&pageSize=100")).items;
    const etdz = goals.find((g) => g.unitName === "丽水经开区")!;
    expect(etdz.target).toBe(2400);
    expect(etdz.actual).toBeCloseTo(2436, 6);
    expect(etdz.progress).toBeCloseTo(1.015, 6);
  });

  it("measures the 半导体全链条 chain's goal by the projects on its links (seed 001: 5 projects)", async () => {
    const goals = json<Page<{ unitKind: string; unitName: string; target: number; actual: number | null }>>(
      await get("/api/kpi/goals?year=2026&unitKind=chain&pageSize=100"),
    ).items;
    const semi = goals.find((g) => g.unitName === "半导体全链条")!;
    expect(semi.target).toBe(5);
    expect(semi.actual).toBe(3); // 珏芯, 光珀 and 意芯 signed in 2026; 晶睿 in 2020
  });

  it("loads 002's visit to 松下家电 and the bus-line appeal the 建设局 solved", async () => {
    const appeals = json<Page<{ title: string; status: string; departmentName: string; rating: number }>>(
      await get("/api/appeals?status=closed"),
    ).items;
    expect(appeals).toEqual([
      expect.objectContaining({ status: "closed", departmentName: "建设局", rating: 5 }),
    ]);
    expect(appeals[0]!.title).toContain("公交车班次太少");
    const visits = json<Page<{ enterpriseName: string; appealCount: number }>>(
      await get("/api/visits"),
    ).items;
    expect(visits).toEqual([
      expect.objectContaining({ enterpriseName: "松下家电(中国)有限公司", appealCount: 1 }),
    ]);
    expect(json<Page<unknown>>(await get("/api/visit-plans")).total).toBe(3);
    expect(json<Page<unknown>>(await get("/api/policy-clauses")).total).toBe(2);
  });

  it("finds a demo firm by pinyin", async () => {
    const names = async (q: string) => (await list(`q=${q}`)).items.map((e) => e.name);
    expect(await names("rongqi")).toEqual(["浙江容祺科技有限公司"]);
    expect(await names("jingrui")).toEqual(["浙江晶睿电子科技有限公司"]);
  });

  it("shows the demo enterprise user exactly their own firm", async () => {
    const cookie = await t.login("enterprise");
    const mine = await list("", cookie);
    expect(mine.items.map((e) => e.name)).toEqual(["浙江晶睿电子科技有限公司"]);
    expect(mine.total).toBe(1);
    expect((await get(`/api/enterprises/${mine.items[0]!.id}`, cookie)).statusCode).toBe(200);
    const other = await byName("浙江容祺科技有限公司");
    expect((await get(`/api/enterprises/${other.id}`, cookie)).statusCode).toBe(404);
    expect((await list("q=rongqi", cookie)).total).toBe(0);
  });

  it("lets the Lishui specialist see the zone's firms and the Qiantang officer only theirs", async () => {
    const specialist = await list("", await t.login("specialist"));
    const lishuiParks = new Set(
      demoData.parks.filter((p) => p.key === "lishui-etdz" || p.parent === "lishui-etdz").map((p) => p.key),
    );
    const inLishui = demoEnterprises.filter((e) => e.park && lishuiParks.has(e.park)).map((e) => e.name);
    expect(specialist.items.map((e) => e.name).sort()).toEqual(inLishui.sort());
    const officer = await list("", await t.login("qtofficer"));
    expect(officer.items.every((e) => e.regionName && e.parkName)).toBe(true);
    expect(officer.items.map((e) => e.name)).toContain("松下家电(中国)有限公司");
    expect(officer.items.map((e) => e.name)).not.toContain("浙江晶睿电子科技有限公司");
  });
});
