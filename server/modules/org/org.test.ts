import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Park {
  id: string;
  name: string;
  version: number;
  parentId: string | null;
  parentName: string | null;
}

describe.each(backends)("org records on %s", (backend) => {
  let t: TestApp;
  let cookie: string;
  let regionId: string;
  const req = (method: "POST" | "PATCH" | "DELETE" | "GET", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, payload });
  beforeAll(async () => {
    t = await testApp(backend);
    cookie = await t.login("admin");
    regionId = json<{ items: { id: string }[] }>(await req("GET", "/api/regions?q=高邮市")).items[0]!.id;
  });
  afterAll(() => t.close());

  it("creates, edits with versions (409 when stale) and deletes a park", async () => {
    const res = await req("POST", "/api/parks", {
      regionId,
      name: "高邮测试园",
      kind: "provincial_dz",
      areaM2: 100000,
    });
    expect(res.statusCode).toBe(201);
    const p = json<Park>(res);
    const edit = await req("PATCH", `/api/parks/${p.id}`, { shortName: "高测", version: p.version });
    expect(json<Park>(edit).version).toBe(2);
    const stale = await req("PATCH", `/api/parks/${p.id}`, { shortName: "旧", version: p.version });
    expect(stale.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(stale).error.code).toBe("STALE_VERSION");
    expect((await req("DELETE", `/api/parks/${p.id}?version=1`)).statusCode).toBe(409);
    expect((await req("DELETE", `/api/parks/${p.id}?version=2`)).statusCode).toBe(204);
    expect((await req("GET", `/api/parks/${p.id}`)).statusCode).toBe(404);
  });

  it("refuses a duplicate name and a park still holding sub-parks", async () => {
    const parent = json<Park>(
      await req("POST", "/api/parks", { regionId, name: "一区", kind: "provincial_dz" }),
    );
    const dup = await req("POST", "/api/parks", { regionId, name: "一区", kind: "provincial_dz" });
    expect(dup.statusCode).toBe(409);
    expect(json<{ error: { message: string; details: { path: string }[] } }>(dup).error).toMatchObject({
      message: "同一行政区下已有同名园区",
      details: [{ path: "name" }],
    });
    const child = json<Park>(
      await req("POST", "/api/parks", {
        regionId,
        name: "一区·北园",
        kind: "industrial_park",
        parentId: parent.id,
      }),
    );
    expect(child.parentName).toBe("一区");
    const del = await req("DELETE", `/api/parks/${parent.id}?version=1`);
    expect(del.statusCode).toBe(409);
    expect((await req("GET", `/api/parks/${parent.id}`)).statusCode).toBe(200);
  });

  it("filters, sorts and pages lists", async () => {
    const page = json<{ items: Park[]; total: number; page: number; pageSize: number }>(
      await req("GET", "/api/parks?kind=enclave&sort=name&order=desc&pageSize=2"),
    );
    expect(page.total).toBe(3);
    expect(page.items).toHaveLength(2);
    const names = page.items.map((p) => p.name);
    expect([...names].sort().reverse()).toEqual(names);
  });

  it("exports the filtered list to xlsx with the exporter's watermark", async () => {
    const res = await req("GET", "/api/parks/export?kind=enclave");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe("园区名称");
    expect(ws.rowCount).toBe(1 + 3 + 1);
    expect(String(ws.getRow(5).getCell(1).value)).toContain("王晓东");
    expect(ws.headerFooter.oddHeader).toContain("王晓东");

    // With the watermark switched off by the administrator, the sheet carries none.
    expect((await req("PATCH", "/api/settings", { watermark: false })).statusCode).toBe(200);
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(
      (await req("GET", "/api/parks/export?kind=enclave")).rawPayload as unknown as ArrayBuffer,
    );
    const sheet = plain.worksheets[0]!;
    expect(sheet.rowCount).toBe(1 + 3);
    expect(sheet.headerFooter?.oddHeader ?? "").not.toContain("王晓东");
    expect((await req("PATCH", "/api/settings", { watermark: true })).statusCode).toBe(200);
  });

  it("manages teams and departments the same way", async () => {
    const team = await req("POST", "/api/teams", {
      regionId,
      name: "高邮驻沪组",
      kind: "stationed",
      stationCity: "上海",
    });
    expect(team.statusCode).toBe(201);
    const dept = await req("POST", "/api/departments", { regionId, name: "高邮市交通运输局" });
    expect(dept.statusCode).toBe(201);
    const d = json<{ id: string; version: number }>(dept);
    expect(
      json<{ phone: string }>(
        await req("PATCH", `/api/departments/${d.id}`, { phone: "0514-1234", version: 1 }),
      ).phone,
    ).toBe("0514-1234");
    expect((await req("GET", `/api/teams?q=驻沪`)).json().total).toBeGreaterThan(0);
  });

  it("refuses impossible areas and phone numbers, writing nothing", async () => {
    const huge = await req("POST", "/api/parks", { regionId, name: "巨型园", kind: "other", areaM2: 1e20 });
    expect(huge.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(huge).error.details[0]!.path).toBe("areaM2");
    const tiny = await req("POST", "/api/parks", {
      regionId,
      name: "微型园",
      kind: "other",
      areaM2: 0.000001,
    });
    expect(tiny.statusCode).toBe(400);
    const phone = await req("POST", "/api/departments", { regionId, name: "电话局", phone: "abc" });
    expect(phone.statusCode).toBe(400);
    expect((await req("GET", "/api/parks?q=巨型园")).json().total).toBe(0);
  });

  it("lists newest first unless asked otherwise", async () => {
    const first = json<{ items: Park[] }>(await req("GET", "/api/parks?pageSize=1")).items[0]!;
    const created = json<Park>(
      await req("POST", "/api/parks", { regionId, name: "最新园区", kind: "other" }),
    );
    expect(json<{ items: Park[] }>(await req("GET", "/api/parks?pageSize=1")).items[0]!.id).toBe(created.id);
    expect(first.id).not.toBe(created.id);
  });

  it("checks a coded region against its parent, and renames or deletes only platforms", async () => {
    const wrong = await req("POST", "/api/regions", { parentId: regionId, name: "乱码区", code: "999999" });
    expect(wrong.statusCode).toBe(400);
    expect(json<{ error: { details: { path: string }[] } }>(wrong).error.details[0]!.path).toBe("code");
    const yz = json<{ items: { id: string; code: string }[] }>(await req("GET", "/api/regions?q=扬州市"))
      .items[0]!;
    const coded = await req("POST", "/api/regions", {
      parentId: yz.id,
      name: "扬州测试功能区",
      code: "321099",
    });
    expect(json<{ level: string }>(coded).level).toBe("county");
    const dup = await req("POST", "/api/regions", { parentId: yz.id, name: "扬州另一区", code: "321099" });
    expect(json<{ error: { details: { path: string }[] } }>(dup).error.details[0]!.path).toBe("code");
    expect((await req("PATCH", `/api/regions/${regionId}`, { name: "改名" })).statusCode).toBe(403);
    const platform = json<{ id: string }>(
      await req("POST", "/api/regions", { parentId: regionId, name: "临时平台" }),
    );
    expect(
      json<{ name: string }>(await req("PATCH", `/api/regions/${platform.id}`, { name: "正式平台" })).name,
    ).toBe("正式平台");
    await req("POST", "/api/parks", { regionId: platform.id, name: "平台上的园区", kind: "other" });
    expect((await req("DELETE", `/api/regions/${platform.id}`)).statusCode).toBe(409);
    const empty = json<{ id: string }>(
      await req("POST", "/api/regions", { parentId: regionId, name: "空平台" }),
    );
    expect((await req("DELETE", `/api/regions/${empty.id}`)).statusCode).toBe(204);
  });

  it("says which regions have children, for the lazy tree", async () => {
    const tops = json<{ items: { name: string; hasChildren: boolean }[] }>(
      await req("GET", "/api/regions?roots=true"),
    );
    expect(tops.items.find((r) => r.name === "浙江省")?.hasChildren).toBe(true);
    const counties = json<{ items: { name: string; hasChildren: boolean }[] }>(
      await req("GET", `/api/regions?parentId=${regionId}`),
    );
    expect(counties.items.every((r) => r.hasChildren === false)).toBe(true);
  });

  it("adds a platform under a region and browses the tree", async () => {
    const res = await req("POST", "/api/regions", { parentId: regionId, name: "高邮高新区平台" });
    expect(res.statusCode).toBe(201);
    const children = json<{ items: { name: string; level: string }[] }>(
      await req("GET", `/api/regions?parentId=${regionId}`),
    );
    expect(children.items).toContainEqual(
      expect.objectContaining({ name: "高邮高新区平台", level: "platform" }),
    );
    const detail = json<{ ancestors: { name: string }[] }>(
      await req("GET", `/api/regions/${json<{ id: string }>(res).id}`),
    );
    expect(detail.ancestors.map((a) => a.name)).toEqual(["江苏省", "扬州市", "高邮市"]);
  });

  it("creates a user with a generated password who must change it", async () => {
    const res = await req("POST", "/api/users", {
      username: "gaoyou01",
      name: "高邮专员",
      regionId,
      roles: ["officer", "service_specialist"],
      scopes: [{ kind: "region", refId: regionId }],
    });
    expect(res.statusCode).toBe(201);
    const { user, password } = json<{ user: { id: string; roles: string[] }; password: string }>(res);
    expect(user.roles.sort()).toEqual(["officer", "service_specialist"]);
    const login = await t.login("gaoyou01", password);
    const me = json<{ user: { mustChangePassword: boolean; permissions: string[] } }>(
      await t.app.inject({ url: "/api/session/me", headers: { cookie: login } }),
    );
    expect(me.user.mustChangePassword).toBe(true);
    const reset = json<{ password: string }>(await req("POST", `/api/users/${user.id}/reset-password`));
    expect((await t.app.inject({ url: "/api/session/me", headers: { cookie: login } })).statusCode).toBe(401);
    await t.login("gaoyou01", reset.password);
    const dup = await req("POST", "/api/users", {
      username: "GAOYOU01",
      name: "x",
      regionId,
      roles: ["officer"],
      scopes: [{ kind: "region", refId: regionId }],
    });
    expect(dup.statusCode).toBe(409);
  });
});
