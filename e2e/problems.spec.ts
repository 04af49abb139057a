import { expect, test } from "@playwright/test";
import { login, pick, shots, switchTo, uniqueCore } from "./helpers";

const { core } = uniqueCore(6);
const firmName = `丽水${core}光电有限公司`;
const projectName = `${core}光电材料项目`;
const title = `${core}项目用地指标尚未落实`;

test("an officer raises a problem on a project, the department resolves it, the officer closes it", async ({
  page,
}) => {
  await login(page, "officer");

  // The project, registered through the API as the officer.
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

  // 问题清单 on the project's page: raise the problem there, assigned to 自然资源和规划局 for 5 working days.
  await page.goto(`/projects/${projectId}`);
  await expect(page.getByRole("heading", { name: projectName, level: 3 })).toBeVisible();
  await page.getByRole("tab", { name: "问题清单" }).click();
  await expect(page.getByText("该项目暂无问题")).toBeVisible();
  await page.getByRole("button", { name: "提出问题" }).click();
  const drawer = page.getByRole("dialog").filter({ hasText: "所属项目" });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel("问题", { exact: true }).fill(title);
  await pick(page, drawer, "问题类别", "用地", "用地");
  await drawer.getByLabel("问题描述").fill("一期需新增建设用地 80 亩，年度指标尚缺 30 亩。");
  await pick(page, drawer, "责任部门", "自然资源", "丽水市自然资源和规划局");
  await expect(drawer.getByLabel("办理期限")).toHaveValue("5");
  await drawer.getByRole("button", { name: "保 存" }).click();
  await expect(page.getByText(`已提出问题「${title}」`)).toBeVisible();
  const row = page.locator(".ant-table-row", { hasText: title });
  await expect(row).toContainText("丽水市自然资源和规划局");
  await expect(row).toContainText("待办理");

  // The department's handler finds it on 问题清单 and resolves it.
  await switchTo(page, "handler");
  await page.getByRole("menuitem", { name: "问题清单" }).click();
  await expect(page).toHaveURL(/\/problems$/);
  await expect(page.getByRole("heading", { name: "问题清单", level: 4 })).toBeVisible();
  await page.getByText(title, { exact: true }).click();
  const detail = page.getByRole("dialog").filter({ hasText: "办理过程" });
  await expect(detail.getByText(projectName)).toBeVisible();
  // A handler may answer and resolve, not close or transfer.
  await expect(detail.getByRole("button", { name: "确认销号" })).toBeHidden();
  await expect(detail.getByRole("button", { name: "转 办" })).toBeHidden();
  await detail.getByRole("button", { name: "办 结" }).click();
  const resolve = page.getByRole("dialog").filter({ hasText: `办结「${title}」` });
  await resolve.getByLabel("解决情况").fill("已调剂年度用地指标 30 亩，完成挂牌出让");
  await resolve.getByRole("button", { name: "办 结" }).click();
  await expect(page.getByText("已办结，待招商专员确认销号")).toBeVisible();
  await expect(detail.getByText("已解决")).toBeVisible();
  await expect(detail.getByTestId("problem-timeline")).toContainText("已调剂年度用地指标 30 亩");
  await page.screenshot({ path: `${shots}/problem-resolved.png` });

  // The officer confirms it and closes it.
  await switchTo(page, "officer");
  await page.goto("/problems?status=resolved");
  await page.getByText(title, { exact: true }).click();
  await detail.getByRole("button", { name: "确认销号" }).click();
  const close = page.getByRole("dialog").filter({ hasText: `确认销号「${title}」` });
  await expect(close).toContainText("已调剂年度用地指标 30 亩");
  await close.getByRole("button", { name: "确认销号" }).click();
  await expect(page.getByText("已确认销号")).toBeVisible();
  await expect(detail.getByText("已销号")).toBeVisible();
  await expect(detail.getByTestId("problem-timeline")).toContainText("确认销号");
  await page.keyboard.press("Escape");
  await page.goto("/problems");
  await expect(page.locator(".ant-table-row", { hasText: title })).toContainText("已销号");
  await page.screenshot({ path: `${shots}/problems.png` });

  // The leader reads the department's figures: the problem counts as resolved, and in time.
  await switchTo(page, "leader");
  await page.getByRole("menuitem", { name: "部门问题统计" }).click();
  await expect(page.getByRole("heading", { name: "部门问题统计", level: 4 })).toBeVisible();
  const figures = page.locator(".ant-table-row", { hasText: "丽水市自然资源和规划局" });
  await expect(figures.locator("td").nth(4)).not.toHaveText("0");
  await expect(figures).toContainText("100%");
  await page.screenshot({ path: `${shots}/problem-departments.png`, fullPage: true });
});
