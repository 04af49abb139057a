import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectNode, ProjectRow } from "../../../common/project.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { runJob } from "../../lib/jobs/jobs.service.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

describe.each(backends)("project lifecycle on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (
    method: "POST" | "PUT" | "PATCH" | "DELETE",
    url: string,
    payload: unknown,
    who = "officer",
  ) => t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "officer") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;

  beforeAll(async () => {
    t = await testApp(backend);
    for (const u of ["admin", "officer", "officer2", "teamlead", "handler", "leader", "expert"])
      cookies[u] = await t.login(u);
    const regions = json<{ items: { id: string; level: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    );
    ids.region = regions.items.find((r) => r.level === "platform")!.id;
    ids.zhangjiang = await firstId(`/api/parks?q=${encodeURIComponent("张江")}`);
    ids.team = await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    ids.team2 = await firstId(`/api/teams?q=${encodeURIComponent("驻北京")}`);
    ids.zrzy = await firstId(`/api/departments?q=${encodeURIComponent("自然资源")}`);
    ids.zjj = await firstId(`/api/departments?q=${encodeURIComponent("住房和城乡建设")}`);
    const firm = await send(
      "POST",
      "/api/enterprises",
      {
        uscc: syntheticUscc("331100", 7),
        name: "丽水晶睿电子科技有限公司",
        regionId: ids.region,
        parkId: ids.zhangjiang,
      },
      "officer",
    );
    expect(firm.statusCode, firm.body).toBe(201);
    ids.jingrui = json<{ id: string }>(firm).id;
    const tpl = await send(
      "POST",
      "/api/node-templates",
      {
        name: "丽水经开区工业项目",
        regionId: ids.region,
        items: [
          { name: "企业开办", departmentId: null, dueWorkdays: 3 },
          { name: "土地出让/摘牌", departmentId: ids.zrzy, dueWorkdays: 5, gate: "land" },
          { name: "施工许可", departmentId: ids.zjj, dueWorkdays: 60 },
        ],
      },
      "admin",
    );
    expect(tpl.statusCode, tpl.body).toBe(201);
  });
  afterAll(() => t.close());

  const lead = {
    name: "晶睿半导体材料项目",
    channel: "enclave",
    kind: "industrial",
    totalInvestmentFen: 15_0000_0000_00,
    landDemandM2: 80 * 666.67,
  };
  let p: ProjectRow;

  it("registers a lead with full credit to the registering team", async () => {
    const res = await send("POST", "/api/projects", {
      ...lead,
      investorId: ids.jingrui,
      regionId: ids.region,
      parkId: ids.zhangjiang,
      teamId: ids.team,
      leadOn: "2026-01-05",
    });
    expect(res.statusCode, res.body).toBe(201);
    p = json<ProjectRow>(res);
    expect(p.code).toMatch(/^XM2026-\d{5}$/);
    expect(p.stage).toBe("lead");
    expect(p.stageOn).toBe("2026-01-05");
    expect(p.sizeTags).toEqual(["亿元以上", "10亿元以上"]);
    const credits = json<{ items: { teamId: string; percent: number }[] }>(
      await get(`/api/projects/${p.id}/credits`),
    );
    expect(credits.items).toEqual([expect.objectContaining({ teamId: ids.team, percent: 100 })]);
  });

  it("offers a park-scoped officer the teams of their home region to register to", async () => {
    expect(json<Page<{ id: string }>>(await get("/api/teams")).total).toBe(0);
    const teams = json<{ items: { id: string; name: string }[] }>(await get("/api/projects/teams?q=驻"));
    expect(teams.items.map((x) => x.id)).toEqual(expect.arrayContaining([ids.team, ids.team2]));
  });

  it("flags a likely duplicate from another team and needs a reason to register it", async () => {
    const body = {
      ...lead,
      name: "晶睿半导体材料",
      investorId: ids.jingrui,
      regionId: ids.region,
      parkId: ids.zhangjiang,
      teamId: ids.team2,
    };
    const res = await send("POST", "/api/projects", body);
    expect(res.statusCode).toBe(409);
    const err = json<ErrorBody>(res).error;
    expect(err.code).toBe("DUPLICATE");
    expect(err.message).toContain("疑似重复");
    expect((err.details as { candidates: { id: string }[] }).candidates.map((c) => c.id)).toEqual([p.id]);
    const total = json<Page<ProjectRow>>(await get("/api/projects", "admin")).total;
    expect(total).toBe(1);
    const ok = await send("POST", "/api/projects", {
      ...body,
      duplicateReason: "同一投资方的二期项目，独立选址",
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const second = json<ProjectRow>(ok);
    expect(second.duplicateOf).toEqual([p.id]);
    const flagged = json<Page<ProjectRow>>(await get("/api/projects?duplicate=yes", "admin"));
    expect(flagged.items.map((x) => x.id)).toEqual([second.id]);
    ids.second = second.id;
  });

  it("splits credit only in shares that sum to 100", async () => {
    const bad = await send(
      "PUT",
      `/api/projects/${ids.second}/credits`,
      {
        shares: [
          { teamId: ids.team, percent: 60 },
          { teamId: ids.team2, percent: 30 },
        ],
        version: 1,
      },
      "teamlead",
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("合计必须等于 100%");
    const byOfficer = await send(
      "PUT",
      `/api/projects/${ids.second}/credits`,
      {
        shares: [
          { teamId: ids.team, percent: 60 },
          { teamId: ids.team2, percent: 40 },
        ],
        version: 1,
      },
      "officer",
    );
    expect(byOfficer.statusCode).toBe(403);
    const ok = await send(
      "PUT",
      `/api/projects/${ids.second}/credits`,
      {
        shares: [
          { teamId: ids.team, percent: 60 },
          { teamId: ids.team2, percent: 40 },
        ],
        version: 1,
      },
      "admin",
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<{ items: { percent: number }[] }>(ok).items.map((c) => c.percent)).toEqual([60, 40]);
  });

  it("keeps projects outside an officer's parks out of reach (404)", async () => {
    expect((await get(`/api/projects/${p.id}`, "officer2")).statusCode).toBe(404);
    expect(json<Page<ProjectRow>>(await get("/api/projects", "officer2")).total).toBe(0);
    expect((await get(`/api/projects/${p.id}`, "teamlead")).statusCode).toBe(200);
  });

  const move = (to: string, on: string, extra: Record<string, unknown> = {}, who = "officer") =>
    send("POST", `/api/projects/${p.id}/stage`, { to, on, version: p.version, ...extra }, who);

  it("moves forward, and refuses a skipped gate, a date out of order and a stale version", async () => {
    let res = await move("negotiating", "2026-01-20");
    expect(res.statusCode, res.body).toBe(200);
    p = json<ProjectRow>(res);
    res = await move("signed", "2026-02-12");
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toContain("项目研判");
    res = await move("assessing", "2026-01-10");
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toContain("不能早于当前阶段");
    res = await send("POST", `/api/projects/${p.id}/stage`, {
      to: "assessing",
      on: "2026-02-01",
      version: 1,
    });
    expect(res.statusCode).toBe(409);
    res = await move("lead", "2026-02-01");
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toContain("须填写原因");
  });

  it("draws an expert panel without the experts tied to the investor, scores it and concludes", async () => {
    const users = json<Page<{ id: string; username: string }>>(await get("/api/users?q=expert", "admin"));
    const expertUser = users.items.find((u) => u.username === "expert")!.id;
    const pool = [
      { name: "徐国庆", fields: ["半导体"], userId: expertUser, organization: "浙江大学" },
      { name: "陈立新", fields: ["半导体", "新材料"], organization: "中科院宁波材料所" },
      { name: "赵敏", fields: ["新材料"], organization: "丽水学院" },
      { name: "钱海", fields: ["半导体"], organization: "晶睿电子", tiedEnterpriseIds: [ids.jingrui] },
    ];
    for (const e of pool) {
      const res = await send("POST", "/api/experts", { ...e, regionId: ids.region }, "admin");
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(
      (await send("POST", "/api/experts", { name: "某", fields: [], regionId: ids.region }, "admin"))
        .statusCode,
    ).toBe(400);
    const draw = (panelSize: number) =>
      send("POST", "/api/reviews", {
        subjectType: "project",
        subjectId: p.id,
        title: "晶睿项目研判",
        panelSize,
      });
    const tooMany = await draw(4);
    expect(tooMany.statusCode).toBe(400);
    expect(json<ErrorBody>(tooMany).error.message).toContain("1 位因与投资方存在关联已回避");
    const res = await draw(3);
    expect(res.statusCode, res.body).toBe(201);
    const review = json<{
      id: string;
      version: number;
      panel: { expertId: string; expertName: string }[];
      excludedExperts: string[];
    }>(res);
    expect(review.panel.map((x) => x.expertName).sort()).toEqual(["徐国庆", "赵敏", "陈立新"].sort());
    expect(review.excludedExperts).toEqual(["钱海"]);
    // Signing waits for the review.
    const early = await move("signed", "2026-02-12");
    expect(json<ErrorBody>(early).error.message).toContain("项目研判");
    // The expert sees the project through the panel and scores it; the officer records the paper sheets.
    expect((await get(`/api/projects/${p.id}`, "expert")).statusCode).toBe(200);
    expect((await get(`/api/projects/${ids.second}`, "expert")).statusCode).toBe(404);
    const scores = { industry_fit: 90, investment: 85, technology: 80, output_tax: 75, risk: 90 };
    const over = await send(
      "POST",
      `/api/reviews/${review.id}/scores`,
      { scores: { ...scores, risk: 120 } },
      "expert",
    );
    expect(over.statusCode).toBe(400);
    const mine = await send("POST", `/api/reviews/${review.id}/scores`, { scores }, "expert");
    expect(mine.statusCode, mine.body).toBe(200);
    const seat = json<{ myExpertId: string; panel: { expertId: string; expertName: string }[] }>(mine);
    expect(seat.panel.find((x) => x.expertId === seat.myExpertId)!.expertName).toBe("徐国庆");
    const early2 = await send("POST", `/api/reviews/${review.id}/conclusion`, {
      conclusion: "pass",
      version: 1,
    });
    expect(json<ErrorBody>(early2).error.message).toContain("2 位专家未提交评分");
    for (const x of review.panel.filter((x) => x.expertName !== "徐国庆")) {
      const r = await send("POST", `/api/reviews/${review.id}/scores`, {
        expertId: x.expertId,
        scores: { ...scores, risk: 70 },
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const done = await send("POST", `/api/reviews/${review.id}/conclusion`, {
      conclusion: "pass",
      note: "同意签约",
      version: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    const concluded = json<{ status: string; averageScore: number; panel: { total: number }[] }>(done);
    expect(concluded.status).toBe("concluded");
    // 90×.25+85×.25+80×.2+75×.2+90×.1 = 83.75; with risk 70: 81.75; mean of 83.75, 81.75, 81.75.
    expect(concluded.averageScore).toBe(82.42);
  });

  it("signs with contract terms and lays out nodes due in working days across the Spring Festival", async () => {
    const bad = await send("PUT", `/api/projects/${p.id}/contract`, {
      signedOn: "2026-02-12",
      startBy: "2026-01-01",
    });
    expect(bad.statusCode).toBe(400);
    const c = await send("PUT", `/api/projects/${p.id}/contract`, {
      signedOn: "2026-02-12",
      investmentFen: 15_0000_0000_00,
      intensityWanPerMu: 500,
      startBy: "2026-10-01",
      productionBy: "2027-05-01",
    });
    expect(c.statusCode, c.body).toBe(200);
    const res = await move("signed", "2026-02-12");
    expect(res.statusCode, res.body).toBe(200);
    p = json<ProjectRow>(res);
    const nodes = json<{ items: ProjectNode[] }>(await get(`/api/projects/${p.id}/nodes`)).items;
    expect(nodes.map((n) => n.name)).toEqual(["企业开办", "土地出让/摘牌", "施工许可"]);
    // 2026-02-14 (Saturday) is worked; 15–23 February is the Spring Festival holiday.
    expect(nodes.map((n) => n.dueOn)).toEqual(["2026-02-24", "2026-02-26", expect.any(String)]);
    expect(nodes[1]!.departmentName).toBe("丽水市自然资源和规划局");
    const events = json<{ items: { toStage: string }[] }>(await get(`/api/projects/${p.id}/stages`)).items;
    expect(events.map((e) => e.toStage)).toEqual(["lead", "negotiating", "signed"]);
  });

  it("holds construction start until the land node is done", async () => {
    const res = await move("construction", "2026-03-02");
    expect(res.statusCode).toBe(400);
    expect(json<ErrorBody>(res).error.message).toContain("供地节点");
  });

  it("alerts the owning department of its overdue nodes once a day", async () => {
    const first = await runJob(t.app, "projects.node_alerts");
    expect(first.status, JSON.stringify(first)).toBe("ok");
    const inbox = async () =>
      json<{ items: { kind: string; title: string; body: string | null; link: string | null }[] }>(
        await get("/api/notifications", "handler"),
      ).items.filter((n) => n.kind === "project.node_due");
    const got = await inbox();
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toContain("1 个已逾期");
    expect(got[0]!.body).toContain("土地出让/摘牌」已逾期");
    expect(got[0]!.link).toBe("/nodes");
    await runJob(t.app, "projects.node_alerts");
    expect(await inbox()).toHaveLength(1);
  });

  it("lets a department handler complete only their own department's node", async () => {
    const mine = json<Page<ProjectNode>>(await get("/api/nodes", "handler"));
    expect(mine.items.map((n) => n.name)).toEqual(["土地出让/摘牌"]);
    const land = mine.items[0]!;
    const all = json<{ items: ProjectNode[] }>(await get(`/api/projects/${p.id}/nodes`)).items;
    const permit = all.find((n) => n.name === "施工许可")!;
    expect(
      (
        await send(
          "PATCH",
          `/api/nodes/${permit.id}`,
          { status: "done", doneOn: "2026-02-20", version: 1 },
          "handler",
        )
      ).statusCode,
    ).toBe(404);
    const replan = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { plannedOn: "2026-03-01", version: 1 },
      "handler",
    );
    expect(replan.statusCode).toBe(403);
    const noDate = await send("PATCH", `/api/nodes/${land.id}`, { status: "done", version: 1 }, "handler");
    expect(noDate.statusCode).toBe(400);
    const done = await send(
      "PATCH",
      `/api/nodes/${land.id}`,
      { status: "done", doneOn: "2026-02-25", version: 1 },
      "handler",
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(json<ProjectNode>(done).status).toBe("done");
    const stale = await send("PATCH", `/api/nodes/${land.id}`, { note: "补充", version: 1 }, "handler");
    expect(stale.statusCode).toBe(409);
    expect((await get(`/api/projects/${p.id}`, "handler")).statusCode).toBe(200);
  });

  it("starts construction once the land node is done, and reports the pipeline", async () => {
    const res = await move("construction", "2026-03-02");
    expect(res.statusCode, res.body).toBe(200);
    p = json<ProjectRow>(res);
    const sum = json<{
      stages: { stage: string; n: number; reached: number | null }[];
      durations: { from: string; to: string; medianWorkdays: number | null }[];
      overdueNodes: number;
      total: number;
    }>(await get("/api/projects/pipeline", "leader"));
    expect(sum.total).toBe(2);
    expect(sum.stages.find((s) => s.stage === "construction")!.n).toBe(1);
    expect(sum.stages.find((s) => s.stage === "lead")!).toEqual(
      expect.objectContaining({ n: 1, reached: 2 }),
    );
    expect(sum.stages.find((s) => s.stage === "signed")!.reached).toBe(1);
    expect(sum.durations.find((d) => d.from === "lead" && d.to === "negotiating")!.medianWorkdays).toBe(11);
    // 企业开办 (due 2026-02-24) and 施工许可 (due in May) are still open on the real today.
    expect(sum.overdueNodes).toBe(2);
    const byPark = json<{ items: { name: string; total: number; stages: Record<string, number> }[] }>(
      await get("/api/projects/pipeline/by?groupBy=park", "leader"),
    );
    expect(byPark.items).toEqual([
      expect.objectContaining({ total: 2, stages: { lead: 1, construction: 1 } }),
    ]);
    const overdue = json<Page<ProjectRow>>(await get("/api/projects?overdue=yes", "leader"));
    expect(overdue.items.map((x) => x.id)).toEqual([p.id]);
  });

  it("records funds in place by month and sums them per park", async () => {
    const put = (month: string, body: object) => send("PUT", `/api/projects/${p.id}/funds/${month}`, body);
    expect((await put("2026-03", { domesticFen: 5000_0000_00, foreignCents: 120_0000_00 })).statusCode).toBe(
      200,
    );
    expect((await put("2026-05", { domesticFen: 8000_0000_00 })).statusCode).toBe(200);
    expect((await put("2099-01", { domesticFen: 1 })).statusCode).toBe(400);
    expect((await put("2026-13", { domesticFen: 1 })).statusCode).toBe(400);
    expect((await put("2026-03", { domesticFen: 1, version: 7 })).statusCode).toBe(409);
    const sum = json<{
      items: { name: string; domesticFen: number; foreignCents: number; projects: number }[];
    }>(await get("/api/funds/summary?year=2026&groupBy=park", "leader"));
    expect(sum.items).toEqual([
      expect.objectContaining({ domesticFen: 13000_0000_00, foreignCents: 120_0000_00, projects: 1 }),
    ]);
    const months = json<{ items: { name: string }[] }>(
      await get("/api/funds/summary?year=2026&groupBy=month", "leader"),
    );
    expect(months.items.map((m) => m.name)).toEqual(["2026-03", "2026-05"]);
  });

  it("sets actuals against the contract and alerts on missed commitments", async () => {
    const a = await send("PUT", `/api/projects/${p.id}/actuals/2026`, {
      investmentFen: 6_0000_0000_00,
      jobs: 120,
      landM2: 80 * 666.67,
    });
    expect(a.statusCode, a.body).toBe(200);
    type Perf = {
      commitments: { key: string; status: string; actual: unknown; gap: number | null }[];
      idleLand: unknown;
    };
    let perf = json<Perf>(await get(`/api/projects/${p.id}/performance`));
    const by = (k: string) => perf.commitments.find((c) => c.key === k)!;
    expect(by("investment")).toEqual(
      expect.objectContaining({ status: "pending", actual: 60000, gap: -90000 }),
    );
    expect(by("intensity")).toEqual(expect.objectContaining({ status: "met", actual: 750 }));
    expect(by("start")).toEqual(expect.objectContaining({ status: "met", actual: "2026-03-02" }));
    expect(perf.idleLand).toBeNull();
    // Production was promised for June 2026 with 300 jobs: both are now missed.
    const c = json<{ contract: { version: number } }>(await get(`/api/projects/${p.id}/contract`)).contract;
    const upd = await send("PUT", `/api/projects/${p.id}/contract`, {
      signedOn: "2026-02-12",
      investmentFen: 15_0000_0000_00,
      intensityWanPerMu: 500,
      investBy: "2027-02-12",
      jobs: 300,
      startBy: "2026-04-01",
      productionBy: "2026-06-01",
      version: c.version,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    perf = json<Perf>(await get(`/api/projects/${p.id}/performance`));
    expect(by("jobs")).toEqual(expect.objectContaining({ status: "missed", gap: -180 }));
    // ¥600m of ¥1.5bn (40%) with most of the year to 12 February 2027 gone: behind until that
    // day (the real clock runs these tests), missed after it.
    expect(["behind", "missed"]).toContain(by("investment").status);
    expect(by("production").status).toBe("missed");
    expect(by("production").gap).toBeGreaterThan(100);
    const run = await runJob(t.app, "projects.performance_alerts");
    expect(run.status, JSON.stringify(run)).toBe("ok");
    await runJob(t.app, "projects.performance_alerts");
    const inbox = json<{ items: { kind: string; title: string; body: string | null }[] }>(
      await get("/api/notifications", "teamlead"),
    ).items.filter((n) => n.kind === "project.performance");
    expect(inbox).toHaveLength(1);
    expect(inbox[0]!.title).toContain("2 项履约承诺未达成");
    expect(inbox[0]!.body).toContain("就业人数：承诺 300人，实际 120");
  });

  it("stops with a reason and resumes where it stopped", async () => {
    expect((await move("stopped", "2026-03-05")).statusCode).toBe(400);
    let res = await move("stopped", "2026-03-05", { reason: "投资方资金链紧张" });
    expect(res.statusCode, res.body).toBe(200);
    p = json<ProjectRow>(res);
    expect(p.stoppedFrom).toBe("construction");
    res = await move("construction", "2026-03-20", { reason: "资金到位，恢复推进" });
    expect(res.statusCode, res.body).toBe(200);
    p = json<ProjectRow>(res);
    expect(p.stage).toBe("construction");
  });

  it("refuses to delete a signed project and exports the ledger", async () => {
    const del = await t.app.inject({
      method: "DELETE",
      url: `/api/projects/${p.id}?version=${p.version}`,
      headers: { cookie: cookies.officer! },
    });
    expect(del.statusCode).toBe(409);
    const x = await get("/api/projects/export", "leader");
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
  });
});
