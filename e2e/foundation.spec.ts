import { expect, type Locator, type Page, test } from "@playwright/test";

import { shots, submitLogin } from "./helpers";

/**
 * Chooses in an antd select and checks the choice took: a click during the
 * popup's opening animation can be lost, so the whole gesture is retried.
 */
const pickWith = async (
  page: Page,
  scope: Locator,
  label: string,
  text: string,
  choose: (field: Locator) => Promise<void>,
) => {
  const field = scope.getByLabel(label);
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label) });
  await expect(async () => {
    await field.click();
    await choose(field);
    // The popup is portalled out of the form item: text inside the item is the chosen value.
    await expect(item.first()).toContainText(text, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await page.keyboard.press("Tab");
};

test("a wrong password is refused with the server's Chinese message", async ({ page }) => {
  await submitLogin(page, "admin", "not-the-password-1");
  await expect(page.getByRole("alert")).toContainText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
  await page.screenshot({ path: `${shots}/login.png` });
});

test("an administrator signs in, creates a park, reads its history and switches to English", async ({
  page,
}) => {
  await submitLogin(page, "admin");

  // 工作台
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { level: 3, name: /好/ })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "园区", exact: true })).toBeVisible();
  await expect(page.getByTestId("home-figure").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/home.png` });

  // 园区 list
  await page.getByRole("menuitem", { name: "园区", exact: true }).click();
  await expect(page).toHaveURL(/\/org\/parks/);
  await expect(page.getByRole("heading", { name: "园区", level: 4 })).toBeVisible();
  await expect(page.locator(".ant-table-row").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/parks.png` });

  // 新建园区
  const name = `测试产业园${Date.now().toString().slice(-6)}`;
  await page.getByRole("button", { name: "新建园区" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  // Saving empty shows the schema's Chinese messages.
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(drawer.getByText("请填写名称")).toBeVisible();
  await expect(drawer.getByText("请选择所属行政区")).toBeVisible();

  await drawer.getByLabel("园区名称").fill(name);
  // Type to filter the region tree, Enter to choose: no mouse needed.
  await pickWith(page, drawer, "所属行政区", "浙江省", async (field) => {
    await field.fill("浙江省");
    await expect(page.locator(".ant-select-tree-title", { hasText: "浙江省" }).first()).toBeVisible();
    await field.press("Enter");
  });
  await pickWith(page, drawer, "园区类型", "产业园", async (field) => {
    await field.fill("产业园");
    await field.press("Enter");
  });
  await drawer.getByLabel("面积").fill("20000");
  await expect(drawer.getByText("≈ 30 亩")).toBeVisible();
  // The boundary, pasted as vertices: a crossing one is refused on the spot, a good one kept.
  const outline = drawer.getByLabel("园区边界");
  await outline.fill("119.90,28.40\n119.92,28.42\n119.92,28.40\n119.90,28.42");
  await expect(drawer.getByText("边界自相交，请按顺序依次给出顶点")).toBeVisible();
  await outline.fill("119.90,28.40\n119.92,28.40\n119.92,28.42\n119.90,28.42");
  await expect(drawer.getByText("边界自相交，请按顺序依次给出顶点")).toBeHidden();
  await drawer.getByLabel("地址").fill("浙江省丽水市莲都区");
  await page.screenshot({ path: `${shots}/park-form.png` });
  await drawer.getByLabel("园区名称").press("Enter");
  await expect(page.getByText(`已新建「${name}」`)).toBeVisible();
  await expect(drawer).toBeHidden();

  // Find it in the list.
  await page.getByPlaceholder("搜索园区名称或简称").fill(name);
  await page.getByPlaceholder("搜索园区名称或简称").press("Enter");
  const row = page.locator(".ant-table-row", { hasText: name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("产业园");
  await expect(row).toContainText("30 亩");

  // 操作记录: the create entry, with the fields it was created with.
  await row.getByRole("button", { name: "操作记录" }).click();
  const trail = page.getByTestId("audit-trail");
  await expect(trail).toBeVisible();
  await expect(trail.getByText("新建").first()).toBeVisible();
  await expect(trail).toContainText(name);
  await expect(trail).toContainText("王晓东");
  await page.screenshot({ path: `${shots}/audit.png` });
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();

  // English
  await page.getByText("English", { exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "Parks", exact: true })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Organisation" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Parks", level: 4 })).toBeVisible();
  await page.screenshot({ path: `${shots}/english.png` });
  // Back to Chinese for whoever uses this browser next.
  await page.getByText("中文", { exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "园区", exact: true })).toBeVisible();
});
