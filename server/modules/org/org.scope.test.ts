import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Row {
  id: string;
  name: string;
  version: number;
  regionName: string;
}
interface Page {
  items: Row[];
  total: number;
}

describe.each(backends)("data scope on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  const parkId = async (name: string) => {
    const res = await t.app.inject({
      url: `/api/parks?q=${encodeURIComponent(name)}`,
      headers: { cookie: admin },
    });
    return json<Page>(res).items[0]!;
  };
  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  it("an officer of park A gets 404 for park B and cannot write it, 403 writing A", async () => {
    const officer = await t.login("officer"); // scoped to the Zhangjiang enclave
    const a = await parkId("张江");
    const b = await parkId("宁波");
    const list = json<Page>(await t.app.inject({ url: "/api/parks", headers: { cookie: officer } }));
    expect(list.items.map((p) => p.id)).toEqual([a.id]);
    expect((await t.app.inject({ url: `/api/parks/${a.id}`, headers: { cookie: officer } })).statusCode).toBe(
      200,
    );
    const getB = await t.app.inject({ url: `/api/parks/${b.id}`, headers: { cookie: officer } });
    expect(getB.statusCode).toBe(404);
    expect(getB.body).not.toContain("宁波");
    const patchB = await t.app.inject({
      method: "PATCH",
      url: `/api/parks/${b.id}`,
      headers: { cookie: officer },
      payload: { name: "改名", version: b.version },
    });
    expect(patchB.statusCode).toBe(404);
    const deleteB = await t.app.inject({
      method: "DELETE",
      url: `/api/parks/${b.id}?version=${b.version}`,
      headers: { cookie: officer },
    });
    expect(deleteB.statusCode).toBe(404);
    const patchA = await t.app.inject({
      method: "PATCH",
      url: `/api/parks/${a.id}`,
      headers: { cookie: officer },
      payload: { name: "改名", version: a.version },
    });
    expect(patchA.statusCode).toBe(403);
    expect((await parkId("宁波")).name).not.toBe("改名");
  });

  it("a city user sees its counties' and platforms' parks, not another city's", async () => {
    const leader = await t.login("leader"); // 丽水市
    const page = json<Page>(
      await t.app.inject({ url: "/api/parks?pageSize=100", headers: { cookie: leader } }),
    );
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.some((p) => p.regionName === "丽水经济技术开发区")).toBe(true);
    expect(page.items.every((p) => !p.name.includes("扬州") && !p.name.includes("钱塘"))).toBe(true);
    const yz = await parkId("扬州");
    expect((await t.app.inject({ url: `/api/parks/${yz.id}`, headers: { cookie: leader } })).statusCode).toBe(
      404,
    );
    const yzLeader = await t.login("yzleader");
    expect(
      (await t.app.inject({ url: `/api/parks/${yz.id}`, headers: { cookie: yzLeader } })).statusCode,
    ).toBe(200);
  });

  it("a department handler sees only its own department", async () => {
    const handler = await t.login("handler");
    const page = json<Page>(await t.app.inject({ url: "/api/departments", headers: { cookie: handler } }));
    expect(page.total).toBe(1);
    const all = json<Page>(
      await t.app.inject({ url: "/api/departments?pageSize=100", headers: { cookie: admin } }),
    );
    const other = all.items.find((d) => d.id !== page.items[0]!.id)!;
    expect(
      (await t.app.inject({ url: `/api/departments/${other.id}`, headers: { cookie: handler } })).statusCode,
    ).toBe(404);
    expect(json<Page>(await t.app.inject({ url: "/api/parks", headers: { cookie: handler } })).total).toBe(0);
  });

  it("a leader may read but not write (403), and may not manage users", async () => {
    const leader = await t.login("leader");
    const page = json<Page>(await t.app.inject({ url: "/api/parks", headers: { cookie: leader } }));
    const p = page.items[0]!;
    const res = await t.app.inject({
      method: "PATCH",
      url: `/api/parks/${p.id}`,
      headers: { cookie: leader },
      payload: { shortName: "x", version: p.version },
    });
    expect(res.statusCode).toBe(403);
    expect((await t.app.inject({ url: "/api/users", headers: { cookie: leader } })).statusCode).toBe(403);
  });

  it("a regional admin cannot create records outside their region (404)", async () => {
    const regions = json<{ items: { id: string; code: string }[] }>(
      await t.app.inject({ url: "/api/regions?q=丽水市", headers: { cookie: admin } }),
    );
    const lishui = regions.items.find((r) => r.code === "331100")!;
    const yz = json<{ items: { id: string; code: string }[] }>(
      await t.app.inject({ url: "/api/regions?q=扬州市", headers: { cookie: admin } }),
    ).items.find((r) => r.code === "321000")!;
    const created = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: admin },
      payload: {
        username: "lsadmin",
        name: "丽水管理员",
        regionId: lishui.id,
        roles: ["admin"],
        scopes: [{ kind: "region", refId: lishui.id }],
        password: "Lishui2026x",
      },
    });
    expect(created.statusCode).toBe(201);
    const lsadmin = await t.login("lsadmin", "Lishui2026x");
    const inside = await t.app.inject({
      method: "POST",
      url: "/api/parks",
      headers: { cookie: lsadmin },
      payload: { regionId: lishui.id, name: "丽水测试园", kind: "industrial_park" },
    });
    expect(inside.statusCode).toBe(201);
    const outside = await t.app.inject({
      method: "POST",
      url: "/api/parks",
      headers: { cookie: lsadmin },
      payload: { regionId: yz.id, name: "越界园区", kind: "industrial_park" },
    });
    expect(outside.statusCode).toBe(404);
    const grantAll = await t.app.inject({
      method: "POST",
      url: "/api/users",
      headers: { cookie: lsadmin },
      payload: {
        username: "sneaky",
        name: "越权",
        regionId: lishui.id,
        roles: ["admin"],
        scopes: [{ kind: "all", refId: null }],
      },
    });
    expect(grantAll.statusCode).toBe(403);
  });
});
