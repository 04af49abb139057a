import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelView } from "../../../common/notify.schema.js";
import { systemCtx } from "../../bootstrap.js";
import { backends, json, TEST_SECRET, type TestApp, testApp } from "../../test/setup.js";
import { runJob } from "../jobs/jobs.service.js";
import { notify } from "./notify.service.js";
import { notifyDelivery } from "./notify.table.js";

interface Received {
  from: string;
  to: string[];
  mail: ParsedMail;
}

/** A local SMTP server: accepts zhaoyin/pw123, refuses mail to anyone at refused.example.cn. */
function mailServer() {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    onAuth(auth, _session, cb) {
      if (auth.username === "zhaoyin" && auth.password === "pw123") return cb(null, { user: "zhaoyin" });
      return cb(new Error("Invalid username or password"));
    },
    onRcptTo(address, _session, cb) {
      if (address.address.endsWith("@refused.example.cn")) {
        const err = new Error("Mailbox unavailable") as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
          });
          cb();
        })
        .catch(cb);
    },
  });
  return { server, received };
}

const T0 = new Date("2026-03-02T02:00:00Z");

describe.each(backends)("e-mail channels on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let port: number;
  const smtp = mailServer();
  const ctx = () => ({ ...systemCtx(t.database, TEST_SECRET), now: () => T0 });
  const create = (body: object) =>
    t.app.inject({ method: "POST", url: "/api/notify/channels", headers: { cookie: admin }, payload: body });

  beforeAll(async () => {
    await new Promise<void>((resolve) => smtp.server.listen(0, "127.0.0.1", resolve));
    port = (smtp.server.server.address() as AddressInfo).port;
    t = await testApp(backend, { env: { ZHAOYIN_BASE_URL: "https://zhaoyin.example.cn" } });
    admin = await t.login("admin");
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
  });

  it("refuses an e-mail channel without an SMTP address or recipients, and a robot with an SMTP address", async () => {
    const noSmtp = await create({
      kind: "email",
      name: "邮件 A",
      url: "https://mail.example.cn",
      recipients: ["a@x.cn"],
    });
    expect(noSmtp.statusCode).toBe(400);
    expect(noSmtp.body).toContain("SMTP");
    const noOne = await create({ kind: "email", name: "邮件 B", url: `smtp://127.0.0.1:${port}` });
    expect(noOne.statusCode).toBe(400);
    expect(noOne.body).toContain("收件人");
    const badAddress = await create({
      kind: "email",
      name: "邮件 C",
      url: `smtp://127.0.0.1:${port}`,
      recipients: ["不是邮箱"],
    });
    expect(badAddress.statusCode).toBe(400);
    const robot = await create({ kind: "wecom", name: "机器人", url: `smtp://127.0.0.1:${port}` });
    expect(robot.statusCode).toBe(400);
    const list = json<{ items: ChannelView[] }>(
      await t.app.inject({ url: "/api/notify/channels", headers: { cookie: admin } }),
    );
    expect(list.items).toHaveLength(0);
  });

  it("mails an alert to every recipient, with the title as subject and an absolute link", async () => {
    const res = await create({
      kind: "email",
      name: "招商局办公室邮箱",
      url: `smtp://zhaoyin@127.0.0.1:${port}`,
      secret: "pw123",
      recipients: ["Office@Zhaoyin.example.cn", "leader@zhaoyin.example.cn"],
      sender: "noreply@zhaoyin.example.cn",
      kinds: ["t.mail"],
    });
    expect(res.statusCode).toBe(201);
    const channel = json<ChannelView>(res);
    expect(channel).toMatchObject({
      kind: "email",
      recipients: ["office@zhaoyin.example.cn", "leader@zhaoyin.example.cn"],
      sender: "noreply@zhaoyin.example.cn",
    });
    expect(channel.secretMasked).not.toContain("pw123");
    const queued = await notify(ctx(), {
      to: {},
      kind: "t.mail",
      title: "项目节点超期提醒",
      body: "「用地预审」已超期 2 个工作日",
      link: "/projects/p1",
    });
    expect(queued.queued).toBe(1);
    const run = await runJob(t.app, "notify.deliver", { now: () => T0 });
    expect(run.summary).toContain("发送成功 1 条");
    const got = smtp.received.at(-1)!;
    expect(got.from).toBe("noreply@zhaoyin.example.cn");
    expect(got.to).toEqual(["office@zhaoyin.example.cn", "leader@zhaoyin.example.cn"]);
    expect(got.mail.subject).toBe("【招引】项目节点超期提醒");
    expect(got.mail.text).toContain("「用地预审」已超期 2 个工作日");
    expect(got.mail.text).toContain("https://zhaoyin.example.cn/projects/p1");
    expect(got.mail.html).toContain('<a href="https://zhaoyin.example.cn/projects/p1">');
    const [d] = await t.database.db
      .select()
      .from(notifyDelivery)
      .where(eq(notifyDelivery.channelId, channel.id));
    expect(d).toMatchObject({ status: "sent", attempts: 1, lastError: null });
  });

  it("reports a wrong password and a refused recipient as failures, and retries them", async () => {
    const wrong = json<ChannelView>(
      await create({
        kind: "email",
        name: "密码错误",
        url: `smtp://zhaoyin@127.0.0.1:${port}`,
        secret: "nope",
        recipients: ["a@zhaoyin.example.cn"],
        kinds: ["t.wrong"],
      }),
    );
    const test = json<{ ok: boolean; error: string }>(
      await t.app.inject({
        method: "POST",
        url: `/api/notify/channels/${wrong.id}/test`,
        headers: { cookie: admin },
      }),
    );
    expect(test.ok).toBe(false);
    expect(test.error).toMatch(/^SMTP 535/);
    const refused = json<ChannelView>(
      await create({
        kind: "email",
        name: "收件人被拒",
        url: `smtp://zhaoyin@127.0.0.1:${port}`,
        secret: "pw123",
        recipients: ["x@refused.example.cn"],
        kinds: ["t.refused"],
      }),
    );
    await notify(ctx(), { to: {}, kind: "t.refused", title: "退信" });
    await runJob(t.app, "notify.deliver", { now: () => T0 });
    const [d] = await t.database.db
      .select()
      .from(notifyDelivery)
      .where(eq(notifyDelivery.channelId, refused.id));
    expect(d).toMatchObject({ status: "pending", attempts: 1 });
    expect(d!.lastError).toMatch(/^SMTP 550/);
  });

  it("clears the addresses when a channel stops being e-mail, and checks an update against the stored kind", async () => {
    const ch = json<ChannelView>(
      await create({
        kind: "email",
        name: "改为机器人",
        url: `smtp://127.0.0.1:${port}`,
        recipients: ["a@zhaoyin.example.cn"],
      }),
    );
    const noRecipients = await t.app.inject({
      method: "PATCH",
      url: `/api/notify/channels/${ch.id}`,
      headers: { cookie: admin },
      payload: { recipients: [], version: ch.version },
    });
    expect(noRecipients.statusCode).toBe(400);
    const toRobot = await t.app.inject({
      method: "PATCH",
      url: `/api/notify/channels/${ch.id}`,
      headers: { cookie: admin },
      payload: {
        kind: "wecom",
        url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k",
        version: ch.version,
      },
    });
    expect(toRobot.statusCode).toBe(200);
    expect(json<ChannelView>(toRobot)).toMatchObject({ kind: "wecom", recipients: [], sender: null });
  });
});
