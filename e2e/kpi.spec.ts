import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const shots = "docs/screenshots";
fs.mkdirSync(shots, { recursive: true });

test("a leader opens 赛马排名, sees the enclaves ranked and opens one's breakdown", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "leader");

  // 考核赛马 → 赛马排名: the demo's monthly race of the Lishui enclaves (seed 001).
  await page.getByRole("menuitem", { name: "赛马排名" }).click();
  await expect(page.getByRole("heading", { name: "赛马排名", level: 4 })).toBeVisible();
  await expect(page.getByText(/丽水经开区飞地月度赛马 · 2026年11月/)).toBeVisible();
  const rows = page.locator(".ant-table-tbody tr.ant-table-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(0)).toContainText("杭州飞地");
  await expect(rows.nth(0)).toContainText("1");
  await expect(rows.nth(0).getByLabel("上升 1")).toBeVisible();
  await expect(rows.nth(1)).toContainText("张江飞地");
  await expect(rows.nth(1).getByLabel("下降 1")).toBeVisible();
  await expect(page.getByRole("img", { name: "总分柱状图" })).toBeVisible();
  await page.screenshot({ path: `${shots}/kpi-ranking.png`, fullPage: true });

  // A unit's breakdown: each indicator's value, goal, ratio and score, and its deductions.
  await page.getByText("宁波飞地").first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toContainText("宁波飞地 · 得分明细");
  await expect(drawer.getByRole("row", { name: /月度述职评议得分/ })).toContainText("86");
  await expect(drawer).toContainText("台账报送不及时扣分");
  await page.screenshot({ path: `${shots}/kpi-breakdown.png` });
  await drawer.getByRole("button", { name: /Close|关闭/ }).click();

  // 年度目标: progress against the seeds' yearly tasks, and the calendar.
  await page.getByRole("menuitem", { name: "年度目标" }).click();
  await expect(page.getByRole("heading", { name: "年度目标", level: 4 })).toBeVisible();
  await expect(page.getByRole("row", { name: /实际到位外资/ }).first()).toContainText("2,400");
  // A chain is a unit too (链长制): 半导体全链条's five projects, three signed this year.
  const chainGoal = page.getByRole("row", { name: /半导体全链条/ });
  await expect(chainGoal).toContainText("产业链");
  await expect(chainGoal).toContainText("签约项目");
  await page.screenshot({ path: `${shots}/kpi-goals.png`, fullPage: true });

  // 考核方案 and 指标库 are readable to the leader.
  await page.getByRole("menuitem", { name: "考核方案" }).click();
  await expect(page.getByRole("row", { name: /丽水经开区飞地月度赛马/ })).toContainText(
    "月度述职评议得分 50",
  );
  await page.getByRole("menuitem", { name: "指标库" }).click();
  await expect(page.getByRole("row", { name: /签约亿元以上项目/ })).toContainText("自动计算");
  await expect(page.getByRole("row", { name: /月度述职评议得分/ }).first()).toContainText("手工填报");
  await page.screenshot({ path: `${shots}/kpi-indicators.png`, fullPage: true });
});

test("an administrator computes a period's ranking and is refused weights that miss 100", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.getByRole("menuitem", { name: "考核方案" }).click();
  await page
    .getByRole("row", { name: /丽水经开区飞地月度赛马/ })
    .getByText("编辑")
    .click();
  const modal = page.getByRole("dialog");
  await modal.getByLabel("权重").first().fill("40");
  await expect(modal.getByText("权重合计 90")).toBeVisible();
  await page.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText("各指标权重之和须为 100，当前为 90").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/kpi-scheme-editor.png` });
  await page.getByRole("button", { name: /取\s*消|Cancel/ }).click();

  await page.getByRole("menuitem", { name: "赛马排名" }).click();
  await page.getByLabel("考核周期").click();
  await page
    .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: "2026年12月" })
    .click();
  await expect(page.getByText("该方案在此周期还没有排名")).toBeVisible();
  await page.getByRole("button", { name: "计算本期排名" }).click();
  // The scheme's bonus and deduction items first: a point off 宁波飞地 for late ledgers.
  const adjust = page.getByRole("dialog");
  await adjust.getByLabel("宁波飞地 台账报送不及时扣分").fill("2");
  await adjust.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText(/已计算 2026年12月 排名/)).toBeVisible();
  await expect(page.locator(".ant-table-tbody tr.ant-table-row")).toHaveCount(3);
  await expect(page.getByRole("row", { name: /宁波飞地/ })).toContainText("−2");
});
