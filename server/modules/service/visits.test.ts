import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syntheticUscc } from "../../../common/uscc.js";
import type { Coverage, UnvisitedRow, VisitPlanRow, VisitRow } from "../../../common/visit.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { periodOf, periodRange } from "./plans.service.js";

interface Page<T> {
  items: T[];
  total: number;
}
type Who = "admin" | "specialist" | "enterprise" | "qtspecialist" | "leader";

describe("plan periods", () => {
  it.each([
    ["2026", "2026-01-01", "2026-12-31"],
    ["2026-Q1", "2026-01-01", "2026-03-31"],
    ["2026-Q4", "2026-10-01", "2026-12-31"],
    ["2024-02", "2024-02-01", "2024-02-29"],
    ["2026-11", "2026-11-01", "2026-11-30"],
  ])("%s runs from %s to %s", (key, from, to) => {
    expect(periodRange(key)).toEqual({ from, to });
  });
  it("names the period holding a day", () => {
    expect(periodOf("quarter", "2026-12-01")).toBe("2026-Q4");
    expect(periodOf("month", "2026-03-31")).toBe("2026-03");
    expect(periodOf("year", "2026-03-31")).toBe("2026");
  });
});

describe.each(backends)("visits and visit-plan coverage on %s", (backend) => {
  let t: TestApp;
  const clock = new Date("2026-12-01T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const get = (url: string, who: Who = "specialist") =>
    t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (
    method: "POST" | "PATCH" | "PUT" | "DELETE",
    url: string,
    payload: object | undefined,
    who: Who = "specialist",
  ) => t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const firms: string[] = [];
  let region = "";
  let park = "";
  let plan = "";

  beforeAll(async () => {
    t = await testApp(backend, { now: () => clock });
    for (const u of ["admin", "specialist", "enterprise", "qtspecialist", "leader"] as Who[])
      cookies[u] = await t.login(u);
    region = json<Page<{ id: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    ).items[0]!.id;
    park = json<Page<{ id: string; name: string }>>(
      await get(`/api/parks?q=${encodeURIComponent("丽水经开区")}`, "admin"),
    ).items.find((p) => p.name === "丽水经济技术开发区")!.id;
    // Four 规上 firms (two above ¥1bn) and one 规下, all in the specialist's park.
    const specs = [
      { name: "浙江晶睿电子科技有限公司", size: "above", revenue: 150_000 },
      { name: "方正电机（丽水）有限公司", size: "above", revenue: 120_000 },
      { name: "浙江容祺科技有限公司", size: "above", revenue: 30_000 },
      { name: "丽水嘉利工业有限公司", size: "above", revenue: 8_000 },
      { name: "丽水光珀智能科技有限公司", size: "below", revenue: 900 },
    ];
    for (const [i, s] of specs.entries()) {
      const res = await send(
        "POST",
        "/api/enterprises",
        { uscc: syntheticUscc("331100", 700 + i), name: s.name, regionId: region, parkId: park },
        "admin",
      );
      expect(res.statusCode, res.body).toBe(201);
      const id = json<{ id: string }>(res).id;
      firms.push(id);
      await send(
        "PUT",
        `/api/enterprises/${id}/years/2025`,
        { sizeClass: s.size, revenueFen: s.revenue * 1_000_000 },
        "admin",
      );
    }
  });
  afterAll(() => t.close());

  it("records a visit on a firm in scope, not in the future, not outside the scope", async () => {
    const future = await send("POST", "/api/visits", {
      enterpriseId: firms[0],
      visitedOn: "2026-12-02",
      method: "onsite",
      findings: "计划走访",
    });
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain("走访日期不能晚于今天");
    const outside = await send(
      "POST",
      "/api/visits",
      { enterpriseId: firms[0], visitedOn: "2026-11-20", method: "onsite", findings: "走访" },
      "qtspecialist",
    );
    expect(outside.statusCode).toBe(404);
    for (const [firm, day] of [
      [firms[0], "2026-11-20"],
      [firms[0], "2026-10-09"],
      [firms[1], "2026-10-15"],
      [firms[2], "2026-09-30"],
    ] as const) {
      const res = await send("POST", "/api/visits", {
        enterpriseId: firm,
        visitedOn: day,
        method: "onsite",
        metWith: "总经理",
        findings: "生产经营正常，二期扩产有用工需求",
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const list = json<Page<VisitRow>>(await get(`/api/visits?enterpriseId=${firms[0]}`));
    expect(list.items.map((v) => v.visitedOn)).toEqual(["2026-11-20", "2026-10-09"]);
    expect(list.items[0]).toEqual(
      expect.objectContaining({ visitorName: "叶雨婷", enterpriseName: "浙江晶睿电子科技有限公司" }),
    );
    expect((await get("/api/visits", "enterprise")).statusCode).toBe(403);
    const x = await get("/api/visits/export");
    expect(x.headers["content-type"]).toContain("spreadsheetml");
  });

  it("corrects a visit with its version and deletes it after confirmation of the version", async () => {
    const v = json<Page<VisitRow>>(await get(`/api/visits?enterpriseId=${firms[2]}`)).items[0]!;
    const ok = await send("PATCH", `/api/visits/${v.id}`, {
      findings: "已补充：需协调用电增容",
      version: v.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await send("PATCH", `/api/visits/${v.id}`, { findings: "旧版本", version: v.version });
    expect(stale.statusCode).toBe(409);
  });

  it("refuses a plan whose condition names an unknown field or a wrong value", async () => {
    const res = await send("POST", "/api/visit-plans", {
      name: "规上企业季度走访",
      regionId: region,
      parkId: park,
      period: "quarter",
      condition: {
        all: [
          { field: "sizeClass", op: "eq", value: "huge" },
          { field: "nope", op: "eq", value: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const body = JSON.parse(res.body) as { error: { details: { path: string; message: string }[] } };
    expect(body.error.details).toEqual([
      { path: "condition.all.0", message: "「规模类别」等于：「huge」不在可选范围内" },
      { path: "condition.all.1", message: "未知的条件字段「nope」" },
    ]);
  });

  it("counts coverage of every 规上 firm this quarter, by specialist, team and park, and lists the unvisited", async () => {
    const preview = json<{ population: number }>(
      await send("POST", "/api/visit-plans/preview", {
        regionId: region,
        parkId: park,
        condition: { field: "sizeClass", op: "eq", value: "above" },
      }),
    );
    expect(preview.population).toBe(4);
    const res = await send("POST", "/api/visit-plans", {
      name: "规上企业每季度走访",
      regionId: region,
      parkId: park,
      period: "quarter",
      condition: { field: "sizeClass", op: "eq", value: "above" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = json<VisitPlanRow>(res);
    plan = p.id;
    expect(p.conditionText).toBe("「规模类别」等于 规上");
    const c = json<Coverage>(await get(`/api/visit-plans/${plan}/coverage`));
    expect(c).toEqual(
      expect.objectContaining({
        period: "2026-Q4",
        from: "2026-10-01",
        to: "2026-12-31",
        population: 4,
        visited: 2,
        rate: 50,
      }),
    );
    expect(c.byPark).toEqual([
      expect.objectContaining({ name: "丽水经济技术开发区", population: 4, visited: 2, rate: 50 }),
    ]);
    expect(c.bySpecialist).toEqual([
      expect.objectContaining({ id: null, name: "未指定服务专员", population: 4 }),
    ]);
    const q3 = json<Coverage>(await get(`/api/visit-plans/${plan}/coverage?period=2026-Q3`));
    expect(q3).toEqual(expect.objectContaining({ population: 4, visited: 1, rate: 25 }));
    const un = json<Page<UnvisitedRow>>(await get(`/api/visit-plans/${plan}/unvisited`));
    expect(un.items.map((u) => [u.name, u.lastVisitedOn])).toEqual([
      ["丽水嘉利工业有限公司", null],
      ["浙江容祺科技有限公司", "2026-09-30"],
    ]);
    const x = await get(`/api/visit-plans/${plan}/unvisited/export`);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
  });

  it("takes firms above ¥1bn every month as a second population", async () => {
    const res = await send("POST", "/api/visit-plans", {
      name: "亿元以上企业每月走访",
      regionId: region,
      parkId: park,
      period: "month",
      condition: {
        all: [
          { field: "sizeClass", op: "eq", value: "above" },
          { field: "revenue", op: "gte", value: 100_000 },
        ],
      },
    });
    const c = json<Coverage>(
      await get(`/api/visit-plans/${json<VisitPlanRow>(res).id}/coverage?period=2026-11`),
    );
    expect(c).toEqual(expect.objectContaining({ population: 2, visited: 1, rate: 50 }));
    expect((await get(`/api/visit-plans/${plan}/coverage`, "qtspecialist")).statusCode).toBe(404);
  });
});
