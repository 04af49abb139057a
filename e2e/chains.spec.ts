import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { choose, login } from "./helpers";

const shots = "docs/screenshots";
fs.mkdirSync(shots, { recursive: true });

test("an officer opens a chain map, clicks a missing link, turns its prospect into a lead and finds it in the project list", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, "officer");

  // 产业链招商 → 产业链: the zone's five clusters from the demo.
  await page.getByRole("menuitem", { name: "产业链", exact: true }).click();
  await expect(page.getByRole("heading", { name: "产业链", level: 4 })).toBeVisible();
  await page.getByRole("link", { name: "半导体全链条" }).click();
  await expect(page.getByRole("heading", { name: /半导体全链条/, level: 4 })).toBeVisible();
  await expect(page.getByRole("img", { name: /产业链图谱/ })).toBeVisible();
  await expect(page.getByText(/8 个环节：强链/)).toBeVisible();
  await page.screenshot({ path: `${shots}/chains-map.png`, fullPage: true });

  // 晶圆制造 has no local firm: a missing link, with 科盛半导体 in the pool to fill it.
  await page.getByRole("button", { name: "晶圆制造（缺链）" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: "链上企业" });
  await expect(drawer.getByText("该环节暂无本地企业（缺链）")).toBeVisible();
  await page.waitForTimeout(600); // the drawer's slide-in
  await page.screenshot({ path: `${shots}/chains-link.png` });
  await drawer.getByRole("link", { name: "科盛半导体" }).click();

  // The prospect page opens on it, the score explained part by part.
  await expect(page).toHaveURL(/\/prospects\?open=/);
  const detail = page.getByRole("dialog").filter({ hasText: "得分说明" });
  await expect(detail.getByText("可补「晶圆制造」环节（当前缺链）")).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${shots}/prospects-detail.png` });
  await page.keyboard.press("Escape");
  await expect(detail).toBeHidden();
  await page.screenshot({ path: `${shots}/prospects.png`, fullPage: true });

  // 转为线索: registered through the lifecycle in stage 线索, by the 驻上海 team, in 张江飞地.
  const row = page.locator(".ant-table-row", { hasText: "科盛半导体" });
  await row.getByRole("button", { name: "转为线索" }).click();
  const modal = page.getByRole("dialog").filter({ hasText: "转为线索项目" });
  await choose(page, modal, "分配队伍", "驻上海", "丽水经开区驻上海招商组");
  await choose(page, modal, "所属园区", "张江", "张江飞地");
  await modal.getByRole("button", { name: "转为线索" }).click();
  await expect(page.getByText(/已转为线索项目 XM/)).toBeVisible();
  await expect(row).toContainText("XM");

  // The project list has it, in stage 线索; its page shows the chain link it fills.
  await page.getByRole("menuitem", { name: "项目台账" }).click();
  const project = page.locator(".ant-table-row", { hasText: "科盛半导体投资项目" });
  await expect(project).toBeVisible();
  await expect(project).toContainText("线索");
  await project.getByRole("link", { name: /科盛半导体投资项目/ }).click();
  await page.getByRole("tab", { name: "产业链" }).click();
  await expect(page.getByRole("link", { name: "半导体全链条 · 晶圆制造" })).toBeVisible();

  // The panorama of the zone's chains, and the chain's gap report now naming the project.
  await page.getByRole("menuitem", { name: "产业链全景图" }).click();
  await expect(page.getByRole("heading", { name: "产业链全景图", level: 4 })).toBeVisible();
  await expect(page.getByText("生物医药大健康")).toBeVisible();
  await page.screenshot({ path: `${shots}/chains-panorama.png`, fullPage: true });
  await page.getByRole("link", { name: "打开图谱" }).first().click();
  await page.getByRole("tab", { name: "缺链补链清单" }).click();
  await expect(page.locator(".ant-table-row", { hasText: "晶圆制造" })).toContainText("科盛半导体投资项目");
  await page.screenshot({ path: `${shots}/chains-gaps.png`, fullPage: true });
});

test("an admin picks and removes a 链主 firm and exports the chain's X清单", async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, "admin");
  await page.getByRole("menuitem", { name: "产业链", exact: true }).click();
  await page.getByRole("link", { name: "半导体全链条" }).click();
  await expect(page.getByRole("heading", { name: /半导体全链条/, level: 4 })).toBeVisible();

  // 链长制与强弱规则: 晶睿 is the demo's 链主; 珏芯 is picked beside it, then removed.
  await page.getByRole("tab", { name: "链长制与强弱规则" }).click();
  const card = page.locator(".ant-card", { hasText: "链主企业" });
  await expect(card.getByRole("link", { name: "浙江晶睿电子科技有限公司" })).toBeVisible();
  const field = card.getByRole("combobox");
  await expect(async () => {
    await field.click();
    await field.fill("珏芯");
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", {
      hasText: "珏芯微电子",
    });
    await expect(option.first()).toBeVisible({ timeout: 3000 });
    await option.first().click();
    await expect(card.getByRole("button", { name: "设为链主" })).toBeEnabled({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await card.getByRole("button", { name: "设为链主" }).click();
  await expect(page.getByText("已设为链主")).toBeVisible();
  await expect(card.getByRole("link", { name: "珏芯微电子" })).toBeVisible();
  await page.screenshot({ path: `${shots}/chains-leaders.png`, fullPage: true });
  await card.getByRole("button", { name: "移除 珏芯微电子" }).click();
  const confirm = page.locator(".ant-popover:visible", { hasText: "确定不再将「珏芯微电子」作为链主？" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText("已移除链主")).toBeVisible();
  await expect(card.getByRole("link", { name: "珏芯微电子" })).toBeHidden();

  // X清单: each list the chain carries exports to Excel.
  await page.getByRole("tab", { name: "X清单" }).click();
  await expect(page.getByText("重点企业清单")).toBeVisible();
  await page.screenshot({ path: `${shots}/chains-lists.png`, fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "导出 Excel 重点企业清单" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("半导体全链条重点企业清单.xlsx");
});
