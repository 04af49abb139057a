import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import type { Page, Result } from "./evaluation.fixtures.js";

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
