import { expect, type Locator, type Page, test } from "@playwright/test";
import { login, pick, shots, uniqueCore } from "./helpers";

const { core } = uniqueCore(6);
const visitedFirm = `丽水${core}精密机械有限公司`;
const otherFirm = `丽水${core}新能源有限公司`;
const planName = "规上企业每季度走访";
const appealTitle = `${core}员工上下班公交班次太少`;

/** Opens an antd select inside `scope` by its label and clicks the option showing `shown`. */
const choose = async (page: Page, scope: Locator, label: string, shown: string) => {
  await expect(async () => {
    await scope.getByLabel(label, { exact: true }).click();
    const option = page
      .locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: shown })
      .first();
    await expect(option).toBeVisible({ timeout: 3000 });
    await option.click();
    await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
};

test("a specialist records a visit with an appeal on a phone, plans quarterly visits to 规上 firms and reads the coverage", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await login(page, "specialist");

  // Two new firms of the zone, both 规上 by their 2025 figures: one to visit, one left unvisited.
  const near = await (await page.request.get(`/api/enterprises?q=${encodeURIComponent("晶睿")}`)).json();
  const { regionId, parkId } = near.items[0];
  const ids: string[] = [];
  for (const name of [visitedFirm, otherFirm]) {
    const made = await page.request.post("/api/enterprises", { data: { name, regionId, parkId } });
    expect(made.status(), await made.text()).toBe(201);
    const id = (await made.json()).id as string;
    const year = await page.request.put(`/api/enterprises/${id}/years/2025`, {
      data: { sizeClass: "above", revenueFen: 50_000_000_000 },
    });
    expect(year.status(), await year.text()).toBe(200);
    ids.push(id);
  }

  // 走访记录 on a phone: register the visit at the firm's gate, with the appeal it raised.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/visits");
  await expect(page.getByRole("heading", { name: "走访记录" })).toBeVisible();
  await page.getByRole("button", { name: "登记走访" }).first().click();
  const form = page.getByRole("dialog").filter({ hasText: "走访情况" });
  await expect(form).toBeVisible();
  // The firm is the first field and has the focus; the date is today, the method 上门走访.
  await expect(form.getByLabel("企业", { exact: true })).toBeFocused();
  await pick(page, form, "企业", core, visitedFirm);
  const today = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai" }).format(new Date());
  await expect(form.getByLabel("走访日期")).toHaveValue(today);
  await expect(form.getByRole("radio", { name: "上门走访" })).toBeChecked();
  await form.getByLabel("接待人").fill("王经理（行政部）");
  await form.getByLabel("同行人员").fill("园区办张芳");
  await form
    .getByLabel("走访情况")
    .fill("订单饱满，二期厂房年底结顶；约 300 名员工住城区，早晚高峰只有两班公交。");
  await form.getByRole("button", { name: /添加诉求/ }).click();
  const appeal = form.getByTestId("appeal-row");
  await appeal.getByLabel("诉求", { exact: true }).fill(appealTitle);
  await choose(page, appeal, "诉求类别", "交通");
  await appeal.getByLabel("诉求描述").fill("希望增开早晚高峰往返城区的公交班次。");
  await page.screenshot({ path: `${shots}/visit-form-phone.png` });
  await form.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已登记对「${visitedFirm}」的走访及 1 条诉求`)).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: visitedFirm })).toBeVisible();
  const listed = await (await page.request.get(`/api/visits?enterpriseId=${ids[0]}`)).json();
  expect(listed.items).toHaveLength(1);
  expect(listed.items[0]).toMatchObject({ method: "onsite", appealCount: 1, visitorName: "叶雨婷" });

  // 走访计划: every 规上 firm of the zone, each quarter; the editor counts the firms as it goes.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/visits/plans");
  await page.getByRole("button", { name: "新建走访计划" }).first().click();
  const plan = page.getByRole("dialog").filter({ hasText: "企业范围" });
  await expect(plan.getByLabel("计划名称")).toBeFocused();
  await plan.getByLabel("计划名称").fill(planName);
  await plan.getByText("每季度", { exact: true }).click();
  await plan.getByRole("button", { name: /添加条件$/ }).click();
  const row = plan.getByTestId("condition-row");
  await choose(page, row, "条件字段", "规模类别");
  await choose(page, row, "规模类别运算符", "等于");
  await choose(page, row, "规模类别取值", "规上");
  await expect(plan.getByTestId("condition-words")).toHaveText("条件：「规模类别」等于 规上");
  await expect(plan.getByTestId("plan-preview")).toContainText(/符合条件的企业：\d+ 家/);
  const preview = (await plan.getByTestId("plan-preview").textContent()) ?? "";
  expect(Number(/(\d+) 家/.exec(preview)?.[1])).toBeGreaterThanOrEqual(2);
  await plan.getByLabel("计划名称").press("Enter");
  await expect(page.getByText(`已创建走访计划「${planName}」`)).toBeVisible();
  // Lists show the newest first: a rerun against the same server finds this run's plan on top.
  const planRow = page.locator(".ant-table-row", { hasText: planName }).first();
  await expect(planRow).toContainText("「规模类别」等于 规上");
  await expect(planRow).toContainText("每季度");

  // 覆盖率: the visited firm counts this quarter; the other waits on the 未走访企业 list.
  await planRow.getByRole("link", { name: planName }).click();
  await expect(page).toHaveURL(/\/visits\/plans\/[0-9a-f-]+$/);
  const planId = page.url().split("/").pop() ?? "";
  const coverage = await (await page.request.get(`/api/visit-plans/${planId}/coverage`)).json();
  expect(coverage.visited).toBeGreaterThanOrEqual(1);
  expect(coverage.population).toBeGreaterThanOrEqual(2);
  const headline = page.getByTestId("coverage-headline");
  await expect(headline).toContainText(new RegExp(`应走访\\s*${coverage.population}\\s*家`));
  await expect(headline).toContainText(new RegExp(`已走访\\s*${coverage.visited}\\s*家`));
  await expect(headline).toContainText("覆盖目标 100%");
  await expect(page.getByRole("tab", { name: "按服务专员" })).toBeVisible();
  const unvisited = page.getByTestId("unvisited");
  await expect(unvisited.getByRole("link", { name: otherFirm })).toBeVisible();
  await expect(unvisited.getByRole("link", { name: visitedFirm })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/visit-coverage.png`, fullPage: true });

  // The firm on the list leads to its page, where 走访记录 offers a visit prefilled with it.
  await unvisited.getByRole("link", { name: otherFirm }).click();
  await expect(page.getByRole("heading", { name: otherFirm, level: 3 })).toBeVisible();
  await page.getByRole("tab", { name: "走访记录" }).click();
  await expect(page.getByText("尚未走访过这家企业")).toBeVisible();
  await page.getByRole("tabpanel").getByRole("button", { name: "登记走访" }).click();
  await expect(page.getByRole("dialog").getByText(otherFirm)).toBeVisible();
});
