import { expect, type Locator, type Page, test } from "@playwright/test";
import { choose, login, scoresOf, shots, switchTo, uniqueCore } from "./helpers";

/**
 * Adds a value to an antd multiple or tags select: a free tag (专业领域) or,
 * once `shown` is offered, a search result (回避企业).
 */
const addTag = async (page: Page, scope: Locator, label: string, tag: string, shown = tag) => {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    await field.fill(tag);
    if (shown !== tag) {
      await expect(page.locator(".ant-select-dropdown:visible", { hasText: shown }).first()).toBeVisible({
        timeout: 3000,
      });
    }
    await field.press("Enter");
    await expect(item.first().locator(".ant-select-selection-item", { hasText: shown })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  // Tab would also pick the highlighted suggestion: close the list by clicking the title instead.
  await scope.locator(".ant-drawer-title, .ant-modal-title").first().click();
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
};

const { core } = uniqueCore(6);
// A field no demo expert has, so the draw below knows exactly whom it can pick.
const field = `研判${core}`;
const investor = `丽水${core}精密机械有限公司`;
const projectName = `${core}精密轴承项目`;
const summary = `年产${core}万套精密轴承，建设数字化生产线及研发中心。`;
const chen = `陈${core}`;
const zhao = `赵${core}`;
const qian = `钱${core}`;
const ids: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test("an administrator keeps the expert pool and draws a panel that leaves out the investor's expert", async ({
  page,
}) => {
  await login(page, "admin");

  // The project under review, set up as the project desk would (through the API, in this session).
  const json = async <T>(res: Awaited<ReturnType<typeof page.request.get>>): Promise<T> => {
    expect(res.ok(), `${res.status()} ${await res.text()}`).toBeTruthy();
    return (await res.json()) as T;
  };
  const regions = await json<{ items: { id: string; level: string }[] }>(
    await page.request.get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
  );
  ids.region = regions.items.find((r) => r.level === "platform")?.id ?? "";
  const teams = await json<{ items: { id: string }[] }>(
    await page.request.get(`/api/teams?q=${encodeURIComponent("投资促进部")}`),
  );
  const firm = await json<{ id: string }>(
    await page.request.post("/api/enterprises", { data: { name: investor, regionId: ids.region } }),
  );
  const project = await json<{ id: string }>(
    await page.request.post("/api/projects", {
      data: {
        name: projectName,
        investorId: firm.id,
        regionId: ids.region,
        teamId: teams.items[0]?.id,
        channel: "chain",
        summary,
      },
    }),
  );
  ids.project = project.id;

  // 专家库, from the side menu.
  await page.getByRole("menuitem", { name: "专家库" }).click();
  await expect(page).toHaveURL(/\/experts$/);
  await expect(page.getByRole("heading", { name: "专家库", level: 4 })).toBeVisible();

  // Three new experts in the field; 钱 works for the investor.
  const drawer = page.getByRole("dialog");
  for (const [name, org, tied] of [
    [chen, "浙江工业大学机械工程学院", false],
    [zhao, "丽水市特种设备检测院", false],
    [qian, investor, true],
  ] as const) {
    await page.getByRole("button", { name: "新增专家" }).first().click();
    await expect(drawer).toBeVisible();
    if (name === chen) {
      // Refused before any request, in the server's words.
      await drawer.getByRole("button", { name: "保 存" }).click();
      await expect(drawer.getByText("请填写专家姓名")).toBeVisible();
      await expect(drawer.getByText("至少一个专业领域")).toBeVisible();
    }
    await drawer.getByLabel("姓名", { exact: true }).fill(name);
    await drawer.getByLabel("职称/职务", { exact: true }).fill("高级工程师");
    await drawer.getByLabel("工作单位", { exact: true }).fill(org);
    await addTag(page, drawer, "专业领域", field);
    await choose(page, drawer, "所属行政区", "丽水经济技术开发区", "丽水经济技术开发区");
    if (tied) await addTag(page, drawer, "回避企业", core, investor);
    if (tied) await page.screenshot({ path: `${shots}/reviews-expert-form.png` });
    await drawer.getByRole("button", { name: "保 存" }).click();
    await expect(page.getByText(`已新增专家「${name}」`)).toBeVisible();
    await expect(drawer).toBeHidden();
  }

  // 徐国庆 of the demo pool has the `expert` login: he joins the field too.
  const search = page.getByPlaceholder("姓名、单位或专业领域");
  await search.fill("徐国庆");
  await search.press("Enter");
  const xu = page.locator(".ant-table-row", { hasText: "徐国庆" });
  await expect(page.locator(".ant-table-row")).toHaveCount(1);
  await expect(xu.getByLabel("已关联登录账号，可在线评分")).toBeVisible();
  await xu.getByRole("button", { name: /^编\s?辑$/ }).click();
  await expect(drawer.locator(".ant-form-item", { hasText: "登录账号" })).toContainText("徐国庆（expert）");
  await addTag(page, drawer, "专业领域", field);
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText("已保存「徐国庆」")).toBeVisible();
  await expect(drawer).toBeHidden();

  // The field filter finds the four.
  await search.fill("");
  await search.press("Enter");
  const fieldFilter = page.getByLabel("专业领域", { exact: true });
  await expect(async () => {
    await fieldFilter.click();
    await fieldFilter.fill(field);
    await fieldFilter.press("Enter");
    await expect(page).toHaveURL(/field=/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`field=${encodeURIComponent(field)}`));
  await expect(page.locator(".ant-table-row")).toHaveCount(4);
  await expect(page.locator(".ant-table-row", { hasText: qian })).toContainText("1 家");
  await page.screenshot({ path: `${shots}/reviews-experts.png` });

  // The project's 项目研判 tab: no conclusion yet, so no signing.
  await page.goto(`/projects/${ids.project}`);
  await page.getByRole("tab", { name: "项目研判" }).click();
  await expect(page).toHaveURL(/tab=reviews/);
  await expect(page.getByText("尚无研判结论")).toBeVisible();

  // 发起研判: the title comes filled in, the criteria are the defaults.
  await page.getByRole("button", { name: "发起研判" }).click();
  const modal = page.getByRole("dialog");
  await expect(modal.getByLabel("评审名称")).toHaveValue(`${projectName}研判`);
  await expect(modal.getByRole("textbox", { name: "指标名称" }).first()).toHaveValue("产业契合度");
  await expect(modal.getByTestId("weight-sum")).toHaveText("权重合计 100");
  await addTag(page, modal, "专业领域", field);
  // Four asked for, three left once 钱 stays out: the server says so on the field.
  await modal.getByRole("spinbutton", { name: "抽取人数" }).fill("4");
  await modal.getByRole("button", { name: "抽取专家" }).click();
  await expect(modal.locator(".ant-form-item", { hasText: "抽取人数" })).toContainText(
    "符合条件的专家只有 3 位（另有 1 位因与投资方存在关联已回避），不足 4 位",
  );
  await modal.getByRole("spinbutton", { name: "抽取人数" }).fill("3");
  await modal.getByRole("button", { name: "抽取专家" }).click();
  await expect(page.getByText("已随机抽取 3 位专家")).toBeVisible();
  await expect(modal).toBeHidden();

  const card = page.getByTestId("review-card");
  await expect(card).toContainText(`${projectName}研判`);
  await expect(card).toContainText("评审中");
  await expect(card.getByTestId("excluded")).toHaveText(`回避：${qian}`);
  for (const name of ["徐国庆", chen, zhao]) {
    await expect(card.locator(".ant-table-row", { hasText: name })).toContainText("未评分");
  }
  await expect(card.locator(".ant-table-row", { hasText: qian })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "出具结论" })).toBeDisabled();
});

