import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InvitationCreated, InvitationRow } from "../../../common/invitation.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

type Who = "admin" | "specialist" | "qtspecialist" | "leader";

describe.each(backends)("enterprise account invitations on %s", (backend) => {
  let t: TestApp;
  let clock = new Date("2026-12-01T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"jingrui" | "juexin" | "minde", string>;
  let uscc = "";
  const get = (url: string, who?: Who, cookie?: string) =>
    t.app.inject({ url, headers: { cookie: cookie ?? (who ? cookies[who] : "") } });
  const post = (url: string, payload: object, who?: Who) =>
    t.app.inject({ method: "POST", url, payload, headers: who ? { cookie: cookies[who] } : {} });
  const firm = async (q: string) =>
    json<{ items: { id: string; uscc: string | null }[] }>(
      await get(`/api/enterprises?q=${encodeURIComponent(q)}`, "admin"),
    ).items[0]!;
  const invite = async (enterpriseId: string, who: Who = "specialist", validDays = 7) =>
    post(
      `/api/enterprises/${enterpriseId}/invitations`,
      { contactName: "潘丽娟", phone: "13800000000", validDays },
      who,
    );
  const account = { username: "jingrui_pan", password: "Jingrui2026", name: "潘丽娟" };

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of ["admin", "specialist", "qtspecialist", "leader"] as Who[]) cookies[u] = await t.login(u);
    const j = await firm("浙江晶睿");
    ids.jingrui = j.id;
    uscc = j.uscc!;
    ids.juexin = (await firm("珏芯微电子")).id;
    ids.minde = (await firm("民德电子")).id;
  });
  afterAll(() => t.close());

  it("invites only firms in scope, with a USCC, by staff allowed to", async () => {
    expect((await invite(ids.jingrui, "qtspecialist")).statusCode).toBe(404);
    expect((await invite(ids.jingrui, "leader")).statusCode).toBe(403);
    const none = await invite(ids.minde, "admin");
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain("尚无统一社会信用代码");
  });

  let token = "";
  it("opens the link without a session, checks the USCC, creates the account once", async () => {
    const res = await invite(ids.jingrui);
    expect(res.statusCode, res.body).toBe(201);
    const created = json<InvitationCreated>(res);
    token = created.token;
    expect(created.path).toBe(`/invite/${token}`);
    expect(created.status).toBe("pending");
    const view = await get(`/api/invitations/token/${token}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(json<{ enterpriseName: string }>(view).enterpriseName).toBe("浙江晶睿电子科技有限公司");
    expect((await get(`/api/invitations/token/${"x".repeat(32)}`)).statusCode).toBe(404);
    const wrong = await post(`/api/invitations/token/${token}/accept`, {
      ...account,
      uscc: (await firm("珏芯微电子")).uscc,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain("统一社会信用代码与受邀企业不符");
    const ok = await post(`/api/invitations/token/${token}/accept`, { ...account, uscc: uscc.toLowerCase() });
    expect(ok.statusCode, ok.body).toBe(201);
    const again = await post(`/api/invitations/token/${token}/accept`, {
      ...account,
      username: "another",
      uscc,
    });
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain("该邀请已被使用");
    const list = json<{ items: InvitationRow[] }>(
      await get(`/api/enterprises/${ids.jingrui}/invitations`, "specialist"),
    );
    expect(list.items[0]).toEqual(
      expect.objectContaining({ status: "accepted", acceptedUsername: "jingrui_pan" }),
    );
  });

  it("gives the new account its own firm only", async () => {
    const cookie = await t.login(account.username, account.password);
    expect((await get(`/api/enterprises/${ids.jingrui}`, undefined, cookie)).statusCode).toBe(200);
    expect((await get(`/api/enterprises/${ids.juexin}`, undefined, cookie)).statusCode).toBe(404);
    const mine = json<{ items: { id: string }[] }>(await get("/api/enterprises", undefined, cookie));
    expect(mine.items.map((e) => e.id)).toEqual([ids.jingrui]);
  });

  it("refuses an expired or revoked link", async () => {
    const short = json<InvitationCreated>(await invite(ids.juexin, "specialist", 1));
    clock = new Date("2026-12-03T02:00:00Z");
    const expired = await get(`/api/invitations/token/${short.token}`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain("该邀请已过期");
    const fresh = json<InvitationCreated>(await invite(ids.juexin));
    const revoked = await post(`/api/invitations/${fresh.id}/revoke`, {}, "specialist");
    expect(json<InvitationRow>(revoked).status).toBe("revoked");
    expect((await get(`/api/invitations/token/${fresh.token}`)).statusCode).toBe(410);
    expect((await post(`/api/invitations/${fresh.id}/revoke`, {}, "specialist")).statusCode).toBe(409);
  });

  it("lets staff open an account for a firm directly, with a one-time password", async () => {
    const res = await post(
      `/api/enterprises/${ids.juexin}/accounts`,
      { username: "juexin_hr", name: "刘敏" },
      "specialist",
    );
    expect(res.statusCode, res.body).toBe(201);
    const { username, password } = json<{ username: string; password: string }>(res);
    expect(username).toBe("juexin_hr");
    const cookie = await t.login(username, password);
    const me = json<{ user: { mustChangePassword: boolean } }>(
      await get("/api/session/me", undefined, cookie),
    );
    expect(me.user.mustChangePassword).toBe(true);
    expect((await get(`/api/enterprises/${ids.jingrui}`, undefined, cookie)).statusCode).toBe(404);
    const taken = await post(
      `/api/enterprises/${ids.juexin}/accounts`,
      { username: "juexin_hr", name: "另一人" },
      "specialist",
    );
    expect(taken.statusCode).toBe(409);
    const list = json<{ items: { username: string }[] }>(
      await get(`/api/enterprises/${ids.juexin}/accounts`, "specialist"),
    );
    expect(list.items.map((a) => a.username)).toEqual(["juexin_hr"]);
    expect(
      (await post(`/api/enterprises/${ids.juexin}/accounts`, { username: "x_y", name: "某" }, "leader"))
        .statusCode,
    ).toBe(403);
  });
});
