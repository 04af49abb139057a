import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type APIRequestContext, expect, request, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { choose, login, password, pickView, shots, switchTo, uniqueCore } from "./helpers";

/** An API session of its own, for the setup a person would do on another screen. */
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
  (await json<{ items: { id: string }[] }>(await api.get(path))).items[0]?.id ?? "";

/** This year and month as the browser (Asia/Shanghai) and the server see them, not the test runner. */
const chinaNow = () => {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Shanghai",
    year: "numeric",
    month: "numeric",
  }).formatToParts(new Date());
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month") };
};

const { core } = uniqueCore(6);
const investor = `浙江${core}新材料有限公司`;
const projectName = `${core}高端电子材料项目`;
const secondName = `${core}高端电子材料二期`;
const ids: Record<string, string> = {};

test.describe.configure({ mode: "serial" });

test("an administrator lays out the key-node template projects sign with", async () => {
  const admin = await apiAs("admin");
  const regions = await json<{ items: { id: string; level: string }[] }>(
    await admin.get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
  );
  ids.region = regions.items.find((r) => r.level === "platform")?.id ?? "";
  ids.park = await firstId(admin, `/api/parks?q=${encodeURIComponent("张江")}`);
  const department = (q: string) => firstId(admin, `/api/departments?q=${encodeURIComponent(q)}`);
  const tpl = await admin.post("/api/node-templates", {
    data: {
      name: `张江飞地工业项目${core}`,
      // The most specific template applies: park and kind, so demo templates of the region do not.
      regionId: ids.region,
      parkId: ids.park,
      projectKind: "industrial",
      items: [
        { name: "企业开办", departmentId: await department("市场监督"), dueWorkdays: 5 },
        {
          name: "土地出让/摘牌",
          departmentId: await department("自然资源"),
          dueWorkdays: 20,
          gate: "land",
          evidenceRequired: true,
        },
        { name: "施工许可", departmentId: await department("住房和城乡建设"), dueWorkdays: 60 },
      ],
    },
  });
  expect(tpl.status(), await tpl.text()).toBe(201);
  await admin.dispose();
});

