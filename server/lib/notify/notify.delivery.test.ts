import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryView } from "../../../common/notify.schema.js";
import type { Page } from "../../../common/paging.js";
import { systemCtx } from "../../bootstrap.js";
import { users } from "../../modules/users/users.table.js";
import { backends, json, TEST_SECRET, type TestApp, testApp } from "../../test/setup.js";
import { runJob } from "../jobs/jobs.service.js";
import { notify } from "./notify.service.js";
import { notifyDelivery } from "./notify.table.js";

interface Hit {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: Record<string, string> };
}

/** A local robot: answers per path, records what it was sent. */
function receiver() {
  const hits: Hit[] = [];
  let flaky = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => {
      raw += c.toString("utf8");
    });
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      hits.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(raw) as Hit["body"] });
      const answer = (status: number, body: object) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === "/ding") {
        // What DingTalk checks: the timestamp signed with the secret.
        const ts = url.searchParams.get("timestamp") ?? "";
        const expected = createHmac("sha256", SECRET).update(`${ts}\n${SECRET}`).digest("base64");
        const ok = url.searchParams.get("sign") === expected && url.searchParams.get("access_token") === "tk";
        return answer(200, ok ? { errcode: 0, errmsg: "ok" } : { errcode: 310000, errmsg: "sign not match" });
      }
      if (url.pathname === "/wecom") return answer(200, { errcode: 0, errmsg: "ok" });
      if (url.pathname === "/flaky") {
        flaky++;
        return flaky <= 2 ? answer(502, { message: "bad gateway" }) : answer(200, { errcode: 0 });
      }
      if (url.pathname === "/errcode") return answer(200, { errcode: 93000, errmsg: "invalid webhook url" });
      return answer(500, { message: "down" });
    });
  });
  return { server, hits };
}

const SECRET = "SEC0123456789abcdef";
const T0 = new Date("2026-03-02T02:00:00Z");
const MIN = 60_000;

