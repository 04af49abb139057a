import { eq } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobView } from "../../../common/jobs.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { lockKey } from "./jobs.lock.js";
import { dailySlot, isDue, type JobDef, nextRunAt, registerJob } from "./jobs.registry.js";
import { startScheduler } from "./jobs.scheduler.js";
import { runJob } from "./jobs.service.js";
import { jobRun } from "./jobs.table.js";

const at = (s: string) => new Date(s);
const noop = async () => ({ summary: "" });

describe("schedules", () => {
  const daily: JobDef = { name: "d", dailyAt: "08:30", run: noop };
  const minutely: JobDef = { name: "m", everyMinutes: 5, run: noop };

  it.each([
    ["2026-03-02T00:00:00Z", "2026-03-02T00:30:00.000Z"], // 08:00 China → 08:30 same day
    ["2026-03-01T17:00:00Z", "2026-03-02T00:30:00.000Z"], // 01:00 China, March 2
    ["2026-03-02T16:30:00Z", "2026-03-03T00:30:00.000Z"], // 00:30 China, March 3
  ])("puts 08:30 China time of the day of %s at %s", (now, slot) => {
    expect(dailySlot("08:30", at(now)).toISOString()).toBe(slot);
  });

  it.each([
    ["before the slot", "2026-03-02T00:29:00Z", null, null, false],
    ["at the slot, never run", "2026-03-02T00:30:00Z", null, null, true],
    ["ran yesterday", "2026-03-02T00:31:00Z", "2026-03-01T00:30:00Z", "2026-03-01T00:30:00Z", true],
    ["ran today", "2026-03-02T05:00:00Z", "2026-03-02T00:30:05Z", "2026-03-02T00:30:05Z", false],
    ["failed 5 minutes ago", "2026-03-02T00:36:00Z", "2026-03-02T00:31:00Z", "2026-03-01T00:30:00Z", false],
    ["failed 10 minutes ago", "2026-03-02T00:41:00Z", "2026-03-02T00:31:00Z", "2026-03-01T00:30:00Z", true],
  ])("daily job %s: due %s", (_what, now, any, ok, due) => {
    const last = { latest: any ? at(any) : null, ok: ok ? at(ok) : null };
    expect(isDue(daily, last, at(now))).toBe(due);
  });

  it.each([
    [null, "2026-03-02T00:00:00Z", true],
    ["2026-03-02T00:00:00Z", "2026-03-02T00:04:00Z", false],
    ["2026-03-02T00:00:00Z", "2026-03-02T00:04:56Z", true], // a tick a little early still counts
    ["2026-03-02T00:00:00Z", "2026-03-02T00:09:00Z", true],
  ])("every 5 minutes, last run %s, at %s: due %s", (any, now, due) => {
    const last = { latest: any ? at(any) : null, ok: null };
    expect(isDue(minutely, last, at(now))).toBe(due);
  });

  it("says when a job runs next", () => {
    const ranToday = { latest: at("2026-03-02T00:30:01Z"), ok: at("2026-03-02T00:30:01Z") };
    expect(nextRunAt(daily, ranToday, at("2026-03-02T03:00:00Z")).toISOString()).toBe(
      "2026-03-03T00:30:00.000Z",
    );
    expect(nextRunAt(daily, { latest: null, ok: null }, at("2026-03-02T00:00:00Z")).toISOString()).toBe(
      "2026-03-02T00:30:00.000Z",
    );
    const last = { latest: at("2026-03-02T00:00:00Z"), ok: null };
    expect(nextRunAt(minutely, last, at("2026-03-02T00:01:00Z")).toISOString()).toBe(
      "2026-03-02T00:05:00.000Z",
    );
  });

  it("refuses a job with no schedule, or two", () => {
    expect(() => registerJob({ name: "x", run: noop })).toThrow();
    expect(() => registerJob({ name: "x", everyMinutes: 1, dailyAt: "08:00", run: noop })).toThrow();
    expect(() => registerJob({ name: "x", dailyAt: "8:00", run: noop })).toThrow();
  });
});

