import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FundFigures,
  type FundProjectRow,
  type FundRow,
  type InvestmentRow,
  leverageOf,
} from "../../../common/fund.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { computedIndicator, computeIndicator } from "../kpi/kpi.providers.js";

type Who = "admin" | "leader" | "officer" | "officer2";
interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
interface Detail {
  fund: FundRow;
  investments: InvestmentRow[];
  calls: { id: string; amountFen: number; version: number }[];
  exits: { id: string; proceedsFen: number }[];
  projects: FundProjectRow[];
}
/** 万元 → fen */
const wan = (n: number) => Math.round(n * 1_000_000);

describe("leverageOf (pure)", () => {
  it.each([
    [0, 0, null],
    [0, 500, null],
    [100, 0, 0],
    [100, 350, 3.5],
    [166, 1230, 7.41],
    [3, 1, 0.33],
  ])("fund %d, alongside %d → %s", (fund, co, expected) => {
    expect(leverageOf(fund, co)).toBe(expected);
  });
});

describe.each(backends)("funds on %s", (backend) => {
  let t: TestApp;
  const clock = new Date("2026-11-02T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"etdz" | "zhangjiang" | "ningbo" | "jingrui" | "rongqi" | "rongqiProject", string>;
  const get = (url: string, who: Who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object, who: Who = "admin") =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const err = (res: Parameters<typeof json>[0]) => json<ErrorBody>(res).error;
  const detail = async (id: string, who: Who = "admin") =>
    json<Detail>(await get(`/api/funds/${id}/detail`, who));
  let serial = 0;
  const newFund = async (over: object = {}, who: Who = "admin") => {
    serial += 1;
    const res = await send(
      "POST",
      "/api/funds",
      {
        name: `测试产业基金${serial}号`,
        parkId: ids.etdz,
        sizeFen: wan(10_000),
        committedFen: wan(1_000),
        governmentFen: wan(2_000),
        inceptionOn: "2025-01-10",
        termYears: 7,
        focus: ["半导体"],
        ...over,
      },
      who,
    );
    expect(res.statusCode, res.body).toBe(201);
    return json<FundRow>(res);
  };
  const invest = (fundId: string, fund: number, co: number, who: Who = "admin", over: object = {}) =>
    send(
      "POST",
      `/api/funds/${fundId}/investments`,
      {
        enterpriseId: ids.jingrui,
        amountFen: wan(fund),
        coInvestFen: wan(co),
        investedOn: "2026-03-01",
        round: "a",
        ...over,
      },
      who,
    );

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of ["admin", "leader", "officer", "officer2"] as Who[]) cookies[u] = await t.login(u);
    const parks = json<Page<{ id: string; name: string }>>(await get("/api/parks?pageSize=200")).items;
    ids.etdz = parks.find((p) => p.name === "丽水经济技术开发区")!.id;
    ids.zhangjiang = parks.find((p) => p.name === "丽水经开区上海张江飞地")!.id;
    ids.ningbo = parks.find((p) => p.name === "丽水经开区宁波杭州湾飞地园区")!.id;
    const firms = json<Page<{ id: string; name: string }>>(await get("/api/enterprises?q=晶睿")).items;
    ids.jingrui = firms[0]!.id;
    ids.rongqi = json<Page<{ id: string }>>(await get("/api/enterprises?q=容祺")).items[0]!.id;
    ids.rongqiProject = json<Page<{ id: string }>>(await get(`/api/projects?q=${encodeURIComponent("容祺")}`))
      .items[0]!.id;
  });
  afterAll(() => t.close());

  it("loads seed 001's funds: ¥1.66bn of fund money drawing ¥12.3bn alongside, leverage 7.41", async () => {
    const list = json<Page<FundRow>>(await get("/api/funds?sort=sizeFen&order=desc"));
    expect(list.items[0]).toMatchObject({ name: "丽水经开区绿色产业基金", sizeFen: 300_000_000_000 });
    const figures = json<FundFigures>(await get("/api/funds/figures"));
    expect(figures.total.fundFen).toBe(166_000_000_000);
    expect(figures.total.coInvestFen).toBe(1_230_000_000_000);
    expect(figures.total.leverage).toBe(7.41);
    expect(figures.formula).toContain("跟投资金 ÷ 基金出资");
    // 晶睿 (2020) and the four fund-brought projects signed in 2026.
    expect(figures.total.projectsLanded).toBe(5);
    const y2026 = figures.byYear.find((y) => y.year === 2026)!;
    expect(y2026.projectsLanded).toBe(4);
    const green = list.items.find((f) => f.name === "丽水经开区绿色产业基金")!;
    const d = await detail(green.id);
    expect(d.projects.map((p) => p.projectName)).toContain("晶睿电子晶圆片和外延片制造项目");
    expect(d.projects.find((p) => p.projectName.startsWith("晶睿"))).toMatchObject({
      stage: "production",
      fundInvestedFen: 20_000_000_000,
    });
    expect(d.fund.governmentPct).toBe(20);
    const xlsx = await get("/api/funds/figures/export");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
  });

  it.each([
    ["no investment: n/a", [], null],
    ["fund money alone", [[100, 0]], 0],
    ["one deal", [[100, 350]], 3.5],
    [
      "two deals summed, not averaged",
      [
        [100, 200],
        [300, 100],
      ],
      0.75,
    ],
  ] as [string, [number, number][], number | null][])(
    "computes the leverage per fund: %s",
    async (_n, deals, expected) => {
      const f = await newFund();
      for (const [fund, co] of deals) expect((await invest(f.id, fund, co)).statusCode).toBe(201);
      const after = json<FundRow>(await get(`/api/funds/${f.id}`));
      expect(after.leverage).toBe(expected);
      expect(after.investedFen).toBe(wan(deals.reduce((s, [x]) => s + x, 0)));
      expect(after.uncommittedFen).toBe(wan(1_000) - after.investedFen);
    },
  );

  it("refuses an investment above the uncommitted capital, in Chinese, and writes nothing", async () => {
    const f = await newFund();
    expect((await invest(f.id, 600, 1_000)).statusCode).toBe(201);
    const audits = json<Page<unknown>>(await get(`/api/audit?subjectType=fund&subjectId=${f.id}`)).total;
    const res = await invest(f.id, 500, 0);
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toContain("超过基金未投余额 400 万元");
    expect(err(res).details![0]!.path).toBe("amountFen");
    const d = await detail(f.id);
    expect(d.investments).toHaveLength(1);
    expect(d.fund.investedFen).toBe(wan(600));
    expect(json<Page<unknown>>(await get(`/api/audit?subjectType=fund&subjectId=${f.id}`)).total).toBe(
      audits,
    );
    // Exactly the rest is fine; editing an investment counts the others only.
    expect((await invest(f.id, 400, 0)).statusCode).toBe(201);
    const first = (await detail(f.id)).investments.find((i) => i.amountFen === wan(600))!;
    const up = await send("PATCH", `/api/fund-investments/${first.id}`, {
      amountFen: wan(601),
      version: first.version,
    });
    expect(up.statusCode).toBe(400);
    expect(err(up).message).toContain("超过基金未投余额");
    // Capital calls stop at the committed capital too.
    expect(
      (await send("POST", `/api/funds/${f.id}/calls`, { calledOn: "2025-02-01", amountFen: wan(800) }))
        .statusCode,
    ).toBe(201);
    const over = await send("POST", `/api/funds/${f.id}/calls`, {
      calledOn: "2025-03-01",
      amountFen: wan(300),
    });
    expect(over.statusCode).toBe(400);
    expect(err(over).message).toContain("超过认缴规模");
    expect((await detail(f.id)).fund.paidInFen).toBe(wan(800));
    // Lowering the committed capital below what is invested is refused.
    const low = await send("PATCH", `/api/funds/${f.id}`, { committedFen: wan(900), version: f.version });
    expect(low.statusCode).toBe(400);
    expect(err(low).message).toContain("不能低于已投资金额");
  });

  it("refuses bad input: a government share above the size, no target, an exit before the investment", async () => {
    const bad = await send("POST", "/api/funds", {
      name: "坏基金",
      parkId: ids.etdz,
      sizeFen: wan(100),
      committedFen: wan(100),
      governmentFen: wan(200),
      inceptionOn: "2025-01-01",
      termYears: 5,
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(err(bad))).toContain("政府出资不能超过基金规模");
    const f = await newFund();
    const none = await send("POST", `/api/funds/${f.id}/investments`, {
      amountFen: wan(10),
      investedOn: "2026-01-01",
    });
    expect(none.statusCode).toBe(400);
    expect(JSON.stringify(err(none))).toContain("请选择被投企业或项目");
    const inv = json<InvestmentRow>(await invest(f.id, 100, 50));
    const early = await send("POST", `/api/funds/${f.id}/exits`, {
      investmentId: inv.id,
      exitedOn: "2025-01-01",
      proceedsFen: wan(150),
      way: "transfer",
    });
    expect(early.statusCode).toBe(400);
    expect(err(early).message).toContain("退出日期不能早于投资日期");
    const exit = await send("POST", `/api/funds/${f.id}/exits`, {
      investmentId: inv.id,
      exitedOn: "2026-09-01",
      proceedsFen: wan(150),
      way: "transfer",
    });
    expect(exit.statusCode, exit.body).toBe(201);
    expect((await detail(f.id)).fund.exitProceedsFen).toBe(wan(150));
  });

  it("links a project the fund brought in, lists its stage and the fund's money, refuses it twice", async () => {
    const f = await newFund();
    const link = await send("POST", `/api/funds/${f.id}/projects`, { projectId: ids.rongqiProject });
    expect(link.statusCode, link.body).toBe(201);
    expect(
      (await invest(f.id, 300, 900, "admin", { projectId: ids.rongqiProject, enterpriseId: ids.rongqi }))
        .statusCode,
    ).toBe(201);
    const d = await detail(f.id);
    expect(d.projects).toHaveLength(1);
    expect(d.projects[0]).toMatchObject({ stage: "construction", fundInvestedFen: wan(300) });
    expect(d.investments[0]!.projectName).toContain("容祺");
    const again = await send("POST", `/api/funds/${f.id}/projects`, { projectId: ids.rongqiProject });
    expect(again.statusCode).toBe(409);
    expect(err(again).message).toContain("已关联到本基金");
    const gone = await send(
      "DELETE",
      `/api/funds/${f.id}/projects/${d.projects[0]!.id}?version=${d.projects[0]!.version}`,
    );
    expect(gone.statusCode).toBe(204);
    // A fund with investments cannot be deleted.
    const del = await send("DELETE", `/api/funds/${f.id}?version=${d.fund.version}`);
    expect(del.statusCode).toBe(409);
  });

  it("answers a stale version with 409 and keeps the newer change", async () => {
    const f = await newFund();
    expect(
      (await send("PATCH", `/api/funds/${f.id}`, { status: "exiting", version: f.version })).statusCode,
    ).toBe(200);
    const stale = await send("PATCH", `/api/funds/${f.id}`, { termYears: 9, version: f.version });
    expect(stale.statusCode).toBe(409);
    const now = json<FundRow>(await get(`/api/funds/${f.id}`));
    expect(now).toMatchObject({ status: "exiting", termYears: 7 });
    const inv = json<InvestmentRow>(await invest(f.id, 10, 10));
    expect(
      (await send("PATCH", `/api/fund-investments/${inv.id}`, { coInvestFen: wan(30), version: inv.version }))
        .statusCode,
    ).toBe(200);
    const old = await send("PATCH", `/api/fund-investments/${inv.id}`, {
      coInvestFen: wan(99),
      version: inv.version,
    });
    expect(old.statusCode).toBe(409);
    expect(json<FundRow>(await get(`/api/funds/${f.id}`)).coInvestFen).toBe(wan(30));
    const history = json<Page<{ action: string }>>(
      await get(`/api/audit?subjectType=fund&subjectId=${f.id}`),
    );
    expect(history.items.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "update"]));
  });

  it("keeps scope (404) and rights (403)", async () => {
    const f = await newFund({ parkId: ids.zhangjiang }, "officer");
    expect(f.parkName).toBe("丽水经开区上海张江飞地");
    expect((await get(`/api/funds/${f.id}`, "officer")).statusCode).toBe(200);
    // officer2 works the Ningbo enclave: the Zhangjiang fund does not exist for them.
    expect((await get(`/api/funds/${f.id}`, "officer2")).statusCode).toBe(404);
    expect((await get(`/api/funds/${f.id}/detail`, "officer2")).statusCode).toBe(404);
    expect((await invest(f.id, 1, 1, "officer2")).statusCode).toBe(404);
    expect(json<Page<FundRow>>(await get("/api/funds", "officer2")).items.map((x) => x.id)).not.toContain(
      f.id,
    );
    // A park outside the officer's scope is refused.
    const outside = await send(
      "POST",
      "/api/funds",
      {
        name: "越界基金",
        parkId: ids.ningbo,
        sizeFen: 100,
        committedFen: 100,
        inceptionOn: "2025-01-01",
        termYears: 5,
      },
      "officer",
    );
    expect(outside.statusCode).toBe(400);
    expect(err(outside).message).toContain("不在您的管辖范围内");
    // The leader reads the fund but may not write to it.
    expect((await get(`/api/funds/${f.id}`, "leader")).statusCode).toBe(200);
    expect(
      (await send("PATCH", `/api/funds/${f.id}`, { termYears: 3, version: f.version }, "leader")).statusCode,
    ).toBe(403);
    expect((await invest(f.id, 1, 1, "leader")).statusCode).toBe(403);
    const create = await send(
      "POST",
      "/api/funds",
      {
        name: "领导基金",
        parkId: ids.etdz,
        sizeFen: 100,
        committedFen: 100,
        inceptionOn: "2025-01-01",
        termYears: 5,
      },
      "leader",
    );
    expect(create.statusCode).toBe(403);
  });

  it("offers KPI indicators computed per park, and repoints its firms on a merge", async () => {
    const listed = json<{ items: { key: string }[] }>(await get("/api/kpi/indicators")).items.map(
      (i) => i.key,
    );
    expect(listed).toEqual(
      expect.arrayContaining(["funds.invested", "funds.leverage", "funds.projects_landed"]),
    );
    const args = { unitKind: "park" as const, unitIds: [ids.etdz], from: "2026-01-01", to: "2026-12-31" };
    const db = t.database.db;
    const invested = await computeIndicator(db, computedIndicator("funds.invested")!, args);
    const leverage = await computeIndicator(db, computedIndicator("funds.leverage")!, args);
    const landed = await computeIndicator(db, computedIndicator("funds.projects_landed")!, args);
    expect(invested.get(ids.etdz)).toBeGreaterThanOrEqual(52_000); // 珏芯 + 光珀 + 意芯 + 航迅, 万元
    expect(leverage.get(ids.etdz)).toBeGreaterThan(0);
    expect(landed.get(ids.etdz)).toBe(4);
    const none = await computeIndicator(db, computedIndicator("funds.leverage")!, {
      ...args,
      unitIds: [ids.ningbo],
    });
    expect(none.has(ids.ningbo)).toBe(false);

    // A duplicate of 容祺 merged into it: the fund's investment follows.
    const region = json<FundRow>(await get(`/api/funds/${(await newFund()).id}`)).regionId;
    const dup = await send("POST", "/api/enterprises", {
      name: "容祺科技（重复录入）",
      regionId: region,
      parkId: ids.etdz,
    });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = json<{ id: string }>(dup).id;
    const f = await newFund({ managerId: dupId });
    const inv = json<InvestmentRow>(await invest(f.id, 5, 5, "admin", { enterpriseId: dupId }));
    const into = json<{ version: number }>(await get(`/api/enterprises/${ids.rongqi}`));
    const merged = await send("POST", `/api/enterprises/${ids.rongqi}/merge`, {
      sourceId: dupId,
      version: into.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const d = await detail(f.id);
    expect(d.fund.managerId).toBe(ids.rongqi);
    expect(d.investments.find((i) => i.id === inv.id)!.enterpriseId).toBe(ids.rongqi);
  });
});