test("an officer registers a lead and is warned of a likely duplicate", async ({ page }) => {
  await login(page, "officer");
  // The investor is put in the registry first, as the enterprise desk would.
  const firm = await page.request.post("/api/enterprises", {
    data: { name: investor, regionId: ids.region, parkId: ids.park },
  });
  expect(firm.status(), await firm.text()).toBe(201);

  // 项目台账, from the side menu.
  await page.getByRole("menuitem", { name: "项目台账" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  await expect(page.getByRole("heading", { name: "项目台账", level: 4 })).toBeVisible();

  // 报备项目: money in 万元, land in 亩; the officer's park and name come filled in.
  await page.getByRole("button", { name: "报备项目" }).first().click();
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await drawer.getByRole("button", { name: "报 备" }).click();
  await expect(drawer.getByText("项目名称至少 2 个字")).toBeVisible();
  await expect(drawer.getByText("请选择投资方企业")).toBeVisible();
  await drawer.getByLabel("项目名称").fill(projectName);
  await choose(page, drawer, "投资方", core, investor);
  await choose(page, drawer, "招商渠道", "飞地", "飞地招商");
  await choose(page, drawer, "报备小分队", "驻上海", "丽水经开区驻上海招商组");
  await expect(drawer.locator(".ant-form-item", { hasText: "落地园区" })).toContainText("张江飞地");
  await drawer.getByRole("spinbutton", { name: "总投资" }).fill("120000");
  await drawer.getByRole("spinbutton", { name: "用地需求" }).fill("80");
  await page.screenshot({ path: `${shots}/projects-register.png` });
  await drawer.getByRole("button", { name: "报 备" }).click();
  await expect(page.getByText(`已报备「${projectName}」`)).toBeVisible();
  await expect(drawer).toBeHidden();

  // In the ledger, with its size tag.
  const row = page.locator(".ant-table-row", { hasText: projectName });
  await expect(row).toContainText("120,000");
  await expect(row).toContainText("线索");
  await expect(row).toContainText("10亿元以上");
  const code = ((await row.locator("td").first().textContent()) ?? "").trim();
  expect(code).toMatch(/^XM\d{4}-\d{5}$/);
  ids.code = code;

  // A second lead of the same investor: the candidates are listed and a reason is asked for.
  await page.getByRole("button", { name: "报备项目" }).first().click();
  await expect(drawer).toBeVisible();
  await drawer.getByLabel("项目名称").fill(secondName);
  await choose(page, drawer, "投资方", core, investor);
  await choose(page, drawer, "招商渠道", "以商", "以商招商");
  await choose(page, drawer, "报备小分队", "驻北京", "丽水经开区驻北京招商组");
  await drawer.getByRole("button", { name: "报 备" }).click();
  await expect(drawer.getByText("发现 1 个疑似重复项目")).toBeVisible();
  await expect(drawer.locator(".ant-table-row", { hasText: code })).toContainText(projectName);
  await page.screenshot({ path: `${shots}/projects-duplicates.png` });
  await drawer.getByRole("button", { name: "仍然报备" }).click();
  await expect(drawer.getByText("请说明与疑似重复项目的区别")).toBeVisible();
  await drawer.getByLabel("与疑似重复项目的区别").fill("同一投资方的二期项目，独立选址、独立供地");
  await drawer.getByRole("button", { name: "仍然报备" }).click();
  await expect(page.getByText(`已报备「${secondName}」`)).toBeVisible();
  await page.getByText("只看疑似重复").click();
  await expect(page).toHaveURL(/duplicate=yes/);
  await expect(page.locator(".ant-table-row", { hasText: secondName })).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: projectName })).toHaveCount(0);
  await page.getByText("只看疑似重复").click();
  await expect(page).not.toHaveURL(/duplicate=yes/);
});

