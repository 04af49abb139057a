import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Block, Cockpit, Dashboard } from "../../../common/cockpit.schema.js";
import type { GoalRow } from "../../../common/kpi.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { computedIndicators, computeIndicator, computeIndicators } from "../kpi/kpi.providers.js";

type Page<T> = { items: T[]; total: number };
type Err = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
const data = <T>(b: Block<T> | undefined): T => {
  expect(b?.status).toBe("ok");
  return (b as { data: T }).data;
};

/**
 * Registers a lead of 丽水经济技术开发区 for the 驻上海 team as the given administrator, with the
 * registry's first firm as investor: the county leader's cockpit then counts one more project.
 */
const registerLead = async (t: TestApp, cookie: string, payload: Record<string, unknown>) => {
  const firstId = async (url: string) =>
    json<Page<{ id: string }>>(await t.app.inject({ url, headers: { cookie } })).items[0]!.id;
  const res = await t.app.inject({
    method: "POST",
    url: "/api/projects",
    headers: { cookie },
    payload: {
      investorId: await firstId("/api/enterprises?pageSize=1"),
      regionId: await firstId(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
      teamId: await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`),
      ...payload,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res);
};

describe.each(backends)("cockpit and dashboards on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const get = (url: string, who = "leader") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const total = async (url: string, who = "leader") => {
    const r = await get(url, who);
    expect(r.statusCode, r.body).toBe(200);
    return json<Page<unknown>>(r).total;
  };
  const cockpit = async (query = "", who = "leader") => {
    const r = await get(`/api/cockpit${query}`, who);
    expect(r.statusCode, r.body).toBe(200);
    return json<Cockpit>(r);
  };
  const idOf = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;

  beforeAll(async () => {
    // Every read computed afresh: these tests write and read again at once.
    t = await testApp(backend, {
      demo: "full",
      now: () => new Date("2026-12-01T04:00:00Z"),
      env: { ZHAOYIN_COCKPIT_MAX_AGE_SECONDS: "0" },
    });
    for (const u of ["admin", "leader", "yzleader", "officer", "handler", "teamlead", "enterprise"])
      cookies[u] = await t.login(u);
  }, 180_000);
  afterAll(async () => t?.close());

  it("counts what the lists count, in the leader's scope", async () => {
    const c = await cockpit();
    expect(c.year).toBe(2026);
    expect(c.asOf).toBe("2026-12-01");
    expect(c.scopeLabel).toBe("丽水市");
    const pipeline = data(c.pipeline);
    const projects = await total("/api/projects?pageSize=1");
    expect(projects).toBeGreaterThan(0);
    expect(pipeline.total).toBe(projects);
    expect(pipeline.stages.reduce((a, s) => a + s.n, 0)).toBe(projects);
    for (const s of pipeline.stages.filter((x) => x.n > 0)) {
      expect(await total(`/api/projects?pageSize=1&stage=${s.stage}`), s.stage).toBe(s.n);
    }
    // Alerts: each count is its list's total with the same filter.
    const alerts = c.alerts.status === "ok" ? c.alerts.data : null;
    const nodes = await total("/api/nodes?pageSize=1&due=overdue");
    const problems = await total("/api/problems?pageSize=1&overdue=yes");
    const appeals = await total("/api/appeals?pageSize=1&overdue=yes");
    if (nodes + problems + appeals === 0) expect(c.alerts.status).toBe("empty");
    else {
      expect(alerts!.nodes!.total).toBe(nodes);
      expect(alerts!.problems!.total).toBe(problems);
      expect(alerts!.appeals!.total).toBe(appeals);
      expect(alerts!.nodes!.items.length).toBe(Math.min(5, nodes));
    }
    // The map: the sites module's own map data, parks boxed around their sites.
    const map = json<{ features: unknown[] }>(await get("/api/sites/map"));
    expect(data(c.map).sites.features.length).toBe(map.features.length);
    const parks = json<{ items: unknown[] }>(await get("/api/sites/parks")).items;
    expect(data(c.map).parks.length).toBe(parks.length);
    expect(Object.values(data(c.map).byStatus).reduce((a, n) => a + n, 0)).toBe(map.features.length);
    // Chains: every active chain in scope, links split into strong, weak and missing.
    const chains = data(c.chains);
    expect(chains.length).toBe(await total("/api/chains?pageSize=1&status=active"));
    for (const ch of chains) expect(ch.strong + ch.weak + ch.missing).toBe(ch.links);
    // The latest 赛马 run in scope: the demo's enclave race.
    const ranking = data(c.ranking);
    expect(ranking.units.length).toBeGreaterThan(0);
    expect(ranking.units[0]!.rank).toBe(1);
    const run = json<{ units: { unitId: string; rank: number; change: number | null }[] }>(
      await get(`/api/kpi/runs/${ranking.runId}`),
    );
    expect(ranking.units.map((u) => [u.unitId, u.rank, u.change])).toEqual(
      run.units.slice(0, 10).map((u) => [u.unitId, u.rank, u.change]),
    );
    // Goals of the year in scope, computed by the KPI module.
    const goals = data(c.goals);
    expect(goals.length).toBe(Math.min(12, await total("/api/kpi/goals?pageSize=1&year=2026")));
  });

  it("adds this year's signings to the key figures, and keeps amounts without data as no data", async () => {
    const before = data((await cockpit()).figures);
    const fig = (f: typeof before, key: string) => f.find((x) => x.key === key)!;
    expect(fig(before, "projects.signed").value).not.toBeNull();
    // A project of the zone signed this March for ¥1.2bn, through the API and its contract.
    const { id } = await registerLead(t, cookies.admin!, {
      name: "驾驶舱测试项目",
      channel: "chain",
      leadOn: "2026-01-05",
      duplicateReason: "驾驶舱测试用的另一项目",
    });
    await t.database.db.execute(
      sql`insert into project_contract (project_id, signed_on, investment_fen) values (${id}, '2026-03-05', ${12 * 10_000_000_000})`,
    );
    const after = data((await cockpit()).figures);
    for (const key of ["projects.signed", "projects.signed_100m", "projects.signed_1bn"]) {
      expect(fig(after, key).value, key).toBe((fig(before, key).value ?? 0) + 1);
    }
    expect(fig(after, "projects.signed_investment").value).toBe(
      (fig(before, "projects.signed_investment").value ?? 0) + 120_000,
    );
    const pipeline = data((await cockpit()).pipeline);
    expect(pipeline.total).toBe(await total("/api/projects?pageSize=1"));
  });

  it("reads figures and goals in one pass that answers what each indicator and goal row answers", async () => {
    // Every indicator that folds into a shared pass: the pass gives what its own statement gives.
    const db = t.database.db;
    const ids = async (url: string) =>
      json<Page<{ id: string }>>(await get(url, "admin")).items.map((x) => x.id);
    const sets = [
      { unitKind: "region" as const, unitIds: await ids("/api/regions?pageSize=100") },
      { unitKind: "park" as const, unitIds: await ids("/api/parks?pageSize=100") },
      { unitKind: "team" as const, unitIds: await ids("/api/teams?pageSize=100") },
    ];
    const defs = computedIndicators().filter((d) => d.fold);
    expect(defs.length).toBeGreaterThanOrEqual(8);
    let seen = 0;
    for (const set of sets) {
      expect(set.unitIds.length, set.unitKind).toBeGreaterThan(0);
      const args = { ...set, from: "2025-01-01", to: "2026-12-01" };
      const pass = await computeIndicators(db, defs, args);
      for (const d of defs) {
        const alone = await computeIndicator(db, d, args);
        expect([...pass.get(d.key)!].sort(), `${d.key} ${set.unitKind}`).toEqual([...alone].sort());
        seen += alone.size;
      }
    }
    expect(seen).toBeGreaterThan(0);
    // Goals: the KPI module's own goal rows, whether or not the figures already read their unit
    // (a goal on the leader's own city does; the demo's goals on parks and chains do not).
    const regions = json<Page<{ id: string; name: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水市")}`, "admin"),
    ).items;
    const city = regions.find((r) => r.name === "丽水市")!.id;
    const mine = await t.app.inject({
      method: "POST",
      url: "/api/kpi/goals",
      headers: { cookie: cookies.admin! },
      payload: {
        regionId: city,
        indicatorKey: "projects.signed",
        unitKind: "region",
        unitId: city,
        year: 2026,
        target: 40,
      },
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const c = await cockpit();
    const kpi = json<Page<GoalRow>>(await get("/api/kpi/goals?year=2026&pageSize=200")).items;
    const goals = data(c.goals);
    expect(goals.map((g) => g.id)).toContain(json<{ id: string }>(mine).id);
    expect(goals.some((g) => g.unitKind !== "region")).toBe(true);
    for (const g of goals) {
      const k = kpi.find((x) => x.id === g.id)!;
      expect(k, g.name).toBeDefined();
      expect([g.actual, g.progress, g.expectedShare, g.timeAdjusted], g.name).toEqual([
        k.actual,
        k.progress,
        k.expectedShare,
        k.timeAdjusted,
      ]);
    }
  });

  it("narrows to a region, refuses one outside scope, and shows an empty region as empty", async () => {
    const county = await idOf(`/api/regions?q=${encodeURIComponent("缙云县")}`);
    const c = await cockpit(`?regionId=${county}`);
    expect(c.scopeLabel).toBe("缙云县");
    for (const b of [c.figures, c.pipeline, c.map, c.chains, c.ranking, c.alerts])
      expect(b.status).toBe("empty");
    const yz = await idOf(`/api/regions?q=${encodeURIComponent("扬州市")}`);
    expect((await get(`/api/cockpit?regionId=${yz}`)).statusCode).toBe(404);
    const bad = await get("/api/cockpit?year=20x6");
    expect(bad.statusCode).toBe(400);
    expect(json<Err>(bad).error.details?.[0]?.message).toMatch(/年度/);
  });

  it("shows a park leader only their park", async () => {
    const parkId = await idOf(`/api/parks?q=${encodeURIComponent("张江")}`);
    const u = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: cookies.admin! },
      payload: {
        username: "zjleader",
        name: "张江飞地主任",
        roles: ["leader"],
        scopes: [{ kind: "park", refId: parkId }],
        password: "Cockpit@2026pw",
      },
    });
    expect(u.statusCode, u.body).toBe(201);
    cookies.zj = await t.login("zjleader", "Cockpit@2026pw");
    const c = await cockpit("", "zj");
    expect(c.scopeLabel).toBe("张江飞地");
    const inPark = await total("/api/projects?pageSize=1", "zj");
    expect(inPark).toBe(await total(`/api/projects?pageSize=1&parkId=${parkId}`, "admin"));
    if (inPark === 0) expect(c.pipeline.status).toBe("empty");
    else expect(data(c.pipeline).total).toBe(inPark);
    const all = data((await cockpit()).pipeline).total;
    expect(inPark).toBeLessThan(all);
  });

  it("is for those holding cockpit.read", async () => {
    for (const who of ["officer", "handler", "teamlead", "enterprise"]) {
      const r = await get("/api/cockpit", who);
      expect(r.statusCode, who).toBe(403);
    }
    expect((await t.app.inject({ url: "/api/cockpit" })).statusCode).toBe(401);
    expect((await get("/api/cockpit", "yzleader")).statusCode).toBe(200);
  });

  it("gives each role its dashboard blocks, each count its list's total", async () => {
    const dash = async (who: string) => {
      const r = await get("/api/dashboard", who);
      expect(r.statusCode, r.body).toBe(200);
      return json<Dashboard>(r);
    };
    const leader = await dash("leader");
    expect(Object.keys(leader)).toEqual(["leader"]);
    const figures = data(leader.leader).figures;
    const cockpitFigures = data((await cockpit()).figures);
    expect(figures.map((f) => f.key)).toEqual(cockpitFigures.map((f) => f.key));
    // The dashboard reads its goals through the KPI module, the cockpit in its shared pass: the
    // same progress either way (the goal on the leader's city, set above).
    expect(figures.some((f) => f.goal)).toBe(true);
    expect(figures.map((f) => f.goal)).toEqual(cockpitFigures.map((f) => f.goal));

    const handler = await dash("handler");
    expect(Object.keys(handler)).toEqual(["department"]);
    const [dep] = data(handler.department);
    for (const c of dep!.counts) {
      const url = c.link.replace(/^\/(nodes|problems|appeals)\?/, "/api/$1?pageSize=1&");
      expect(await total(url, "handler"), c.key).toBe(c.value);
    }

    const team = await dash("teamlead");
    expect(Object.keys(team)).toEqual(["team"]);
    const [tb] = data(team.team);
    expect(tb!.pipeline.total).toBe(await total(`/api/projects?pageSize=1&teamId=${tb!.teamId}`, "teamlead"));

    // The officer registers a project of their own: it is on their dashboard.
    const me = json<{ user: { id: string; regionId: string } }>(await get("/api/session/me", "officer")).user;
    expect((await dash("officer")).officer?.status).toBe("empty");
    const firms = json<Page<{ id: string }>>(await get("/api/enterprises?pageSize=1", "admin"));
    const parkId = await idOf(`/api/parks?q=${encodeURIComponent("张江")}`);
    const teamId = await idOf(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    const p = await t.app.inject({
      method: "POST",
      url: "/api/projects",
      headers: { cookie: cookies.admin! },
      payload: {
        name: "专员自己的项目",
        channel: "enclave",
        investorId: firms.items[0]!.id,
        regionId: me.regionId,
        parkId,
        teamId,
        officerId: me.id,
        duplicateReason: "专员新报备的另一项目",
        leadOn: "2026-11-02",
      },
    });
    expect(p.statusCode, p.body).toBe(201);
    const officer = await dash("officer");
    expect(Object.keys(officer)).toEqual(["officer"]);
    const ob = data(officer.officer);
    expect(ob.projects.map((x) => x.name)).toContain("专员自己的项目");
    expect(ob.counts.find((c) => c.key === "myProjects")!.value).toBe(
      await total(`/api/projects?pageSize=1&officerId=${me.id}`, "officer"),
    );

    expect(await dash("enterprise")).toEqual({});
  });
});

