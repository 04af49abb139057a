import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, login, pick, switchTo, uniqueCore } from "./helpers";

const shots = "/tmp/shots-funds";
fs.mkdirSync(shots, { recursive: true });

const { core } = uniqueCore(6);
const firmName = `浙江${core}光电科技有限公司`;
const projectName = `${core}光电传感器项目`;
const fundName = `${core}张江产业基金`;

test("an officer records a fund, an investment with co-investment, links a project and reads the leverage", async ({
  page,
}) => {
  await login(page, "officer");
  // The investee and its project are on file already, as the enterprise desk and the lead would put them.
  const q = encodeURIComponent;
  const regions = await (await page.request.get(`/api/regions?q=${q("丽水经济技术开发区")}`)).json();
  const regionId = regions.items.find((r: { level: string }) => r.level === "platform").id;
  const parks = await (await page.request.get(`/api/parks?q=${q("张江")}`)).json();
  const parkId = parks.items[0].id;
  const firm = await page.request.post("/api/enterprises", { data: { name: firmName, regionId, parkId } });
  expect(firm.status(), await firm.text()).toBe(201);
  const teams = await (await page.request.get(`/api/projects/teams?q=${q("驻上海")}`)).json();
  const project = await page.request.post("/api/projects", {
    data: {
      name: projectName,
      investorId: (await firm.json()).id,
      regionId,
      parkId,
      teamId: teams.items[0].id,
      channel: "fund",
      totalInvestmentFen: 3_000_000_000_00,
    },
  });
  expect(project.status(), await project.text()).toBe(201);

  // 基金台账 → 登记基金.
  await page.getByRole("menuitem", { name: "基金台账", exact: true }).click();
  await expect(page).toHaveURL(/\/funds$/);
  await expect(page.getByRole("heading", { name: "基金台账", level: 4 })).toBeVisible();
  await page.screenshot({ path: `${shots}/funds-list.png`, fullPage: true });
  await page.getByRole("button", { name: "登记基金" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await drawer.getByLabel("基金名称").fill(fundName);
  await choose(page, drawer, "所在园区", "张江", "张江飞地");
  await drawer.getByRole("spinbutton", { name: "基金规模（万元）" }).fill("50000");
  await drawer.getByRole("spinbutton", { name: "认缴规模（万元）" }).fill("30000");
  await drawer.getByRole("spinbutton", { name: "政府出资（万元）" }).fill("10000");
  await drawer.getByLabel("成立日期").fill("2026-06-01");
  await drawer.getByLabel("成立日期").press("Enter");
  await drawer.getByRole("spinbutton", { name: "存续期（年）" }).fill("7");
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已登记基金「${fundName}」`)).toBeVisible();
  await expect(page).toHaveURL(/\/funds\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: fundName, level: 3 })).toBeVisible();
  await expect(page.getByTestId("fund-leverage")).toContainText("n/a");

  // 投资: above the uncommitted ¥300m is refused and nothing is written; ¥200m with ¥1.5bn alongside is kept.
  await page.getByRole("tab", { name: /^投资/ }).click();
  await expect(page).toHaveURL(/tab=investments/);
  await page.getByRole("button", { name: "登记投资" }).click();
  const modal = page.getByRole("dialog");
  await expect(modal).toBeVisible();
  await pick(page, modal, "被投企业", core, firmName);
  await pick(page, modal, "项目", core, projectName);
  await modal.getByRole("spinbutton", { name: "基金投资金额（万元）" }).fill("40000");
  await modal.getByRole("spinbutton", { name: "跟投资金（万元）" }).fill("150000");
  await modal.getByLabel("投资日期").fill("2026-07-15");
  await modal.getByLabel("投资日期").press("Enter");
  await modal.getByRole("button", { name: "登记投资" }).click();
  await expect(modal.getByText("超过基金未投余额 30,000 万元").first()).toBeVisible();
  await modal.getByRole("spinbutton", { name: "基金投资金额（万元）" }).fill("20000");
  await modal.getByRole("button", { name: "登记投资" }).click();
  await expect(page.getByText("已登记投资")).toBeVisible();
  await expect(modal).toBeHidden();
  const row = page.getByRole("tabpanel").locator(".ant-table-row", { hasText: firmName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("2 亿元");
  await expect(row).toContainText("15 亿元");
  await expect(row).toContainText("7.50 倍");
  await expect(page.getByRole("tab", { name: "投资（1）" })).toBeVisible();

  // 引进项目: the project the fund brought in, with its stage.
  await page.getByRole("tab", { name: /^引进项目/ }).click();
  await page.getByRole("button", { name: "关联引进项目" }).click();
  const link = page.getByRole("dialog");
  await pick(page, link, "项目", core, projectName);
  await link.getByRole("button", { name: "关联引进项目" }).click();
  await expect(page.getByText("已关联项目")).toBeVisible();
  const linked = page.getByRole("tabpanel").locator(".ant-table-row", { hasText: projectName });
  await expect(linked).toContainText("线索");
  await expect(linked).toContainText("基金招商");
  await expect(linked).toContainText("2 亿元");

  // 基金概况: the leverage with its formula and figures.
  await page.getByRole("tab", { name: "基金概况" }).click();
  const leverage = page.getByTestId("fund-leverage");
  await expect(leverage).toContainText("7.50 倍");
  await expect(leverage).toContainText("撬动倍数 = 跟投资金 ÷ 基金出资");
  await expect(leverage).toContainText("15 亿元 ÷ 2 亿元 = 7.50 倍");
  await page.screenshot({ path: `${shots}/fund-page.png`, fullPage: true });
  const fundUrl = page.url().replace(/\?.*$/, "");

  // The leader reads seed 001's figures across the zone.
  await switchTo(page, "leader");
  await page.getByRole("menuitem", { name: "基金招商统计", exact: true }).click();
  await expect(page).toHaveURL(/\/funds\/figures$/);
  await expect(page.getByRole("heading", { name: "基金招商统计", level: 4 })).toBeVisible();
  await expect(page.getByTestId("figures-leverage")).toContainText("倍");
  await expect(page.locator(".ant-table-row", { hasText: "丽水经开区基金产业园" }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/fund-figures.png`, fullPage: true });

  // The fund's history: its investment and the project link, by the officer.
  await page.goto(fundUrl);
  await page.getByRole("tab", { name: "操作记录" }).click();
  await expect(page.getByTestId("audit-trail")).toContainText(firmName);
  await expect(page.getByTestId("audit-trail")).toContainText("吴佳琪");
  await page.screenshot({ path: `${shots}/fund-trail.png`, fullPage: true });
  await page.goto("/funds");
  await expect(page.locator(".ant-table-row", { hasText: "丽水经开区绿色产业基金" })).toBeVisible();
  await expect(page.getByRole("button", { name: "登记基金" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/funds-list-leader.png`, fullPage: true });
});