describe.each(backends)("channel deliveries on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let base: string;
  let clock = T0;
  let officerId: string;
  const robot = receiver();
  const channel: Record<string, string> = {};
  const deliver = (at: Date) => runJob(t.app, "notify.deliver", { now: () => at });
  const ctx = () => ({ ...systemCtx(t.database, TEST_SECRET), now: () => clock });
  const deliveryOf = async (channelId: string) =>
    (await t.database.db.select().from(notifyDelivery).where(eq(notifyDelivery.channelId, channelId)))
      .filter((d) => d.kind !== "notify.test")
      .at(-1)!;
  const hitsOn = (path: string) => robot.hits.filter((h) => h.path === path);

  beforeAll(async () => {
    await new Promise<void>((resolve) => robot.server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(robot.server.address() as AddressInfo).port}`;
    t = await testApp(backend, { env: { ZHAOYIN_BASE_URL: "https://zhaoyin.example.cn" } });
    admin = await t.login("admin");
    const [officer] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, "officer"));
    officerId = officer!.id;
    const make = async (key: string, body: object) => {
      const res = await t.app.inject({
        method: "POST",
        url: "/api/notify/channels",
        headers: { cookie: admin },
        payload: { name: `测试通道 ${key}`, kinds: [`t.${key}`], ...body },
      });
      expect(res.statusCode).toBe(201);
      channel[key] = json<{ id: string }>(res).id;
    };
    await make("ding", { kind: "dingtalk", url: `${base}/ding?access_token=tk`, secret: SECRET });
    await make("wecom", { kind: "wecom", url: `${base}/wecom?key=k1` });
    await make("flaky", { kind: "wecom", url: `${base}/flaky` });
    await make("down", { kind: "dingtalk", url: `${base}/down` });
    await make("errcode", { kind: "wecom", url: `${base}/errcode` });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => robot.server.close(resolve));
  });
  beforeEach(() => {
    clock = T0;
  });

  it("queues in the caller's transaction and sends only when the job runs", async () => {
    const before = robot.hits.length;
    const res = await notify(ctx(), {
      to: { userIds: [officerId] },
      kind: "t.ding",
      title: "项目节点超期提醒",
      body: "「用地预审」已超期 2 个工作日",
      link: "/projects/p1",
    });
    expect(res.queued).toBe(1);
    expect(robot.hits.length).toBe(before);
    const d = await deliveryOf(channel.ding!);
    expect(d).toMatchObject({ status: "pending", attempts: 0 });
  });

  it("signs DingTalk messages and sends markdown with an absolute link", async () => {
    const run = await deliver(T0);
    expect(run).toMatchObject({ status: "ok" });
    expect(run.summary).toContain("发送成功 1 条");
    const [hit] = hitsOn("/ding");
    expect(hit!.query.get("timestamp")).toBe(String(T0.getTime()));
    expect(hit!.body).toEqual({
      msgtype: "markdown",
      markdown: {
        title: "项目节点超期提醒",
        text: "### 项目节点超期提醒\n\n「用地预审」已超期 2 个工作日\n\n[查看详情](https://zhaoyin.example.cn/projects/p1)",
      },
    });
    expect(await deliveryOf(channel.ding!)).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    // Sent once: a second run finds nothing due.
    expect((await deliver(new Date(T0.getTime() + MIN))).summary).toBe("没有待发送的消息");
    expect(hitsOn("/ding")).toHaveLength(1);
  });

  it("posts WeCom markdown content, and only kinds the channel takes", async () => {
    await notify(ctx(), { to: {}, kind: "t.wecom", title: "企业诉求待办", body: "3 件诉求待受理" });
    await deliver(T0);
    const [hit] = hitsOn("/wecom");
    expect(hit!.body).toEqual({
      msgtype: "markdown",
      markdown: { content: "### 企业诉求待办\n\n3 件诉求待受理" },
    });
    expect(robot.hits.filter((h) => h.path !== "/ding" && h.path !== "/wecom")).toHaveLength(0);
    // A kind no channel takes queues nothing.
    expect((await notify(ctx(), { to: {}, kind: "t.none", title: "无人订阅" })).queued).toBe(0);
  });

  it("retries with backoff and succeeds on the third attempt", async () => {
    await notify(ctx(), { to: {}, kind: "t.flaky", title: "网络抖动", dedupeKey: "flaky" });
    expect(
      (await notify(ctx(), { to: {}, kind: "t.flaky", title: "网络抖动", dedupeKey: "flaky" })).queued,
    ).toBe(0);
    await deliver(T0);
    let d = await deliveryOf(channel.flaky!);
    expect(d).toMatchObject({ status: "pending", attempts: 1 });
    expect(d.lastError).toContain("HTTP 502");
    expect(d.nextAttemptAt.getTime()).toBe(T0.getTime() + MIN);
    await deliver(new Date(T0.getTime() + 30_000)); // not due yet
    expect(hitsOn("/flaky")).toHaveLength(1);
    await deliver(new Date(T0.getTime() + MIN));
    d = await deliveryOf(channel.flaky!);
    expect(d).toMatchObject({ status: "pending", attempts: 2 });
    expect(d.nextAttemptAt.getTime()).toBe(T0.getTime() + 3 * MIN);
    await deliver(new Date(T0.getTime() + 3 * MIN));
    d = await deliveryOf(channel.flaky!);
    expect(d).toMatchObject({ status: "sent", attempts: 3, lastError: null });
    expect(hitsOn("/flaky")).toHaveLength(3);
  });

  it("gives up after six attempts against a robot that always fails", async () => {
    await notify(ctx(), { to: {}, kind: "t.down", title: "一直失败" });
    const at = [0, 1, 3, 7, 15, 31];
    for (const [i, m] of at.entries()) {
      await deliver(new Date(T0.getTime() + m * MIN));
      const d = await deliveryOf(channel.down!);
      expect(d.attempts).toBe(i + 1);
      expect(d.status).toBe(i < 5 ? "pending" : "failed");
    }
    await deliver(new Date(T0.getTime() + 200 * MIN));
    expect(hitsOn("/down")).toHaveLength(6);
    expect((await deliveryOf(channel.down!)).lastError).toContain("HTTP 500");
  });

  it("treats a 200 with a non-zero errcode as a failure", async () => {
    await notify(ctx(), { to: {}, kind: "t.errcode", title: "地址失效" });
    await deliver(T0);
    const d = await deliveryOf(channel.errcode!);
    expect(d).toMatchObject({ status: "pending", attempts: 1 });
    expect(d.lastError).toBe("errcode 93000：invalid webhook url");
  });

  it("sends a test message at once, reports the outcome and lists it among deliveries", async () => {
    const ok = await t.app.inject({
      method: "POST",
      url: `/api/notify/channels/${channel.ding}/test`,
      headers: { cookie: admin },
    });
    expect(json<{ ok: boolean; error: string | null }>(ok)).toMatchObject({ ok: true, error: null });
    expect(hitsOn("/ding").at(-1)!.body.markdown.title).toBe("招引平台测试消息");
    // A wrong secret: the robot refuses the signature.
    const ch = json<{ items: { id: string; version: number }[] }>(
      await t.app.inject({ url: "/api/notify/channels", headers: { cookie: admin } }),
    ).items.find((c) => c.id === channel.ding)!;
    await t.app.inject({
      method: "PATCH",
      url: `/api/notify/channels/${channel.ding}`,
      headers: { cookie: admin },
      payload: { secret: "SECwrong-wrong-wrong", version: ch.version },
    });
    const refused = await t.app.inject({
      method: "POST",
      url: `/api/notify/channels/${channel.ding}/test`,
      headers: { cookie: admin },
    });
    expect(json<{ ok: boolean; error: string }>(refused)).toMatchObject({
      ok: false,
      error: "errcode 310000：sign not match",
    });
    const bad = await t.app.inject({
      method: "POST",
      url: `/api/notify/channels/${channel.down}/test`,
      headers: { cookie: admin },
    });
    expect(json<{ ok: boolean; error: string }>(bad)).toMatchObject({
      ok: false,
      error: 'HTTP 500：{"message":"down"}',
    });
    const list = json<Page<DeliveryView>>(
      await t.app.inject({ url: "/api/notify/deliveries?status=failed", headers: { cookie: admin } }),
    );
    expect(list.items.map((d) => d.title)).toEqual(expect.arrayContaining(["招引平台测试消息", "一直失败"]));
    expect(list.items.every((d) => d.status === "failed")).toBe(true);
    const ofDing = json<Page<DeliveryView>>(
      await t.app.inject({
        url: `/api/notify/deliveries?channelId=${channel.ding}`,
        headers: { cookie: admin },
      }),
    );
    expect(ofDing.items.every((d) => d.channelName === "测试通道 ding" && d.channelKind === "dingtalk")).toBe(
      true,
    );
    expect(ofDing.items.map((d) => d.status)).toEqual(["failed", "sent", "sent"]);
  });
});