test("an officer saves the ledger's filters as a view, shares it and applies it again", async ({ page }) => {
  await login(page, "officer");
  await page.getByRole("menuitem", { name: "项目台账" }).click();
  const rows = page.locator(".ant-table-row");
  await expect(rows.filter({ hasText: secondName })).toBeVisible();

  // This officer's leads, suspected duplicates only, sorted by name: then 保存视图.
  await page.getByLabel("项目名称、编号或投资方").fill(core);
  await page.getByLabel("项目名称、编号或投资方").press("Enter");
  await page.getByText("只看疑似重复").click();
  await page.getByRole("columnheader", { name: /项目名称/ }).click();
  await expect(page).toHaveURL(/duplicate=yes/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(rows).toHaveCount(1);
  const viewName = `重复线索${core}`;
  await page.getByRole("button", { name: "保存视图" }).click();
  const save = page.getByRole("dialog", { name: "将当前筛选与排序保存为视图" });
  await save.getByLabel("视图名称").fill(viewName);
  await save.getByText("共享给本单位").click();
  await page.screenshot({ path: `${shots}/projects-views-save.png` });
  await save.getByLabel("视图名称").press("Enter");
  await expect(page.getByText(`已保存视图「${viewName}」`)).toBeVisible();
  await expect(save).toBeHidden();
  const picker = page.locator(".ant-select", { has: page.getByLabel("已保存的视图", { exact: true }) });
  await expect(picker).toContainText(viewName);

  // A colleague of the same unit finds it shared; the clean ledger shows every lead again.
  const colleague = await apiAs("officer2");
  const theirs = await json<{ items: { name: string; mine: boolean; ownerName: string }[] }>(
    await colleague.get("/api/views?listKey=projects"),
  );
  expect(theirs.items).toContainEqual(
    expect.objectContaining({ name: viewName, mine: false, ownerName: "吴佳琪" }),
  );
  await colleague.dispose();
  await page.goto("/projects");
  await expect(rows.filter({ hasText: projectName })).toBeVisible();
  await expect(picker).not.toContainText(viewName);

  // Picked from the dropdown by keyboard, the view brings its filters and sort back.
  await pickView(page, core, viewName);
  await expect(page).toHaveURL(/duplicate=yes/);
  await expect(page).toHaveURL(/sort=name/);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(core)}`));
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(secondName);
  await expect(page.getByLabel("项目名称、编号或投资方")).toHaveValue(core);

  // 管理视图: rename it, then delete it after confirming.
  await page.getByRole("button", { name: "管理视图" }).click();
  const manage = page.getByRole("dialog", { name: "管理我的视图" });
  await expect(manage).toContainText(viewName);
  await expect(manage).toContainText("已共享");
  await page.screenshot({ path: `${shots}/projects-views-manage.png` });
  await manage.getByRole("button", { name: `重命名：${viewName}` }).click();
  const rename = page.getByRole("dialog", { name: `重命名视图「${viewName}」` });
  const renamed = `二期线索${core}`;
  await rename.getByLabel("视图名称").fill(renamed);
  await rename.getByLabel("视图名称").press("Enter");
  await expect(page.getByText(`已重命名为「${renamed}」`)).toBeVisible();
  const again = page.getByRole("dialog", { name: "管理我的视图" });
  await expect(again).toContainText(renamed);
  await again.getByRole("button", { name: `删除：${renamed}` }).click();
  const confirm = page.locator(".ant-popover:visible", { hasText: `确定删除视图「${renamed}」吗？` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: /删\s*除/ }).click();
  await expect(page.getByText(`已删除视图「${renamed}」`)).toBeVisible();
  await expect(again).toContainText("还没有保存的视图");
  await again
    .getByRole("button", { name: /关\s*闭/ })
    .first()
    .click();
  await expect(picker).not.toContainText(renamed);

  // The enterprise registry keeps views of its own list: saved there, picked there.
  await page.getByRole("menuitem", { name: "企业库" }).click();
  await expect(page).toHaveURL(/\/enterprises$/);
  const firmSearch = page.getByLabel("名称、拼音（如 jr）或信用代码");
  await firmSearch.fill(core);
  await firmSearch.press("Enter");
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(core)}`));
  await expect(page.locator(".ant-table-row", { hasText: investor })).toBeVisible();
  await page.getByRole("button", { name: "保存视图" }).click();
  const firmView = page.getByRole("dialog", { name: "将当前筛选与排序保存为视图" });
  await firmView.getByLabel("视图名称").fill(`投资方${core}`);
  await firmView.getByLabel("视图名称").press("Enter");
  await expect(page.getByText(`已保存视图「投资方${core}」`)).toBeVisible();
  await page.goto("/enterprises");
  await expect(page).not.toHaveURL(/q=/);
  await pickView(page, core, `投资方${core}`);
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(core)}`));
  await expect(page.locator(".ant-table-row", { hasText: investor })).toBeVisible();
  await expect(firmSearch).toHaveValue(core);
  await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/enterprises-views.png` });
});