describe.each(backends)("jobs on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let release: () => void = () => {};
  let calls = 0;
  const clock = at("2026-03-02T02:00:00Z");

  beforeAll(async () => {
    registerJob({
      name: "test.slow",
      title: "测试慢任务",
      everyMinutes: 60,
      run: async (ctx) => {
        calls++;
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { summary: `第 ${calls} 次，${ctx.now().toISOString()}` };
      },
    });
    registerJob({
      name: "test.broken",
      title: "测试失败任务",
      dailyAt: "03:00",
      run: async () => {
        throw new Error("数据源不可用");
      },
    });
    t = await testApp(backend, { demo: "org" });
    admin = await t.login("admin");
  });
  afterAll(() => t.close());

  it("records a run with its summary, on the clock it is given", async () => {
    const run = runJob(t.app, "test.slow", { now: () => clock });
    await until(() => calls === 1);
    release();
    const result = await run;
    expect(result).toMatchObject({ status: "ok", summary: `第 1 次，${clock.toISOString()}` });
    const [row] = await t.database.db.select().from(jobRun).where(eq(jobRun.id, result.runId!));
    expect(row).toMatchObject({ name: "test.slow", status: "ok", startedAt: clock, error: null });
  });

  it("records a failure without throwing", async () => {
    const result = await runJob(t.app, "test.broken");
    expect(result).toMatchObject({ status: "failed", error: "数据源不可用", summary: null });
  });

  it("skips a second run of a job while the first holds its lock", async () => {
    const first = runJob(t.app, "test.slow");
    await until(() => calls === 2);
    const second = await runJob(t.app, "test.slow");
    expect(second.status).toBe("skipped");
    // Through the API, an admin hears that it is running.
    const busy = await t.app.inject({
      method: "POST",
      url: "/api/jobs/test.slow/run",
      headers: { cookie: admin },
    });
    expect(busy.statusCode).toBe(409);
    expect(json<{ error: { message: string } }>(busy).error.message).toBe("该任务正在运行，请稍后再试");
    release();
    expect((await first).status).toBe("ok");
    expect(calls).toBe(2);
  });

  it.runIf(backend === "postgres")("skips a job whose advisory lock another instance holds", async () => {
    // Another server instance: a separate session holding the job's lock.
    const pool = (t.database.db as unknown as { $client: pg.Pool }).$client;
    const other = new pg.Client(pool.options);
    await other.connect();
    try {
      await other.query("select pg_advisory_lock($1::bigint)", [lockKey("test.slow")]);
      expect((await runJob(t.app, "test.slow")).status).toBe("skipped");
      expect(calls).toBe(2);
      await other.query("select pg_advisory_unlock($1::bigint)", [lockKey("test.slow")]);
    } finally {
      await other.end();
    }
    const run = runJob(t.app, "test.slow");
    await until(() => calls === 3);
    release();
    expect((await run).status).toBe("ok");
  });

  it("lists jobs with schedule and last run, and runs one by hand for an admin", async () => {
    const list = json<{ items: JobView[] }>(
      await t.app.inject({ url: "/api/jobs", headers: { cookie: admin } }),
    );
    const names = list.items.map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining(["notify.deliver", "notify.digest", "test.slow", "test.broken"]),
    );
    expect(list.items.find((j) => j.name === "notify.digest")).toMatchObject({
      title: "每日未读提醒摘要",
      schedule: "每天 08:30",
      dailyAt: "08:30",
      lastRun: null,
    });
    expect(list.items.find((j) => j.name === "test.broken")!.lastRun).toMatchObject({
      status: "failed",
      error: "数据源不可用",
    });
    const ran = await t.app.inject({
      method: "POST",
      url: "/api/jobs/notify.deliver/run",
      headers: { cookie: admin },
    });
    expect(ran.statusCode).toBe(200);
    expect(json<{ status: string; summary: string }>(ran)).toMatchObject({
      status: "ok",
      summary: "没有待发送的消息",
    });
    const trail = json<{ items: { action: string; meta: { job: string } }[] }>(
      await t.app.inject({ url: "/api/audit?action=job_run", headers: { cookie: admin } }),
    );
    expect(trail.items[0]!.meta.job).toBe("notify.deliver");
    const missing = await t.app.inject({
      method: "POST",
      url: "/api/jobs/no.such/run",
      headers: { cookie: admin },
    });
    expect(missing.statusCode).toBe(404);
    const officer = await t.login("officer");
    expect((await t.app.inject({ url: "/api/jobs", headers: { cookie: officer } })).statusCode).toBe(403);
  });

  it("runs due jobs from the scheduler, once per period", async () => {
    const fixed = at("2030-01-07T05:00:00Z"); // after every run so far, whatever the real clock says
    const before = calls;
    const scheduler = startScheduler({ ...t.app.jobDeps, now: () => fixed }, 50);
    await until(() => calls === before + 1);
    release();
    await new Promise((r) => setTimeout(r, 300)); // several more ticks: not due again
    await scheduler.stop();
    expect(calls).toBe(before + 1);
    const runs = await t.database.db.select().from(jobRun).where(eq(jobRun.startedAt, fixed));
    // Every due job ran once (other modules register theirs too).
    const names = runs.map((r) => r.name);
    expect(names).toEqual(
      expect.arrayContaining(["notify.deliver", "notify.digest", "test.broken", "test.slow"]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});

async function until(cond: () => boolean, ms = 5_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > ms) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}
