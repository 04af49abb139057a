import { expect, type Locator, type Page, test } from "@playwright/test";
import { choose, login, pick, scoresOf, shots, uniqueCore } from "./helpers";

/**
 * One walk of a project's life through the browser: an officer registers a lead and logs a
 * reception, a panel reviews it, the officer signs it, the land department completes its node and
 * resolves a problem the officer raised, the officer closes it, and the leader's pipeline counts
 * one more project and one more signing than before.
 */

/** Adds a free tag to an antd tags select, then closes its list by clicking the modal's title. */
const addTag = async (page: Page, scope: Locator, label: string, tag: string) => {
  const field = scope.getByLabel(label, { exact: true });
  const item = scope.locator(".ant-form-item", { has: page.getByLabel(label, { exact: true }) });
  await expect(async () => {
    await field.click();
    await field.fill(tag);
    await field.press("Enter");
    await expect(item.first().locator(".ant-select-selection-item", { hasText: tag })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 15_000 });
  await scope.locator(".ant-modal-title").first().click();
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
};

/** 推进总览's statistic of that title: its value, as the page shows it. */
const statistic = (page: Page, title: string) =>
  page
    .locator(".ant-statistic", { has: page.locator(".ant-statistic-title", { hasText: title }) })
    .locator(".ant-statistic-content-value");
const pipelineTotal = "项目总数";
const pipelineSigned = "已签约（含后续阶段）";
const countOf = async (value: Locator) => {
  await expect(value).toHaveText(/^[\d,]+$/);
  return Number(((await value.textContent()) ?? "").replace(/,/g, ""));
};
/** The leader opens 推进总览 from the side menu. */
const openPipeline = async (page: Page) => {
  await page.getByRole("menuitem", { name: "推进总览" }).click();
  await expect(page).toHaveURL(/\/projects\/pipeline$/);
  await expect(page.getByRole("heading", { name: "推进总览", level: 4 })).toBeVisible();
};

const { core } = uniqueCore(6);
const investor = `浙江${core}智能装备有限公司`;
const projectName = `${core}智能装备制造项目`;
const reception = `接待${core}智能装备考察团`;
const problem = `${core}项目供地时序待明确`;
const reviewTitle = `${projectName}研判`;
// Two demo experts share 半导体 and no spec gives it to anyone else: the panel is exactly them.
const panelField = "半导体";
const onlineExpert = "徐国庆"; // the `expert` login
const paperExpert = "方明华"; // no login: the officer records the sheet
const before = { total: 0, signed: 0 };
const ids: Record<string, string> = {};

test.describe
  .serial("a project's lifecycle, from lead to signing and its first node", () => {
    test("the leader reads the pipeline before the lead exists", async ({ page }) => {
      await login(page, "leader");
      await openPipeline(page);
      before.total = await countOf(statistic(page, pipelineTotal));
      before.signed = await countOf(statistic(page, pipelineSigned));
      expect(before.total).toBeGreaterThan(0);
    });

    test("an officer registers the lead and logs a reception on its 招商活动 tab", async ({ page }) => {
      await login(page, "officer");
      // The investor is put in the registry first, as the enterprise desk would.
      const q = encodeURIComponent;
      const regions = await (await page.request.get(`/api/regions?q=${q("丽水经济技术开发区")}`)).json();
      const regionId = regions.items.find((r: { level: string }) => r.level === "platform").id;
      const parks = await (await page.request.get(`/api/parks?q=${q("张江")}`)).json();
      const firm = await page.request.post("/api/enterprises", {
        data: { name: investor, regionId, parkId: parks.items[0].id },
      });
      expect(firm.status(), await firm.text()).toBe(201);

      // 报备项目 on 项目台账.
      await page.getByRole("menuitem", { name: "项目台账" }).click();
      await expect(page).toHaveURL(/\/projects$/);
      await page.getByRole("button", { name: "报备项目" }).first().click();
      const drawer = page.getByRole("dialog");
      await expect(drawer).toBeVisible();
      await drawer.getByLabel("项目名称").fill(projectName);
      await choose(page, drawer, "投资方", core, investor);
      await choose(page, drawer, "招商渠道", "飞地", "飞地招商");
      await choose(page, drawer, "报备小分队", "驻上海", "丽水经开区驻上海招商组");
      await expect(drawer.locator(".ant-form-item", { hasText: "落地园区" })).toContainText("张江飞地");
      await drawer.getByRole("spinbutton", { name: "总投资" }).fill("60000");
      await drawer.getByRole("spinbutton", { name: "用地需求" }).fill("50");
      await drawer.getByRole("button", { name: "报 备" }).click();
      await expect(page.getByText(`已报备「${projectName}」`)).toBeVisible();
      await expect(drawer).toBeHidden();
      const row = page.locator(".ant-table-row", { hasText: projectName });
      await expect(row).toContainText("线索");
      await expect(row).toContainText("60,000");

      // Its page, from the ledger.
      await row.getByRole("link", { name: projectName }).click();
      await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
      ids.project = page.url().split("/").pop() ?? "";
      await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();

      // 招商活动: a reception, the project linked by the tab itself.
      await page.getByRole("tab", { name: "招商活动" }).click();
      await expect(page).toHaveURL(/tab=activities/);
      const timeline = page.getByTestId("activity-timeline");
      await expect(timeline.getByText("还没有活动记录")).toBeVisible();
      await timeline.getByRole("button", { name: "记录跟进" }).click();
      const form = page.getByRole("dialog");
      await expect(form).toBeVisible();
      await form.locator("label", { hasText: "客商接待" }).click();
      await expect(form.getByText("跟进方式")).toBeHidden();
      await expect(form.locator(".ant-form-item", { hasText: "相关项目" })).toContainText(projectName);
      await form.getByLabel("标题").fill(reception);
      await form.getByLabel("城市").fill("上海");
      await form.getByLabel("地点").fill("张江飞地招商服务中心");
      await form.getByRole("button", { name: "添加对方人员" }).click();
      await form.getByLabel("姓名 1").fill("周总");
      await form.getByLabel("单位 1").fill(investor);
      await form.getByLabel("职务 1").fill("总经理");
      await form.getByLabel("情况摘要").fill("考察张江飞地标准厂房，初步商定投资规模与用地需求。");
      await form.getByRole("button", { name: "保 存" }).click();
      await expect(page.getByText(`已记录「${reception}」`)).toBeVisible();
      await expect(form).toBeHidden();
      await expect(timeline.getByText(reception)).toBeVisible();
      await expect(timeline).toContainText("客商接待");
      await expect(timeline).toContainText("周总");
    });

    test("the officer draws a panel on 项目研判", async ({ page }) => {
      await login(page, "officer");
      await page.goto(`/projects/${ids.project}`);
      await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();
      await page.getByRole("tab", { name: "项目研判" }).click();
      await expect(page).toHaveURL(/tab=reviews/);
      await expect(page.getByText("尚无研判结论")).toBeVisible();

      await page.getByRole("button", { name: "发起研判" }).click();
      const modal = page.getByRole("dialog");
      await expect(modal.getByLabel("评审名称")).toHaveValue(reviewTitle);
      await addTag(page, modal, "专业领域", panelField);
      await modal.getByRole("spinbutton", { name: "抽取人数" }).fill("2");
      await modal.getByRole("button", { name: "抽取专家" }).click();
      await expect(page.getByText("已随机抽取 2 位专家")).toBeVisible();
      await expect(modal).toBeHidden();

      const card = page.getByTestId("review-card");
      await expect(card).toContainText(reviewTitle);
      await expect(card).toContainText("评审中");
      for (const name of [onlineExpert, paperExpert]) {
        await expect(card.locator(".ant-table-row", { hasText: name })).toContainText("未评分");
      }
      await expect(card.getByRole("button", { name: "出具结论" })).toBeDisabled();
    });

    test("the expert scores it on 我的评审", async ({ page }) => {
      await login(page, "expert");
      await page.getByRole("menuitem", { name: "我的评审" }).click();
      await expect(page).toHaveURL(/\/reviews\/mine$/);
      const row = page.locator(".ant-table-row", { hasText: reviewTitle });
      await expect(row).toContainText("待评分");
      await row.getByRole("button", { name: "去评分" }).click();
      await expect(page).toHaveURL(/\/reviews\/mine\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId("project-name")).toHaveText(projectName);
      await expect(page.getByText(investor)).toBeVisible();
      // 90×.25 + 80×.25 + 80×.2 + 85×.2 + 90×.1 = 84.5
      await scoresOf(page, [90, 80, 80, 85, 90]);
      await page.getByLabel("评审意见").fill("契合园区智能装备产业链，建议明确分期供地。");
      await expect(page.getByTestId("live-total")).toContainText("84.5");
      await page.getByRole("button", { name: "提交评分" }).click();
      await expect(page.getByText("已提交评分")).toBeVisible();
      await expect(page.getByTestId("my-total")).toHaveText("您的总分：84.5");
    });

    test("the officer records the paper sheet, concludes 通过, records the contract and signs", async ({
      page,
    }) => {
      await login(page, "officer");
      await page.goto(`/projects/${ids.project}?tab=reviews`);
      const card = page.getByTestId("review-card");
      await expect(card.locator(".ant-table-row", { hasText: onlineExpert })).toContainText("84.5");
      await expect(card).toContainText("1/2 位专家已评分");

      // 录入评分 for the panelist without a login.
      const modal = page.getByRole("dialog");
      await card
        .locator(".ant-table-row", { hasText: paperExpert })
        .getByRole("button", { name: "录入评分" })
        .click();
      await expect(modal).toContainText(`录入评分 — ${paperExpert}`);
      await scoresOf(modal, [80, 80, 80, 80, 80]);
      await modal.getByRole("button", { name: "保存评分" }).click();
      await expect(page.getByText(`已录入${paperExpert}的评分，总分 80`)).toBeVisible();
      await expect(modal).toBeHidden();

      // 出具结论: 通过.
      await card.getByRole("button", { name: "出具结论" }).click();
      await expect(modal).toContainText("平均分 82.25");
      await modal.getByText("通过", { exact: true }).click();
      await modal.getByLabel("结论说明").fill("同意签约");
      await modal.getByRole("button", { name: "出具结论" }).click();
      await expect(page.getByText("研判结论：通过")).toBeVisible();
      await expect(modal).toBeHidden();
      await expect(card.getByTestId("conclusion")).toHaveText("通过");
      await expect(page.getByText(/结论为通过，项目可以进入签约阶段/)).toBeVisible();

      // 合同条款.
      await page.getByRole("tab", { name: "合同条款" }).click();
      await expect(page).toHaveURL(/tab=contract/);
      await page.getByRole("button", { name: "录入合同条款" }).click();
      await page.getByRole("spinbutton", { name: "承诺投资额" }).fill("60000");
      await page.getByRole("spinbutton", { name: "承诺投资强度" }).fill("400");
      await page.getByRole("textbox", { name: "合同编号" }).fill(`ZJFD-${core}`);
      await page.getByRole("button", { name: "保 存" }).click();
      await expect(page.getByText("已保存合同条款")).toBeVisible();
      await expect(page.getByText("400 万元/亩")).toBeVisible();

      // 推进阶段 to 签约: both gates are met, the key nodes are laid out.
      await page.getByRole("button", { name: "推进阶段" }).click();
      const stage = page.getByRole("dialog");
      await choose(page, stage, "目标阶段", "签约", "签约");
      await stage.getByRole("button", { name: "确定变更" }).click();
      await expect(page.getByText(`「${projectName}」已进入签约阶段`)).toBeVisible();
      await expect(stage).toBeHidden();
      await page.getByRole("tab", { name: /关键节点/ }).click();
      const land = page.locator(".ant-table-row", { hasText: "土地出让/摘牌" });
      await expect(land).toContainText("丽水市自然资源和规划局");
      await expect(land).toContainText("未完成");
      await page.screenshot({ path: `${shots}/lifecycle-nodes.png` });
    });

    test("the officer raises a problem for the land department on 问题清单", async ({ page }) => {
      await login(page, "officer");
      await page.goto(`/projects/${ids.project}`);
      await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();
      await page.getByRole("tab", { name: "问题清单" }).click();
      await expect(page.getByText("该项目暂无问题")).toBeVisible();
      await page.getByRole("button", { name: "提出问题" }).click();
      const drawer = page.getByRole("dialog").filter({ hasText: "所属项目" });
      await expect(drawer).toBeVisible();
      await drawer.getByLabel("问题", { exact: true }).fill(problem);
      await pick(page, drawer, "问题类别", "用地", "用地");
      await drawer.getByLabel("问题描述").fill("一期 30 亩与二期 20 亩的出让时序尚未明确，影响厂房设计。");
      await pick(page, drawer, "责任部门", "自然资源", "丽水市自然资源和规划局");
      await drawer.getByRole("button", { name: "保 存" }).click();
      await expect(page.getByText(`已提出问题「${problem}」`)).toBeVisible();
      const row = page.locator(".ant-table-row", { hasText: problem });
      await expect(row).toContainText("丽水市自然资源和规划局");
      await expect(row).toContainText("待办理");
    });

    test("the land department's handler completes the land node and resolves the problem", async ({
      page,
    }) => {
      await login(page, "handler");

      // 我的节点: the project's land node, 办结 in place.
      await page.getByRole("menuitem", { name: "我的节点" }).click();
      await expect(page).toHaveURL(/\/nodes$/);
      const node = page
        .locator(".ant-table-row", { hasText: projectName })
        .filter({ hasText: "土地出让/摘牌" });
      await expect(node).toHaveCount(1);
      await expect(node).toContainText("未完成");
      await node.getByRole("button", { name: "办结", exact: true }).click();
      const modal = page.getByRole("dialog");
      await expect(modal).toContainText("办结节点：土地出让/摘牌");
      await modal.getByLabel("办理情况").fill("一期 30 亩已挂牌出让并完成摘牌");
      await modal.getByRole("button", { name: "办 结" }).click();
      await expect(page.getByText("已办结「土地出让/摘牌」")).toBeVisible();
      await expect(modal).toBeHidden();
      await expect(node).toContainText("已完成");
      await expect(node.getByRole("button", { name: "办结", exact: true })).toHaveCount(0);

      // 问题清单: the problem raised for the department, resolved.
      await page.getByRole("menuitem", { name: "问题清单" }).click();
      await expect(page).toHaveURL(/\/problems$/);
      await page.getByText(problem, { exact: true }).click();
      const detail = page.getByRole("dialog").filter({ hasText: "办理过程" });
      await expect(detail.getByText(projectName)).toBeVisible();
      await detail.getByRole("button", { name: "办 结" }).click();
      const resolve = page.getByRole("dialog").filter({ hasText: `办结「${problem}」` });
      await resolve.getByLabel("解决情况").fill("已明确一期先行出让、二期次年供地");
      await resolve.getByRole("button", { name: "办 结" }).click();
      await expect(page.getByText("已办结，待招商专员确认销号")).toBeVisible();
      await expect(detail.getByText("已解决")).toBeVisible();
    });

    test("the officer confirms and closes the problem on the project's page", async ({ page }) => {
      await login(page, "officer");
      await page.goto(`/projects/${ids.project}?tab=problems`);
      const row = page.locator(".ant-table-row", { hasText: problem });
      await expect(row).toContainText("已解决");
      await row.getByText(problem, { exact: true }).click();
      const detail = page.getByRole("dialog").filter({ hasText: "办理过程" });
      await expect(detail.getByTestId("problem-timeline")).toContainText("已明确一期先行出让");
      await detail.getByRole("button", { name: "确认销号" }).click();
      const close = page.getByRole("dialog").filter({ hasText: `确认销号「${problem}」` });
      await expect(close).toContainText("已明确一期先行出让");
      await close.getByRole("button", { name: "确认销号" }).click();
      await expect(page.getByText("已确认销号")).toBeVisible();
      await expect(detail.getByText("已销号")).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(detail).toBeHidden();
      await expect(row).toContainText("已销号");

      // The land node the department completed shows on the project too.
      await page.getByRole("tab", { name: /关键节点/ }).click();
      await expect(page.locator(".ant-table-row", { hasText: "土地出让/摘牌" })).toContainText("已完成");
    });

    test("the leader's pipeline counts one more project and one more signing", async ({ page }) => {
      await login(page, "leader");
      await openPipeline(page);
      await expect(statistic(page, pipelineTotal)).toHaveText((before.total + 1).toLocaleString("en-US"));
      await expect(statistic(page, pipelineSigned)).toHaveText((before.signed + 1).toLocaleString("en-US"));
      await page.screenshot({ path: `${shots}/lifecycle-pipeline.png`, fullPage: true });

      // And the board has the project in its 签约 column.
      await page.getByRole("menuitem", { name: "项目看板" }).click();
      await expect(
        page.getByRole("region", { name: "签约" }).getByRole("link", { name: projectName }),
      ).toBeVisible();
    });
  });
