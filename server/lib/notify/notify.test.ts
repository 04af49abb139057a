import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationPage } from "../../../common/notify.schema.js";
import { systemCtx } from "../../bootstrap.js";
import { department } from "../../modules/org/org.table.js";
import { users } from "../../modules/users/users.table.js";
import { backends, json, TEST_SECRET, type TestApp, testApp } from "../../test/setup.js";
import { type Ctx, inTx } from "../context.js";
import { runJob } from "../jobs/jobs.service.js";
import { type NotifyInput, notify } from "./notify.service.js";
import { notification } from "./notify.table.js";

const T0 = new Date("2026-03-02T01:00:00Z"); // 09:00 in China, a Monday

describe.each(backends)("notify on %s", (backend) => {
  let t: TestApp;
  let clock = T0;
  let ctx: Ctx;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const as = (who: string, method: "GET" | "POST" | "PATCH" | "DELETE", url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: cookies[who]! }, payload });
  const inbox = async (who: string, query = "") =>
    json<NotificationPage>(await as(who, "GET", `/api/notifications${query}`));
  const send = (input: Partial<NotifyInput>) =>
    notify(ctx, { kind: "test.alert", title: "测试提醒", to: {}, ...input });

  beforeAll(async () => {
    t = await testApp(backend);
    ctx = { ...systemCtx(t.database, TEST_SECRET), now: () => clock };
    for (const u of await t.database.db.select({ id: users.id, username: users.username }).from(users)) {
      ids[u.username] = u.id;
    }
    for (const who of [
      "admin",
      "officer",
      "officer2",
      "qtofficer",
      "handler",
      "leader",
      "yzleader",
      "specialist",
    ]) {
      cookies[who] = await t.login(who);
    }
  });
  afterAll(() => t.close());

  it("notifies one user, who sees it unread in their own list only", async () => {
    const res = await send({
      to: { userIds: [ids.officer!] },
      kind: "project.node_overdue",
      title: "项目节点已超期",
      body: "晶睿电子项目「用地预审」节点已超期 2 个工作日",
      subject: { type: "project", id: "0190a5f0-0000-7000-8000-000000000001" },
      link: "/projects/0190a5f0-0000-7000-8000-000000000001",
    });
    expect(res.notified).toEqual([ids.officer]);
    const page = await inbox("officer");
    expect(page).toMatchObject({ total: 1, unread: 1, page: 1 });
    expect(page.items[0]).toMatchObject({
      kind: "project.node_overdue",
      title: "项目节点已超期",
      subjectType: "project",
      link: "/projects/0190a5f0-0000-7000-8000-000000000001",
      readAt: null,
    });
    expect((await inbox("officer2")).total).toBe(0);
  });

  it("notifies everyone holding a role, and only active users", async () => {
    const before = json<{ version: number }>(await as("admin", "GET", `/api/users/${ids.qtofficer}`));
    const off = await as("admin", "PATCH", `/api/users/${ids.qtofficer}`, {
      active: false,
      version: before.version,
    });
    expect(off.statusCode).toBe(200);
    const res = await send({ to: { roles: ["officer"] }, title: "招商专员周报提醒" });
    expect(new Set(res.notified)).toEqual(new Set([ids.officer, ids.officer2]));
    expect((await inbox("officer2")).items[0]!.title).toBe("招商专员周报提醒");
    expect((await inbox("specialist")).total).toBe(0);
  });

  it("notifies a department's users, and a role's users at or above a region", async () => {
    const [dep] = await t.database.db
      .select({ id: department.id })
      .from(department)
      .innerJoin(users, eq(users.departmentId, department.id))
      .where(eq(users.username, "handler"));
    const byDep = await send({ to: { departmentId: dep!.id }, title: "请办理用地预审" });
    expect(byDep.notified).toEqual([ids.handler]);

    // The officer's home region is the 丽水经开区 platform, below 丽水市 where the leader sits.
    const [officer] = await t.database.db
      .select({ regionId: users.regionId })
      .from(users)
      .where(eq(users.username, "officer"));
    const byRegion = await send({
      to: { roles: ["leader"], regionId: officer!.regionId! },
      title: "重大项目签约",
    });
    expect(byRegion.notified).toEqual([ids.leader]);
    expect((await inbox("yzleader")).total).toBe(0);
    // Listed users and a group together, each user once.
    const both = await send({ to: { userIds: [ids.leader!, ids.handler!], departmentId: dep!.id } });
    expect(new Set(both.notified)).toEqual(new Set([ids.leader, ids.handler]));
  });

  it("writes an alert with a dedupe key once a day per user", async () => {
    const alert = {
      to: { userIds: [ids.officer2!] },
      title: "合同约定开工日已到",
      dedupeKey: "project:x:start_due",
    };
    expect((await send(alert)).notified).toHaveLength(1);
    expect((await send(alert)).notified).toHaveLength(0);
    expect((await send({ ...alert, to: { roles: ["officer"] } })).notified).toEqual([ids.officer]);
    clock = new Date(T0.getTime() + 24 * 3600_000);
    expect((await send(alert)).notified).toHaveLength(1);
    const rows = await t.database.db
      .select({ day: notification.day })
      .from(notification)
      .where(and(eq(notification.userId, ids.officer2!), eq(notification.dedupeKey, "project:x:start_due")));
    expect(rows.map((r) => r.day).sort()).toEqual(["2026-03-02", "2026-03-03"]);
    clock = T0;
  });

  it("writes inside the caller's transaction: a rollback leaves nothing behind", async () => {
    const failed = inTx(ctx, async (tx) => {
      const res = await notify(tx, {
        to: { roles: ["leader"] },
        kind: "test.alert",
        title: "将被回滚",
        dedupeKey: "rollback",
      });
      expect(res.notified.length).toBeGreaterThan(0);
      throw new Error("业务校验失败");
    });
    await expect(failed).rejects.toThrow("业务校验失败");
    const rows = await t.database.db
      .select()
      .from(notification)
      .where(eq(notification.dedupeKey, "rollback"));
    expect(rows).toHaveLength(0);
  });

  it("marks read one at a time or all at once, for the owner only", async () => {
    const page = await inbox("officer");
    expect(page.unread).toBeGreaterThanOrEqual(3);
    const first = page.items[0]!;
    expect((await as("officer2", "POST", `/api/notifications/${first.id}/read`)).statusCode).toBe(404);
    const read = await as("officer", "POST", `/api/notifications/${first.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(json<{ unread: number }>(read).unread).toBe(page.unread - 1);
    // Reading again changes nothing.
    expect(
      json<{ unread: number }>(await as("officer", "POST", `/api/notifications/${first.id}/read`)).unread,
    ).toBe(page.unread - 1);
    const unreadOnly = await inbox("officer", "?unread=true&pageSize=1");
    expect(unreadOnly).toMatchObject({ total: page.unread - 1, unread: page.unread - 1, pageSize: 1 });
    expect(unreadOnly.items).toHaveLength(1);
    expect((await inbox("officer", "?unread=false")).items.map((n) => n.id)).toEqual([first.id]);
    const all = await as("officer", "POST", "/api/notifications/read-all");
    expect(json<{ updated: number }>(all).updated).toBe(page.unread - 1);
    expect((await inbox("officer")).unread).toBe(0);
    expect((await inbox("officer2")).unread).toBeGreaterThan(0);
    expect((await t.app.inject({ url: "/api/notifications" })).statusCode).toBe(401);
  });

  it("gives each user with unread alerts one digest a day, however often the job runs", async () => {
    clock = new Date("2026-03-03T00:30:00Z"); // 08:30 the next morning
    const first = await runJob(t.app, "notify.digest", { now: () => clock });
    expect(first.status).toBe("ok");
    const digests = () => t.database.db.select().from(notification).where(eq(notification.kind, "digest"));
    const made = await digests();
    const forOfficer2 = made.filter((d) => d.userId === ids.officer2);
    expect(forOfficer2).toHaveLength(1);
    expect(forOfficer2[0]!.title).toMatch(/^每日提醒：您有 \d+ 条未读提醒$/);
    expect(forOfficer2[0]!.body).toContain("合同约定开工日已到");
    // The officer read everything: no digest.
    expect(made.some((d) => d.userId === ids.officer)).toBe(false);
    const again = await runJob(t.app, "notify.digest", { now: () => new Date(clock.getTime() + 3600_000) });
    expect(again.status).toBe("ok");
    expect(again.summary).toContain("为 0 位用户");
    expect(await digests()).toHaveLength(made.length);
    clock = T0;
  });

  it("keeps channels, deliveries and jobs to administrators", async () => {
    for (const [method, url] of [
      ["GET", "/api/notify/channels"],
      ["GET", "/api/notify/deliveries"],
      ["GET", "/api/jobs"],
      ["POST", "/api/jobs/notify.digest/run"],
    ] as const) {
      const res = await as("leader", method, url);
      expect(res.statusCode, url).toBe(403);
    }
    const create = await as("officer", "POST", "/api/notify/channels", {
      kind: "wecom",
      name: "招商群",
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
    });
    expect(create.statusCode).toBe(403);
    expect(json<{ error: { message: string } }>(create).error.message).toBe("没有执行此操作的权限");
  });

  it("lets an administrator keep channels: versions, masked secret, names unique, audited", async () => {
    const created = await as("admin", "POST", "/api/notify/channels", {
      kind: "dingtalk",
      name: "丽水经开区招商群",
      url: "https://oapi.dingtalk.com/robot/send?access_token=token123",
      secret: "SECabcdefghijklmnop0123",
      kinds: ["project.node_overdue", "project.node_overdue"],
    });
    expect(created.statusCode).toBe(201);
    const ch = json<{ id: string; version: number; secretMasked: string; kinds: string[]; secret?: string }>(
      created,
    );
    expect(ch.secretMasked).toBe("SECa••••0123");
    expect(ch.secret).toBeUndefined();
    expect(ch.kinds).toEqual(["project.node_overdue"]);
    expect(created.body).not.toContain("SECabcdefghijklmnop0123");
    const dup = await as("admin", "POST", "/api/notify/channels", {
      kind: "wecom",
      name: "丽水经开区招商群",
      url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc",
    });
    expect(dup.statusCode).toBe(409);
    const bad = await as("admin", "POST", "/api/notify/channels", { kind: "sms", name: "", url: "ftp://x" });
    expect(bad.statusCode).toBe(400);
    expect(
      json<{ error: { details: { path: string }[] } }>(bad)
        .error.details.map((d) => d.path)
        .sort(),
    ).toEqual(["kind", "name", "url"]);

    const edit = await as("admin", "PATCH", `/api/notify/channels/${ch.id}`, { enabled: false, version: 1 });
    expect(edit.statusCode).toBe(200);
    expect(json<{ enabled: boolean; version: number; secretMasked: string }>(edit)).toMatchObject({
      enabled: false,
      version: 2,
      secretMasked: "SECa••••0123",
    });
    const staleEdit = await as("admin", "PATCH", `/api/notify/channels/${ch.id}`, { name: "旧", version: 1 });
    expect(staleEdit.statusCode).toBe(409);
    const cleared = await as("admin", "PATCH", `/api/notify/channels/${ch.id}`, { secret: null, version: 2 });
    expect(json<{ secretMasked: string | null }>(cleared).secretMasked).toBeNull();

    const list = json<{ items: { id: string }[]; kinds: string[] }>(
      await as("admin", "GET", "/api/notify/channels"),
    );
    expect(list.items.map((c) => c.id)).toContain(ch.id);
    expect(list.kinds).toContain("project.node_overdue");

    const trail = json<{ items: { action: string; after: Record<string, unknown> | null }[] }>(
      await as("admin", "GET", `/api/audit?subjectType=setting&subjectId=${ch.id}`),
    );
    expect(trail.items.map((e) => e.action)).toEqual(["update", "update", "create"]);
    expect(JSON.stringify(trail.items)).not.toContain("SECabcdefghijklmnop");
    expect((await as("admin", "DELETE", `/api/notify/channels/${ch.id}?version=1`)).statusCode).toBe(409);
    expect((await as("admin", "DELETE", `/api/notify/channels/${ch.id}?version=3`)).statusCode).toBe(204);
    expect((await as("admin", "PATCH", `/api/notify/channels/${ch.id}`, { version: 3 })).statusCode).toBe(
      404,
    );
  });
});
