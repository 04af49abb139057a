import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GoalRow, IndicatorRow, RunRow, SchemeRow } from "../../../common/kpi.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { multipart } from "../../test/multipart.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

const png = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);
const YI = 10_000_000_000; // ¥100m in fen
type Page<T> = { items: T[]; total: number };
type Err = { error: { code: string; message: string } };

describe.each(backends)("kpi on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (method: "POST" | "PATCH" | "PUT" | "DELETE", url: string, payload?: unknown, who = "admin") =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url)).items[0]!.id;
  const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

  /** A project signed on a day for an investment, in a park, credited as given. */
  async function signed(name: string, on: string, fen: number, park: string, shares: [string, number][]) {
    const firm = await send("POST", "/api/enterprises", {
      uscc: syntheticUscc("331100", 100 + Object.keys(ids).length),
      name: `${name}有限公司`,
      regionId: ids.region,
      parkId: ids[park],
    });
    expect(firm.statusCode, firm.body).toBe(201);
    const p = await send("POST", "/api/projects", {
      name,
      channel: "enclave",
      investorId: json<{ id: string }>(firm).id,
      regionId: ids.region,
      parkId: ids[park],
      teamId: ids[shares[0]![0]],
      leadOn: "2026-01-05",
    });
    expect(p.statusCode, p.body).toBe(201);
    const proj = json<{ id: string; version: number }>(p);
    if (shares.length > 1) {
      const c = await send("PUT", `/api/projects/${proj.id}/credits`, {
        shares: shares.map(([team, percent]) => ({ teamId: ids[team], percent })),
        version: proj.version,
      });
      expect(c.statusCode, c.body).toBe(200);
    }
    await exec(
      sql`insert into project_contract (project_id, signed_on, investment_fen) values (${proj.id}, ${on}, ${fen})`,
    );
    ids[name] = proj.id;
    return proj.id;
  }

  beforeAll(async () => {
    t = await testApp(backend, { now: () => new Date("2026-07-02T04:00:00Z") });
    for (const u of ["admin", "leader", "officer", "officer2", "teamlead", "handler", "yzleader"])
      cookies[u] = await t.login(u);
    const rr = await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`);
    expect(rr.statusCode, rr.body).toBe(200);
    const regions = json<Page<{ id: string; level: string }>>(rr);
    ids.region = regions.items.find((r) => r.level === "platform")!.id;
    ids.zj = await firstId(`/api/parks?q=${encodeURIComponent("张江")}`);
    ids.nb = await firstId(`/api/parks?q=${encodeURIComponent("宁波杭州湾")}`);
    ids.hz = await firstId(`/api/parks?q=${encodeURIComponent("丽水经开区杭州飞地")}`);
    ids.sh = await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    ids.bj = await firstId(`/api/teams?q=${encodeURIComponent("驻北京")}`);
    ids.hzt = await firstId(`/api/teams?q=${encodeURIComponent("驻杭州")}`);
    // March: 上海 gets 60 % of A and all of B; 北京 40 % of A; C is below ¥100m.
    await signed("甲项目", "2026-03-05", 3 * YI, "zj", [
      ["sh", 60],
      ["bj", 40],
    ]);
    await signed("乙项目", "2026-03-20", 12 * YI, "zj", [["sh", 100]]);
    await signed("丙项目", "2026-03-25", YI / 2, "nb", [["bj", 100]]);
    // February: 北京 signs one whole, so it led last period.
    await signed("丁项目", "2026-02-10", 2 * YI, "nb", [["bj", 100]]);
    await exec(sql`insert into project_fund (project_id, month, domestic_fen, foreign_cents)
      values (${ids.甲项目}, '2026-03-01', 0, 2436000000), (${ids.丁项目}, '2026-02-01', 500000000000, 0)`);
  });
  afterAll(() => t.close());

  const scheme = (body: object, who = "admin") =>
    send(
      "POST",
      "/api/kpi/schemes",
      {
        regionId: ids.region,
        name: "驻外招商组月度赛马",
        unitKind: "team",
        unitIds: [ids.sh, ids.bj, ids.hzt],
        periodKind: "month",
        items: [{ indicatorKey: "projects.signed_100m", weight: 100, rule: { kind: "rank" } }],
        adjustments: [{ key: "major", label: "重大项目加分", kind: "bonus", cap: 5 }],
        ...body,
      },
      who,
    );

  it("lists the providers' indicators to readers, not to departments", async () => {
    const res = await get("/api/kpi/indicators", "leader");
    expect(res.statusCode).toBe(200);
    const keys = json<{ items: IndicatorRow[] }>(res).items.map((i) => i.key);
    for (const k of [
      "projects.signed_100m",
      "projects.foreign_in_place",
      "service.appeals_on_time",
      "service.visit_coverage",
      "activities.trips",
      "enterprises.new_hnte",
      "problems.closed_on_time",
    ]) {
      expect(keys).toContain(k);
    }
    expect((await get("/api/kpi/indicators", "handler")).statusCode).toBe(403);
  });

  it("refuses weights that do not sum to 100 and writes nothing", async () => {
    const res = await scheme({
      items: [
        { indicatorKey: "projects.signed_100m", weight: 60, rule: { kind: "rank" } },
        { indicatorKey: "projects.signed_1bn", weight: 30, rule: { kind: "efficacy" } },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(json<Err>(res).error.message).toContain("各指标权重之和须为 100，当前为 90");
    expect(json<Page<SchemeRow>>(await get("/api/kpi/schemes")).total).toBe(0);
    const wrongKind = await scheme({
      items: [{ indicatorKey: "service.visits", weight: 100, rule: { kind: "rank" } }],
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(json<Err>(wrongKind).error.message).toContain("不能按招商队伍计算");
    expect((await scheme({}, "leader")).statusCode).toBe(403);
  });

  it("ranks teams by credit share, ties share a rank, shows the change since last period", async () => {
    const res = await scheme({});
    expect(res.statusCode, res.body).toBe(201);
    const s = json<SchemeRow>(res);
    ids.scheme = s.id;
    const feb = await send("POST", `/api/kpi/schemes/${s.id}/runs`, { periodKey: "2026-02" });
    expect(feb.statusCode, feb.body).toBe(201);
    const f = json<RunRow>(feb);
    const fr = Object.fromEntries(f.units.map((u) => [u.unitId, u.rank]));
    expect([fr[ids.bj!], fr[ids.sh!], fr[ids.hzt!]]).toEqual([1, 2, 2]); // 上海 and 杭州 tie on nothing
    const mar = json<RunRow>(await send("POST", `/api/kpi/schemes/${s.id}/runs`, { periodKey: "2026-03" }));
    const by = Object.fromEntries(mar.units.map((u) => [u.unitId, u]));
    // 上海: 0.6 of 甲 + all of 乙 = 1.6; 北京: 0.4 of 甲 (丙 is below ¥100m); 杭州: no data.
    expect(by[ids.sh!]!.scores["projects.signed_100m"]!.value).toBeCloseTo(1.6, 9);
    expect(by[ids.bj!]!.scores["projects.signed_100m"]!.value).toBeCloseTo(0.4, 9);
    expect(by[ids.hzt!]!.scores["projects.signed_100m"]!.value).toBeNull();
    expect(by[ids.hzt!]!.scores["projects.signed_100m"]!.note).toBe("no_data");
    expect([by[ids.sh!]!.rank, by[ids.bj!]!.rank, by[ids.hzt!]!.rank]).toEqual([1, 2, 3]);
    expect(by[ids.sh!]!.change).toBe(1); // ▲1 from second in February
    expect(by[ids.bj!]!.change).toBe(-1);
    expect(mar.previousPeriodLabel).toBe("2026年2月");
    // A bonus brings 北京 level with 上海: both first, the next is third.
    const tie = await send("POST", `/api/kpi/schemes/${s.id}/runs`, {
      periodKey: "2026-03",
      adjustments: [{ unitId: ids.bj, key: "major", points: 5 }],
    });
    const tr = json<RunRow>(tie);
    expect(by[ids.sh!]!.total).toBe(100);
    expect(tr.units.find((u) => u.unitId === ids.bj)!.total).toBe(50 + 5);
    const over = await send("POST", `/api/kpi/schemes/${s.id}/runs`, {
      periodKey: "2026-03",
      adjustments: [{ unitId: ids.bj, key: "major", points: 6 }],
    });
    expect(over.statusCode).toBe(400);
    expect(json<Err>(over).error.message).toContain("最多 5 分");
    expect((await send("POST", `/api/kpi/schemes/${s.id}/runs`, { periodKey: "2026-Q1" })).statusCode).toBe(
      400,
    );
    const latest = json<{ run: RunRow; periods: string[] }>(
      await get(`/api/kpi/schemes/${s.id}/ranking`, "leader"),
    );
    expect(latest.run.periodKey).toBe("2026-03");
    expect(latest.periods).toEqual(["2026-03", "2026-02"]);
    const xlsx = await get(`/api/kpi/runs/${latest.run.id}/export`, "leader");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });

  it("ties on equal totals: same rank, next rank skips", async () => {
    const res = await scheme({
      name: "飞地月度赛马",
      unitKind: "enclave",
      unitIds: [ids.zj, ids.nb, ids.hz],
      items: [
        { indicatorKey: "projects.signed_100m", weight: 70, rule: { kind: "ratio", cap: 1 } },
        { indicatorKey: "projects.foreign_in_place", weight: 30, rule: { kind: "efficacy" } },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = json<SchemeRow>(res);
    for (const park of ["zj", "nb", "hz"]) {
      const g = await send("POST", "/api/kpi/goals", {
        regionId: ids.region,
        indicatorKey: "projects.signed_100m",
        unitKind: "enclave",
        unitId: ids[park],
        year: 2026,
        target: 12,
      });
      expect(g.statusCode, g.body).toBe(201);
    }
    const run = json<RunRow>(await send("POST", `/api/kpi/schemes/${s.id}/runs`, { periodKey: "2026-02" }));
    const by = Object.fromEntries(run.units.map((u) => [u.unitId, u]));
    // February goal: 12 × 28/365 ≈ 0.92; 宁波 signed 1 → capped at full marks; the rest nothing.
    expect(by[ids.nb!]!.scores["projects.signed_100m"]!.score).toBe(70);
    expect(by[ids.zj!]!.rank).toBe(2);
    expect(by[ids.hz!]!.rank).toBe(2);
    expect(by[ids.zj!]!.total).toBe(by[ids.hz!]!.total);
  });

  it("every provider's statement runs for a set of enclaves; no data stays null", async () => {
    const keys = json<{ items: IndicatorRow[] }>(await get("/api/kpi/indicators"))
      .items.filter((i) => i.source === "computed" && i.unitKinds.includes("enclave"))
      .map((i) => i.key);
    expect(keys.length).toBeGreaterThanOrEqual(13);
    const res = await scheme({
      name: "飞地全指标赛马",
      unitKind: "enclave",
      unitIds: [ids.zj, ids.nb, ids.hz],
      // Equal weights however many providers there are, the first taking what rounding leaves.
      items: keys.map((k, i) => ({
        indicatorKey: k,
        weight:
          i === 0 ? 100 - Math.floor(100 / keys.length) * (keys.length - 1) : Math.floor(100 / keys.length),
        rule: { kind: "efficacy" },
      })),
    });
    expect(res.statusCode, res.body).toBe(201);
    const run = json<RunRow>(
      await send("POST", `/api/kpi/schemes/${json<SchemeRow>(res).id}/runs`, { periodKey: "2026-03" }),
    );
    const by = Object.fromEntries(run.units.map((u) => [u.unitId, u]));
    // Firms are registered in 张江 and 宁波, none visited: coverage 0 %; 杭州 has no firms: no data.
    expect(by[ids.zj!]!.scores["service.visit_coverage"]!.value).toBe(0);
    expect(by[ids.hz!]!.scores["service.visit_coverage"]!.value).toBeNull();
    expect(by[ids.zj!]!.scores["projects.signed_100m"]!.value).toBe(2);
    expect(by[ids.zj!]!.scores["projects.foreign_in_place"]!.value).toBeCloseTo(2436, 6);
    expect(by[ids.zj!]!.rank).toBe(1);
  });

  it("goals: progress, time-adjusted progress, a goal of zero is n/a, stale versions lose", async () => {
    const mk = (unitId: string, target: number, split?: number[]) =>
      send("POST", "/api/kpi/goals", {
        regionId: ids.region,
        indicatorKey: "projects.foreign_in_place",
        unitKind: "team",
        unitId,
        year: 2026,
        target,
        split,
      });
    const sh = await mk(ids.sh!, 2400);
    expect(sh.statusCode, sh.body).toBe(201);
    const g = json<GoalRow>(sh);
    // 2436 万美元 by 2 July: 60 % credited to 上海 = 1461.6.
    expect(g.actual).toBeCloseTo(1461.6, 6);
    expect(g.progress).toBeCloseTo(1461.6 / 2400, 9);
    expect(g.expectedShare).toBeCloseTo(183 / 365, 9);
    expect(g.timeAdjusted).toBeCloseTo(1461.6 / (2400 * (183 / 365)), 9);
    expect(g.quarters[0]!.actual).toBeCloseTo(1461.6, 6);
    expect(g.quarters[3]!.actual).toBeNull();
    const zero = json<GoalRow>(await mk(ids.bj!, 0));
    expect(zero.progress).toBeNull();
    expect(zero.timeAdjusted).toBeNull();
    const none = json<GoalRow>(await mk(ids.hzt!, 100));
    expect(none.actual).toBeNull(); // no data, not zero
    const badSplit = await mk(ids.hzt!, 100, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 0]);
    expect(badSplit.statusCode).toBe(400);
    expect((await mk(ids.sh!, 10)).statusCode).toBe(409);
    const up = await send("PATCH", `/api/kpi/goals/${g.id}`, { target: 2000, version: g.version });
    expect(up.statusCode, up.body).toBe(200);
    expect(
      (await send("PATCH", `/api/kpi/goals/${g.id}`, { target: 1, version: g.version })).statusCode,
    ).toBe(409);
    const list = json<Page<GoalRow>>(await get("/api/kpi/goals?year=2026&unitKind=team", "teamlead"));
    expect(list.items.map((x) => x.unitId)).toContain(ids.sh);
    expect(json<Page<GoalRow>>(await get("/api/kpi/goals", "yzleader")).total).toBe(0);
  });

  it("manual indicators take values with evidence, audited, and feed rankings", async () => {
    const ind = await send("POST", "/api/kpi/indicators", {
      regionId: ids.region,
      name: "月度述职得分",
      unit: "分",
      unitKinds: ["enclave"],
      cumulative: false,
    });
    expect(ind.statusCode, ind.body).toBe(201);
    const key = json<{ key: string }>(ind).key;
    expect(key.startsWith("manual.")).toBe(true);
    const noEvidence = await send(
      "POST",
      "/api/kpi/values",
      {
        indicatorKey: key,
        unitKind: "enclave",
        unitId: ids.zj,
        periodKey: "2026-03",
        value: 92,
        evidenceFileIds: [],
      },
      "officer",
    );
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.body).toContain("请上传佐证材料");
    const body = multipart({ kind: "attachment" }, { name: "述职材料.png", type: "image/png", data: png });
    const up = await t.app.inject({
      method: "POST",
      url: "/api/files",
      headers: { ...body.headers, cookie: cookies.officer! },
      payload: body.payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = json<{ id: string }>(up).id;
    const entry = {
      indicatorKey: key,
      unitKind: "enclave",
      unitId: ids.zj,
      periodKey: "2026-03",
      value: 92,
      evidenceFileIds: [fileId],
    };
    const ok = await send("POST", "/api/kpi/values", entry, "officer");
    expect(ok.statusCode, ok.body).toBe(201);
    // officer2 works for the Ningbo enclave: Zhangjiang's value is outside their scope.
    expect((await send("POST", "/api/kpi/values", entry, "officer2")).statusCode).toBe(404);
    const s = json<SchemeRow>(
      await scheme({
        name: "飞地述职赛马",
        unitKind: "enclave",
        unitIds: [ids.zj, ids.nb],
        items: [{ indicatorKey: key, weight: 100, rule: { kind: "efficacy" } }],
      }),
    );
    const run = json<RunRow>(await send("POST", `/api/kpi/schemes/${s.id}/runs`, { periodKey: "2026-03" }));
    expect(run.units[0]!.unitId).toBe(ids.zj);
    expect(run.units[0]!.total).toBe(100);
    expect(run.units[1]!.scores[key]!.note).toBe("no_data");
    const audit = await exec(
      sql`select count(*)::int as n from audit_log where subject_type in ('kpi_value', 'kpi_run', 'kpi_scheme', 'goal', 'kpi_indicator')`,
    );
    expect(Number((audit as unknown as { rows: { n: number }[] }).rows[0]!.n)).toBeGreaterThan(5);
    // The officer of an enclave reads the rankings it races in; Yangzhou's leader does not.
    expect((await get(`/api/kpi/schemes/${s.id}/ranking`, "officer")).statusCode).toBe(200);
    expect((await get(`/api/kpi/schemes/${s.id}/ranking`, "yzleader")).statusCode).toBe(404);
  });
});

describe.each(backends)("kpi demo on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => new Date("2026-12-01T04:00:00Z") });
  });
  afterAll(() => t.close());

  it("ranks the Lishui enclaves month by month, with the change since October", async () => {
    const cookie = await t.login("leader");
    const schemes = json<Page<SchemeRow>>(
      await t.app.inject({ url: "/api/kpi/schemes", headers: { cookie } }),
    );
    const s = schemes.items.find((x) => x.name === "丽水经开区飞地月度赛马")!;
    expect(s.units).toHaveLength(3);
    const r = json<{ run: RunRow; periods: string[] }>(
      await t.app.inject({ url: `/api/kpi/schemes/${s.id}/ranking`, headers: { cookie } }),
    );
    expect(r.periods).toEqual(["2026-11", "2026-10"]);
    expect(r.run.units.map((u) => [u.unitName, u.rank, u.change])).toEqual([
      ["杭州飞地", 1, 1],
      ["张江飞地", 2, -1],
      ["宁波飞地", 3, 0],
    ]);
    const goals = json<Page<GoalRow>>(
      await t.app.inject({ url: "/api/kpi/goals?year=2026&pageSize=50", headers: { cookie } }),
    );
    expect(
      goals.items.find((g) => g.indicatorKey === "projects.foreign_in_place" && g.unitKind === "park")
        ?.target,
    ).toBe(2400);
  });
});
