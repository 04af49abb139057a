import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { syntheticUscc } from "../common/uscc";

import { login, shots, uniqueCore } from "./helpers";

// Names no demo firm has, each with initials of its own.
const { core, initials: coreInitials } = uniqueCore(6);
const firms = ["电子", "材料", "装备"].map((kind, i) => ({
  name: `丽水${core}${kind}有限公司`,
  uscc: syntheticUscc("331100", (Date.now() % 1_000_000_000) * 10 + i),
}));
const initials = `ls${coreInitials}`;
const badUscc = `${firms[1]!.uscc.slice(0, 17)}${firms[1]!.uscc[17] === "0" ? "1" : "0"}`;

/** A ledger as a bureau keeps it: a title row, units in a header, a total row; one code mistyped. */
async function ledger(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("企业名单");
  ws.addRow(["2026年丽水经开区新落户企业"]);
  ws.mergeCells("A1:E1");
  ws.addRow(["序号", "企业名称", "统一社会信用代码", "注册资本（万元）", "所属园区"]);
  ws.addRow([1, firms[0]!.name, firms[0]!.uscc, 3000, "丽水经开区"]);
  ws.addRow([2, firms[1]!.name, badUscc, 1200, "丽水经开区"]);
  ws.addRow([3, firms[2]!.name, firms[2]!.uscc, 800, "丽水经开区"]);
  ws.addRow(["合计", null, null, 5000, null]);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-e2e-")), "新落户企业.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

test("an administrator imports a ledger, fixes a reported cell on the page, commits and finds a firm by pinyin", async ({
  page,
}) => {
  const file = await ledger();
  await login(page, "admin");
  await page.getByRole("menuitem", { name: "企业库" }).click();
  await page.getByRole("button", { name: "导入" }).click();
  await expect(page).toHaveURL(/\/enterprises\/import/);
  await expect(page.getByRole("heading", { name: "导入企业数据", level: 4 })).toBeVisible();

  // Upload: the header is found below the title row, and the columns are matched.
  await page.locator("input[type=file]").setInputFiles(file);
  await expect(page.getByText("已识别表头在第 2 行")).toBeVisible();
  await expect(page.getByLabel("导入为 统一社会信用代码")).toBeVisible();
  await page.screenshot({ path: `${shots}/import-mapping.png`, fullPage: true });
  await page.getByRole("button", { name: "开始校验" }).click();

  // The dry run names the mistyped code by row and column; the total row is skipped.
  await expect(page.getByText("发现 1 处问题")).toBeVisible();
  const problem = page.locator(".ant-table-row", { hasText: badUscc });
  await expect(problem).toContainText("4");
  await expect(problem).toContainText("校验位");
  await expect(page.getByText("已跳过 1 行")).toBeVisible();
  await page.screenshot({ path: `${shots}/import-problems.png`, fullPage: true });

  // Fixed in place, then checked again.
  await problem.getByRole("button", { name: "修改" }).click();
  const cell = page.getByPlaceholder("输入正确的内容，回车确认");
  await cell.fill(firms[1]!.uscc);
  await cell.press("Enter");
  await expect(page.getByText("待重新校验")).toBeVisible();
  await page.getByRole("button", { name: /保存修改并重新校验/ }).click();
  await expect(page.getByText("校验通过：将新增 3 条、更新 0 条")).toBeVisible();
  await expect(page.getByText("已在页面修改 1 处单元格")).toBeVisible();

  // Committed all at once, after a confirmation.
  await page.getByRole("button", { name: "确认导入" }).click();
  await page.getByRole("button", { name: "确 定" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("新增 3 条，更新 0 条")).toBeVisible();
  await page.screenshot({ path: `${shots}/import-done.png`, fullPage: true });

  // Found in the registry by the initials of its name.
  await page.getByRole("button", { name: "查看结果" }).click();
  await expect(page).toHaveURL(/\/enterprises$/);
  const search = page.getByPlaceholder("名称、拼音（如 jr）或信用代码");
  await search.fill(`${initials}cl`);
  await search.press("Enter");
  const row = page.locator(".ant-table-row", { hasText: firms[1]!.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(firms[1]!.uscc);
  await expect(page.locator(".ant-table-row")).toHaveCount(1);
});
