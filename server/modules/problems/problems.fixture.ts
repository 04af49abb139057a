import { afterAll, beforeAll, expect } from "vitest";
import type { ProblemRow } from "../../../common/problem.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import type { Backend } from "../../db/client.js";
import { json, type TestApp, testApp } from "../../test/setup.js";

export interface Page<T> {
  items: T[];
  total: number;
}
export interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

/**
 * The problems test's world: the demo organisation, its users logged in, one firm and one project
 * in the Zhangjiang enclave, and helpers that act as a user. Registers its own beforeAll/afterAll.
 */
export function problemsFixture(backend: Backend) {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids = {} as Record<
    "region" | "zhangjiang" | "team" | "zrzy" | "zjj" | "yzzrzy" | "project" | "a" | "b" | "c" | "meeting",
    string
  >;
  const send = (method: "POST" | "PATCH", url: string, payload: unknown, who = "officer") =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "officer") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;
  const problemOf = async (id: string, who = "officer") =>
    json<ProblemRow>(await get(`/api/problems/${id}`, who));
  const act = async (id: string, action: string, body: object, who = "officer") => {
    const p = await problemOf(id, "admin");
    return send("POST", `/api/problems/${id}/${action}`, { version: p.version, ...body }, who);
  };
  const message = (res: { json: () => unknown }) => (res.json() as ErrorBody).error.message;

  beforeAll(async () => {
    t = await testApp(backend);
    for (const u of [
      "admin",
      "officer",
      "officer2",
      "teamlead",
      "handler",
      "leader",
      "yzleader",
      "qthandler",
    ])
      cookies[u] = await t.login(u);
    const regions = json<{ items: { id: string; level: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    );
    ids.region = regions.items.find((r) => r.level === "platform")!.id;
    ids.zhangjiang = await firstId(`/api/parks?q=${encodeURIComponent("张江")}`);
    ids.team = await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    ids.zrzy = await firstId(`/api/departments?q=${encodeURIComponent("丽水市自然资源")}`);
    ids.zjj = await firstId(`/api/departments?q=${encodeURIComponent("丽水市住房和城乡建设")}`);
    ids.yzzrzy = await firstId(`/api/departments?q=${encodeURIComponent("扬州市自然资源")}`);
    const firm = await send("POST", "/api/enterprises", {
      uscc: syntheticUscc("331100", 11),
      name: "丽水晶睿电子科技有限公司",
      regionId: ids.region,
      parkId: ids.zhangjiang,
    });
    expect(firm.statusCode, firm.body).toBe(201);
    const project = await send("POST", "/api/projects", {
      name: "晶睿半导体材料项目",
      channel: "enclave",
      investorId: json<{ id: string }>(firm).id,
      regionId: ids.region,
      parkId: ids.zhangjiang,
      teamId: ids.team,
      leadOn: "2026-09-01",
    });
    expect(project.statusCode, project.body).toBe(201);
    ids.project = json<{ id: string }>(project).id;
  });
  afterAll(() => t.close());

  const raise = (body: object, who = "officer") =>
    send(
      "POST",
      "/api/problems",
      { subjectId: ids.project, title: "项目用地指标尚未落实", category: "land", ...body },
      who,
    );
  return { app: () => t, cookies, ids, send, get, problemOf, act, message, raise };
}
