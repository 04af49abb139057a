import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jiangsuPreset, zhejiangPreset } from "../../../common/evaluation.presets.js";
import type { IndicatorResult, SchemeBody, SchemeRow } from "../../../common/evaluation.schema.js";
import { evaluate, yearAverages } from "../../../common/evaluation.score.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { firms, inputOf, type Page, type Result, raw } from "./evaluation.fixtures.js";

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

    // Two firms on a chain's link: the chain's row counts them, by their classes.
    const chain = json<{ id: string }>(
      await send("POST", "/api/chains", {
        regionId,
        name: "评价测试链",
        links: [{ key: "a", name: "晶圆制造", segment: "midstream", parents: [] }],
      }),
    );
    const links = json<{ links: { id: string }[] }>(await get(`/api/chains/${chain.id}/map`)).links;
    for (const name of ["甲", "戊"]) {
      const added = await send("POST", `/api/chain-links/${links[0]!.id}/firms`, {
        enterpriseId: ids.get(name)!,
      });
      expect(added.statusCode, added.body).toBe(201);
    }
    const d = json<{
      all: { total: number; counts: Record<string, number> };
      industries: { key: string }[];
      chains: { key: string; total: number; counts: Record<string, number> }[];
    }>(await get(`/api/evaluation-runs/${run.id}/distributions`));
    expect(d.all.total).toBe(11);
    expect(d.industries.map((x) => x.key)).toContain("C39");
    expect(d.chains).toHaveLength(1);
    expect(d.chains[0]).toMatchObject({ key: "评价测试链", total: 2 });
    expect(Object.values(d.chains[0]!.counts).reduce((a, b) => a + b, 0)).toBe(2);
    // 亩均税收 as a KPI indicator: the region's figure from each firm's latest run, as the run shows it.
    const goal = await send("POST", "/api/kpi/goals", {
      regionId,
      indicatorKey: "evaluation.tax_per_mu",
      unitKind: "region",
      unitId: regionId,
      year: 2025,
      target: 30,
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const g = json<{ actual: number | null }>(goal);
    expect(g.actual).not.toBeNull();
    expect(g.actual!).toBeCloseTo(
      json<{ all: { taxPerMu: number } }>(await get(`/api/evaluation-runs/${run.id}/distributions`)).all
        .taxPerMu,
      6,
    );
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