test("an officer records the contract terms and moves the lead to 签约 through its gate", async ({
  page,
}) => {
  await login(page, "officer");
  await page.getByRole("menuitem", { name: "项目台账" }).click();

  // Its page, opened from the ledger.
  await page
    .locator(".ant-table-row", { hasText: projectName })
    .getByRole("link", { name: projectName })
    .click();
  await expect(page).toHaveURL(/\/projects\/[0-9a-f-]{36}$/);
  ids.project = page.url().split("/").pop() ?? "";
  await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();
  await expect(page.getByText(ids.code ?? "").first()).toBeVisible();

  // Where the expert review gate exists, the panel passes the project (another desk's work).
  const reviews = await apiAs("admin");
  const expert = await reviews.post("/api/experts", {
    data: { name: `专家${core}`, fields: ["电子材料"], regionId: ids.region },
  });
  if (expert.status() !== 404) {
    expect(expert.status(), await expert.text()).toBe(201);
    type Review = { id: string; version: number; criteria: { key: string }[]; panel: { expertId: string }[] };
    const review = await json<Review>(
      await reviews.post("/api/reviews", {
        data: { subjectType: "project", subjectId: ids.project, title: `${projectName}研判`, panelSize: 1 },
      }),
    );
    const scores = Object.fromEntries(review.criteria.map((c) => [c.key, 85]));
    await json(
      await reviews.post(`/api/reviews/${review.id}/scores`, {
        data: { expertId: review.panel[0]?.expertId, scores },
      }),
    );
    const fresh = await json<Review>(await reviews.get(`/api/reviews/${review.id}`));
    await json(
      await reviews.post(`/api/reviews/${review.id}/conclusion`, {
        data: { conclusion: "pass", version: fresh.version },
      }),
    );
  }
  await reviews.dispose();

  // 签约 before the contract terms: the gate's Chinese message, and the way to fix it.
  await page.getByRole("button", { name: "推进阶段" }).click();
  const modal = page.getByRole("dialog");
  await choose(page, modal, "目标阶段", "签约", "签约");
  await modal.getByRole("button", { name: "确定变更" }).click();
  const gate = modal.getByRole("alert");
  await expect(gate).toContainText("签约前须先录入合同条款");
  await gate.getByRole("button", { name: "合同条款" }).click();
  await expect(modal).toBeHidden();
  await expect(page).toHaveURL(/tab=contract/);

  // 合同条款
  await page.getByRole("button", { name: "录入合同条款" }).click();
  await page.getByRole("spinbutton", { name: "承诺投资额" }).fill("120000");
  await page.getByRole("spinbutton", { name: "承诺投资强度" }).fill("500");
  await page.getByRole("textbox", { name: "合同编号" }).fill(`LSKFQ-${core}`);
  await page.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText("已保存合同条款")).toBeVisible();
  await expect(page.getByText("500 万元/亩")).toBeVisible();

  // Now 签约 goes through, and the template's key nodes are laid out.
  await page.getByRole("button", { name: "推进阶段" }).click();
  await choose(page, modal, "目标阶段", "签约", "签约");
  await modal.getByRole("button", { name: "确定变更" }).click();
  await expect(page.getByText(`「${projectName}」已进入签约阶段`)).toBeVisible();
  await page.getByRole("tab", { name: /关键节点/ }).click();
  const land = page.locator(".ant-table-row", { hasText: "土地出让/摘牌" });
  await expect(land).toContainText("丽水市自然资源和规划局");
  await expect(land).toContainText("签约后 20 个工作日");
  await expect(land).toContainText("未完成");
  await expect(land).toContainText("须附证明");
  await page.screenshot({ path: `${shots}/projects-nodes.png` });

  // 阶段记录
  await page.getByRole("tab", { name: "阶段记录" }).click();
  const events = page.getByTestId("stage-events");
  await expect(events.getByText("报备为")).toBeVisible();
  await expect(events.getByText("签约").first()).toBeVisible();
});

test("a department handler completes the land node on 我的节点", async ({ page }) => {
  await login(page, "handler");
  await page.getByRole("menuitem", { name: "我的节点" }).click();
  await expect(page).toHaveURL(/\/nodes$/);
  const row = page.locator(".ant-table-row", { hasText: projectName });
  await expect(row).toContainText("土地出让/摘牌");
  // Only their own department's node of the project is theirs.
  await expect(row).toHaveCount(1);
  await page.screenshot({ path: `${shots}/projects-my-nodes.png` });
  await row.getByRole("button", { name: "办结", exact: true }).click();
  const modal = page.getByRole("dialog");
  await expect(modal).toContainText("办结节点：土地出让/摘牌");
  await modal.getByLabel("办理情况").fill("已完成土地摘牌，出让合同已签订");
  // The land node needs its evidence: 办结 without a file is refused.
  await modal.getByRole("button", { name: "办 结" }).click();
  await expect(modal.getByText("请上传证明材料后再办结")).toBeVisible();
  await modal.locator("input[type=file]").setInputFiles({
    name: "国有建设用地使用权出让合同.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% land transfer contract\n"),
  });
  await expect(modal.getByRole("link", { name: /出让合同\.pdf/ })).toBeVisible();
  await expect(modal.getByText("请上传证明材料后再办结")).toBeHidden();
  await page.screenshot({ path: `${shots}/projects-node-evidence.png` });
  await modal.getByRole("button", { name: "办 结" }).click();
  await expect(page.getByText("已办结「土地出让/摘牌」")).toBeVisible();
  await expect(row).toContainText("已完成");
  await expect(row.getByRole("link", { name: /出让合同\.pdf/ })).toBeVisible();
  await expect(row.getByRole("button", { name: "办结", exact: true })).toHaveCount(0);
});

