import { expect, type Locator, type Page, test } from "@playwright/test";
import { login, shots, uniqueCore } from "./helpers";

/** Types into an antd (multi) select and presses Enter once the option shows; retried whole. */
const pickMany = async (page: Page, scope: Locator, label: string, typed: string, shown: string) => {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    await field.fill(typed);
    await expect(
      page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: shown }).first(),
    ).toBeVisible({ timeout: 3000 });
    await field.press("Enter");
    await expect(item.locator(".ant-select-selection-item", { hasText: shown })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  // Close the list by clicking elsewhere: in a multiple select Tab toggles the active option
  // off again, and Escape would close the drawer too.
  await scope.locator(".ant-drawer-title").click();
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
};

const { core } = uniqueCore(6);
const firmName = `丽水${core}新材料有限公司`;
const projectName = `${core}新材料项目`;
const title = `接待${core}考察团`;

test("an officer logs a reception for a project and finds it on the list and the project's timeline", async ({
  page,
}) => {
  await login(page, "officer");

  // The project the visitors came about, registered through the API as the officer.
  const q = encodeURIComponent;
  const regions = await (await page.request.get(`/api/regions?q=${q("丽水经济技术开发区")}`)).json();
  const regionId = regions.items.find((r: { level: string }) => r.level === "platform").id;
  const parks = await (await page.request.get(`/api/parks?q=${q("张江")}`)).json();
  const parkId = parks.items[0].id;
  const teams = await (await page.request.get(`/api/projects/teams?q=${q("驻上海")}`)).json();
  const firm = await page.request.post("/api/enterprises", { data: { name: firmName, regionId, parkId } });
  expect(firm.status(), await firm.text()).toBe(201);
  const project = await page.request.post("/api/projects", {
    data: {
      name: projectName,
      channel: "enclave",
      investorId: (await firm.json()).id,
      regionId,
      parkId,
      teamId: teams.items[0].id,
    },
  });
  expect(project.status(), await project.text()).toBe(201);
  const projectId = (await project.json()).id as string;

  // 活动台账, from the side menu.
  await page.getByRole("menuitem", { name: "活动台账" }).click();
  await expect(page).toHaveURL(/\/activities$/);
  await expect(page.getByRole("heading", { name: "活动台账", level: 4 })).toBeVisible();

  await page.getByRole("button", { name: "记录活动" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await drawer.locator("label", { hasText: "客商接待" }).click();
  // A reception has no follow-up mode, and may last several days.
  await expect(drawer.getByText("跟进方式")).toBeHidden();
  await expect(drawer.getByLabel("结束日期")).toBeVisible();
  await drawer.getByLabel("标题").fill(title);
  await drawer.getByLabel("城市").fill("丽水");
  await drawer.getByLabel("地点").fill("丽水经开区管委会");
  await pickMany(page, drawer, "相关项目", core, projectName);
  await drawer.getByRole("button", { name: "添加对方人员" }).click();
  await drawer.getByLabel("姓名 1").fill("陈总");
  await drawer.getByLabel("单位 1").fill(firmName);
  await drawer.getByLabel("职务 1").fill("董事长");
  await drawer.getByLabel("情况摘要").fill("考察张江飞地地块与标准厂房，座谈投资协议要点。");
  await page.screenshot({ path: `${shots}/activity-form.png` });
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已记录「${title}」`)).toBeVisible();
  await expect(drawer).toBeHidden();

  // On the list: kind, the project it concerns, the people met.
  const row = page.locator(".ant-table-row", { hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("客商接待");
  await expect(row).toContainText(projectName);
  await expect(row).toContainText("陈总");
  await expect(row).toContainText("吴佳琪");
  // Found by the person met.
  const search = page.getByPlaceholder("标题、地点、对方人员或项目");
  await search.fill(core);
  await search.press("Enter");
  await expect(page).toHaveURL(/q=/);
  await expect(page.locator(".ant-table-row")).toHaveCount(1);
  await page.screenshot({ path: `${shots}/activities-list.png` });

  // On the project's page, in its 招商活动 timeline.
  await page.goto(`/projects/${projectId}?tab=activities`);
  const timeline = page.getByTestId("activity-timeline");
  await expect(timeline.getByText(title)).toBeVisible();
  await expect(timeline).toContainText("陈总");
  await expect(timeline.getByRole("button", { name: "记录跟进" })).toBeVisible();
});