test("the expert scores the project on 我的评审", async ({ page }) => {
  await switchTo(page, "expert");
  await page.getByRole("menuitem", { name: "我的评审" }).click();
  await expect(page).toHaveURL(/\/reviews\/mine$/);
  const row = page.locator(".ant-table-row", { hasText: `${projectName}研判` });
  await expect(row).toContainText("待评分");
  await row.getByRole("button", { name: "去评分" }).click();
  await expect(page).toHaveURL(/\/reviews\/mine\/[0-9a-f-]{36}$/);

  // The project as the panel needs it.
  await expect(page.getByTestId("project-name")).toHaveText(projectName);
  await expect(page.getByTestId("project-summary")).toHaveText(summary);
  await expect(page.getByText(investor)).toBeVisible();

  // Nothing left blank.
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("请为「产业契合度」打分")).toBeVisible();
  // 90×.25 + 85×.25 + 80×.2 + 75×.2 + 90×.1 = 83.75
  await scoresOf(page, [90, 85, 80, 75, 90]);
  await page.getByLabel("评审意见").fill("产业链配套明确，建议落实用能指标。");
  await expect(page.getByTestId("live-total")).toContainText("83.75");
  await page.screenshot({ path: `${shots}/reviews-score.png` });
  await page.getByRole("button", { name: "提交评分" }).click();
  await expect(page.getByText("已提交评分")).toBeVisible();
  await expect(page.getByTestId("my-total")).toHaveText("您的总分：83.75");

  await page.getByRole("link", { name: "我的评审" }).first().click();
  await expect(page.locator(".ant-table-row", { hasText: `${projectName}研判` })).toContainText("已评分");
  await page.screenshot({ path: `${shots}/reviews-mine.png` });
});

