import { describe, expect, it } from "vitest";
import type { SiteFeatureCollection, SiteRow } from "../../../common/site.schema.js";
import { multipart } from "../../test/multipart.js";
import { backends, json } from "../../test/setup.js";
import { type Page, polygon, rect, sitesApp } from "./sites.fixtures.js";

describe.each(backends)("sites on %s", (backend) => {
  const { ids, cookies, get, send, err, site, app } = sitesApp(backend);

  it("creates a site from a GCJ-02 polygon, stored in WGS 84 with its geodesic area, and warns of a stated area far off", async () => {
    const res = await send(
      "POST",
      "/api/sites",
      site({
        name: "基金产业园 A-01 地块",
        geometry: polygon(119.95, 28.4),
        geometryCrs: "gcj02",
        areaM2: 100_000,
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const s = json<SiteRow>(res);
    // GCJ-02 shifts west/south back by a few hundred metres in 丽水.
    expect(s.bbox[0]).toBeLessThan(119.95);
    expect(s.bbox[0]).toBeGreaterThan(119.94);
    expect(s.geometryAreaM2).toBeGreaterThan(40_000);
    expect(s.geometryAreaM2).toBeLessThan(45_000);
    expect(s.areaWarning).toContain("相差");
    expect(s.regionId).toBeTruthy();
    const fine = await send(
      "POST",
      "/api/sites",
      site({ name: "面积一致的地块", geometry: polygon(119.96, 28.4), areaM2: 43_000 }),
    );
    expect(json<SiteRow>(fine).areaWarning).toBeNull();
  });

  it.each([
    ["an unclosed ring", { type: "Polygon", coordinates: [rect(119.95, 28.41)[0]!.slice(0, 4)] }, "未闭合"],
    [
      "a self-intersecting ring",
      {
        type: "Polygon",
        coordinates: [
          [
            [119.95, 28.41],
            [119.952, 28.412],
            [119.952, 28.41],
            [119.95, 28.412],
            [119.95, 28.41],
          ],
        ],
      },
      "自相交",
    ],
    ["coordinates outside China", polygon(28.4, 119.95), "不在中国境内"],
    ["a point", { type: "Point", coordinates: [119.95, 28.4] }, "多边形"],
  ])("refuses %s and writes nothing", async (_n, geometry, words) => {
    const before = json<Page<SiteRow>>(await get("/api/sites")).total;
    const res = await send("POST", "/api/sites", site({ name: "坏图形地块", geometry }));
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toContain(words);
    expect(err(res).details![0]!.path).toBe("geometry");
    expect(json<Page<SiteRow>>(await get("/api/sites")).total).toBe(before);
  });

  it("lists with filters and sort, exports, and keeps scope (404) and rights (403)", async () => {
    await send(
      "POST",
      "/api/sites",
      site({
        name: "闲置厂房一号",
        kind: "factory",
        stockCategory: "idle",
        status: "to_recover",
        geometry: polygon(119.97, 28.4, 0.001, 0.001),
      }),
    );
    const idle = json<Page<SiteRow>>(await get("/api/sites?stockCategory=idle"));
    expect(idle.items.map((s) => s.name)).toContain("闲置厂房一号");
    expect(idle.items.every((s) => s.stockCategory === "idle")).toBe(true);
    const sorted = json<Page<SiteRow>>(
      await get(`/api/sites?parkId=${ids.etdz}&sort=areaM2&order=asc&pageSize=100`),
    ).items;
    expect(sorted.map((s) => s.geometryAreaM2)).toEqual(
      [...sorted.map((s) => s.geometryAreaM2)].sort((a, b) => a - b),
    );
    const xlsx = await get(`/api/sites/export?parkId=${ids.fund}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheet");
    const one = idle.items.find((s) => s.name === "闲置厂房一号")!;
    expect((await get(`/api/sites/${one.id}`, "officer")).statusCode).toBe(404);
    expect((await get(`/api/sites/${one.id}`, "leader")).statusCode).toBe(200);
    const denied = await send(
      "PATCH",
      `/api/sites/${one.id}`,
      { name: "改名", version: one.version },
      "leader",
    );
    expect(denied.statusCode).toBe(403);
    const staleEdit = await send("PATCH", `/api/sites/${one.id}`, {
      name: "闲置厂房一号（改）",
      version: one.version + 5,
    });
    expect(staleEdit.statusCode).toBe(409);
  });

  it("serves map features of a viewport with only what the map needs, and parks by outline or the box of their sites", async () => {
    const map = json<SiteFeatureCollection>(await get("/api/sites/map?bbox=119.9,28.35,120.0,28.45"));
    expect(map.features.length).toBeGreaterThanOrEqual(3);
    expect(Object.keys(map.features[0]!.properties).sort()).toEqual([
      "areaM2",
      "id",
      "kind",
      "name",
      "status",
      "stockCategory",
    ]);
    const far = json<SiteFeatureCollection>(await get("/api/sites/map?bbox=100,30,100.1,30.1"));
    expect(far.features).toHaveLength(0);
    const filtered = json<SiteFeatureCollection>(
      await get("/api/sites/map?bbox=119.9,28.35,120.0,28.45&status=to_recover"),
    );
    expect(filtered.features.every((f) => f.properties.status === "to_recover")).toBe(true);
    type Extent = { parkName: string; minLng: number; maxLat: number; sites: number; outline: unknown };
    let parks = json<{ items: Extent[] }>(await get("/api/sites/parks")).items;
    const fund = parks.find((p) => p.parkName === "丽水经开区基金产业园")!;
    expect(fund.sites).toBeGreaterThanOrEqual(3);
    expect(fund.outline).toBeNull();
    // The zone itself has a boundary: its box is the outline's, not its sites'.
    const zone = parks.find((p) => p.parkName === "丽水经济技术开发区")!;
    expect(zone).toMatchObject({ minLng: 119.848, maxLat: 28.463, outline: { type: "Polygon" } });

    // A park drawn with an outline and no site yet is on the map too; a bad outline is refused.
    const outline = "120.1,28.5\n120.12,28.5\n120.12,28.52\n120.1,28.52";
    const ring = outline.split("\n").map((l) => l.split(",").map(Number));
    const made = await send("POST", "/api/parks", {
      regionId: json<{ regionId: string }>(await get(`/api/parks/${ids.etdz}`)).regionId,
      name: "边界测试园区",
      kind: "industrial_park",
      outline: { type: "Polygon", coordinates: [[...ring, ring[0]]] },
    });
    expect(made.statusCode, made.body).toBe(201);
    parks = json<{ items: Extent[] }>(await get("/api/sites/parks")).items;
    expect(parks.find((p) => p.parkName === "边界测试园区")).toMatchObject({ sites: 0, minLng: 120.1 });
    const bad = await send("PATCH", `/api/parks/${json<{ id: string }>(made).id}`, {
      outline: {
        type: "Polygon",
        coordinates: [
          [
            [120.1, 28.5],
            [120.12, 28.52],
            [120.12, 28.5],
            [120.1, 28.52],
            [120.1, 28.5],
          ],
        ],
      },
      version: 1,
    });
    expect(bad.statusCode).toBe(400);
    expect(err(bad).message).toContain("园区边界有误：边界自相交");
    const gcj = await send("PATCH", `/api/parks/${json<{ id: string }>(made).id}`, {
      outline: { type: "Polygon", coordinates: [[...ring, ring[0]]] },
      outlineCrs: "gcj02",
      version: 1,
    });
    expect(gcj.statusCode, gcj.body).toBe(200);
    const moved = json<{ outline: { coordinates: number[][][] } }>(gcj).outline.coordinates[0]![0]!;
    // GCJ-02 is offset by a few hundred metres from WGS 84: the stored outline moved by that much.
    const shift = Math.hypot(moved[0]! - 120.1, moved[1]! - 28.5);
    expect(shift).toBeGreaterThan(0.001);
    expect(shift).toBeLessThan(0.01);
    expect(
      json<SiteFeatureCollection>(await get("/api/sites/map", "officer")).features.every(
        (f) => !f.properties.name.includes("基金产业园"),
      ),
    ).toBe(true);
  });

  it("imports GeoJSON and KML all or nothing, reporting what does not parse", async () => {
    const upload = (name: string, body: string, fields: Record<string, string> = {}) => {
      const m = multipart(
        { parkId: ids.fund, ...fields },
        { name, type: "application/octet-stream", data: Buffer.from(body) },
      );
      return app().inject({
        method: "POST",
        url: "/api/sites/import",
        payload: m.payload,
        headers: { ...m.headers, cookie: cookies.admin },
      });
    };
    const fc = (features: object[]) => JSON.stringify({ type: "FeatureCollection", features });
    const good = {
      type: "Feature",
      properties: { 名称: "导入地块甲", 类型: "土地", 存量类型: "批而未供" },
      geometry: polygon(119.93, 28.42),
    };
    const bad = {
      type: "Feature",
      properties: { name: "导入地块乙" },
      geometry: { type: "Polygon", coordinates: [rect(119.93, 28.43)[0]!.slice(0, 4)] },
    };
    const before = json<Page<SiteRow>>(await get("/api/sites")).total;
    let res = await upload("sites.geojson", fc([good, bad]));
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toContain("未导入任何数据");
    expect(err(res).details![0]!.path).toBe("features.1");
    res = await upload("sites.geojson", "{ not json");
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toContain("无法解析");
    res = await upload("sites.kml", "<kml><Document><Placemark>");
    expect(res.statusCode).toBe(400);
    expect(err(res).message).toContain("KML");
    expect(json<Page<SiteRow>>(await get("/api/sites")).total).toBe(before);

    res = await upload("sites.geojson", fc([good]));
    expect(res.statusCode, res.body).toBe(201);
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>KML 地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
      119.94,28.42 119.942,28.42 119.942,28.422 119.94,28.422 119.94,28.42</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      </Document></kml>`;
    res = await upload("sites.kml", kml, { kind: "factory" });
    expect(res.statusCode, res.body).toBe(201);
    const got = json<Page<SiteRow>>(await get(`/api/sites?q=${encodeURIComponent("KML 地块")}`)).items[0]!;
    expect(got.kind).toBe("factory");
    const a = json<Page<SiteRow>>(await get(`/api/sites?q=${encodeURIComponent("导入地块甲")}`)).items[0]!;
    expect(a.stockCategory).toBe("approved_unsupplied");
  });

  it("shows the 亩均 class of its firms from their latest evaluation", async () => {
    const parks = json<Page<{ id: string; name: string }>>(await get("/api/parks?pageSize=200")).items;
    const guangling = parks.find((p) => p.name === "广陵经济开发区")!.id;
    const hella = json<Page<{ id: string }>>(await get(`/api/enterprises?q=${encodeURIComponent("海拉")}`))
      .items[0]!;
    const created = await send(
      "POST",
      "/api/sites",
      site({
        parkId: guangling,
        name: "广陵低效用地",
        geometry: polygon(119.47, 32.38),
        enterpriseIds: [hella.id],
      }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const shown = json<SiteRow>(await get(`/api/sites/${json<SiteRow>(created).id}`));
    expect(shown.enterprises[0]!.evaluation).toMatchObject({ year: 2025 });
    expect(["A", "B", "C", "D", "T"]).toContain(shown.enterprises[0]!.evaluation!.class);
  });

  it("follows a firm into the one it is merged with", async () => {
    const jingrui = json<Page<{ id: string; regionId: string; version: number }>>(
      await get(`/api/enterprises?q=${encodeURIComponent("晶睿")}`),
    ).items[0]!;
    const dup = await send("POST", "/api/enterprises", {
      name: "晶睿电子（待核实）",
      regionId: jingrui.regionId,
    });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = json<{ id: string }>(dup).id;
    const created = await send(
      "POST",
      "/api/sites",
      site({ name: "合并测试地块", geometry: polygon(119.97, 28.42), enterpriseIds: [dupId, jingrui.id] }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const firm = json<{ version: number }>(await get(`/api/enterprises/${jingrui.id}`));
    const merged = await send("POST", `/api/enterprises/${jingrui.id}/merge`, {
      sourceId: dupId,
      version: firm.version,
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const after = json<SiteRow>(await get(`/api/sites/${json<SiteRow>(created).id}`));
    expect(after.enterpriseIds).toEqual([jingrui.id]);
  });

  it("checks stock sites with evidence, and reports audit progress and park figures", async () => {
    const idle = json<Page<SiteRow>>(await get(`/api/sites?q=${encodeURIComponent("闲置厂房一号")}`))
      .items[0]!;
    // A 1×1 PNG as the photo of the check.
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
      "base64",
    );
    const m = multipart(
      { kind: "photo", subjectType: "site", subjectId: idle.id },
      { name: "现场照片.png", type: "image/png", data: png },
    );
    const up = await app().inject({
      method: "POST",
      url: "/api/files",
      payload: m.payload,
      headers: { ...m.headers, cookie: cookies.admin },
    });
    expect(up.statusCode, up.body).toBe(201);
    const photo = json<{ id: string }>(up).id;
    const bogus = await send("POST", `/api/sites/${idle.id}/check`, {
      version: idle.version,
      stockCategory: "inefficient",
      checkedOn: "2026-11-01",
      checkNote: "现场核查：厂房部分出租",
      fileIds: ["0190a000-0000-7000-8000-000000000001"],
    });
    expect(bogus.statusCode).toBe(400);
    const short = await send("POST", `/api/sites/${idle.id}/check`, {
      version: idle.version,
      stockCategory: "inefficient",
      checkedOn: "2026-11-01",
      checkNote: "无",
    });
    expect(short.statusCode).toBe(400);
    const ok = await send("POST", `/api/sites/${idle.id}/check`, {
      version: idle.version,
      stockCategory: "inefficient",
      checkedOn: "2026-11-01",
      checkNote: "现场核查：厂房部分出租，产出低于园区平均",
      fileIds: [photo],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<SiteRow>(ok).photoIds).toEqual([photo]);
    const progress = json<{
      items: { parkName: string; total: number; checked: number; byCategory: Record<string, number> }[];
    }>(await get("/api/sites/audit")).items.find((x) => x.parkName === "丽水经开区基金产业园")!;
    expect(progress.checked).toBeGreaterThanOrEqual(1);
    expect(progress.byCategory.inefficient).toBeGreaterThanOrEqual(1);
    // Bring the 待收回 factory back: it counts as recovered this year.
    const now = json<SiteRow>(ok);
    const back = await send("PATCH", `/api/sites/${idle.id}`, { status: "available", version: now.version });
    expect(back.statusCode, back.body).toBe(200);
    // A factory in use, so the park's occupancy has something to count.
    const used = await send(
      "POST",
      "/api/sites",
      site({
        name: "在用厂房",
        kind: "factory",
        status: "occupied",
        geometry: polygon(119.91, 28.37, 0.001, 0.001),
      }),
    );
    expect(used.statusCode, used.body).toBe(201);
    const figures = json<{
      items: {
        parkName: string;
        availableLandM2: number;
        occupancy: number;
        recoveredByYear: { year: number; m2: number }[];
      }[];
    }>(await get("/api/sites/figures")).items.find((f) => f.parkName === "丽水经开区基金产业园")!;
    expect(figures.availableLandM2).toBeGreaterThan(0);
    expect(figures.occupancy).toBeGreaterThan(0);
    expect(figures.recoveredByYear.find((y) => y.year === 2026)!.m2).toBeGreaterThan(0);
  });
});
