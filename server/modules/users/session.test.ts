import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { sessions, users } from "./users.table.js";

interface ErrorRes {
  error: { code: string; message: string; details?: { path: string; message: string }[]; requestId: string };
}

describe.each(backends)("sessions on %s", (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp(backend);
  });
  afterAll(() => t.close());

  it("logs in, answers me, logs out", async () => {
    const cookie = await t.login("admin");
    expect(cookie).toMatch(/zhaoyin\.session_token=/);
    const me = await t.app.inject({ url: "/api/session/me", headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(json<{ user: { username: string; permissions: string[] } }>(me).user).toMatchObject({
      username: "admin",
    });
    const out = await t.app.inject({ method: "POST", url: "/api/session/logout", headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ url: "/api/session/me", headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(json<ErrorRes>(after).error.code).toBe("UNAUTHENTICATED");
  });

  it("sets an httpOnly SameSite cookie", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session/login",
      payload: { username: "leader", password: "Demo@2026pw" },
    });
    const raw = String(res.headers["set-cookie"]);
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
  });

  it("refuses a wrong password with 401 in the request's language", async () => {
    const zh = await t.app.inject({
      method: "POST",
      url: "/api/session/login",
      payload: { username: "officer", password: "nope" },
    });
    expect(zh.statusCode).toBe(401);
    expect(json<ErrorRes>(zh).error).toMatchObject({ code: "BAD_CREDENTIALS", message: "用户名或密码错误" });
    const en = await t.app.inject({
      method: "POST",
      url: "/api/session/login",
      headers: { "accept-language": "en-US,en" },
      payload: { username: "nobody", password: "nope" },
    });
    expect(json<ErrorRes>(en).error.message).toBe("Wrong username or password");
  });

  it("expires a session whose time is up", async () => {
    const cookie = await t.login("specialist");
    const u = await t.database.db.select().from(users).where(eq(users.username, "specialist"));
    await t.database.db
      .update(sessions)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(sessions.userId, u[0]!.id));
    const res = await t.app.inject({ url: "/api/session/me", headers: { cookie } });
    expect(res.statusCode).toBe(401);
  });

  it("locks the account after repeated failures, then an admin unlocks it", async () => {
    const bad = () =>
      t.app.inject({
        method: "POST",
        url: "/api/session/login",
        payload: { username: "teamlead", password: "wrong-pass" },
      });
    expect((await bad()).statusCode).toBe(401);
    expect((await bad()).statusCode).toBe(401);
    const third = await bad();
    expect(third.statusCode).toBe(423);
    expect(json<ErrorRes>(third).error.code).toBe("ACCOUNT_LOCKED");
    const good = await t.app.inject({
      method: "POST",
      url: "/api/session/login",
      payload: { username: "teamlead", password: "Demo@2026pw" },
    });
    expect(good.statusCode).toBe(423);
    const admin = await t.login("admin");
    const [u] = await t.database.db.select().from(users).where(eq(users.username, "teamlead"));
    const unlock = await t.app.inject({
      method: "POST",
      url: `/api/users/${u!.id}/unlock`,
      headers: { cookie: admin },
    });
    expect(unlock.statusCode).toBe(200);
    await t.login("teamlead");
  });

  it("answers 401 to every API route without a session", async () => {
    for (const url of ["/api/parks", "/api/users", "/api/audit", "/api/settings"]) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it("acts on an admin's change to a user at their next request, cached session or not", async () => {
    const admin = await t.login("admin");
    const cookie = await t.login("officer2");
    const me = () => t.app.inject({ url: "/api/session/me", headers: { cookie } });
    expect(json<{ user: { roles: string[] } }>(await me()).user.roles).toEqual(["officer"]);
    const [u] = await t.database.db.select().from(users).where(eq(users.username, "officer2"));
    const patch = (payload: object) =>
      t.app.inject({ method: "PATCH", url: `/api/users/${u!.id}`, headers: { cookie: admin }, payload });
    expect((await patch({ roles: ["officer", "team_lead"], version: u!.version })).statusCode).toBe(200);
    expect(json<{ user: { roles: string[] } }>(await me()).user.roles).toEqual(["officer", "team_lead"]);
    expect((await patch({ active: false, version: u!.version + 1 })).statusCode).toBe(200);
    expect((await me()).statusCode).toBe(401);
  });

  it("changes the password and revokes other sessions", async () => {
    const first = await t.login("expert");
    const second = await t.login("expert");
    const res = await t.app.inject({
      method: "POST",
      url: "/api/session/password",
      headers: { cookie: first },
      payload: { currentPassword: "Demo@2026pw", newPassword: "NewPass2026" },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: "/api/session/me", headers: { cookie: second } })).statusCode).toBe(
      401,
    );
    await t.login("expert", "NewPass2026");
  });
});
