import { expect, type Page } from "@playwright/test";

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
