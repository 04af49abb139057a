import { expect, test } from "@playwright/test";
import { syntheticUscc } from "../common/uscc";
import { choose, login, shots, uniqueCore } from "./helpers";

const { core, initials: coreInitials } = uniqueCore(7);
const name = `浙江${core}科技有限公司`;
const initials = `zj${coreInitials}`;
const uscc = syntheticUscc("331100", Date.now() % 26_000_000_000_000);

test("an administrator registers a firm, finds it by pinyin initials and labels it", async ({ page }) => {
  await login(page, "admin");

  // 企业库, from the side menu.
  await page.getByRole("menuitem", { name: "企业库" }).click();
  await expect(page).toHaveURL(/\/enterprises$/);
  await expect(page.getByRole("heading", { name: "企业库", level: 4 })).toBeVisible();

  // 新增企业
  await page.getByRole("button", { name: "新增企业" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();

  // A wrong check character is named while typing, before any save.
  const usccField = drawer.getByRole("textbox", { name: "统一社会信用代码" });
  await usccField.fill(`${uscc.slice(0, 17)}${uscc[17] === "0" ? "1" : "0"}`);
  await expect(drawer.getByText("统一社会信用代码校验位不正确")).toBeVisible();
  // Lower case and spaces are tidied as typed.
  await usccField.fill(`${uscc.slice(0, 9).toLowerCase()} ${uscc.slice(9)}`);
  await expect(usccField).toHaveValue(uscc);
  await expect(drawer.getByText("统一社会信用代码校验位不正确")).toBeHidden();

  await drawer.getByLabel("企业名称").fill(name);
  await drawer.getByRole("spinbutton", { name: "注册资本" }).fill("500");
  await choose(page, drawer, "所属行业", "C3985", "电子专用材料制造");
  await choose(page, drawer, "所属行政区", "丽水经济技术开发区", "丽水经济技术开发区");
  await drawer.getByLabel("从业人数").fill("86");
  await drawer.getByRole("button", { name: "添加联系人" }).click();
  await drawer.getByPlaceholder("姓名").fill("周经理");
  await drawer.getByPlaceholder("电话").fill("0578-2212345");
  await page.screenshot({ path: `${shots}/enterprise-form.png` });
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已新增「${name}」`)).toBeVisible();
  await expect(drawer).toBeHidden();

  // Found by the initials of its name.
  const search = page.getByPlaceholder("名称、拼音（如 jr）或信用代码");
  await search.fill(initials);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${initials}`));
  const row = page.locator(".ant-table-row", { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(page.locator(".ant-table-row")).toHaveCount(1);
  await expect(row).toContainText(uscc);
  await expect(row).toContainText("500 万元");
  await page.screenshot({ path: `${shots}/enterprises.png` });

  // Its page.
  await row.getByRole("link", { name }).click();
  await expect(page).toHaveURL(/\/enterprises\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
  await expect(page.getByText("C3985")).toBeVisible();
  await expect(page.getByText("无有效标签")).toBeVisible();

  // 标签: add 高新技术企业 with its source and validity.
  await page.getByRole("tab", { name: "标签" }).click();
  await expect(page).toHaveURL(/tab=labels/);
  await expect(page.getByText("还没有标签").or(page.getByText(/资质认定可在这里登记/))).toBeVisible();
  await page.getByRole("button", { name: "添加标签" }).first().click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await choose(page, dialog, "标签", "高新", "高新技术企业");
  await dialog.getByLabel("认定来源").fill("浙江省科学技术厅");
  await dialog.getByLabel("有效期起").fill("2024-01-01");
  await dialog.getByLabel("有效期起").press("Enter");
  await dialog.getByLabel("有效期止").fill("2099-12-31");
  await dialog.getByLabel("有效期止").press("Enter");
  await dialog.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText("已添加标签「高新技术企业」")).toBeVisible();
  await expect(dialog).toBeHidden();
  const labelRow = page.locator(".ant-table-row", { hasText: "高新技术企业" });
  await expect(labelRow).toContainText("浙江省科学技术厅");
  await expect(labelRow).toContainText("2024-01-01 ~ 2099-12-31");
  await expect(labelRow).toContainText("有效");
  // The header's tags follow.
  await expect(page.getByText("无有效标签")).toBeHidden();
  await page.screenshot({ path: `${shots}/enterprise-page.png` });

  // 变更记录: the create and the label, in Chinese.
  await page.getByRole("tab", { name: "变更记录" }).click();
  const trail = page.getByTestId("audit-trail");
  await expect(trail.getByText("添加标签")).toBeVisible();
  await expect(trail.getByText("新建").first()).toBeVisible();
});
