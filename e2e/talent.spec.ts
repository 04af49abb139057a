import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { choose, login, pick, switchTo } from "./helpers";

const shots = "docs/screenshots";
fs.mkdirSync(shots, { recursive: true });

/** The 人才 submenu is open by default, as every group is. */
const openMenu = (page: Page, item: string) =>
  page.getByRole("menuitem", { name: item, exact: true }).click();

test("a talent project goes from application through screening and expert review to recognition and its first reward", async ({
  page,
}) => {
  await login(page, "admin");
  await openMenu(page, "人才项目");
  await expect(page.getByRole("heading", { name: "人才项目" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "容祺智能工业级无人机研发及产业化项目" })).toBeVisible();
  await page.screenshot({ path: `${shots}/talent-projects.png` });

  // 申报: in the open round, for a talent of the registry, at level B.
  const name = `智驱控制器中试项目${Date.now().toString().slice(-5)}`;
  await page.getByRole("button", { name: "申报项目" }).click();
  const drawer = page.getByRole("dialog");
  await choose(page, drawer, "申报批次", "常态化", "常态化申报");
  await pick(page, drawer, "人才", "俞晓岚", "俞晓岚");
  await drawer.getByLabel("项目名称", { exact: true }).fill(name);
  await choose(page, drawer, "申报等级", "B", "B · B类项目");
  await drawer.getByRole("button", { name: /^保\s*存$/ }).click();

  // The project page: 申报 → 形式审查 → 评审.
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const status = page
    .locator(".ant-tag")
    .filter({ hasText: /^(申报|形式审查|评审|认定)$/ })
    .first();
  await expect(status).toHaveText("申报");
  await page.getByRole("button", { name: "进入形式审查" }).click();
  await expect(status).toHaveText("形式审查");
  await page.getByRole("button", { name: "形式审查通过，进入评审" }).click();
  await expect(status).toHaveText("评审");

  // 认定 before any review is refused with the reason.
  await page.getByRole("button", { name: /^认\s*定$/ }).click();
  let modal = page.getByRole("dialog");
  await expect(modal.getByText(/B · B类项目/)).toBeVisible();
  // A click during the modal's opening animation can be lost: press again until refused.
  await expect(async () => {
    await modal.getByRole("button", { name: /确\s*定/ }).click();
    await expect(modal.getByText("认定前须完成专家评审并通过").first()).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 15_000 });
  await modal.getByRole("button", { name: /取\s*消/ }).click();

  // 专家评审 through the review machinery: draw one expert, enter the score sheet, conclude.
  await page.getByRole("button", { name: "抽取评审专家" }).first().click();
  modal = page.getByRole("dialog");
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText("已抽取评审专家")).toBeVisible();
  await page.getByRole("button", { name: "录入评分" }).first().click();
  modal = page.getByRole("dialog");
  const fields = modal.getByRole("spinbutton");
  await expect(fields.first()).toBeVisible();
  for (let i = 0; i < (await fields.count()); i++) await fields.nth(i).fill("88");
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText("评分已提交")).toBeVisible();
  await page.getByRole("button", { name: "评审结论" }).click();
  modal = page.getByRole("dialog");
  await expect(modal.getByText("通过", { exact: true })).toBeVisible();
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText(/结论：通过/)).toBeVisible();

  // 认定 at B: the level's instalments are laid out.
  await page.getByRole("button", { name: /^认\s*定$/ }).click();
  modal = page.getByRole("dialog");
  await expect(modal.getByText(/B · B类项目/)).toBeVisible();
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(status).toHaveText("认定");
  const rewards = page.locator(".ant-card", { hasText: "奖励兑现" });
  const firstRow = rewards.locator("tr", { hasText: "企业注册落地、人才全职到岗" });
  await expect(firstRow).toContainText("100 万元");

  // The first reward: its condition marked met, then paid with a voucher.
  await firstRow.getByRole("button", { name: /^兑\s*现$/ }).click();
  modal = page.getByRole("dialog");
  await modal.getByLabel("凭证号").fill("LSKF-RC-E2E-001");
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(modal.getByText(/兑现条件「企业注册落地、人才全职到岗」尚未确认达成/).first()).toBeVisible();
  await modal.getByRole("button", { name: /取\s*消/ }).click();
  await firstRow.getByRole("button", { name: "确认条件达成" }).click();
  await page
    .locator(".ant-popconfirm")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText("已确认条件达成")).toBeVisible();
  await firstRow.getByRole("button", { name: /^兑\s*现$/ }).click();
  modal = page.getByRole("dialog");
  await modal.getByLabel("凭证号").fill("LSKF-RC-E2E-001");
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(page.getByText("已记录兑现")).toBeVisible();
  await expect(rewards.getByText(/已兑现 100 万元/)).toBeVisible();
  await page.screenshot({ path: `${shots}/talent-project.png`, fullPage: true });

  // The ledger shows it paid; the figures count the year's recognition.
  await openMenu(page, "奖励兑现");
  await page.getByPlaceholder("项目名称或人才姓名").fill(name);
  await page.getByPlaceholder("项目名称或人才姓名").press("Enter");
  await expect(
    page.getByRole("row", { name: new RegExp(`${name} .*企业注册落地.* 是 100 万元 100 万元`) }),
  ).toBeVisible();
  await expect(page.getByRole("row", { name: /容祺智能/ })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/talent-rewards.png` });
  await openMenu(page, "招才引智数据");
  await expect(page.getByRole("heading", { name: "招才引智数据" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^丽水经济技术开发区 / })).toContainText("100 万元");
  await page.screenshot({ path: `${shots}/talent-figures.png` });
});

test("apartments: an overlapping allocation is refused, occupancy shows per building; others see contact data masked", async ({
  page,
}) => {
  await login(page, "specialist");
  await openMenu(page, "人才公寓");
  await expect(page.getByText("人才创新产业基地").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/talent-apartments.png` });
  // 101 of building 1 is 章明远's: allocating it again over the same days is refused.
  await page.getByPlaceholder("楼栋或房号").fill("人才公寓1号楼");
  await page.getByPlaceholder("楼栋或房号").press("Enter");
  await page
    .getByRole("row", { name: /章明远/ })
    .getByRole("button", { name: "101" })
    .click();
  const drawer = page.getByRole("dialog", { name: "人才公寓1号楼 101" });
  await drawer.getByRole("button", { name: /^分\s*配$/ }).click();
  const modal = page.getByRole("dialog").filter({ hasText: "分配 · 人才公寓1号楼 101" });
  await pick(page, modal, "人才", "俞晓岚", "俞晓岚");
  const today = new Date();
  const day = (d: Date) => d.toISOString().slice(0, 10);
  await modal.getByPlaceholder("开始日期").fill(day(today));
  await modal.getByPlaceholder("结束日期").fill(day(new Date(today.getTime() + 30 * 86_400_000)));
  await modal.getByPlaceholder("结束日期").press("Enter");
  await modal.getByRole("button", { name: /确\s*定/ }).click();
  await expect(modal.getByText(/已分配给 章明远，与所选日期重叠/).first()).toBeVisible();
  await modal.getByRole("button", { name: /取\s*消/ }).click();
  await expect(modal).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // The specialist (talent.personal) sees the phone number; the leader sees it masked.
  await openMenu(page, "人才库");
  await expect(page.getByRole("row", { name: /章明远/ })).toContainText("13905780101");
  await switchTo(page, "leader");
  await openMenu(page, "人才库");
  await expect(page.getByRole("row", { name: /章明远/ })).toContainText("139****0101");
  await page.getByRole("button", { name: "章明远" }).click();
  await expect(page.getByText("您没有查看人才联系方式和证件信息的权限")).toBeVisible();
  await page.screenshot({ path: `${shots}/talent-people-masked.png` });
});
