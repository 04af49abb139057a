import { expect, type Locator, type Page } from "@playwright/test";

export const password = process.env.ZHAOYIN_DEMO_PASSWORD ?? "Zhaoyin@2026";
export const shots = "e2e/screenshots";

/** Fills the login form and presses Enter, as people do; the caller checks where it lands. */
export const submitLogin = async (page: Page, username: string, pass = password) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(pass);
  await page.getByLabel("密码").press("Enter");
};

/** Logs in with the demo password and waits for the home page. */
export const login = async (page: Page, username: string) => {
  await submitLogin(page, username);
  await expect(page).toHaveURL(/\/$/);
};

/**
 * Types into an antd select or tree select and presses Enter once the option shows, as a
 * keyboard user does; retried whole, since a popup still opening (or a server search still
 * answering) can drop the keys.
 */
export const choose = async (page: Page, scope: Locator, label: string, typed: string, shown: string) => {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    await field.fill(typed);
    // Enter picks the highlighted option (a select's, or a tree select's node): wait until the
    // list has highlighted this one.
    const active = ":is(.ant-select-item-option-active, .ant-select-tree-treenode-active)";
    await expect(
      page.locator(`.ant-select-dropdown:visible ${active}`, { hasText: shown }).first(),
    ).toBeVisible({
      timeout: 3000,
    });
    await field.press("Enter");
    await expect(item.first()).toContainText(shown, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.keyboard.press("Tab");
};

/**
 * Types into an antd select and clicks the option once it shows (pickers whose Enter would
 * also submit the form); retried whole.
 */
export const pick = async (page: Page, scope: Locator, label: string, typed: string, shown: string) => {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    await field.fill(typed);
    const option = page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: shown })
      .first();
    await expect(option).toBeVisible({ timeout: 3000 });
    await option.click();
    await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0, { timeout: 1000 });
    await expect(item).toContainText(shown, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
};

/**
 * Picks a saved view from a list's 已保存的视图 dropdown by keyboard and waits for the list to
 * say it applied it; retried whole, like `pick`.
 */
export const pickView = async (page: Page, typed: string, name: string) => {
  const field = page.getByLabel("已保存的视图", { exact: true });
  await expect(async () => {
    await field.click();
    await field.fill(typed);
    await expect(page.locator(".ant-select-dropdown:visible .ant-select-item-option-active")).toHaveText(
      name,
      {
        timeout: 3000,
      },
    );
    await field.press("Enter");
    await expect(page.getByText(`已应用视图「${name}」`).first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
};

/** Signs in as someone else in the same browser. */
export const switchTo = async (page: Page, username: string) => {
  await page.context().clearCookies();
  await login(page, username);
};

/** Fills the default review criteria's scores, in their order. */
export const scoresOf = async (scope: Page | Locator, values: number[]) => {
  const names = ["产业契合度", "投资强度与规模", "技术先进性", "亩均产出与税收", "环保与安全风险"];
  for (const [i, name] of names.entries()) {
    await scope.getByRole("spinbutton", { name, exact: true }).fill(String(values[i]));
  }
};

// One syllable per digit, each with an initial of its own (安 a, 宝 b, 昌 c, 德 d, 丰 f …).
const syllables = ["安", "宝", "昌", "德", "丰", "光", "恒", "嘉", "凯", "隆"];
const initialsOf = "abcdfghjkl";

/** A name core no demo firm has, from the clock's last digits, with its pinyin initials. */
export const uniqueCore = (digits: number) => {
  const stamp = Date.now().toString().slice(-digits);
  return {
    core: [...stamp].map((d) => syllables[Number(d)]).join(""),
    initials: [...stamp].map((d) => initialsOf[Number(d)]).join(""),
  };
};