test("the officer records the paper sheets and concludes 通过", async ({ page }) => {
  await switchTo(page, "admin");
  await page.goto(`/projects/${ids.project}?tab=reviews`);
  const card = page.getByTestId("review-card");
  await expect(card.locator(".ant-table-row", { hasText: "徐国庆" })).toContainText("83.75");
  await expect(card).toContainText("1/3 位专家已评分");

  const modal = page.getByRole("dialog");
  for (const name of [chen, zhao]) {
    await card.locator(".ant-table-row", { hasText: name }).getByRole("button", { name: "录入评分" }).click();
    await expect(modal).toContainText(`录入评分 — ${name}`);
    await scoresOf(modal, [80, 80, 80, 80, 80]);
    await modal.getByRole("button", { name: "保存评分" }).click();
    await expect(page.getByText(`已录入${name}的评分，总分 80`)).toBeVisible();
    await expect(modal).toBeHidden();
  }

  // Everyone has scored: the conclusion opens.
  await card.getByRole("button", { name: "出具结论" }).click();
  await expect(modal).toContainText("平均分 81.25");
  await modal.getByText("通过", { exact: true }).click();
  await modal.getByLabel("结论说明").fill("同意签约");
  await modal.getByRole("button", { name: "出具结论" }).click();
  await expect(page.getByText("研判结论：通过")).toBeVisible();
  await expect(modal).toBeHidden();
  await expect(card.getByTestId("conclusion")).toHaveText("通过");
  await expect(card).toContainText("已出结论");
  await expect(card).toContainText("81.25");
  await expect(card).toContainText("同意签约");
  await expect(page.getByText(/结论为通过，项目可以进入签约阶段/)).toBeVisible();
  // A picture of the concluded panel (e2e/screenshots), once the toasts have gone.
  await expect(page.locator(".ant-message-notice")).toHaveCount(0);
  await page.screenshot({ path: "e2e/screenshots/reviews-panel.png", fullPage: true });

  // The expert's copy is read-only now.
  await switchTo(page, "expert");
  await page.getByRole("menuitem", { name: "我的评审" }).click();
  const row = page.locator(".ant-table-row", { hasText: `${projectName}研判` });
  await expect(row).toContainText("已出结论");
  await row.getByRole("button", { name: /^查\s?看$/ }).click();
  await expect(page.getByText("评审已出结论，评分不可再修改。")).toBeVisible();
  await expect(page.getByRole("button", { name: "提交评分" })).toHaveCount(0);
});
