import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestMigration } from "../db/client.js";
import { park } from "../modules/org/org.table.js";
import { backends, json, type TestApp, testApp } from "../test/setup.js";

interface ErrorRes {
  error: { code: string; message: string; details?: { path: string; message: string }[]; requestId: string };
}

describe.each(backends)("API conventions on %s", (backend) => {
  let t: TestApp;
  let cookie: string;
  let regionId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    cookie = await t.login("admin");
    regionId = json<{ items: { id: string }[] }>(
      await t.app.inject({ url: "/api/regions?q=莲都区", headers: { cookie } }),
    ).items[0]!.id;
  });
  afterAll(() => t.close());
  const parks = async () => (await t.database.db.select({ n: count() }).from(park))[0]!.n;
  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: "POST",
      url: "/api/parks",
      headers: { cookie, "content-type": "application/json", ...headers },
      payload: typeof payload === "string" ? payload : JSON.stringify(payload),
    });

  it("reports health with the backend and migration", async () => {
    const res = await t.app.inject({ url: "/api/health" });
    expect(json<{ status: string; db: string; migration: string }>(res)).toMatchObject({
      status: "ok",
      db: backend,
      migration: await latestMigration(),
    });
  });

  it("answers malformed JSON with 400 BAD_JSON", async () => {
    const res = await post("{not json");
    expect(res.statusCode).toBe(400);
    const body = json<ErrorRes>(res);
    expect(body.error.code).toBe("BAD_JSON");
    expect(body.error.requestId).toBeTruthy();
  });

  it("names the field of a wrong type, and unknown fields", async () => {
    const before = await parks();
    const wrong = json<ErrorRes>(
      await post({ regionId, name: "测试园", kind: "industrial_park", areaM2: "大" }),
    );
    expect(wrong.error.code).toBe("VALIDATION");
    expect(wrong.error.details!.map((d) => d.path)).toContain("areaM2");
    const unknown = json<ErrorRes>(
      await post({ regionId, name: "测试园", kind: "industrial_park", colour: "red" }),
    );
    expect(unknown.error.details!.map((d) => d.path).join()).toContain("colour");
    const en = json<ErrorRes>(await post({ regionId, kind: "industrial_park" }, { "accept-language": "en" }));
    expect(en.error.message).toMatch(/^Invalid input: name/);
    expect(en.error.details).toEqual([{ path: "name", message: "Invalid input: expected string" }]);
    const enUnknown = json<ErrorRes>(
      await post(
        { regionId, name: "测试园", kind: "industrial_park", colour: "red" },
        { "accept-language": "en" },
      ),
    );
    expect(enUnknown.error.details![0]!.message).toBe('Unrecognized key: "colour"');
    expect(await parks()).toBe(before);
  });

  it("answers an oversize body with 413", async () => {
    const res = await post({
      regionId,
      name: "大",
      kind: "industrial_park",
      description: "字".repeat(600_000),
    });
    expect(res.statusCode).toBe(413);
    expect(json<ErrorRes>(res).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers unknown API routes with 404 in the error body", async () => {
    const res = await t.app.inject({ url: "/api/nothing-here", headers: { cookie } });
    expect(res.statusCode).toBe(404);
    expect(json<ErrorRes>(res).error.code).toBe("ROUTE_NOT_FOUND");
    expect((await t.app.inject({ url: "/api/nothing-here" })).statusCode).toBe(404);
  });

  it("serves the OpenAPI document", async () => {
    const res = await t.app.inject({ url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    expect(json<{ paths: Record<string, unknown> }>(res).paths).toHaveProperty("/api/parks");
  });
});