test("an officer starts construction once the land node is done", async ({ page }) => {
  await switchTo(page, "officer");
  await page.goto(`/projects/${ids.project}`);
  await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();
  // The department's evidence opens for the project's officer, though it was not theirs to upload.
  await page.getByRole("tab", { name: /关键节点/ }).click();
  const land = page.locator(".ant-table-row", { hasText: "土地出让/摘牌" });
  const evidence = land.getByRole("link", { name: /出让合同\.pdf/ });
  await expect(evidence).toBeVisible();
  const download = page.waitForEvent("download");
  await evidence.click();
  expect((await download).suggestedFilename()).toBe("国有建设用地使用权出让合同.pdf");
  await page.getByRole("button", { name: "推进阶段" }).click();
  const modal = page.getByRole("dialog");
  await choose(page, modal, "目标阶段", "开工", "开工");
  await modal.getByRole("button", { name: "确定变更" }).click();
  await expect(page.getByText(`「${projectName}」已进入开工阶段`)).toBeVisible();
  await page.screenshot({ path: `${shots}/projects-page.png` });
});

test("a leader reads the pipeline total, the same as the server counts", async ({ page }) => {
  await login(page, "leader");
  const sum = await json<{ total: number; overdueNodes: number }>(
    await page.request.get("/api/projects/pipeline"),
  );
  expect(sum.total).toBeGreaterThanOrEqual(2);
  await page.getByRole("menuitem", { name: "推进总览" }).click();
  await expect(page).toHaveURL(/\/projects\/pipeline$/);
  await expect(page.getByRole("heading", { name: "推进总览", level: 4 })).toBeVisible();
  await expect(page.getByTestId("pipeline-total")).toContainText(String(sum.total));
  await expect(page.getByRole("img", { name: /各阶段当前项目数/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/projects-pipeline.png`, fullPage: true });

  // The board shows the project in the 开工 column.
  await page.getByRole("menuitem", { name: "项目看板" }).click();
  const column = page.getByRole("region", { name: "开工" });
  await expect(column.getByRole("link", { name: projectName })).toBeVisible();
  await page.screenshot({ path: `${shots}/projects-board.png` });
});

test("an officer records a month of funds in place and reads the commitments on 履约", async ({ page }) => {
  await login(page, "officer");
  await page.goto(`/projects/${ids.project}`);
  await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();

  // 到位资金: this month, in 万元 and 万美元, with a bank slip as evidence.
  await page.getByRole("tab", { name: "到位资金" }).click();
  await expect(page.getByText("按月登记项目实际到位的内资、外资")).toBeVisible();
  await page.getByRole("button", { name: "登记到位资金" }).click();
  const modal = page.getByRole("dialog");
  await expect(modal.getByText("不能选择未来月份")).toBeVisible();
  await modal.getByRole("button", { name: "保 存" }).click();
  await expect(modal.getByText("内资、外资至少填写一项")).toBeVisible();
  await modal.getByRole("spinbutton", { name: "内资到位" }).fill("30000");
  await modal.getByRole("spinbutton", { name: "外资到位" }).fill("500");
  await modal.locator("input[type=file]").setInputFiles({
    name: "银行进账单.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% bank slip\n"),
  });
  await expect(modal.getByRole("link", { name: /银行进账单\.pdf/ })).toBeVisible();
  await modal.getByLabel("备注").fill("首笔注册资本金到位");
  await modal.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(/已保存 \d{4}年\d{1,2}月 到位资金/)).toBeVisible();
  await expect(modal).toBeHidden();
  const row = page.locator(".ant-table-row", { hasText: "首笔注册资本金到位" });
  await expect(row).toContainText("30,000");
  await expect(row).toContainText("500");
  await expect(row.getByRole("link", { name: /银行进账单\.pdf/ })).toBeVisible();
  await expect(page.getByTestId("funds-total-domestic")).toHaveText("30,000");
  await expect(page.getByTestId("funds-summary")).toContainText("为承诺投资额的 25%");

  // 履约: each commitment of the contract, before any yearly actuals.
  await page.getByRole("tab", { name: "履约" }).click();
  const investment = page.locator(".ant-table-row", { hasText: "累计完成投资" });
  await expect(investment).toContainText("120,000 万元");
  await expect(investment).toContainText("未到期");
  const intensity = page.locator(".ant-table-row", { hasText: "投资强度" });
  await expect(intensity).toContainText("500 万元/亩");

  // 年度实绩 of this year: the investment completed sets the intensity against the 80 亩.
  const { year } = chinaNow();
  await page.getByRole("button", { name: "添加年度" }).click();
  const card = page.getByTestId(`actuals-${year}`);
  await card.getByRole("spinbutton", { name: "累计完成投资" }).fill("50000");
  await card.getByRole("spinbutton", { name: "就业人数" }).fill("120");
  await card.getByRole("spinbutton", { name: "实际用地" }).fill("80");
  await card.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已保存 ${year} 年度实绩`)).toBeVisible();
  await expect(intensity).toContainText("625 万元/亩");
  await expect(intensity).toContainText("已达成");
  await expect(investment).toContainText("50,000 万元");
  await expect(investment).toContainText("-70,000 万元");
  await page.screenshot({ path: `${shots}/projects-performance.png`, fullPage: true });

  // 关键节点 as a Gantt chart from the signing day.
  await page.getByRole("tab", { name: /关键节点/ }).click();
  await page.getByText("甘特图").click();
  await expect(page.getByRole("img", { name: /关键节点甘特图/ })).toBeVisible();
  await page.screenshot({ path: `${shots}/projects-gantt.png` });
});

test("a leader reads the year's funds in place by park and by month, and exports them", async ({ page }) => {
  await login(page, "leader");
  const { year, month: thisMonth } = chinaNow();
  const sum = await json<{ items: { domesticFen: number }[] }>(
    await page.request.get(`/api/funds/summary?year=${year}&groupBy=park`),
  );
  const total = sum.items.reduce((a, x) => a + x.domesticFen, 0) / 1_000_000;
  expect(total).toBeGreaterThanOrEqual(30000);
  await page.getByRole("menuitem", { name: "到位资金统计" }).click();
  await expect(page).toHaveURL(/\/projects\/funds$/);
  await expect(page.getByRole("heading", { name: "到位资金统计", level: 4 })).toBeVisible();
  await expect(page.getByTestId("funds-domestic-total")).toContainText(
    `${total.toLocaleString("zh-CN", { maximumFractionDigits: 2 })} 万元`,
  );
  await expect(page.locator(".ant-table-row", { hasText: "张江飞地" })).toContainText("30,000");
  await expect(page.getByRole("img", { name: /实际到位资金/ })).toBeVisible();

  await page.getByText("按月份").click();
  await expect(page).toHaveURL(/groupBy=month/);
  await expect(page.locator(".ant-table-row")).toHaveCount(12);
  const month = `${year}年${thisMonth}月`;
  await expect(page.locator(".ant-table-row", { hasText: month })).toContainText("30,000");
  await page.screenshot({ path: `${shots}/projects-funds.png`, fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "导出Excel" }).click();
  expect((await download).suggestedFilename()).toContain(`${year}年实际到位资金`);
});

test("the investor's enterprise page lists its projects", async ({ page }) => {
  await login(page, "officer");
  const p = await json<{ investorId: string }>(await page.request.get(`/api/projects/${ids.project}`));
  await page.goto(`/enterprises/${p.investorId}`);
  await page.getByRole("tab", { name: "招商项目" }).click();
  await expect(page.getByText("作为投资方的招商项目 2 个")).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: secondName })).toBeVisible();
  await page.getByRole("link", { name: projectName }).click();
  await expect(page).toHaveURL(new RegExp(`/projects/${ids.project}$`));
});

