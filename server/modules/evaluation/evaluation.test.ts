import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jiangsuPreset, zhejiangPreset } from "../../../common/evaluation.presets.js";
import type { IndicatorResult, SchemeBody, SchemeRow } from "../../../common/evaluation.schema.js";
import { evaluate, type FirmInput, type RawFigures, yearAverages } from "../../../common/evaluation.score.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

const WAN = 1_000_000;
interface Page<T> {
  items: T[];
  total: number;
}
interface Result {
  enterpriseId: string;
  enterpriseName: string;
  class: string;
  computedClass: string;
  total: number;
  position: number | null;
  population: number | null;
  tReason: string | null;
  forcedReason: string | null;
  unit: string;
  members: number;
  version: number;
}
type Fig = Partial<RawFigures> & { sizeClass: "above" | "below"; landCertNo?: string };
interface Firm {
  key: string;
  industryCode: string;
  foundedOn: string;
  now: Fig;
  prev?: Fig;
  events?: string[];
}

// A population touching every rule: shared parcel, missing emission, zero land, zero energy,
// a negative value added, a utility, a young firm, 规下 under and over 3 亩, ties, incidents.
const firms: Firm[] = [
  {
    key: "甲",
    industryCode: "C3985",
    foundedOn: "2010-05-01",
    now: {
      sizeClass: "above",
      landM2: 20_000,
      taxFen: 723 * WAN,
      valueAddedFen: 4084.8 * WAN,
      energyTce: 1516,
      emissionsT: 0.8,
      employeesAvg: 200,
      rdFen: 150 * WAN,
      revenueFen: 5000 * WAN,
      electricityKwh: 3_000_000,
    },
    prev: { sizeClass: "above", landM2: 20_000, taxFen: 300 * WAN, revenueFen: 6000 * WAN, energyTce: 1000 },
  },
  {
    key: "乙",
    industryCode: "C3985",
    foundedOn: "2012-01-01",
    now: {
      sizeClass: "above",
      landM2: 20_000,
      taxFen: 361 * WAN,
      valueAddedFen: 2042 * WAN,
      energyTce: 1516,
      employeesAvg: 100,
      rdFen: 0,
      revenueFen: 5000 * WAN,
      electricityKwh: 1_000_000,
    },
    prev: { sizeClass: "above", landM2: 20_000, taxFen: 500 * WAN, revenueFen: 9000 * WAN, energyTce: 1000 },
  },
  {
    key: "丙",
    industryCode: "C39",
    foundedOn: "2015-01-01",
    now: {
      sizeClass: "above",
      landM2: 10_000,
      taxFen: 200 * WAN,
      valueAddedFen: 900 * WAN,
      energyTce: 500,
      emissionsT: 0.3,
      employeesAvg: 80,
      rdFen: 40 * WAN,
      revenueFen: 3000 * WAN,
      electricityKwh: 800_000,
      landCertNo: "丽国用(2020)第0088号",
    },
  },
  {
    key: "丁",
    industryCode: "C39",
    foundedOn: "2016-01-01",
    now: {
      sizeClass: "below",
      landM2: 3000,
      taxFen: 30 * WAN,
      revenueFen: 800 * WAN,
      electricityKwh: 900_000,
      landCertNo: "丽国用(2020)第0088号",
    },
  },
  {
    key: "戊",
    industryCode: "C34",
    foundedOn: "2018-01-01",
    now: {
      sizeClass: "above",
      landM2: 0,
      taxFen: 100 * WAN,
      valueAddedFen: 500 * WAN,
      energyTce: 0,
      employeesAvg: 50,
      rdFen: 10 * WAN,
      revenueFen: 2000 * WAN,
      electricityKwh: 0,
    },
  },
  {
    key: "己",
    industryCode: "C34",
    foundedOn: "2018-01-01",
    now: {
      sizeClass: "above",
      landM2: 6000,
      taxFen: 0,
      valueAddedFen: -50 * WAN,
      energyTce: 300,
      emissionsT: 1,
      employeesAvg: 40,
      rdFen: 5 * WAN,
      revenueFen: 900 * WAN,
      electricityKwh: 500_000,
    },
  },
  {
    key: "庚",
    industryCode: "D4411",
    foundedOn: "2005-01-01",
    now: {
      sizeClass: "above",
      landM2: 30_000,
      taxFen: 900 * WAN,
      valueAddedFen: 5000 * WAN,
      energyTce: 9000,
      emissionsT: 5,
      employeesAvg: 300,
      rdFen: 0,
      revenueFen: 20_000 * WAN,
      electricityKwh: 9_000_000,
    },
  },
  {
    key: "辛",
    industryCode: "C39",
    foundedOn: "2024-06-01",
    now: {
      sizeClass: "above",
      landM2: 8000,
      taxFen: 120 * WAN,
      valueAddedFen: 600 * WAN,
      energyTce: 200,
      emissionsT: 0.2,
      employeesAvg: 60,
      rdFen: 20 * WAN,
      revenueFen: 1500 * WAN,
      electricityKwh: 400_000,
    },
  },
  {
    key: "壬",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: { sizeClass: "below", landM2: 1000, taxFen: 10 * WAN, electricityKwh: 100_000 },
  },
  {
    key: "癸",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: {
      sizeClass: "below",
      landM2: 5000,
      taxFen: 40 * WAN,
      revenueFen: 700 * WAN,
      energyTce: 80,
      electricityKwh: 1_200_000,
    },
    prev: { sizeClass: "below", landM2: 5000, taxFen: 20 * WAN, revenueFen: 500 * WAN, energyTce: 100 },
  },
  {
    key: "子",
    industryCode: "C39",
    foundedOn: "2014-01-01",
    now: {
      sizeClass: "below",
      landM2: 5000,
      taxFen: 40 * WAN,
      revenueFen: 700 * WAN,
      energyTce: 80,
      electricityKwh: 1_200_000,
    },
    events: ["major_safety_incident"],
  },
  {
    key: "丑",
    industryCode: "C39",
    foundedOn: "2013-01-01",
    now: {
      sizeClass: "above",
      landM2: 12_000,
      taxFen: 260 * WAN,
      valueAddedFen: 1500 * WAN,
      energyTce: 600,
      emissionsT: 0.5,
      employeesAvg: 90,
      rdFen: 60 * WAN,
      revenueFen: 4000 * WAN,
      electricityKwh: 900_000,
    },
    events: ["patent", "env_penalty"],
  },
];

