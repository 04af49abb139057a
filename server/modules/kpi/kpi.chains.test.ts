import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoalRow, IndicatorRow, RunRow, SchemeRow } from "../../../common/kpi.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

const YI = 10_000_000_000; // ¥100m in fen
const WAN = 1_000_000; // ¥10,000 in fen
type Page<T> = { items: T[]; total: number };
type ChainMap = { links: { id: string; name: string }[] };

/** Chains as KPI units (链长制): goals and 赛马 per chain, from the projects and firms of its links. */
describe.each(backends)("kpi per chain on %s", (backend) => {
  let t: TestApp;
  let cookie = "";
  let n = 0;
  const ids: Record<string, string> = {};
  const links: Record<string, string[]> = {};
  const send = (method: "POST" | "PUT" | "PATCH", url: string, payload: object) =>
    t.app.inject({ method, url, payload, headers: { cookie } });
  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  async function firm(name: string, outputWan?: number) {
    const res = await send("POST", "/api/enterprises", {
      uscc: syntheticUscc("331100", 700 + n++),
      name: `${name}有限公司`,
      regionId: ids.region,
      parkId: ids.park,
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = json<{ id: string }>(res).id;
    if (outputWan !== undefined) {
      const y = await send("PUT", `/api/enterprises/${id}/years/2026`, { outputFen: outputWan * WAN });
      expect(y.statusCode, y.body).toBe(200);
    }
    return id;
  }

  /** A project signed on a day for an investment, serving the given chain links. */
  async function signed(name: string, on: string, fen: number, linkIds: string[]) {
    const p = await send("POST", "/api/projects", {
      name,
      channel: "chain",
      investorId: await firm(`${name}投资`),
      regionId: ids.region,
      parkId: ids.park,
      teamId: ids.team,
      leadOn: "2026-01-05",
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = json<{ id: string }>(p).id;
    const put = await send("PUT", `/api/projects/${id}/chain-links`, { linkIds });
    expect(put.statusCode, put.body).toBe(200);
    await t.database.db.execute(
      sql`insert into project_contract (project_id, signed_on, investment_fen) values (${id}, ${on}, ${fen})`,
    );
  }

  beforeAll(async () => {
    t = await testApp(backend, { now: () => new Date("2026-07-02T04:00:00Z") });
    cookie = await t.login("admin");
    ids.region = json<Page<{ id: string; level: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
    ).items.find((r) => r.level === "platform")!.id;
    ids.park = json<Page<{ id: string }>>(await get(`/api/parks?q=${encodeURIComponent("张江")}`))
      .items[0]!.id;
    ids.team = json<Page<{ id: string }>>(await get(`/api/teams?q=${encodeURIComponent("驻上海")}`))
      .items[0]!.id;
    const tpl = json<{ items: { key: string }[] }>(await get("/api/chain-templates")).items;
    for (const [key, template] of [
      ["a", tpl[0]!.key],
      ["b", tpl[1]!.key],
    ] as const) {
      const c = await send("POST", "/api/chains/from-template", {
        template,
        regionId: ids.region,
        name: `考核${key}链`,
      });
      expect(c.statusCode, c.body).toBe(201);
      ids[key] = json<{ id: string }>(c).id;
      links[key] = json<ChainMap>(await get(`/api/chains/${ids[key]}/map`)).links.map((l) => l.id);
    }
    // Chain a: two firms (one on two links, counted once), ¥3亿 + ¥2亿 output; chain b: one firm.
    const one = await firm("链上甲", 30_000);
    const two = await firm("链上乙", 20_000);
    const three = await firm("链上丙");
    for (const [linkId, enterpriseId] of [
      [links.a![0]!, one],
      [links.a![1]!, one],
      [links.a![1]!, two],
      [links.b![0]!, three],
    ] as const) {
      const r = await send("POST", `/api/chain-links/${linkId}/firms`, { enterpriseId });
      expect(r.statusCode, r.body).toBe(201);
    }
    // ¥3亿 on two links of a (counted once); ¥0.5亿 on a and b both.
    await signed("十二英寸晶圆代工基地", "2026-03-05", 3 * YI, [links.a![0]!, links.a![1]!]);
    await signed("创新药中试平台", "2026-04-01", YI / 2, [links.a![2]!, links.b![0]!]);
  });
  afterAll(() => t.close());

  it("lists which indicators a chain can be measured by", async () => {
    const items = json<{ items: IndicatorRow[] }>(await get("/api/kpi/indicators")).items;
    const kinds = (key: string) => items.find((i) => i.key === key)!.unitKinds;
    expect(kinds("projects.signed_100m")).toContain("chain");
    expect(kinds("chains.firms")).toEqual(["chain"]);
    expect(kinds("service.visit_coverage")).not.toContain("chain");
    const units = json<{ items: { id: string; name: string }[] }>(
      await get(`/api/kpi/units?kind=chain&regionId=${ids.region}`),
    ).items;
    expect(units.map((u) => u.id)).toEqual(expect.arrayContaining([ids.a, ids.b]));
  });

  it("sets a chain's goal and reads its progress; an indicator a chain lacks is refused", async () => {
    const goal = (indicatorKey: string, target: number) =>
      send("POST", "/api/kpi/goals", {
        regionId: ids.region,
        indicatorKey,
        unitKind: "chain",
        unitId: ids.a,
        year: 2026,
        target,
      });
    const g = await goal("projects.signed_100m", 4);
    expect(g.statusCode, g.body).toBe(201);
    const row = json<GoalRow>(g);
    expect(row).toMatchObject({ unitName: "考核a链", actual: 1 });
    expect(row.progress).toBeCloseTo(0.25, 9);
    const invest = json<GoalRow>(await goal("projects.signed_investment", 50_000));
    expect(invest.actual).toBeCloseTo(35_000, 6); // 万元: each project once, whatever its links
    const output = json<GoalRow>(await goal("chains.output", 100_000));
    expect(output.actual).toBeCloseTo(50_000, 6);
    const refused = await goal("service.visit_coverage", 80);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain("产业链");
  });

  it("races the chains of a region (赛马) on signings and firms", async () => {
    const res = await send("POST", "/api/kpi/schemes", {
      regionId: ids.region,
      name: "产业链年度赛马",
      unitKind: "chain",
      unitIds: [ids.a, ids.b],
      periodKind: "year",
      items: [
        { indicatorKey: "projects.signed", weight: 50, rule: { kind: "rank" } },
        { indicatorKey: "chains.firms", weight: 50, rule: { kind: "rank" } },
      ],
      adjustments: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = await send("POST", `/api/kpi/schemes/${json<SchemeRow>(res).id}/runs`, { periodKey: "2026" });
    expect(run.statusCode, run.body).toBe(201);
    const by = Object.fromEntries(json<RunRow>(run).units.map((u) => [u.unitId, u]));
    expect(by[ids.a!]!.scores["projects.signed"]!.value).toBe(2);
    expect(by[ids.b!]!.scores["projects.signed"]!.value).toBe(1);
    expect(by[ids.a!]!.scores["chains.firms"]!.value).toBe(2);
    expect(by[ids.b!]!.scores["chains.firms"]!.value).toBe(1);
    expect(by[ids.a!]!.rank).toBe(1);
    expect(by[ids.b!]!.rank).toBe(2);
    expect(by[ids.a!]!.unitName).toBe("考核a链");
  });

  it("every indicator a chain can be measured by runs for a set of chains", async () => {
    const keys = json<{ items: IndicatorRow[] }>(await get("/api/kpi/indicators"))
      .items.filter((i) => i.source === "computed" && i.unitKinds.includes("chain"))
      .map((i) => i.key);
    expect(keys.length).toBeGreaterThanOrEqual(12);
    const res = await send("POST", "/api/kpi/schemes", {
      regionId: ids.region,
      name: "产业链全指标赛马",
      unitKind: "chain",
      unitIds: [ids.a, ids.b],
      periodKind: "quarter",
      items: keys.map((k, i) => ({
        indicatorKey: k,
        weight:
          i === 0 ? 100 - Math.floor(100 / keys.length) * (keys.length - 1) : Math.floor(100 / keys.length),
        rule: { kind: "efficacy" },
      })),
      adjustments: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = await send("POST", `/api/kpi/schemes/${json<SchemeRow>(res).id}/runs`, {
      periodKey: "2026-Q1",
    });
    expect(run.statusCode, run.body).toBe(201);
    const a = json<RunRow>(run).units.find((u) => u.unitId === ids.a)!;
    expect(a.scores["projects.signed_1bn"]!.value).toBeNull(); // no data, not zero
    expect(a.scores["projects.signed_100m"]!.value).toBe(1); // 乙 signed in April
    expect(a.scores["chains.output"]!.value).toBeCloseTo(50_000, 6);
  });
});
