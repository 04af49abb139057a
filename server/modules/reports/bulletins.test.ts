import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BulletinRow, ScheduleRow } from "../../../common/bulletin.schema.js";
import { runJob } from "../../lib/jobs/jobs.service.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { findCjkFont, rankingOption, renderPng } from "./bulletins.charts.js";
import { LIST_LIMIT } from "./bulletins.data.js";
import { openAsOf } from "./bulletins.lists.js";

type Page<T> = { items: T[]; total: number };
type Err = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

describe.each(backends)("bulletins on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  let monthly: ScheduleRow;
  let generated: BulletinRow;
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: unknown, who = "admin") =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const archived = async () => json<Page<BulletinRow>>(await get("/api/bulletins?pageSize=100")).total;

  beforeAll(async () => {
    // Tuesday 1 December 2026, China time: November and week 48 have ended.
    t = await testApp(backend, { demo: "full", now: () => new Date("2026-12-01T04:00:00Z") });
    for (const u of ["admin", "leader", "officer", "handler", "yzleader"]) cookies[u] = await t.login(u);
    const list = json<Page<ScheduleRow>>(await get("/api/bulletin-schedules?cadence=month", "officer"));
    monthly = list.items.find((s) => s.name === "丽水经开区飞地招商")!;
    expect(monthly.schemeName).toBe("丽水经开区飞地月度赛马");
  }, 120_000);
  afterAll(() => t?.close());

  it("generates the monthly bulletin as docx (GB/T 9704 header, title, rankings table, a PNG chart) and xlsx", async () => {
    const res = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-11" },
      "officer",
    );
    expect(res.statusCode, res.body).toBe(201);
    generated = json<BulletinRow>(res);
    expect(generated.docNo).toBe("丽经开招商〔2026〕1号");
    expect(generated.title).toBe("丽水经开区飞地招商2026年11月通报");
    expect(generated.generatedByName).toBe("吴佳琪");
    expect(generated.summary.rankedUnits).toBe(3);
    expect(generated.summary.charts).toBeGreaterThanOrEqual(1);
    expect(generated.durationMs).toBeLessThan(5000);

    const docx = await get(`/api/bulletins/${generated.id}/docx`, "officer");
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-disposition"]).toContain(encodeURIComponent("丽经开招商〔2026〕1号"));
    const zip = await JSZip.loadAsync(docx.rawPayload);
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml.includes("丽水经济技术开发区管理委员会")).toBe(true);
    expect(xml.includes("丽经开招商〔2026〕1号")).toBe(true);
    expect(xml.includes("丽水经开区飞地招商2026年11月通报")).toBe(true);
    expect(xml.includes('w:color w:val="FF0000"')).toBe(true);
    expect(xml.includes("赛马排名情况")).toBe(true);
    // the rankings table: one row per enclave with its rank
    const section = xml.slice(xml.indexOf("赛马排名情况"), xml.indexOf("三、工作滞后单位"));
    const rows = [...section.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows.length).toBe(4);
    for (const name of ["张江飞地", "杭州飞地", "宁波飞地"]) {
      expect(rows.some((r) => r.includes(name) && /<w:t[^>]*>[123]<\/w:t>/.test(r))).toBe(true);
    }
    // A4 with GB/T 9704's margins (37/35/28/26 mm in twips)
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(xml)).toBe(true);
    expect(/w:top="2098"/.test(xml) && /w:bottom="1984"/.test(xml) && /w:right="1474"/.test(xml)).toBe(true);
    expect(/w:left="1587"/.test(xml)).toBe(true);
    const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
    expect(media.some((f) => f.endsWith(".png"))).toBe(true);
    const png = await zip.file(media.find((f) => f.endsWith(".png"))!)!.async("nodebuffer");
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(5000);
    const footers = Object.keys(zip.files).filter((f) => /word\/footer\d+\.xml/.test(f));
    const footerXml = await zip.file(footers[0]!)!.async("string");
    expect(footerXml).toContain("PAGE");
    expect(footerXml).toContain("— ");

    const xlsx = await get(`/api/bulletins/${generated.id}/xlsx`, "officer");
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        "目标任务统计表",
        "赛马排名",
        "滞后单位",
        "逾期节点",
        "问题清单",
        "企业诉求",
        "通报概要",
      ]),
    );
    const ranking = wb.getWorksheet("赛马排名")!;
    const names = [4, 5, 6].map((r) => String(ranking.getRow(r).getCell(2).value));
    expect(names.sort()).toEqual(["宁波飞地", "张江飞地", "杭州飞地"].sort());
    expect(ranking.getRow(4).getCell(1).value).toBe(1);
    const stats = wb.getWorksheet("目标任务统计表")!;
    expect(String(stats.getRow(3).getCell(7).value)).toBe("完成率（%）");
    expect(stats.rowCount).toBeGreaterThan(3);
  });

  it("keeps the archive: filters, scope, a second generation refused or regenerated with the same number", async () => {
    const page = json<Page<BulletinRow>>(await get("/api/bulletins?cadence=month&year=2026", "leader"));
    expect(page.items.map((b) => b.id)).toContain(generated.id);
    expect(json<Page<BulletinRow>>(await get("/api/bulletins?cadence=week", "leader")).total).toBe(0);
    expect((await get(`/api/bulletins/${generated.id}`, "yzleader")).statusCode).toBe(404);
    expect((await get("/api/bulletins", "handler")).statusCode).toBe(403);
    expect(
      (
        await send(
          "POST",
          `/api/bulletin-schedules/${monthly.id}/generate`,
          { periodKey: "2026-10" },
          "leader",
        )
      ).statusCode,
    ).toBe(403);

    const again = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-11" },
      "officer",
    );
    expect(again.statusCode).toBe(409);
    expect(json<Err>(again).error.message).toContain("已生成");
    const re = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-11", regenerate: true },
      "officer",
    );
    expect(re.statusCode, re.body).toBe(201);
    expect(json<BulletinRow>(re).docNo).toBe(generated.docNo);
    expect(json<BulletinRow>(re).docxFileId).not.toBe(generated.docxFileId);
    generated = json<BulletinRow>(re);

    const stale = await send(
      "POST",
      `/api/bulletins/${generated.id}/issue`,
      { version: generated.version - 1 },
      "officer",
    );
    expect(stale.statusCode).toBe(409);
    const issued = await send(
      "POST",
      `/api/bulletins/${generated.id}/issue`,
      { version: generated.version },
      "officer",
    );
    expect(issued.statusCode, issued.body).toBe(200);
    expect(json<BulletinRow>(issued).status).toBe("issued");

    const exp = await get("/api/bulletins/export", "leader");
    expect(exp.statusCode).toBe(200);
    expect(exp.headers["content-type"]).toContain("spreadsheetml");
  });

  it("refuses bad input in Chinese and writes nothing", async () => {
    const before = await archived();
    const future = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2027-01" },
      "officer",
    );
    expect(future.statusCode).toBe(400);
    expect(json<Err>(future).error.message).toContain("尚未开始");
    const wrong = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-W40" },
      "officer",
    );
    expect(wrong.statusCode).toBe(400);
    expect(json<Err>(wrong).error.message).toContain("月通报");
    const bad = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-13" },
      "officer",
    );
    expect(bad.statusCode).toBe(400);
    expect(await archived()).toBe(before);

    const schedules = json<Page<ScheduleRow>>(await get("/api/bulletin-schedules")).total;
    const unknown = await send("POST", "/api/bulletin-schedules", {
      regionId: monthly.regionId,
      name: "未知方案通报",
      cadence: "month",
      issuer: "丽水经济技术开发区管理委员会",
      docPrefix: "丽经开招商",
      schemeId: "0190a0b0-0000-7000-8000-000000000001",
      recipients: ["各飞地"],
    });
    expect(unknown.statusCode).toBe(400);
    expect(json<Err>(unknown).error.message).toContain("考核方案不存在");
    const noRecipients = await send("POST", "/api/bulletin-schedules", {
      regionId: monthly.regionId,
      name: "无主送通报",
      cadence: "week",
      issuer: "丽水经济技术开发区管理委员会",
      docPrefix: "丽经开招商",
      recipients: [],
    });
    expect(noRecipients.statusCode).toBe(400);
    expect(noRecipients.body).toContain("主送单位");
    expect(json<Page<ScheduleRow>>(await get("/api/bulletin-schedules")).total).toBe(schedules);
    // only administrators keep the schedules
    expect(
      (
        await send(
          "PATCH",
          `/api/bulletin-schedules/${monthly.id}`,
          { active: false, version: monthly.version },
          "officer",
        )
      ).statusCode,
    ).toBe(403);
  });

  it("the daily job writes each active schedule's due bulletin once, numbered in the issuer's sequence", async () => {
    const created = await send("POST", "/api/bulletin-schedules", {
      regionId: monthly.regionId,
      name: "丽水经开区招商工作周报",
      cadence: "week",
      issuer: "丽水经济技术开发区管理委员会",
      docPrefix: "丽经开招商",
      recipients: ["管委会各部门"],
    });
    expect(created.statusCode, created.body).toBe(201);
    const weekly = json<ScheduleRow>(created);

    const run = await runJob(t.app, "reports.bulletins");
    expect(run.status, run.error ?? "").toBe("ok");
    expect(run.summary).toContain("生成 1 份");
    const list = json<Page<BulletinRow>>(await get(`/api/bulletins?scheduleId=${weekly.id}`));
    expect(list.total).toBe(1);
    const b = list.items[0]!;
    expect(b.periodKey).toBe("2026-W48");
    expect(b.docNo).toBe("丽经开招商〔2026〕2号");
    expect(b.generatedByName).toBeNull();
    expect(b.summary.rankedUnits).toBe(0);

    const twice = await runJob(t.app, "reports.bulletins");
    expect(twice.summary).toContain("生成 0 份");
    expect(json<Page<BulletinRow>>(await get(`/api/bulletins?scheduleId=${weekly.id}`)).total).toBe(1);

    // a schedule with bulletins is deactivated, never deleted
    const del = await send("DELETE", `/api/bulletin-schedules/${weekly.id}?version=${weekly.version}`);
    expect(del.statusCode).toBe(409);
  });

  it("lists what stood open at the period's end, however late it is generated", async () => {
    const proj = json<Page<{ id: string; regionId: string }>>(
      await get(`/api/projects?q=${encodeURIComponent("航迅信息")}`),
    ).items[0]!;
    const raise = async (title: string, raisedOn: string) => {
      const r = await send("POST", "/api/problems", {
        subjectId: proj.id,
        title,
        category: "land",
        raisedOn,
      });
      expect(r.statusCode, r.body).toBe(201);
      return json<{ id: string }>(r).id;
    };
    // Raised in October, due 20 October, resolved in November: open at the end of October.
    const late = await raise("十月未解决的供地指标问题", "2026-10-09");
    await t.database.db.execute(
      sql`update problem set due_on = '2026-10-20', status = 'resolved', resolved_on = '2026-11-05' where id = ${late}`,
    );
    // Raised in November: not yet there at the end of October.
    await raise("十一月新提出的用电增容问题", "2026-11-03");
    // A key node due mid-October and done in November was overdue at the end of October.
    const node = (
      (await t.database.db.execute(
        sql`select id from project_node where project_id = ${proj.id} order by seq desc limit 1`,
      )) as unknown as { rows: { id: string }[] }
    ).rows[0]!;
    await t.database.db.execute(
      sql`update project_node set name = '十月逾期的环评批复', due_on = '2026-10-15', status = 'done', done_on = '2026-11-10'
        where id = ${node.id}`,
    );
    const october = await openAsOf(t.database.db, proj.regionId, "2026-10-31", LIST_LIMIT);
    const item = october.problems.items.find((x) => x.title === "十月未解决的供地指标问题");
    expect(item).toMatchObject({ status: "期末未办结（11月5日办结）", dueOn: "2026-10-20", late: 8 });
    expect(october.problems.items.map((x) => x.title)).not.toContain("十一月新提出的用电增容问题");
    expect(october.overdueNodes.items.find((x) => x.node === "十月逾期的环评批复")).toMatchObject({
      dueOn: "2026-10-15",
      late: 11,
    });
    // Today the October problem is resolved and the November one open.
    const now = await openAsOf(t.database.db, proj.regionId, "2026-12-01", LIST_LIMIT);
    expect(now.problems.items.map((x) => x.title)).toContain("十一月新提出的用电增容问题");
    expect(now.problems.items.map((x) => x.title)).not.toContain("十月未解决的供地指标问题");
    expect(now.overdueNodes.items.map((x) => x.node)).not.toContain("十月逾期的环评批复");

    const oct = await send(
      "POST",
      `/api/bulletin-schedules/${monthly.id}/generate`,
      { periodKey: "2026-10" },
      "officer",
    );
    expect(oct.statusCode, oct.body).toBe(201);
    const zip = await JSZip.loadAsync(
      (await get(`/api/bulletins/${json<BulletinRow>(oct).id}/docx`, "officer")).rawPayload,
    );
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("十月未解决的供地指标问题");
    expect(xml).not.toContain("十一月新提出的用电增容问题");
  });
});

describe("the charts' CJK font", () => {
  it("is found where .ci/run installs it, and a configured path that is missing is named", () => {
    expect(findCjkFont()).toMatch(/\.tt[cf]$/);
    expect(() => findCjkFont("/nowhere/font.ttc")).toThrow(/ZHAOYIN_CJK_FONT/);
  });
  it("draws a PNG from an ECharts option", () => {
    const run = {
      schemeName: "赛马",
      periodLabel: "2026年11月",
      units: [{ unitName: "张江飞地", total: 90 }],
    } as unknown as Parameters<typeof rankingOption>[0];
    const png = renderPng(rankingOption(run), findCjkFont());
    expect(png.subarray(1, 4).toString()).toBe("PNG");
  });
});
