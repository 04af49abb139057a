import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import ExcelJS from "exceljs";
import { login } from "./helpers";

const shots = process.env.SITES_IMPORT_SHOTS ?? "/tmp/shots-sitesxlsx";
fs.mkdirSync(shots, { recursive: true });
fs.mkdirSync("docs/screenshots", { recursive: true });

/** The map the page exposes for tests (SiteMap's window.__siteMap), as far as this test uses it. */
interface MapHandle {
  querySourceFeatures(id: string): { properties?: { id?: string } }[];
  fitBounds(b: [number, number, number, number], o: object): void;
}
type WithMap = { __siteMap?: MapHandle };

const offline = async (page: Page) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1:3100\/)/, (route) => route.abort());
};

const square = (lng: number, lat: number, d = 0.002) => {
  const [e, n] = [+(lng + d).toFixed(7), +(lat + d).toFixed(7)];
  return `${lng},${lat};${e},${lat};${e},${n};${lng},${n}`;
};

/** A zone's 可用空间 sheet with coordinates, as a land office keeps it: a title row, then the header. */
async function parcels(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("可用地块");
  ws.addRow(["丽水经开区基金产业园可用地块清单"]);
  ws.mergeCells("A1:I1");
  ws.addRow(["名称", "编号", "类型", "园区", "用地性质", "存量类型", "面积（亩）", "坐标", "权属人/运营方"]);
  ws.addRow([
    "基金产业园 E-01 导入地块",
    "E-01",
    "地块",
    "基金产业园",
    "工业用地",
    "批而未供",
    64,
    square(119.93, 28.44),
    "丽水经开区管委会",
  ]);
  // A stated area far from the polygon's: imported, with a note in the dry run.
  ws.addRow([
    "基金产业园 E-02 导入地块",
    "E-02",
    "地块",
    "基金产业园",
    "工业用地",
    null,
    20,
    square(119.934, 28.44),
    "丽水经开区管委会",
  ]);
  const file = path.join(os.tmpdir(), `sites-import-${Date.now()}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

test("an administrator imports parcels from an xlsx with coordinates, checks the dry run, commits and finds them on the list and the map", async ({
  page,
}) => {
  await offline(page);
  const file = await parcels();
  await login(page, "admin");
  await page.goto("/sites");
  await page.getByRole("button", { name: "导入 Excel（含坐标）" }).click();
  await expect(page).toHaveURL(/\/sites\/import/);
  await expect(page.getByRole("heading", { name: "空间资源导入", level: 4 })).toBeVisible();
  await page.screenshot({ path: `${shots}/sites-import-upload.png`, fullPage: true });

  await page.locator("input[type=file]").setInputFiles(file);
  await expect(page.getByText("已识别表头在第 2 行")).toBeVisible();
  await expect(page.getByText("默认园区")).toBeVisible();
  await page.screenshot({ path: `${shots}/sites-import-mapping.png`, fullPage: true });

  await page.getByRole("button", { name: "开始校验" }).click();
  await expect(page.getByText("校验通过：将新增 2 条、更新 0 条")).toBeVisible({ timeout: 20_000 });
  const notes = page.getByTestId("site-import-warnings");
  await expect(notes).toContainText("基金产业园 E-02 导入地块");
  await expect(notes).toContainText("相差");
  await page.screenshot({ path: `${shots}/sites-import-check.png`, fullPage: true });
  await page.screenshot({ path: "docs/screenshots/sites-import.png", fullPage: true });

  await page.getByRole("button", { name: "确认导入" }).click();
  await page.getByRole("button", { name: "确 定" }).click();
  await expect(page.getByText("导入完成")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText("新增 2 条，更新 0 条")).toBeVisible();

  await page.getByRole("button", { name: "查看结果" }).click();
  await expect(page).toHaveURL(/\/sites$/);
  const search = page.getByPlaceholder("名称、编号、证号或权属单位");
  await search.fill("E-01 导入地块");
  await search.press("Enter");
  const row = page.locator(".ant-table-row", { hasText: "基金产业园 E-01 导入地块" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("丽水经开区基金产业园");
  await page.screenshot({ path: `${shots}/sites-import-list.png`, fullPage: true });

  // On the map: zoom to the parcel and find it among the drawn features.
  const found = await (await page.request.get(`/api/sites?q=${encodeURIComponent("E-01 导入地块")}`)).json();
  const parcel = (found.items as { id: string; bbox: [number, number, number, number] }[])[0]!;
  expect(parcel.bbox[0]).toBeCloseTo(119.93, 6);
  await page.goto("/sites/map");
  await expect(page.getByTestId("site-map")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });
  await page.evaluate(
    (b) => (window as unknown as WithMap).__siteMap!.fitBounds(b, { padding: 200, duration: 0 }),
    parcel.bbox,
  );
  await expect
    .poll(
      () =>
        page.evaluate(
          (id) =>
            ((window as unknown as WithMap).__siteMap?.querySourceFeatures("sites") ?? []).some(
              (f) => f.properties?.id === id,
            ),
          parcel.id,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
  await page.screenshot({ path: `${shots}/sites-import-map.png` });
});