/** A bureau's project ledger: a title row, a header with 万元 in it, dates written 2021.8. */
async function projectLedger(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("招商项目");
  ws.addRow([`2026年张江飞地招商项目台账（${core}）`]);
  ws.mergeCells("A1:H1");
  ws.addRow(["序号", "项目名称", "投资方", "所属园区", "招商单位", "总投资（万元）", "签约时间", "项目阶段"]);
  ws.addRow([
    1,
    `${core}导入一期项目`,
    `浙江${core}导入科技有限公司`,
    "张江飞地",
    "丽水经开区驻上海招商组",
    50000,
    2021.8,
    "已签约",
  ]);
  // No 招商单位: the import's default team takes it.
  ws.addRow([2, `${core}导入二期项目`, `浙江${core}导入科技有限公司`, "张江飞地", null, 8000, null, "在谈"]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-e2e-")), "招商项目台账.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("an officer imports a project ledger with a default team and finds the projects in the list", async ({
  page,
}) => {
  const file = await projectLedger();
  await login(page, "officer");
  await page.getByRole("menuitem", { name: "项目台账" }).click();
  await page.getByRole("button", { name: "导入台账" }).click();
  await expect(page).toHaveURL(/\/projects\/import/);
  await expect(page.getByRole("heading", { name: "导入项目台账", level: 4 })).toBeVisible();

  await page.locator("input[type=file]").setInputFiles(file);
  await expect(page.getByText("已识别表头在第 2 行")).toBeVisible();
  await expect(page.getByLabel("导入为 总投资（万元）")).toBeVisible();

  // The default team, for the row without one.
  const team = page.getByLabel("默认小分队");
  await expect(async () => {
    await team.click();
    await team.fill("驻北京");
    await expect(page.locator(".ant-select-dropdown:visible", { hasText: "驻北京" }).first()).toBeVisible({
      timeout: 3000,
    });
    await team.press("Enter");
    await expect(page.locator(".ant-card", { hasText: "默认小分队" })).toContainText(
      "丽水经开区驻北京招商组",
      {
        timeout: 3000,
      },
    );
  }).toPass({ timeout: 20_000 });
  await page.screenshot({ path: `${shots}/projects-import.png`, fullPage: true });

  await page.getByRole("button", { name: "开始校验" }).click();
  await expect(page.getByText("校验通过：将新增 2 条、更新 0 条")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "确认导入" }).click();
  await page.getByRole("button", { name: "确 定" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("新增 2 条，更新 0 条")).toBeVisible();

  await page.getByRole("button", { name: "查看结果" }).click();
  await expect(page).toHaveURL(/\/projects$/);
  const search = page.getByPlaceholder("项目名称、编号或投资方");
  await search.fill(`${core}导入`);
  await search.press("Enter");
  const first = page.locator(".ant-table-row", { hasText: `${core}导入一期项目` });
  await expect(first).toContainText("50,000");
  await expect(first).toContainText("签约");
  await expect(first).toContainText("丽水经开区驻上海招商组");
  const second = page.locator(".ant-table-row", { hasText: `${core}导入二期项目` });
  await expect(second).toContainText("丽水经开区驻北京招商组");
  await expect(second).toContainText("在谈");
});
