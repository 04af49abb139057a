import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, login, switchTo } from "./helpers";

const shots = "/tmp/shots-bulletins";
fs.mkdirSync(shots, { recursive: true });

test("an officer generates the monthly bulletin and downloads its Word document", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "officer");
  await page.getByRole("menuitem", { name: "通报", exact: true }).click();
  await expect(page.getByRole("heading", { name: "通报", level: 4 })).toBeVisible();
  // The archive is empty, or holds last month's bulletin when the daily job (07:30) has already
  // run since the server started: either way the officer (re)generates it below.
  await expect(
    page.getByText("还没有归档的通报").or(page.locator(".ant-table-tbody tr.ant-table-row").first()),
  ).toBeVisible();
  await page.screenshot({ path: `${shots}/bulletins-empty.png`, fullPage: true });

  // 生成通报: the demo's monthly enclave bulletin, for the last month ended (the default).
  await page.getByRole("button", { name: "生成通报" }).click();
  const dialog = page.getByRole("dialog", { name: "生成通报" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(".ant-select").first()).toContainText("丽水经开区飞地招商（月通报）");
  const period = ((await dialog.locator(".ant-select").nth(1).textContent()) ?? "").trim();
  expect(period).toMatch(/^\d{4}年\d{1,2}月$/);
  await page.screenshot({ path: `${shots}/bulletins-generate.png` });
  await dialog.getByText("本期已生成时重新生成（保留原文号）").click();
  // antd spaces a two-character button label: 生 成
  await dialog.getByRole("button", { name: /^生\s?成$/ }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });

  const row = page.locator(".ant-table-tbody tr.ant-table-row", {
    hasText: `丽水经开区飞地招商${period}通报`,
  });
  await expect(row).toBeVisible();
  await expect(row).toContainText("丽经开招商〔");
  await expect(row).toContainText("吴佳琪");
  await page.screenshot({ path: `${shots}/bulletins-archive.png`, fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    row.getByRole("button", { name: /Word/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^丽经开招商〔\d{4}〕\d+号 丽水经开区飞地招商.+通报\.docx$/);
  const file = await download.path();
  expect(fs.statSync(file).size).toBeGreaterThan(10_000);
  await download.saveAs(`${shots}/bulletin.docx`);

  // 通报计划: the schedules the archive comes from, readable to the officer.
  await page.getByRole("tab", { name: "通报计划" }).click();
  await expect(page.getByRole("row", { name: /丽水经开区飞地招商/ })).toContainText("丽水经开区飞地月度赛马");
  await page.screenshot({ path: `${shots}/bulletins-schedules.png`, fullPage: true });

  // An administrator keeps the schedules: a new monthly bulletin of the zone, without a race.
  await switchTo(page, "admin");
  await page.goto("/bulletins?tab=schedules");
  await page.getByRole("button", { name: "新建通报计划" }).click();
  const drawer = page.getByRole("dialog");
  await drawer.getByLabel("通报名称").fill("丽水经开区招商工作");
  await choose(page, drawer, "行政区", "丽水经济技术开发区", "丽水经济技术开发区");
  await drawer.getByLabel("发文机关").fill("丽水经济技术开发区管理委员会");
  await drawer.getByLabel("机关代字").fill("丽经开招商");
  await drawer.getByLabel("主送单位").fill("管委会各部门");
  await drawer.getByLabel("主送单位").press("Enter");
  await expect(drawer.locator(".ant-select-selection-item", { hasText: "管委会各部门" })).toBeVisible();
  await page.screenshot({ path: `${shots}/bulletins-schedule-form.png` });
  await drawer.getByRole("button", { name: /^保\s?存$/ }).click();
  await expect(drawer).toBeHidden();
  await expect(
    page.getByRole("row", { name: /丽水经开区招商工作/ }).filter({ hasText: "月通报" }),
  ).toBeVisible();
});
