import fs from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { choose, login } from "./helpers";

const shots = "docs/screenshots";
fs.mkdirSync(shots, { recursive: true });

interface MapHandle {
  loaded(): boolean;
  querySourceFeatures(id: string): unknown[];
  fitBounds(b: [number, number, number, number], o: object): void;
  project(p: [number, number]): { x: number; y: number };
  once(ev: string, fn: () => void): void;
}
declare global {
  interface Window {
    __siteMap?: MapHandle;
  }
}

/** Only the app itself answers: the map must draw with no tile server or font CDN reachable. */
const offline = async (page: Page) => {
  await page.route(/^https?:\/\/(?!127\.0\.0\.1:3100\/)/, (route) => route.abort());
};

const siteByName = async (page: Page, name: string) => {
  const res = await page.request.get(`/api/sites?q=${encodeURIComponent(name)}`);
  const body = (await res.json()) as { items: { id: string; name: string; bbox: number[] }[] };
  const s = body.items.find((x) => x.name === name);
  expect(s, name).toBeTruthy();
  return s!;
};

test("the space map draws parcels offline, a click opens the site, and a project reserves a matching one", async ({
  page,
}) => {
  await offline(page);
  page.on("console", (m) => {
    // Errors only: SwiftShader's GL performance warnings are noise.
    if (m.type() === "error") console.log(`[browser error] ${m.text()}`);
  });
  page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`));
  await login(page, "admin");
  await page.goto("/sites/map");
  await expect(page.getByRole("heading", { name: "可用空间图" })).toBeVisible();
  await expect(page.getByText("未配置底图")).toBeVisible();
  await expect(page.getByTestId("site-map")).toHaveAttribute("data-ready", "true", { timeout: 30_000 });

  // Zoom to 丽水经开区's A-03 parcel and wait until its features are drawn.
  const a03 = await siteByName(page, "经开区 A-03 工业地块");
  await page.evaluate(([w, s, e, n]) => {
    window.__siteMap!.fitBounds([w!, s!, e!, n!], { padding: 200, duration: 0 });
  }, a03.bbox);
  await expect
    .poll(() => page.evaluate(() => window.__siteMap?.querySourceFeatures("sites").length ?? 0), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0);
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${shots}/sites-map.png` });

  // Click the parcel's middle on the canvas, as a person would.
  const canvas = page.locator(".maplibregl-canvas");
  const point = await page.evaluate(
    ([w, s, e, n]) => window.__siteMap!.project([(w! + e!) / 2, (s! + n!) / 2]),
    a03.bbox,
  );
  await canvas.click({ position: { x: point.x, y: point.y } });
  const drawer = page.getByRole("dialog").filter({ hasText: "图形面积" });
  await expect(drawer.getByText("经开区 A-03 工业地块").first()).toBeVisible();
  await expect(drawer).toContainText("丽水经济技术开发区");
  await expect(drawer).toContainText("亩");
  await page.screenshot({ path: `${shots}/sites-drawer.png` });
  await page.keyboard.press("Escape");

  // Colour by land-stock category, and filter to 批而未供.
  await page.getByText("按存量类型").click();
  await expect(page.locator(".ant-card", { hasText: "图例" })).toContainText("批而未供");

  // The ledger lists and filters the same sites.
  await page.goto("/sites?stockCategory=idle");
  await expect(page.getByRole("heading", { name: "空间资源" })).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: "大创小镇闲置厂房" })).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: "经开区 A-03" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/sites-list.png` });

  // The project page's 空间需求 tab: record a demand, see ranked sites with reasons, reserve one.
  const found = await (await page.request.get(`/api/projects?q=${encodeURIComponent("方正智驱")}`)).json();
  const projectId = (found.items as { id: string }[])[0]!.id;
  await page.goto(`/projects/${projectId}?tab=space`);
  await page.getByRole("button", { name: "登记空间需求" }).click();
  await page.getByLabel("最小面积（平方米）").fill("60000");
  await page.getByLabel("最大面积（平方米）").fill("90000");
  await page
    .getByRole("tabpanel")
    .getByRole("button", { name: /保\s*存/ })
    .click();
  await expect(page.getByText("空间需求已保存")).toBeVisible();
  const match = page.locator(".ant-list-item", { hasText: "经开区 A-03 工业地块" });
  await expect(match).toContainText("在需求");
  await match.getByRole("button", { name: /预\s*留/ }).click();
  await page
    .locator(".ant-popconfirm")
    .getByRole("button", { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText("已预留“经开区 A-03 工业地块”")).toBeVisible();
  await expect(page.locator(".ant-card-small", { hasText: "已预留 / 使用的空间" })).toContainText(
    "经开区 A-03 工业地块",
  );
  await page.screenshot({ path: `${shots}/sites-demand.png`, fullPage: true });

  await page.goto("/sites/figures");
  await expect(page.getByRole("heading", { name: "园区空间统计" })).toBeVisible();
  await expect(page.locator(".ant-table-row", { hasText: "仪征汽车园" }).first()).toBeVisible();
  await page.screenshot({ path: `${shots}/sites-figures.png` });
});

test("the zone's administrator registers a parcel by pasting GCJ-02 vertices, and a bad outline is refused", async ({
  page,
}) => {
  await offline(page);
  await login(page, "admin");
  await page.goto("/sites");
  await page.getByRole("button", { name: "登记空间" }).click();
  const form = page.getByRole("dialog").filter({ hasText: "图形（边界坐标）" });
  await form.getByLabel("名称", { exact: true }).fill("经开区 C-12 工业地块");
  await choose(page, form, "园区", "丽水经济", "丽水经济技术开发区");
  await form.getByText("GCJ-02（高德、腾讯地图）").click();
  // A bow tie first: the preview says why before anything is sent.
  const outline = form.getByLabel("图形（边界坐标）");
  await outline.fill("119.90,28.46\n119.903,28.463\n119.903,28.46\n119.90,28.463");
  await expect(form).toContainText("边界自相交");
  await outline.fill("119.90,28.46\n119.903,28.46\n119.903,28.463\n119.90,28.463");
  await expect(form).toContainText("亩");
  await form.getByLabel("登记面积（平方米）").fill("200000");
  await expect(form).toContainText("相差");
  await form.getByRole("button", { name: /保\s*存/ }).click();
  await expect(page.getByText("已登记“经开区 C-12 工业地块”")).toBeVisible();
  // The form's drawer may still be closing: the site's own drawer is the one named after it.
  await expect(form).toBeHidden();
  const drawer = page.getByRole("dialog", { name: "经开区 C-12 工业地块" });
  await expect(drawer).toContainText("图形面积");
  await expect(drawer.getByRole("alert").first()).toContainText("相差");
  await page.screenshot({ path: `${shots}/sites-created.png` });
});
