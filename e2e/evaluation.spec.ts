import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { login } from "./helpers";

const shots = "docs/screenshots";
fs.mkdirSync(shots, { recursive: true });
const schemeName = "广陵区 2025 年度亩均效益评价（江苏式）";

test("an administrator runs the 亩均 evaluation of the demo district and opens a firm's card", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, "admin");

  // 亩均效益评价: the demo's Jiangsu-style scheme for 广陵区, copied from the shipped preset.
  await page.getByRole("menuitem", { name: "亩均效益评价" }).click();
  await expect(page.getByRole("heading", { name: "亩均效益评价", level: 4 })).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(schemeName.slice(0, 6)) })).toContainText(
    "亩均税收 45",
  );
  await page.screenshot({ path: `${shots}/evaluation-schemes.png` });
  await page.getByRole("link", { name: schemeName }).click();

  // The preflight lists who is evaluated and the benchmarks derived from last year's figures.
  await expect(page.getByText("参评：规上 6 家、规下 0 家；T 类（不定等级）0 家")).toBeVisible();
  await expect(page.getByText("参评企业数据齐全")).toBeVisible();
  await expect(page.getByText(/规上 亩均税收 上年均值 \d/)).toBeVisible();
  await expect(page.getByText("权重合计 100").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/evaluation-scheme.png`, fullPage: true });

  // Run: the results page with the class distribution and the ranked list.
  await page.getByRole("button", { name: "运行评价" }).click();
  await expect(page).toHaveURL(/\/evaluation\/runs\//);
  await expect(page.getByRole("heading", { name: /2025 年度评价结果/ })).toBeVisible();
  await expect(page.getByRole("img", { name: "各等级企业数" })).toBeVisible();
  await expect(page.getByRole("link", { name: "德国海拉BMS" })).toBeVisible();
  await page.screenshot({ path: `${shots}/evaluation-results.png`, fullPage: true });

  // The firm's card: each indicator's value, benchmark and score, and how the class was reached.
  await page.getByRole("link", { name: "德国海拉BMS" }).click();
  const card = page.getByTestId("evaluation-card");
  await expect(card).toBeVisible();
  await expect(card.getByRole("row", { name: /亩均税收/ })).toContainText("× 45");
  await expect(card).toContainText("加减分项：节能降碳");
  await expect(card).toContainText(/排第 \d+ 名/);
  await page.screenshot({ path: `${shots}/evaluation-card.png` });

  // An override needs a reason, and is then shown as the way the class was reached.
  await card.getByLabel("调整原因").fill("经园区核实存在违规用地，调整为 D 类");
  // From the keyboard, as the select sits at the drawer's foot (Escape would close the drawer):
  // its popup opens with an animation, so the step is retried until the chosen class shows.
  const classItem = card.locator(".ant-form-item", { hasText: "等级" }).first();
  const classField = card.getByLabel("等级", { exact: true });
  await expect(async () => {
    await classField.scrollIntoViewIfNeeded();
    await classField.focus();
    await page.keyboard.press("ArrowDown");
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", {
      hasText: "D 类（落后整治）",
    });
    await expect(option).toBeVisible({ timeout: 2000 });
    await option.click();
    await expect(classItem).toContainText("D 类（落后整治）", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await card.getByRole("button", { name: "确认调整" }).click();
  await expect(card).toContainText("人工调整为 D 类（落后整治）：经园区核实存在违规用地");

  // The D list exported to Excel for differentiated policies.
  await page.keyboard.press("Escape");
  await page.locator(".ant-segmented-item", { hasText: /^D 类$/ }).click();
  await expect(page).toHaveURL(/class=D/);
  await expect(page.getByRole("link", { name: "宏昌天马" })).toHaveCount(0);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出" }).click();
  expect((await download).suggestedFilename()).toContain("D类企业名单");
});
