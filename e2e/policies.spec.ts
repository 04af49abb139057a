import fs from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { login, switchTo, uniqueCore } from "./helpers";

const shots = "/tmp/shots";
fs.mkdirSync(shots, { recursive: true });

const { core } = uniqueCore(5);
const clauseName = `高新技术企业认定奖励${core}`;
const policyName = "丽水经济技术开发区促进高质量发展若干政策";
const hnteFirm = "浙江容祺科技有限公司";
const ownFirm = "浙江晶睿电子科技有限公司";
const steps = ["园区初审", "部门复审", "财政终审"];

/** Types into a select of the condition editor (no form item around it) and takes the option with Enter. */
const typeSelect = async (page: Page, scope: Locator, label: string, typed: string) => {
  const field = scope.getByLabel(label, { exact: true });
  await expect(async () => {
    await field.click();
    await field.fill(typed);
    const option = page.locator(".ant-select-dropdown:visible .ant-select-item-option", { hasText: typed });
    await expect(option.first()).toBeVisible({ timeout: 3000 });
    await field.press("Enter");
    await expect(page.locator(".ant-select-dropdown:visible")).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
};

/** The firm's page, on its 政策匹配 tab, with our clause's row. */
const matchRow = async (page: Page, firm: string) => {
  const found = await (await page.request.get(`/api/enterprises?q=${encodeURIComponent(firm)}`)).json();
  const id = (found.items as { id: string; name: string }[]).find((f) => f.name === firm)?.id;
  expect(id, firm).toBeTruthy();
  await page.goto(`/enterprises/${id}?tab=policies`);
  await expect(page.getByRole("heading", { name: firm, level: 3 })).toBeVisible();
  await expect(page.getByTestId("match-summary")).toContainText("条生效政策");
  return page.locator(".ant-table-row", { hasText: clauseName });
};

test("a specialist enters a clause, applies for an eligible firm, passes each step, pays it and sees the totals", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await login(page, "specialist");

  // 政策条款库 → 新增条款: a fixed 20 万元 for firms labelled 高新技术企业, flagged for review.
  await page.getByRole("menuitem", { name: "政策条款库" }).click();
  await expect(page.getByRole("heading", { name: "政策条款库", level: 4 })).toBeVisible();
  await page.getByRole("button", { name: "新增条款" }).first().click();
  const form = page.getByRole("dialog").filter({ hasText: "申报条件与奖补标准" });
  await expect(form.getByLabel("政策文件")).toBeFocused();
  await form.getByLabel("政策文件").fill(policyName);
  await form.getByLabel("文号").fill("丽经开〔2026〕3号");
  await form.getByLabel("条款号").fill("第五条");
  await form.getByLabel("条款名称").fill(clauseName);
  await form.getByLabel("条款内容").fill("首次认定为国家高新技术企业的，给予一次性奖励 20 万元。");
  await form.getByRole("button", { name: /添加条件$/ }).click();
  const row = form.getByTestId("condition-row");
  await typeSelect(page, row, "条件字段", "企业标签");
  await typeSelect(page, row, "企业标签取值", "高新技术企业");
  await expect(form.getByTestId("condition-words")).toHaveText("条件：具有「高新技术企业」标签");
  await form.getByLabel("奖补金额").fill("20");
  // The default steps are there, in order, and can be moved from the keyboard.
  for (const [i, s] of steps.entries()) await expect(form.getByLabel(`审核环节 ${i + 1}`)).toHaveValue(s);
  await form.getByRole("button", { name: "下移「园区初审」" }).click();
  await expect(form.getByLabel("审核环节 1")).toHaveValue("部门复审");
  await form.getByRole("button", { name: "上移「园区初审」" }).click();
  await expect(form.getByLabel("审核环节 1")).toHaveValue("园区初审");
  await form.getByRole("switch", { name: "公平竞争审查" }).click();
  await form.getByLabel("审查说明").fill("已经区市场监管局公平竞争审查，未排除、限制竞争");
  await page.screenshot({ path: `${shots}/policy-clause-form.png` });
  await form.getByLabel("条款名称").press("Enter");

  // 条款详情: the condition in words, the flag, and the firm that meets it now.
  await expect(page.getByText(`已新增条款「${clauseName}」`)).toBeVisible();
  await expect(page.getByRole("heading", { name: clauseName, level: 3 })).toBeVisible();
  await expect(page.getByTestId("clause-condition")).toHaveText("具有「高新技术企业」标签");
  await expect(page.getByText("定额 20 万元").first()).toBeVisible();
  await expect(page.getByTestId("fair-review-alert")).toContainText("未排除、限制竞争");
  const eligibleRow = page.locator(".ant-table-row", { hasText: hnteFirm });
  await expect(eligibleRow).toContainText("20 万元");
  await expect(page.locator(".ant-table-row", { hasText: ownFirm })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/policy-clause.png`, fullPage: true });

  // The library lists it with the server's words and the flag.
  await page.goto(`/policies?q=${encodeURIComponent(core)}`);
  const listed = page.locator(".ant-table-row", { hasText: clauseName });
  await expect(listed).toContainText("具有「高新技术企业」标签");
  await expect(listed).toContainText("定额 20 万元");
  await expect(listed).toContainText("公平竞争审查");
  await page.screenshot({ path: `${shots}/policy-clauses.png` });

  // 政策匹配 of a firm without the label: 不符合, the reason in words; staff need a reason to apply.
  const notMet = await matchRow(page, ownFirm);
  await expect(notMet).toContainText("不符合");
  await expect(notMet).toContainText("具有「高新技术企业」标签");
  await notMet.getByRole("button", { name: "申 报" }).click();
  const override = page.getByRole("dialog").filter({ hasText: "不符合本条款的申报条件" });
  await expect(override.getByLabel("不符合条件仍受理的原因")).toBeVisible();
  await page.screenshot({ path: `${shots}/policy-apply-override.png` });
  await override.getByRole("button", { name: "取 消" }).click();

  // 政策匹配 of the labelled firm: 符合 and 20 万元; 申报 with a document.
  const met = await matchRow(page, hnteFirm);
  await expect(met).toContainText("符合");
  await expect(met).toContainText("20 万元");
  await page.screenshot({ path: `${shots}/policy-matches.png`, fullPage: true });
  await met.getByRole("button", { name: "申 报" }).click();
  const apply = page.getByRole("dialog").filter({ hasText: "申请金额" });
  await expect(apply.getByLabel("申请金额")).toHaveValue("20");
  await apply.getByLabel("申请说明").fill("2025 年首次通过国家高新技术企业认定。");
  await apply.locator("input[type=file]").setInputFiles({
    name: "高新技术企业证书.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n% certificate\n"),
  });
  await expect(apply.getByText("高新技术企业证书.pdf")).toBeVisible();
  await apply.getByRole("button", { name: "提交申请" }).click();

  // 兑现申请: three steps, then the payout.
  await expect(page.getByText(/已提交申请 /)).toBeVisible();
  await expect(page.getByRole("heading", { name: clauseName, level: 3 })).toBeVisible();
  await expect(page.getByTestId("fair-review-alert")).toBeVisible();
  await expect(page.getByText("高新技术企业证书.pdf")).toBeVisible();
  const bar = page.getByTestId("application-steps");
  for (const [i, step] of steps.entries()) {
    await expect(bar.locator(".ant-steps-item-process")).toContainText(step);
    await page.getByRole("button", { name: "审核通过" }).click();
    const decide = page.getByRole("dialog").filter({ hasText: "审核意见" });
    await expect(decide).toContainText(`审核环节：${step}`);
    await decide.getByLabel("审核意见").fill(`${step}：材料齐全，符合条件`);
    if (i === steps.length - 1) {
      await expect(decide.getByLabel("批准金额")).toHaveValue("20");
      await page.screenshot({ path: `${shots}/policy-decide-last.png` });
    }
    await decide.getByRole("button", { name: "审核通过" }).click();
    await expect(decide).toBeHidden();
    await expect(page.getByTestId("application-timeline")).toContainText(`${step}：材料齐全`);
  }
  await expect(page.locator(".ant-tag", { hasText: "已批准待兑付" }).first()).toBeVisible();
  await page.getByRole("button", { name: "登记兑付" }).click();
  const pay = page.getByRole("dialog").filter({ hasText: "尚可兑付" });
  await expect(pay.getByLabel("兑付金额")).toHaveValue("20");
  await pay.getByLabel("兑付金额").fill("25");
  await pay.getByLabel("凭证号").fill("LSCZ-2026-0315");
  await pay.getByRole("button", { name: "登记兑付" }).click();
  await expect(pay.getByText("兑付金额不能超过尚可兑付的 20 万元")).toBeVisible();
  await pay.getByLabel("兑付金额").fill("20");
  await pay.getByRole("button", { name: "登记兑付" }).click();
  await expect(pay).toBeHidden();
  await expect(page.locator(".ant-tag", { hasText: "已兑付" }).first()).toBeVisible();
  await expect(page.getByTestId("payouts-table")).toContainText("LSCZ-2026-0315");
  await expect(bar.locator(".ant-steps-item-finish")).toHaveCount(steps.length + 1);
  await page.screenshot({ path: `${shots}/policy-application.png`, fullPage: true });

  // The list row carries the flag; 兑现统计 counts the payout under the clause.
  await page.getByRole("menuitem", { name: "兑现申请" }).click();
  await page.getByLabel("申请编号、企业或条款").fill(core);
  await page.getByLabel("申请编号、企业或条款").press("Enter");
  const appRow = page.locator(".ant-table-row", { hasText: clauseName });
  await expect(appRow).toContainText("公平竞争审查");
  await expect(appRow).toContainText("已兑付");
  await page.screenshot({ path: `${shots}/policy-applications.png` });
  await page.getByRole("menuitem", { name: "兑现统计" }).click();
  const totalRow = page.getByTestId("totals-table").locator(".ant-table-row", { hasText: clauseName });
  await expect(totalRow).toContainText("20 万元");
  await page.getByText("按年度", { exact: true }).click();
  await expect(page.getByTestId("totals-table")).toContainText(`${new Date().getFullYear()} 年`);
  // Let the bars finish growing before the picture.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `${shots}/policy-totals.png`, fullPage: true });

  // The firm's own account: its 政策兑现 page shows the clause as 不符合 with no 申报 button.
  await switchTo(page, "enterprise");
  await page.getByRole("menuitem", { name: "政策兑现" }).click();
  await expect(page.getByRole("heading", { name: "政策兑现", level: 4 })).toBeVisible();
  const own = page.locator(".ant-table-row", { hasText: clauseName });
  await expect(own).toContainText("不符合");
  await expect(own.getByRole("button", { name: "申 报" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/policy-mine.png`, fullPage: true });
});
