import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SavedView } from "../../../common/views.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

describe.each(backends)("saved views on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, who = "officer") =>
    t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload: payload as object }),
      headers: { cookie: cookies[who]! },
    });
  const list = async (who: string, listKey = "projects") => {
    const res = await t.app.inject({
      url: `/api/views?listKey=${listKey}`,
      headers: { cookie: cookies[who]! },
    });
    expect(res.statusCode, res.body).toBe(200);
    return json<{ items: SavedView[] }>(res).items;
  };
  const names = async (who: string, listKey = "projects") => (await list(who, listKey)).map((v) => v.name);
  const message = (res: { json: () => unknown }) => (res.json() as ErrorBody).error.message;

  beforeAll(async () => {
    t = await testApp(backend);
    // officer, officer2 and teamlead share a home region (丽水经开区) and no department; the
    // handler belongs to a department; qtofficer lives in another region.
    for (const u of ["admin", "officer", "officer2", "teamlead", "handler", "qtofficer"])
      cookies[u] = await t.login(u);
  });
  afterAll(() => t.close());

  const ids: Record<string, string> = {};

  it("saves a personal view of a list's filters and sort, seen by its owner alone", async () => {
    const res = await send("POST", "/api/views", {
      listKey: "projects",
      name: "  张江签约项目  ",
      state: { stage: "signed", parkId: "0190a000-0000-7000-8000-000000000001", sort: "name", order: "asc" },
    });
    expect(res.statusCode, res.body).toBe(201);
    const v = json<SavedView>(res);
    expect(v).toEqual(
      expect.objectContaining({
        name: "张江签约项目",
        listKey: "projects",
        shared: false,
        mine: true,
        ownerName: "吴佳琪",
        version: 1,
        state: {
          stage: "signed",
          parkId: "0190a000-0000-7000-8000-000000000001",
          sort: "name",
          order: "asc",
        },
      }),
    );
    ids.personal = v.id;
    expect(await names("officer")).toEqual(["张江签约项目"]);
    expect(await names("officer2")).toEqual([]);
    // Another list's dropdown does not show it.
    expect(await names("officer", "enterprises")).toEqual([]);
  });

  it("shares a view with the owner's unit: their region's colleagues, not another region or a department", async () => {
    const res = await send("POST", "/api/views", {
      listKey: "projects",
      name: "逾期项目",
      shared: true,
      state: { overdue: "yes" },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.shared = json<SavedView>(res).id;
    expect(await names("officer")).toEqual(["张江签约项目", "逾期项目"]);
    const theirs = await list("officer2");
    expect(theirs).toEqual([expect.objectContaining({ name: "逾期项目", mine: false, ownerName: "吴佳琪" })]);
    expect(await names("teamlead")).toEqual(["逾期项目"]);
    expect(await names("qtofficer")).toEqual([]);
    expect(await names("handler")).toEqual([]);
    // officer2's own view comes before the shared one in their dropdown.
    const own = await send(
      "POST",
      "/api/views",
      { listKey: "projects", name: "宁波项目", state: {} },
      "officer2",
    );
    expect(own.statusCode, own.body).toBe(201);
    ids.other = json<SavedView>(own).id;
    expect(await names("officer2")).toEqual(["宁波项目", "逾期项目"]);
  });

  it("refuses bad input with Chinese messages and writes nothing", async () => {
    const blank = await send("POST", "/api/views", { listKey: "projects", name: "  ", state: {} });
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain("请填写视图名称");
    const long = await send("POST", "/api/views", { listKey: "projects", name: "视".repeat(41), state: {} });
    expect(long.body).toContain("不能超过 40 个字");
    const key = await send("POST", "/api/views", { listKey: "项目", name: "甲", state: {} });
    expect(key.statusCode).toBe(400);
    expect(key.body).toContain("列表标识无效");
    const state = await send("POST", "/api/views", { listKey: "projects", name: "甲", state: { stage: 3 } });
    expect(state.statusCode).toBe(400);
    const dup = await send("POST", "/api/views", { listKey: "projects", name: "逾期项目", state: {} });
    expect(dup.statusCode).toBe(409);
    expect(json<ErrorBody>(dup).error.code).toBe("DUPLICATE");
    expect(message(dup)).toContain("同名视图");
    // The same name on another list, or by another user, is no clash.
    expect(
      (await send("POST", "/api/views", { listKey: "projects", name: "张江签约项目", state: {} }, "officer2"))
        .statusCode,
    ).toBe(201);
    expect(await names("officer")).toEqual(["张江签约项目", "逾期项目"]);
    expect((await t.app.inject({ url: "/api/views?listKey=projects" })).statusCode).toBe(401);
  });

  it("renames and unshares a view, refusing a stale version (409) and a taken name", async () => {
    const renamed = await send("PATCH", `/api/views/${ids.shared}`, { name: "逾期未办结项目", version: 1 });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(json<SavedView>(renamed)).toEqual(expect.objectContaining({ name: "逾期未办结项目", version: 2 }));
    expect(await names("officer2")).toContain("逾期未办结项目");
    const stale = await send("PATCH", `/api/views/${ids.shared}`, { name: "旧名", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json<ErrorBody>(stale).error.code).toBe("STALE_VERSION");
    const taken = await send("PATCH", `/api/views/${ids.shared}`, { name: "张江签约项目", version: 2 });
    expect(taken.statusCode).toBe(409);
    expect(message(taken)).toContain("同名视图");
    const unshared = await send("PATCH", `/api/views/${ids.shared}`, { shared: false, version: 2 });
    expect(unshared.statusCode, unshared.body).toBe(200);
    expect(await names("officer2")).not.toContain("逾期未办结项目");
    const reshared = await send("PATCH", `/api/views/${ids.shared}`, { shared: true, version: 3 });
    expect(json<SavedView>(reshared).shared).toBe(true);
  });

  it("keeps others' views to themselves: 404 for a personal one, 403 for one shared with me", async () => {
    expect(
      (await send("PATCH", `/api/views/${ids.personal}`, { name: "我的", version: 1 }, "officer2"))
        .statusCode,
    ).toBe(404);
    expect(
      (await send("DELETE", `/api/views/${ids.personal}?version=1`, undefined, "officer2")).statusCode,
    ).toBe(404);
    expect((await send("DELETE", `/api/views/${ids.other}?version=1`)).statusCode).toBe(404);
    const shared = await send("PATCH", `/api/views/${ids.shared}`, { name: "改名", version: 4 }, "officer2");
    expect(shared.statusCode).toBe(403);
    expect(message(shared)).toContain("只能修改或删除自己保存的视图");
    expect(
      (await send("DELETE", `/api/views/${ids.shared}?version=4`, undefined, "officer2")).statusCode,
    ).toBe(403);
    expect(
      (await send("DELETE", `/api/views/${ids.shared}?version=4`, undefined, "qtofficer")).statusCode,
    ).toBe(404);
    expect((await send("PATCH", "/api/views/not-a-uuid", { name: "甲", version: 1 })).statusCode).toBe(400);
    expect(await names("officer")).toEqual(["张江签约项目", "逾期未办结项目"]);
  });

  it("shares a department handler's view with their department", async () => {
    const res = await send(
      "POST",
      "/api/views",
      { listKey: "nodes", name: "本部门逾期", shared: true, state: { due: "overdue" } },
      "handler",
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(await names("handler", "nodes")).toEqual(["本部门逾期"]);
    expect(await names("officer", "nodes")).toEqual([]);
  });

  it("deletes a view with its version, and audits each change", async () => {
    expect((await send("DELETE", `/api/views/${ids.personal}?version=7`)).statusCode).toBe(409);
    const del = await send("DELETE", `/api/views/${ids.personal}?version=1`);
    expect(del.statusCode, del.body).toBe(204);
    expect(await names("officer")).toEqual(["逾期未办结项目"]);
    expect((await send("DELETE", `/api/views/${ids.personal}?version=1`)).statusCode).toBe(404);
    const trail = json<{ items: { action: string; meta: { label?: string } | null }[] }>(
      await t.app.inject({
        url: `/api/audit?subjectType=setting&subjectId=${ids.shared}&order=asc`,
        headers: { cookie: cookies.admin! },
      }),
    ).items;
    expect(trail.map((e) => e.action)).toEqual(["create", "update", "update", "update"]);
    expect(trail[1]!.meta?.label).toBe("列表视图：逾期未办结项目");
    const gone = json<{ items: { action: string }[] }>(
      await t.app.inject({
        url: `/api/audit?subjectType=setting&subjectId=${ids.personal}`,
        headers: { cookie: cookies.admin! },
      }),
    ).items;
    expect(gone.map((e) => e.action)).toContain("delete");
  });
});