const raw = (f: Fig): RawFigures => ({
  taxFen: f.taxFen ?? null,
  valueAddedFen: f.valueAddedFen ?? null,
  revenueFen: f.revenueFen ?? null,
  rdFen: f.rdFen ?? null,
  landM2: f.landM2 ?? null,
  energyTce: f.energyTce ?? null,
  electricityKwh: f.electricityKwh ?? null,
  emissionsT: f.emissionsT ?? null,
  employeesAvg: f.employeesAvg ?? null,
});
const inputOf = (f: Firm, id: string): FirmInput => ({
  id,
  sizeClass: f.now.sizeClass,
  parcel: f.now.landCertNo ?? null,
  figures: raw(f.now),
  facts: {
    sizeClass: f.now.sizeClass,
    landMu: f.now.landM2 == null ? null : (f.now.landM2 * 3) / 2000,
    floorRentedM2: null,
    revenue: f.now.revenueFen == null ? null : f.now.revenueFen / WAN,
    tax: f.now.taxFen == null ? null : f.now.taxFen / WAN,
    yearsFounded: 2025 - Number(f.foundedOn.slice(0, 4)),
    industryCode: f.industryCode,
    status: "operating",
    labels: [],
    events: f.events ?? [],
  },
});

describe.each(backends)("亩均效益评价 on %s", (backend) => {
  let t: TestApp;
  let admin = "";
  let leader = "";
  let regionId = "";
  const ids = new Map<string, string>();
  const get = (url: string, who = admin) => t.app.inject({ url, headers: { cookie: who } });
  const send = (method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: object, who = admin) =>
    t.app.inject({ method, url, payload, headers: { cookie: who } });

  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
    leader = await t.login("leader");
    regionId = json<Page<{ id: string; level: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
    ).items.find((r) => r.level === "platform")!.id;
    for (const f of firms) {
      const res = await send("POST", "/api/enterprises", {
        name: `丽水${f.key}科技有限公司`,
        regionId,
        industryCode: f.industryCode,
        foundedOn: f.foundedOn,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = json<{ id: string }>(res).id;
      ids.set(f.key, id);
      for (const [year, fig] of [
        [2025, f.now],
        [2024, f.prev],
      ] as const) {
        if (!fig) continue;
        const y = await send("PUT", `/api/enterprises/${id}/years/${year}`, fig);
        expect(y.statusCode, y.body).toBe(200);
      }
      for (const kind of f.events ?? []) {
        const e = await send("POST", "/api/evaluation-events", { enterpriseId: id, year: 2025, kind });
        expect(e.statusCode, e.body).toBe(201);
      }
    }
  });
  afterAll(() => t.close());

  const copy = async (preset: "zhejiang" | "jiangsu") => {
    const res = await send("POST", "/api/evaluation-schemes/copy", {
      preset,
      regionId,
      name: `${preset} 2025`,
      year: 2025,
    });
    expect(res.statusCode, res.body).toBe(201);
    return json<SchemeRow>(res);
  };
  const results = async (runId: string) =>
    json<Page<Result>>(await get(`/api/evaluation-runs/${runId}/results?pageSize=500`)).items;

  /** The SQL run agrees with the TypeScript definition on every firm. */
  const expectAgrees = (body: SchemeBody, rows: Result[]) => {
    const inputs = firms.map((f) => inputOf(f, ids.get(f.key)!));
    const prev = yearAverages(
      firms.filter((f) => f.prev).map((f) => ({ sizeClass: f.prev!.sizeClass, figures: raw(f.prev!) })),
    );
    const want = evaluate(body, inputs, prev);
    expect(rows.length).toBe(want.length);
    const got = new Map(rows.map((r) => [r.enterpriseId, r]));
    for (const w of want) {
      const g = got.get(w.enterpriseId)!;
      expect(g, w.enterpriseId).toBeDefined();
      expect({
        cls: g.class,
        computed: g.computedClass,
        pos: g.position,
        n: g.population,
        t: g.tReason,
      }).toEqual({
        cls: w.class,
        computed: w.computedClass,
        pos: w.position,
        n: w.population,
        t: w.tReason,
      });
      expect(g.total).toBeCloseTo(w.total, 9);
    }
  };

  it("ships the two presets and refuses weights that do not sum to 100, writing nothing", async () => {
    const p = json<{ items: { key: string }[] }>(await get("/api/evaluation-presets"));
    expect(p.items.map((x) => x.key)).toEqual(["zhejiang", "jiangsu"]);
    const s = await copy("zhejiang");
    const bad = await send("PATCH", `/api/evaluation-schemes/${s.id}`, {
      version: s.version,
      body: { ...s.body, below: [{ ...s.body.below[0]!, weight: 40 }, s.body.below[1]] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("权重合计应为 100");
    expect(json<SchemeRow>(await get(`/api/evaluation-schemes/${s.id}`)).version).toBe(1);
    const stale = await send("PATCH", `/api/evaluation-schemes/${s.id}`, { version: 7, name: "改名" });
    expect(stale.statusCode).toBe(409);
    expect(
      (
        await send(
          "POST",
          "/api/evaluation-schemes/copy",
          { preset: "jiangsu", regionId, name: "越权", year: 2025 },
          leader,
        )
      ).statusCode,
    ).toBe(403);
  });

  it("lists missing figures and runs only when told to (Zhejiang)", async () => {
    const s = await copy("zhejiang");
    const pre = json<{ missing: number; items: { name: string; missing: string[] }[] }>(
      await get(`/api/evaluation-schemes/${s.id}/preflight`),
    );
    // 乙 has no emission figure (its group average applies but it is still listed), 丁 and 癸/子 lack none
    expect(pre.items.find((i) => i.name === "丽水乙科技有限公司")!.missing).toContain(
      "主要污染物排放量（吨）",
    );
    const refused = await send("POST", "/api/evaluation-runs", { schemeId: s.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("缺少评价数据");
    expect(
      (await send("POST", "/api/evaluation-runs", { schemeId: s.id, force: true }, leader)).statusCode,
    ).toBe(403);
    const run = await send("POST", "/api/evaluation-runs", { schemeId: s.id, force: true });
    expect(run.statusCode, run.body).toBe(201);
    const r = json<{ id: string; digest: string; counts: Record<string, number> }>(run);
    const rows = await results(r.id);
    expectAgrees(zhejiangPreset, rows);
    // 壬 (规下 on 1.5 亩) is out of scope; 丙 and 丁 share a parcel
    expect(rows.some((x) => x.enterpriseName === "丽水壬科技有限公司")).toBe(false);
    const shared = rows.filter((x) => x.members === 2);
    expect(shared.map((x) => x.enterpriseName).sort()).toEqual(["丽水丁科技有限公司", "丽水丙科技有限公司"]);
    expect(rows.find((x) => x.enterpriseName === "丽水子科技有限公司")).toMatchObject({
      class: "D",
      forcedReason: "发生重大安全生产事故",
    });
    // reproducible: the same input gives the same digest
    const again = json<{ digest: string }>(
      await send("POST", "/api/evaluation-runs", { schemeId: s.id, force: true }),
    );
    expect(again.digest).toBe(r.digest);
  });

  it("agrees with the TypeScript definition on the Jiangsu preset, with class T and derived benchmarks", async () => {
    const s = await copy("jiangsu");
    const run = json<{ id: string }>(
      await send("POST", "/api/evaluation-runs", { schemeId: s.id, force: true }),
    );
    const rows = await results(run.id);
    expectAgrees(jiangsuPreset, rows);
    expect(rows.find((x) => x.enterpriseName === "丽水庚科技有限公司")).toMatchObject({
      class: "T",
      tReason: "水、电、气供应企业",
    });
    expect(rows.find((x) => x.enterpriseName === "丽水辛科技有限公司")).toMatchObject({
      class: "T",
      tReason: "投产不满两年",
    });
    const t = json<Page<Result>>(await get(`/api/evaluation-runs/${run.id}/results?class=T`));
    expect(t.total).toBe(2);
  });

  it("explains a firm's card, takes overrides with a reason, and shows distributions and exports", async () => {
    const s = await copy("zhejiang");
    const run = json<{ id: string }>(
      await send("POST", "/api/evaluation-runs", { schemeId: s.id, force: true }),
    );
    const noLand = ids.get("戊")!;
    const card = json<{
      result: Result;
      explanation: { indicators: (IndicatorResult & { text: string })[]; steps: string[] };
    }>(await get(`/api/evaluation-runs/${run.id}/results/${noLand}`));
    expect(card.explanation.indicators[0]).toMatchObject({
      key: "taxPerMu",
      note: "zero_denominator",
      score: 0,
      value: null,
    });
    expect(card.explanation.indicators[0]!.text).toContain("分母为零");
    expect(JSON.stringify(card)).not.toMatch(/NaN|Infinity/);
    const neg = json<{ explanation: { indicators: IndicatorResult[] } }>(
      await get(`/api/evaluation-runs/${run.id}/results/${ids.get("己")!}`),
    );
    expect(neg.explanation.indicators[1]).toMatchObject({
      key: "valueAddedPerMu",
      note: "negative",
      score: 0,
    });
    expect(card.explanation.steps.join("")).toContain("排第");

    const noReason = await send("POST", `/api/evaluation-runs/${run.id}/results/${noLand}/override`, {
      class: "D",
      reason: "",
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    const ok = await send("POST", `/api/evaluation-runs/${run.id}/results/${noLand}/override`, {
      class: "D",
      reason: "经核查存在违法用地，人工调整为 D 类",
      version: card.result.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<Result>(ok)).toMatchObject({ class: "D", version: card.result.version + 1 });
    const staleOverride = await send("POST", `/api/evaluation-runs/${run.id}/results/${noLand}/override`, {
      class: "C",
      reason: "重复提交的调整",
      version: card.result.version,
    });
    expect(staleOverride.statusCode).toBe(409);
    const after = json<{ explanation: { steps: string[] } }>(
      await get(`/api/evaluation-runs/${run.id}/results/${noLand}`),
    );
    expect(after.explanation.steps.at(-1)).toContain("违法用地");

    const d = json<{ all: { total: number; counts: Record<string, number> }; industries: { key: string }[] }>(
      await get(`/api/evaluation-runs/${run.id}/distributions`),
    );
    expect(d.all.total).toBe(11);
    expect(d.industries.map((x) => x.key)).toContain("C39");
    const xlsx = await get(`/api/evaluation-runs/${run.id}/results/export?class=D`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    const panel = json<{ items: { class: string }[]; events: unknown[] }>(
      await get(`/api/enterprises/${noLand}/evaluations`),
    );
    expect(panel.items.length).toBeGreaterThan(0);
    // 等级变动 against last year's run of the region
    const none = json<{ previous: null }>(await get(`/api/evaluation-runs/${run.id}/movement`));
    expect(none.previous).toBeNull();
    const s24 = json<SchemeRow>(
      await send("POST", "/api/evaluation-schemes/copy", {
        preset: "jiangsu",
        regionId,
        name: "2024 年度",
        year: 2024,
      }),
    );
    expect((await send("POST", "/api/evaluation-runs", { schemeId: s24.id, force: true })).statusCode).toBe(
      201,
    );
    const moved = json<{ previous: { year: number }; items: { from: string; to: string; count: number }[] }>(
      await get(`/api/evaluation-runs/${run.id}/movement`),
    );
    expect(moved.previous.year).toBe(2024);
    expect(moved.items.reduce((n, x) => n + x.count, 0)).toBeGreaterThan(0);
    const audit = json<Page<{ action: string }>>(await get("/api/audit?pageSize=100"));
    expect(audit.items.some((a) => a.action === "evaluation_run")).toBe(true);
  });

  it("moves a merged firm's events and results to the firm it went into", async () => {
    const intoId = ids.get(firms[0]!.key)!;
    const dup = await send("POST", "/api/enterprises", { name: "丽水合并测试科技有限公司", regionId });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = json<{ id: string }>(dup).id;
    const e = await send("POST", "/api/evaluation-events", {
      enterpriseId: dupId,
      year: 2025,
      kind: "env_penalty",
      note: "合并前登记",
    });
    expect(e.statusCode, e.body).toBe(201);
    const into = json<{ version: number }>(await get(`/api/enterprises/${intoId}`));
    const merged = await send("POST", `/api/enterprises/${intoId}/merge`, {
      sourceId: dupId,
      version: into.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const moved = (await t.database.db.execute(
      sql`select enterprise_id from evaluation_event where note = '合并前登记'`,
    )) as unknown as { rows: { enterprise_id: string }[] };
    expect(moved.rows.map((r) => r.enterprise_id)).toEqual([intoId]);
  });
});

describe.each(backends)("the demo's evaluation on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { demo: "full" });
  });
  afterAll(() => t.close());

  it("runs the Jiangsu preset over 广陵区's demo firms", async () => {
    const cookie = await t.login("admin");
    const runs = json<{ items: { id: string; counts: Record<string, number> }[] }>(
      await t.app.inject({ url: "/api/evaluation-runs", headers: { cookie } }),
    ).items;
    expect(runs.length).toBe(1);
    expect(Object.values(runs[0]!.counts).reduce((s, n) => s + n, 0)).toBe(6);
    // The D list points at the firms' land: 万方电子's low-efficiency site.
    const d = json<Page<Result & { sites: { name: string }[] }>>(
      await t.app.inject({ url: `/api/evaluation-runs/${runs[0]!.id}/results?class=D`, headers: { cookie } }),
    ).items;
    expect(d.find((r) => r.enterpriseName === "万方电子")?.sites.map((x) => x.name)).toEqual([
      "万方电子厂区（低效用地）",
    ]);
    // Yangzhou's leader sees it; Lishui's specialist does not reach 广陵区's results
    const yz = await t.login("yzleader");
    expect(
      json<{ items: unknown[] }>(await t.app.inject({ url: "/api/evaluation-runs", headers: { cookie: yz } }))
        .items.length,
    ).toBe(1);
    const ls = await t.login("specialist");
    expect(
      (await t.app.inject({ url: `/api/evaluation-runs/${runs[0]!.id}`, headers: { cookie: ls } }))
        .statusCode,
    ).toBe(404);
  });
});
