import { type Browser, expect, type Page, test } from "@playwright/test";
import { syntheticUscc } from "../common/uscc";
import { login, pick, shots, submitLogin, switchTo, uniqueCore } from "./helpers";

const { core } = uniqueCore(6);
const firmName = `丽水${core}新材料有限公司`;
const uscc = syntheticUscc("331100", 20_000_000_000 + (Date.now() % 1_000_000_000));
const otherUscc = syntheticUscc("331100", 21_000_000_000 + (Date.now() % 1_000_000_000));
const contact = "周敏";
const account = `zm${Date.now().toString().slice(-6)}`;
const accountPassword = "Qiye2026go";
const title = `${core}二期扩建用地指标尚未落实`;
const department = "丽水市自然资源和规划局";

/** A second browser: the firm's contact, who has no account yet. */
const freshBrowser = async (browser: Browser) => {
  const ctx = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    viewport: { width: 1440, height: 900 },
  });
  return ctx.newPage();
};

const openAppeal = async (page: Page) => {
  await page.goto(`/appeals?q=${encodeURIComponent(core)}`);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByRole("heading", { name: title, level: 3 })).toBeVisible();
};

test("a firm's contact accepts an invitation, files an appeal, the department resolves it, the firm rates it", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);

  // The firm, registered through the API as the park's service specialist.
  await login(page, "specialist");
  const near = await (await page.request.get(`/api/enterprises?q=${encodeURIComponent("晶睿")}`)).json();
  const { regionId, parkId } = near.items[0];
  const made = await page.request.post("/api/enterprises", {
    data: { name: firmName, uscc, regionId, parkId, contacts: [{ name: contact, phone: "13905781234" }] },
  });
  expect(made.status(), await made.text()).toBe(201);
  const firmId = (await made.json()).id as string;

  // 企业账号 on the firm's page: invite the contact; the link shows once.
  await page.goto(`/enterprises/${firmId}`);
  await expect(page.getByRole("heading", { name: firmName, level: 3 })).toBeVisible();
  await page.getByRole("tab", { name: "企业账号" }).click();
  await expect(page.getByText("尚未邀请该企业开通账号")).toBeVisible();
  await page.getByRole("button", { name: "邀请开通账号" }).click();
  const invite = page.getByRole("dialog").filter({ hasText: "开通企业账号" });
  await invite.getByLabel("联系人").fill(contact);
  await page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: contact }).click();
  await expect(invite.getByLabel("联系电话")).toHaveValue("13905781234");
  await invite.getByRole("button", { name: "生成邀请链接" }).click();
  await expect(invite.getByText("邀请链接只显示这一次")).toBeVisible();
  const link = await invite.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/invite\/[\w-]{20,}$/);
  await page.screenshot({ path: `${shots}/appeal-invite.png` });
  await invite.getByRole("button", { name: "我已复制，关闭" }).click();
  await expect(page.locator(".ant-table-row", { hasText: contact })).toContainText("待接受");

  // The contact opens the link in a browser of their own.
  const firm = await freshBrowser(browser);
  await firm.goto(link);
  await expect(firm.getByText(`${firmName}的服务专员邀请您开通企业账号`)).toBeVisible();
  await firm.screenshot({ path: `${shots}/appeal-accept.png` });
  await firm.setViewportSize({ width: 390, height: 844 });
  await firm.screenshot({ path: `${shots}/appeal-accept-phone.png`, fullPage: true });
  await firm.setViewportSize({ width: 1440, height: 900 });

  // Another firm's code is refused on its field; the right one opens the account.
  await firm.getByLabel("统一社会信用代码").fill(otherUscc);
  await firm.getByLabel("用户名").fill(account);
  await firm.getByLabel("密码", { exact: true }).fill(accountPassword);
  await firm.getByLabel("确认密码").fill(accountPassword);
  await expect(firm.getByLabel("姓名")).toHaveValue(contact);
  await firm.getByLabel("手机号码").fill("13905781234");
  await firm.getByRole("button", { name: "开通账号" }).click();
  await expect(firm.getByText("统一社会信用代码与受邀企业不符").first()).toBeVisible();
  await firm.getByLabel("统一社会信用代码").fill(uscc.toLowerCase());
  await firm.getByRole("button", { name: "开通账号" }).click();
  await expect(firm.getByText("企业账号已开通")).toBeVisible();
  await expect(firm.getByText(`您的用户名是 ${account}`)).toBeVisible();
  await firm.getByRole("button", { name: "前往登录" }).click();
  await expect(firm).toHaveURL(/\/login/);

  // The same link again: used.
  await firm.goto(link);
  await expect(firm.getByText("该邀请已被使用")).toBeVisible();

  // Signed in, the contact sees their own firm and files an appeal from the home page.
  await submitLogin(firm, account, accountPassword);
  await expect(firm).toHaveURL(/\/$/);
  await expect(firm.getByText("我的企业")).toBeVisible();
  await expect(firm.getByRole("link", { name: firmName })).toBeVisible();
  await firm.getByRole("button", { name: "提交诉求" }).first().click();
  const raise = firm.getByRole("dialog").filter({ hasText: "诉求类别" });
  await raise.getByLabel("诉求", { exact: true }).fill(title);
  await pick(firm, raise, "诉求类别", "用地", "用地");
  await raise.getByLabel("诉求描述").fill("二期厂房需新增建设用地 40 亩，年度用地指标尚未安排。");
  await raise.getByRole("button", { name: "提交诉求" }).click();
  await expect(firm.getByRole("heading", { name: title, level: 3 })).toBeVisible();
  await expect(firm.getByText("待分派").first()).toBeVisible();
  await expect(firm.getByTestId("appeal-timeline")).toContainText("提出诉求");

  // The specialist routes it to the land bureau; the deadline is the category's.
  await openAppeal(page);
  await expect(page.getByText("企业自行提交")).toBeVisible();
  await page.getByRole("button", { name: "分 派" }).click();
  const route = page.getByRole("dialog").filter({ hasText: `分派「${title}」` });
  await pick(page, route, "承办部门", "自然资源", department);
  await expect(route.getByText(/留空按「用地」类诉求的期限 \d+ 个工作日/)).toBeVisible();
  await route.getByRole("button", { name: "分 派" }).click();
  await expect(page.getByText("已分派，待承办部门受理")).toBeVisible();
  await expect(page.getByText("待受理").first()).toBeVisible();
  await expect(page.getByTestId("appeal-timeline")).toContainText(department);

  // The department's handler accepts and resolves it.
  await switchTo(page, "handler");
  await page.getByRole("menuitem", { name: "企业诉求" }).click();
  await expect(page.getByRole("heading", { name: "企业诉求", level: 4 })).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: title })).toContainText("待受理");
  await openAppeal(page);
  await expect(page.getByRole("button", { name: "分 派" })).toBeHidden();
  await page.getByRole("button", { name: "受 理" }).click();
  const accept = page.getByRole("dialog").filter({ hasText: `受理「${title}」` });
  await accept.getByRole("button", { name: "受 理" }).click();
  await expect(page.getByText("已受理", { exact: true })).toBeVisible();
  await expect(page.getByText("办理中").first()).toBeVisible();
  await page.getByRole("button", { name: "办 结" }).click();
  const resolve = page.getByRole("dialog").filter({ hasText: `办结「${title}」` });
  await resolve.getByLabel("办理结果").fill("已调剂年度用地指标 40 亩，列入下月供地计划");
  await resolve.getByRole("button", { name: "办 结" }).click();
  await expect(page.getByText("已办结，待企业确认")).toBeVisible();
  await expect(page.getByText("待企业确认").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/appeal-resolved.png`, fullPage: true });

  // The firm finds it waiting on the home page, confirms and rates it.
  await firm.goto("/");
  await expect(firm.getByText("1 件诉求部门已办结，请确认办理结果并评价")).toBeVisible();
  await firm.screenshot({ path: `${shots}/appeal-firm-home.png`, fullPage: true });
  await firm.getByRole("button", { name: "确认并评价" }).first().click();
  const confirm = firm.getByRole("dialog").filter({ hasText: `确认并评价「${title}」` });
  await expect(confirm).toContainText("已调剂年度用地指标 40 亩");
  await expect(async () => {
    await confirm.getByRole("radio", { name: /非常满意/ }).click();
    await expect(confirm.locator(".ant-rate-star-full")).toHaveCount(5, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
  await confirm.getByLabel("评价", { exact: true }).fill("部门响应很快，谢谢！");
  await firm.screenshot({ path: `${shots}/appeal-confirm.png` });
  await confirm.getByRole("button", { name: "确认并评价" }).click();
  await expect(firm.getByText("已确认，感谢您的评价")).toBeVisible();
  await expect(firm.getByText("已办结").first()).toBeVisible();
  await expect(firm.getByTestId("appeal-timeline")).toContainText("企业确认");
  await expect(firm.getByRole("img", { name: "满意度 5 分（满分 5 分）" }).first()).toBeVisible();
  await firm.context().close();

  // The leader reads the land bureau's figures.
  await switchTo(page, "leader");
  await page.getByRole("menuitem", { name: "部门诉求统计" }).click();
  await expect(page.getByRole("heading", { name: "部门诉求统计", level: 4 })).toBeVisible();
  const row = page.locator(".ant-table-row", { hasText: department });
  await expect(row).toContainText("100%");
  await expect(row.locator("td").last()).toHaveText(/^[1-5](\.\d)?$/);
  await page.screenshot({ path: `${shots}/appeal-departments.png`, fullPage: true });
  await page.goto("/appeals");
  await expect(page.locator(".ant-table-row", { hasText: title })).toContainText("已办结");
  await page.screenshot({ path: `${shots}/appeals.png` });
});