describe.each(backends)("the cockpit's kept answers on %s", (backend) => {
  let t: TestApp;
  let clock = Date.parse("2026-12-01T04:00:00Z");
  const cookies: Record<string, string> = {};
  const cockpit = async (who = "leader") => {
    const r = await t.app.inject({ url: "/api/cockpit", headers: { cookie: cookies[who]! } });
    expect(r.statusCode, r.body).toBe(200);
    return json<Cockpit>(r);
  };
  const pipelineTotal = (c: Cockpit) => data(c.pipeline).total;

  beforeAll(async () => {
    // The default: an answer serves 30 s, then is recomputed in the background.
    t = await testApp(backend, { demo: "full", now: () => new Date(clock) });
    for (const u of ["admin", "leader", "yzleader", "officer"]) cookies[u] = await t.login(u);
  }, 180_000);
  afterAll(async () => t?.close());

  it("serves a scope's answer for 30 s, then the old one while it computes the next", async () => {
    const first = await cockpit();
    const before = pipelineTotal(first);
    expect(first.generatedAt).toBe("2026-12-01T04:00:00.000Z");
    await registerLead(t, cookies.admin!, {
      name: "驾驶舱缓存测试项目",
      channel: "chain",
      leadOn: "2026-11-30",
      duplicateReason: "驾驶舱缓存测试的另一项目",
    });

    // Within 30 s: the same answer, its time stamp unchanged.
    clock += 20_000;
    expect(await cockpit()).toEqual(first);
    // Past 30 s: still the old answer at once, and the new one is being computed.
    clock += 15_000;
    const stale = await cockpit();
    expect(stale.generatedAt).toBe(first.generatedAt);
    // The next read finds it (the background computation is awaited through a read that waits).
    let next = await cockpit();
    for (let i = 0; i < 50 && next.generatedAt === first.generatedAt; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await cockpit();
    }
    expect(next.generatedAt).toBe("2026-12-01T04:00:35.000Z");
    expect(pipelineTotal(next)).toBe(before + 1);

    // Long unread (past ten times the age), a read waits for a fresh answer.
    clock += 400_000;
    const fresh = await cockpit();
    expect(fresh.generatedAt).toBe("2026-12-01T04:07:15.000Z");
  });

  it("keeps answers per scope: another leader's scope, and permissions, are their own", async () => {
    const county = data((await cockpit()).pipeline).total;
    // 仪征's leader reads their own scope, not the county leader's kept answer.
    const yz = await cockpit("yzleader");
    expect(yz.scopeLabel).not.toBe((await cockpit()).scopeLabel);
    expect(county).toBeGreaterThan(0);
    expect(yz.pipeline.status).toBe("empty");
    // The officer holds no cockpit.read: refused, whatever answers are kept.
    const officer = await t.app.inject({ url: "/api/cockpit", headers: { cookie: cookies.officer! } });
    expect(officer.statusCode).toBe(403);
  });
});
