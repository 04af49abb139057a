import chineseDays from "chinese-days";
import { type SQL, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import {
  addWorkdays,
  addWorkdaysSql,
  ensureWorkdays,
  isWorkday,
  workdaySeq,
  workdaysBetween,
} from "./workdays.js";
import { calendarDays } from "./workdays.queries.js";
import {
  addWorkdaysPure,
  buildCalendar,
  type DaySource,
  type Override,
  workdaysBetweenPure,
  workdayTest,
} from "./workdays.rule.js";

/**
 * The 2026 facts, checked against chinese-days below rather than taken on trust: 春节 is
 * 02-15..02-23 with 02-14 (Sat) and 02-28 (Sat) worked; 中秋 is 09-25..09-27; 国庆节 is
 * 10-01..10-07 with 09-20 (Sun) and 10-10 (Sat) worked; 元旦 01-01..01-03 with 01-04 (Sun) worked.
 */
const days: [string, boolean, DaySource, string | null][] = [
  ["2026-01-04", true, "adjusted_workday", "元旦"],
  ["2026-02-07", false, "weekend", null],
  ["2026-02-12", true, "normal", null],
  ["2026-02-14", true, "adjusted_workday", "春节"],
  ["2026-02-15", false, "holiday", "春节"],
  ["2026-02-18", false, "holiday", "春节"],
  ["2026-02-23", false, "holiday", "春节"],
  ["2026-02-24", true, "normal", null],
  ["2026-02-28", true, "adjusted_workday", "春节"],
  ["2026-09-20", true, "adjusted_workday", "国庆节"],
  ["2026-09-25", false, "holiday", "中秋"],
  ["2026-10-01", false, "holiday", "国庆节"],
  ["2026-10-07", false, "holiday", "国庆节"],
  ["2026-10-10", true, "adjusted_workday", "国庆节"],
  ["2026-10-11", false, "weekend", null],
  // chinese-days knows nothing of 2027: its Spring Festival week reads as ordinary days.
  ["2027-02-08", true, "normal", null],
];

/** [from, n, the Nth working day after from] */
const adds: [string, number, string][] = [
  ["2026-02-12", 1, "2026-02-13"],
  ["2026-02-12", 2, "2026-02-14"],
  ["2026-02-12", 5, "2026-02-26"],
  ["2026-02-13", 2, "2026-02-24"],
  ["2026-02-14", 0, "2026-02-14"],
  ["2026-02-15", 0, "2026-02-24"],
  ["2026-02-15", 1, "2026-02-24"],
  ["2026-02-24", -1, "2026-02-14"],
  ["2026-02-20", -1, "2026-02-14"],
  ["2026-02-27", 1, "2026-02-28"],
  ["2026-02-28", 1, "2026-03-02"],
  ["2025-12-31", 1, "2026-01-04"],
  ["2026-09-01", 60, "2026-11-30"],
  ["2026-09-18", 1, "2026-09-20"],
  ["2026-09-24", 1, "2026-09-28"],
  ["2026-09-30", 1, "2026-10-08"],
  ["2026-10-09", 1, "2026-10-10"],
  ["2026-10-10", 1, "2026-10-12"],
  ["2026-11-30", -60, "2026-09-01"],
];

/** [from, to, working days after from up to and including to] */
const betweens: [string, string, number][] = [
  ["2026-02-12", "2026-02-26", 5],
  ["2026-02-26", "2026-02-12", -5],
  ["2026-02-14", "2026-02-23", 0],
  ["2026-02-13", "2026-02-28", 6],
  ["2026-09-30", "2026-10-10", 3],
  ["2026-09-01", "2026-11-30", 60],
  ["2026-10-01", "2026-10-01", 0],
];

describe("the working-day rule (pure)", () => {
  const isWork = workdayTest(buildCalendar());

  it.each(days)("%s: working %s (%s %s), as chinese-days has it", (day, work, source, name) => {
    expect(chineseDays.isWorkday(day)).toBe(work);
    const info = buildCalendar([], undefined, day, day)[0]!;
    expect(info).toMatchObject({ isWorkday: work, source, name });
  });
  it.each(adds)("%s + %i working days = %s", (from, n, expected) => {
    expect(addWorkdaysPure(isWork, from, n)).toBe(expected);
  });
  it.each(betweens)("working days after %s up to %s: %i", (from, to, n) => {
    expect(workdaysBetweenPure(isWork, from, to)).toBe(n);
  });
  it("lets an override win over chinese-days and weekends", () => {
    const cal = buildCalendar([{ day: "2026-02-14", isWorkday: false, name: null }]);
    expect(cal.find((d) => d.day === "2026-02-14")).toMatchObject({
      isWorkday: false,
      source: "override",
      name: "春节",
    });
    expect(addWorkdaysPure(workdayTest(cal), "2026-02-12", 2)).toBe("2026-02-24");
  });
});

describe.each(backends)("working days on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  const req = (method: "GET" | "POST" | "PUT" | "DELETE", url: string, cookie: string, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie }, payload });
  const rows = async <T>(q: SQL) => ((await t.database.db.execute(q)) as unknown as { rows: T[] }).rows;
  type Err = { error: { code: string; message: string; details?: { path: string; message: string }[] } };
  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
    officer = await t.login("officer");
  });
  afterAll(() => t.close());

  it("holds the calendar the rule builds, day for day", async () => {
    const stored = await calendarDays(t.database.db, "2020-01-01", "2035-12-31");
    expect(stored).toEqual(buildCalendar());
    expect(await ensureWorkdays(t.database.db)).toBe(false);
  });

  it("rebuilds a calendar that no longer matches chinese-days", async () => {
    await t.database.db.execute(sql`update workday set is_workday = not is_workday where day = '2026-03-02'`);
    expect(await isWorkday(t.database.db, "2026-03-02")).toBe(false);
    expect(await ensureWorkdays(t.database.db)).toBe(true);
    expect(await isWorkday(t.database.db, "2026-03-02")).toBe(true);
    expect(await ensureWorkdays(t.database.db)).toBe(false);
  });

  it("shows a month with holidays and adjusted working days named, to any signed-in user", async () => {
    const res = await req("GET", "/api/workdays?year=2026&month=2", officer);
    expect(res.statusCode).toBe(200);
    const cal = json<{ from: string; to: string; workdays: number; days: { day: string }[] }>(res);
    expect(cal).toMatchObject({ from: "2026-02-01", to: "2026-02-28", workdays: 16 });
    expect(cal.days).toHaveLength(28);
    const year = json<{ days: unknown[] }>(await req("GET", "/api/workdays?year=2026", officer));
    expect(year.days).toHaveLength(365);
    const byDay = new Map(
      json<{ days: { day: string }[] }>(await req("GET", "/api/workdays?year=2026", officer)).days.map(
        (d) => [d.day, d],
      ),
    );
    for (const [day, isWork, source, name] of days.filter(([d]) => d.startsWith("2026"))) {
      expect(byDay.get(day)).toMatchObject({ day, isWorkday: isWork, source, name });
    }
  });

  it.each(adds)("POST /api/workdays/add: %s + %i = %s", async (from, n, expected) => {
    const res = await req("POST", `/api/workdays/add?from=${from}&n=${n}`, officer);
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ from, n, day: expected });
  });

  it.each(betweens)("workdaysBetween(%s, %s) = %i", async (from, to, n) => {
    expect(await workdaysBetween(t.database.db, from, to)).toBe(n);
  });

  it("agrees with the pure rule on every day of 2025–2026, in SQL other modules can use", async () => {
    const isWork = workdayTest(buildCalendar());
    for (const n of [0, 1, 5, -3, 60]) {
      const got = await rows<{ day: string; r: string }>(sql`
        select to_char(g, 'YYYY-MM-DD') as day, to_char(${addWorkdaysSql(sql`g::date`, n)}, 'YYYY-MM-DD') as r
        from generate_series(cast('2025-01-01' as date), cast('2026-10-31' as date), interval '1 day') as g
        order by g`);
      expect(got).toHaveLength(669);
      const wrong = got.filter((x) => x.r !== addWorkdaysPure(isWork, x.day, n));
      expect(wrong).toEqual([]);
    }
    // Overdue working days as a deadline scan would count them, by subtracting two seqs.
    const [late] = await rows<{ n: number }>(
      sql`select ${workdaySeq(sql`cast('2026-02-26' as date)`)} - ${workdaySeq(sql`cast('2026-02-12' as date)`)} as n`,
    );
    expect(late?.n).toBe(5);
    expect(await isWorkday(t.database.db, "2026-02-14")).toBe(true);
    expect(await isWorkday(t.database.db, "2026-02-16")).toBe(false);
  });

  it("lets an administrator set 2027's holidays, changing every count at once", async () => {
    expect(await addWorkdays(t.database.db, "2027-02-05", 1)).toBe("2027-02-08");
    expect(await addWorkdays(t.database.db, "2027-02-19", 1)).toBe("2027-02-22");
    const put = (day: string, body: object) => req("PUT", `/api/workdays/overrides/${day}`, admin, body);
    const made = await put("2027-02-08", { isWorkday: false, name: "春节" });
    expect(made.statusCode).toBe(201);
    expect(json(made)).toMatchObject({ day: "2027-02-08", isWorkday: false, name: "春节", version: 1 });
    expect((await put("2027-02-20", { isWorkday: true, name: "春节" })).statusCode).toBe(201);

    expect(await addWorkdays(t.database.db, "2027-02-05", 1)).toBe("2027-02-09");
    expect(await addWorkdays(t.database.db, "2027-02-19", 1)).toBe("2027-02-20");
    const overrides: Override[] = [
      { day: "2027-02-08", isWorkday: false, name: "春节" },
      { day: "2027-02-20", isWorkday: true, name: "春节" },
    ];
    expect(await calendarDays(t.database.db, "2020-01-01", "2035-12-31")).toEqual(buildCalendar(overrides));
    const feb = json<{ days: { day: string; source: string; name: string | null }[] }>(
      await req("GET", "/api/workdays?year=2027&month=2", officer),
    );
    expect(feb.days.find((d) => d.day === "2027-02-08")).toMatchObject({ source: "override", name: "春节" });

    // A second add for the same day, or an edit with an old version, loses nothing: 409.
    expect((await put("2027-02-08", { isWorkday: true })).statusCode).toBe(409);
    const edited = await put("2027-02-08", { isWorkday: false, name: "春节假期", version: 1 });
    expect(json(edited)).toMatchObject({ name: "春节假期", version: 2 });
    const stale = await put("2027-02-08", { isWorkday: true, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json<Err>(stale).error).toMatchObject({
      code: "STALE_VERSION",
      message: "记录已被他人修改，请刷新后重试",
    });
    expect((await req("DELETE", "/api/workdays/overrides/2027-02-08?version=1", admin)).statusCode).toBe(409);
    expect((await req("GET", "/api/workdays/overrides/2027-02-08", admin)).statusCode).toBe(200);
    const list = json<{ items: { day: string }[] }>(
      await req("GET", "/api/workdays/overrides?year=2027", admin),
    );
    expect(list.items.map((o) => o.day)).toEqual(["2027-02-08", "2027-02-20"]);

    expect((await req("DELETE", "/api/workdays/overrides/2027-02-08?version=2", admin)).statusCode).toBe(204);
    expect((await req("DELETE", "/api/workdays/overrides/2027-02-08?version=2", admin)).statusCode).toBe(404);
    expect(await addWorkdays(t.database.db, "2027-02-05", 1)).toBe("2027-02-08");

    const audit = json<{ items: { action: string; subjectId: string; after: unknown }[] }>(
      await req("GET", "/api/audit?subjectType=workday&order=asc", admin),
    );
    expect(audit.items.map((a) => `${a.action} ${a.subjectId}`)).toEqual([
      "create 2027-02-08",
      "create 2027-02-20",
      "update 2027-02-08",
      "delete 2027-02-08",
    ]);
    expect(audit.items[0]!.after).toEqual({ day: "2027-02-08", isWorkday: false, name: "春节" });
  });

  it("keeps overrides to administrators: 403 for others, 401 without a session", async () => {
    expect(
      (await req("PUT", "/api/workdays/overrides/2027-03-01", officer, { isWorkday: false })).statusCode,
    ).toBe(403);
    expect((await req("GET", "/api/workdays/overrides", officer)).statusCode).toBe(403);
    expect((await req("DELETE", "/api/workdays/overrides/2027-02-20?version=1", officer)).statusCode).toBe(
      403,
    );
    expect((await t.app.inject({ url: "/api/workdays?year=2026" })).statusCode).toBe(401);
    expect((await req("GET", "/api/workdays/overrides/2027-03-01", admin)).statusCode).toBe(404);
  });

  it("refuses bad dates and numbers with a clear Chinese message, writing nothing", async () => {
    const off = { isWorkday: false };
    const format = "日期格式应为 YYYY-MM-DD，如 2026-02-12";
    const span = "日期须在 2020-01-01 至 2035-12-31 之间";
    const count = "工作日数须为 -1000 至 1000 之间的整数";
    const cases: [string, string, object | undefined, string][] = [
      ["POST", "/api/workdays/add?from=2026-02-30&n=5", undefined, "不存在的日期：2026-02-30"],
      ["POST", "/api/workdays/add?from=20260212&n=5", undefined, format],
      ["POST", "/api/workdays/add?from=2019-12-31&n=5", undefined, span],
      ["POST", "/api/workdays/add?from=2026-02-12&n=1.5", undefined, count],
      ["POST", "/api/workdays/add?from=2026-02-12", undefined, count],
      ["GET", "/api/workdays?year=2040", undefined, "年份须为 2020 至 2035 之间的整数"],
      ["GET", "/api/workdays?year=2026&month=13", undefined, "月份须为 1 至 12 之间的整数"],
      ["PUT", "/api/workdays/overrides/2027-13-01", off, "不存在的日期：2027-13-01"],
      ["PUT", "/api/workdays/overrides/2027-3-1", off, format],
      ["PUT", "/api/workdays/overrides/2036-01-01", off, span],
      ["PUT", "/api/workdays/overrides/2027-03-01", { isWorkday: "否" }, "请选择该日为工作日或休息日"],
      [
        "PUT",
        "/api/workdays/overrides/2027-03-01",
        { ...off, name: "长".repeat(21) },
        "名称不能超过 20 个字",
      ],
      ["DELETE", "/api/workdays/overrides/2027-02-20", undefined, "请提供版本号"],
    ];
    for (const [method, url, body, message] of cases) {
      const res = await req(method as "GET", url, admin, body);
      expect(res.statusCode, url).toBe(400);
      const e = json<Err>(res).error;
      expect(e.code).toBe("VALIDATION");
      expect(e.details?.map((d) => d.message)).toEqual([message]);
    }
    // The add helper near the calendar's end says where it stops.
    const end = await req("POST", "/api/workdays/add?from=2035-12-28&n=10", officer);
    expect(end.statusCode).toBe(400);
    expect(json<Err>(end).error.message).toBe("日期超出工作日历范围（2020-01-01 至 2035-12-31）");
    await expect(addWorkdays(t.database.db, "2026-2-1", 1)).rejects.toThrow(/YYYY-MM-DD/);
    expect((await req("GET", "/api/workdays/overrides?year=2027", admin)).json().items).toHaveLength(1);
  });
});
