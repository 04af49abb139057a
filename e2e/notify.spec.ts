import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { login, shots } from "./helpers";

/** The zone's mail server, on loopback: takes zhaoyin / the password below, keeps what it is sent. */
const received: { to: string[]; mail: ParsedMail }[] = [];
const smtp = new SMTPServer({
  allowInsecureAuth: true,
  disabledCommands: ["STARTTLS"],
  onAuth: (auth, _s, cb) =>
    auth.username === "zhaoyin" && auth.password === "Mail@2026"
      ? cb(null, { user: "zhaoyin" })
      : cb(new Error("bad login")),
  onData: (stream, session, cb) => {
    simpleParser(stream)
      .then((mail) => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        cb();
      })
      .catch(cb);
  },
});
let port = 0;

test.beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  port = (smtp.server.address() as AddressInfo).port;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test("an admin adds an e-mail channel and its test message arrives", async ({ page }) => {
  await login(page, "admin");
  await page.goto("/settings/notify");
  await page.getByRole("button", { name: "新增通道" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByText("电子邮件", { exact: true }).click();
  await dialog.getByLabel("通道名称").fill("招商局办公室邮箱");
  await dialog.getByLabel("SMTP 服务器").fill(`smtp://zhaoyin@127.0.0.1:${port}`);
  const to = dialog.getByLabel("收件人");
  await to.fill("office@zhaoyin.example.cn");
  await to.press("Enter");
  await to.fill("leader@zhaoyin.example.cn");
  await to.press("Enter");
  await dialog.getByLabel("SMTP 密码").fill("Mail@2026");
  await page.screenshot({ path: `${shots}/notify-email-form.png` });
  await dialog.getByRole("button", { name: /保\s*存/ }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /招商局办公室邮箱/ });
  await expect(row).toContainText("电子邮件");
  await row.getByRole("button", { name: "发送测试消息" }).click();
  await expect(page.getByText("测试邮件已发送，请查收")).toBeVisible();
  await expect.poll(() => received.length).toBe(1);
  expect(received[0]!.to).toEqual(["office@zhaoyin.example.cn", "leader@zhaoyin.example.cn"]);
  expect(received[0]!.mail.subject).toBe("【招引】招引平台测试消息");
  expect(received[0]!.mail.text).toContain("招商局办公室邮箱");
});
