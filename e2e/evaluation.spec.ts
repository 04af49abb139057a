import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, login } from "./helpers";

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

test("an administrator records an evaluation event on a firm's page and deletes it after confirming", async ({
  page,
}) => {
  await login(page, "admin");
  await page.goto(`/enterprises?q=${encodeURIComponent("海沃机械")}`);
  await page.getByRole("link", { name: "海沃机械" }).click();
  await page.getByRole("tab", { name: "亩均评价" }).click();
  await expect(page.getByText("暂无评价事项")).toBeVisible();
  await page.getByRole("button", { name: "登记事项" }).click();
  const modal = page.getByRole("dialog", { name: "登记事项" });
  await choose(page, modal, "事项类型", "专利", "发明专利授权");
  await modal.getByLabel("说明（文号、日期等）").fill("ZL2025 1 0123456.7");
  await page.screenshot({ path: `${shots}/evaluation-event.png` });
  await modal.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText("已登记「发明专利授权」")).toBeVisible();
  const row = page.getByRole("row", { name: /发明专利授权/ });
  await expect(row).toContainText("ZL2025 1 0123456.7");
  await row.getByRole("button", { name: "删除" }).click();
  const confirm = page.locator(".ant-popover:visible", { hasText: "确定删除「发明专利授权」吗？" });
  await confirm.getByRole("button", { name: /确\s*定|OK/ }).click();
  await expect(page.getByText("已删除「发明专利授权」")).toBeVisible();
  await expect(page.getByText("暂无评价事项")).toBeVisible();
});

test("an administrator edits a scheme's rules and is refused a negative-list item that names no firm", async ({
  page,
}) => {
  await login(page, "admin");
  await page.getByRole("menuitem", { name: "亩均效益评价" }).click();
  await page.getByRole("link", { name: schemeName }).click();
  await expect(page.getByText("参评范围", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "添加负面清单" }).click();
  await page.getByLabel("负面清单第 2 条原因").fill("违法用地");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("请为负面清单设置至少一个条件")).toBeVisible();
  await page.getByRole("button", { name: "删除负面清单第 2 条" }).click();
  await page.getByLabel("负面清单第 1 条原因").fill("发生重大安全生产事故（含死亡）");
  await page.getByRole("button", { name: "保存方案" }).click();
  await expect(page.getByText("方案已保存")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("负面清单第 1 条原因")).toHaveValue("发生重大安全生产事故（含死亡）");
});
