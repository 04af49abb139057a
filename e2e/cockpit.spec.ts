import fs from "node:fs";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import { login, password, switchTo } from "./helpers";

const shots = "docs/screenshots";
const mine = "/tmp/shots-cockpit";
fs.mkdirSync(shots, { recursive: true });
fs.mkdirSync(mine, { recursive: true });

const apiAs = async (username: string): Promise<APIRequestContext> => {
  const api = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const res = await api.post("/api/session/login", { data: { username, password } });
  expect(res.ok(), await res.text()).toBeTruthy();
  return api;
};
const json = async <T>(res: Awaited<ReturnType<APIRequestContext["get"]>>): Promise<T> => {
  expect(res.ok(), `${res.status()} ${await res.text()}`).toBeTruthy();
  return (await res.json()) as T;
};
const firstId = async (api: APIRequestContext, path: string) =>
  (await json<{ items: { id: string }[] }>(await api.get(path))).items[0]!.id;

test("a leader opens the cockpit full screen: key figures, charts and the offline map", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await login(page, "leader");

  // The leader's home: the year's key figures and the way to the cockpit.
  const dash = page.getByTestId("dash-leader");
  await expect(dash).toBeVisible();
  await expect(dash.getByTestId("dash-figure").first()).toContainText("签约项目");
  await page.screenshot({ path: `${mine}/home-leader.png` });

  await page.getByRole("menuitem", { name: "领导驾驶舱", exact: true }).click();
  await expect(page).toHaveURL(/\/cockpit$/);
  await expect(page.getByRole("heading", { name: "招商引资驾驶舱" })).toBeVisible();
  // Full screen: no side menu, a way back.
  await expect(page.locator(".ant-layout-sider")).toHaveCount(0);
  await expect(page.getByTestId("cockpit-scope")).toHaveText("范围：丽水市");
  const figures = page.getByTestId("cockpit-figure");
  await expect(figures).toHaveCount(8);
  await expect(figures.first()).toContainText("签约项目");
  await expect(page.getByTestId("cockpit-figures")).toContainText("实际到位外资");
  await expect(page.getByRole("img", { name: "各阶段项目数柱状图" })).toBeVisible();
  await expect(page.getByRole("img", { name: "赛马排名柱状图" })).toBeVisible();
  await expect(page.getByTestId("cockpit-ranking")).toContainText("丽水经开区飞地月度赛马");
  await expect(page.getByTestId("cockpit-goals").getByTestId("cockpit-goal").first()).toBeVisible();
  // MapLibre draws the parks and sites on a plain background: no tile server, no network.
  const map = page.getByTestId("site-map");
  await expect(map).toHaveAttribute("data-ready", "true");
  await expect(map.locator("canvas")).toBeVisible();
  await expect(page.locator(".zy-park-label").first()).toBeVisible();
  await expect(page.getByTestId("cockpit-updated")).toContainText("数据更新于");
  await page.screenshot({ path: `${shots}/cockpit.png` });
  await page.screenshot({ path: `${mine}/cockpit-1920.png` });

  // A laptop's 1366×768 still holds every panel.
  await page.setViewportSize({ width: 1366, height: 768 });
  await expect(page.getByTestId("cockpit-chains")).toBeVisible();
  await page.screenshot({ path: `${mine}/cockpit-1366.png` });

  await page.getByRole("button", { name: "返回工作台" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("dash-leader")).toBeVisible();
});

test("an officer's home lists their projects; a department's shows its queue", async ({ page }) => {
  test.setTimeout(90_000);
  // The bureau registers a project in 张江飞地 with the officer named on it.
  const admin = await apiAs("admin");
  const users = await json<{ items: { id: string; username: string; regionId: string }[] }>(
    await admin.get("/api/users?q=officer&pageSize=50"),
  );
  const officer = users.items.find((u) => u.username === "officer")!;
  const name = `驾驶舱演示${Date.now() % 100_000}项目`;
  const res = await admin.post("/api/projects", {
    data: {
      name,
      channel: "enclave",
      investorId: await firstId(admin, "/api/enterprises?pageSize=1"),
      regionId: officer.regionId,
      parkId: await firstId(admin, `/api/parks?q=${encodeURIComponent("张江")}`),
      teamId: await firstId(admin, `/api/teams?q=${encodeURIComponent("驻上海")}`),
      officerId: officer.id,
      leadOn: "2026-11-02",
      duplicateReason: "演示：专员负责的新项目",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await admin.dispose();

  await login(page, "officer");
  const block = page.getByTestId("dash-officer");
  await expect(block).toBeVisible();
  await expect(block.getByRole("link", { name })).toBeVisible();
  await expect(block.getByTestId("dash-count").first()).toContainText("我的项目");
  await page.screenshot({ path: `${mine}/home-officer.png`, fullPage: true });
  await block.getByTestId("dash-count").first().click();
  await expect(page).toHaveURL(/\/projects\?officerId=/);
  await expect(page.getByRole("link", { name })).toBeVisible();

  await switchTo(page, "handler");
  const dep = page.getByTestId("dash-department");
  await expect(dep).toBeVisible();
  await expect(dep.getByTestId("dash-count").first()).toContainText("待办节点");
  await page.screenshot({ path: `${mine}/home-handler.png`, fullPage: true });
});

test("a team lead's home shows the team's pipeline and rank; a stage opens the team's list", async ({
  page,
}) => {
  test.setTimeout(90_000);
  // The bureau registers a lead for the 驻上海 team (the demo's projects are other teams').
  const admin = await apiAs("admin");
  const res = await admin.post("/api/projects", {
    data: {
      name: `驻沪队伍演示${Date.now() % 100_000}项目`,
      channel: "stationed",
      investorId: await firstId(admin, "/api/enterprises?pageSize=1"),
      regionId: await firstId(admin, `/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
      teamId: await firstId(admin, `/api/teams?q=${encodeURIComponent("驻上海")}`),
      leadOn: "2026-11-16",
      duplicateReason: "演示：队伍新报备的线索",
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  await admin.dispose();

  await login(page, "teamlead");
  const block = page.getByTestId("dash-team");
  await expect(block).toBeVisible();
  await expect(block).toContainText("驻上海招商组 · 队伍推进");
  const count = block.getByTestId("dash-count").first();
  await expect(count).toContainText("队伍项目");
  // Either the latest 赛马 the team races in, or the plain statement that it races in none.
  await expect(block.getByText(/第 \d+ 名 \/ 共 \d+ 个|尚未参加赛马排名/)).toBeVisible();
  await page.screenshot({ path: `${mine}/home-teamlead.png`, fullPage: true });

  // Each stage tag reads "阶段 N" and opens the team's projects at that stage: N rows in all.
  const tag = block.locator(".ant-tag").first();
  const [, n] = /(\d+)$/.exec(((await tag.textContent()) ?? "").trim())!;
  await tag.click();
  await expect(page).toHaveURL(/\/projects\?teamId=[^&]+&stage=/);
  await expect(page.locator(".ant-pagination-total-text")).toContainText(`共 ${n} 条`);
});
