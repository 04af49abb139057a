import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AppealDepartmentFigures, AppealDetail, AppealRow } from "../../../common/appeal.schema.js";
import { runJob } from "../../lib/jobs/jobs.service.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Page<T> {
  items: T[];
  total: number;
}
type Who = "admin" | "specialist" | "handler" | "enterprise" | "leader" | "qthandler" | "qtspecialist";

describe.each(backends)("enterprise appeals on %s", (backend) => {
  let t: TestApp;
  // 10:00 in China on Monday 28 September 2026, the last working days before the National Day week.
  let clock = new Date("2026-09-28T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"lishui" | "jingrui" | "juexin" | "zrzy" | "zjj" | "yzzrzy" | "qtFirm", string>;
  const get = (url: string, who: Who) => t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (method: "POST" | "PUT", url: string, payload: object, who: Who) =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const detail = async (id: string, who: Who = "admin") =>
    json<AppealDetail>(await get(`/api/appeals/${id}`, who));
  const act = async (id: string, action: string, body: object, who: Who) =>
    send("POST", `/api/appeals/${id}/${action}`, { version: (await detail(id)).version, ...body }, who);
  const message = (res: { body: string }) =>
    (JSON.parse(res.body) as { error: { message: string } }).error.message;
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of [
      "admin",
      "specialist",
      "handler",
      "enterprise",
      "leader",
      "qthandler",
      "qtspecialist",
    ] as Who[])
      cookies[u] = await t.login(u);
    ids.lishui = await firstId(`/api/regions?q=${encodeURIComponent("丽水市")}`);
    ids.jingrui = await firstId(`/api/enterprises?q=${encodeURIComponent("浙江晶睿")}`);
    ids.juexin = await firstId(`/api/enterprises?q=${encodeURIComponent("珏芯微电子")}`);
    ids.qtFirm = await firstId(`/api/enterprises?q=${encodeURIComponent("松下家电")}`);
    ids.zrzy = await firstId(`/api/departments?q=${encodeURIComponent("丽水市自然资源")}`);
    ids.zjj = await firstId(`/api/departments?q=${encodeURIComponent("丽水市住房和城乡建设")}`);
    ids.yzzrzy = await firstId(`/api/departments?q=${encodeURIComponent("扬州市自然资源")}`);
  });
  afterAll(() => t.close());

  let bus = "";
  it("lets a firm's account file an appeal for its own firm only, unrouted", async () => {
    const other = await send(
      "POST",
      "/api/appeals",
      { enterpriseId: ids.juexin, title: "员工通勤", category: "transport" },
      "enterprise",
    );
    expect(other.statusCode).toBe(404);
    const routed = await send(
      "POST",
      "/api/appeals",
      { title: "员工通勤", category: "transport", departmentId: ids.zjj },
      "enterprise",
    );
    expect(routed.statusCode).toBe(400);
    expect(message(routed)).toBe("企业提交的诉求由服务专员分派承办部门");
    const res = await send(
      "POST",
      "/api/appeals",
      {
        title: "开通园区至城区的员工通勤公交线路",
        category: "transport",
        detail: "三班倒员工下夜班无车可乘",
      },
      "enterprise",
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = json<AppealRow>(res);
    bus = a.id;
    expect(a).toEqual(
      expect.objectContaining({
        status: "submitted",
        byEnterprise: true,
        enterpriseName: "浙江晶睿电子科技有限公司",
        departmentId: null,
        dueOn: null,
      }),
    );
    expect(a.code).toMatch(/^SQ2026\d{5}$/);
    const mine = json<Page<AppealRow>>(await get("/api/appeals", "enterprise"));
    expect(mine.items.map((x) => x.id)).toEqual([bus]);
    // The firm's specialist hears of it (the demo firm has none: the park's specialists do).
    const inbox = json<{ items: { kind: string }[] }>(await get("/api/notifications", "specialist")).items;
    expect(inbox.filter((n) => n.kind === "appeal.submitted")).toHaveLength(1);
  });

  it("routes it with the region's own deadline, counted in working days over the National Day week", async () => {
    const set = await send(
      "PUT",
      "/api/appeal-deadlines",
      { regionId: ids.lishui, deadlines: { transport: 5 } },
      "admin",
    );
    expect(set.statusCode, set.body).toBe(200);
    const seen = json<{ deadlines: Record<string, number>; inherited: Record<string, boolean> }>(
      await get(
        `/api/appeal-deadlines?regionId=${json<AppealRow>(await get(`/api/appeals/${bus}`, "admin")).regionId}`,
        "admin",
      ),
    );
    expect(seen.deadlines.transport).toBe(5);
    expect(seen.inherited.transport).toBe(true);
    expect(seen.deadlines.approval).toBe(5);
    const outside = await act(bus, "route", { departmentId: ids.yzzrzy }, "specialist");
    expect(outside.statusCode).toBe(400);
    expect(message(outside)).toContain("不属于该企业所在行政区");
    const res = await act(bus, "route", { departmentId: ids.zjj }, "specialist");
    expect(res.statusCode, res.body).toBe(200);
    const a = json<AppealDetail>(res);
    // 29 and 30 September, 1–7 October off, then 8, 9 and the worked Saturday 10 October.
    expect(a).toEqual(
      expect.objectContaining({ status: "routed", dueOn: "2026-10-10", deadlineWorkdays: 5 }),
    );
    expect(a.events.map((e) => e.kind)).toEqual(["raised", "routed"]);
  });

  it("keeps another department's handler out (404) and makes a transfer give its reason", async () => {
    expect((await get(`/api/appeals/${bus}`, "handler")).statusCode).toBe(404);
    expect(json<Page<AppealRow>>(await get("/api/appeals", "handler")).total).toBe(0);
    expect((await get(`/api/appeals/${bus}`, "qthandler")).statusCode).toBe(404);
    const noReason = await act(bus, "route", { departmentId: ids.zrzy }, "specialist");
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toBe("转办请填写原因");
    const moved = await act(
      bus,
      "route",
      { departmentId: ids.zrzy, reason: "线路规划涉及用地，转自然资源和规划局" },
      "specialist",
    );
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<AppealDetail>(moved).departmentName).toBe("丽水市自然资源和规划局");
    expect(json<AppealDetail>(await get(`/api/appeals/${bus}`, "handler")).can).toEqual(
      expect.objectContaining({ accept: true, resolve: true, confirm: false }),
    );
  });

  it("refuses a rating before the appeal is resolved, and a stale version", async () => {
    const early = await act(bus, "confirm", { rating: 5 }, "enterprise");
    expect(early.statusCode).toBe(400);
    expect(message(early)).toBe("诉求办结后才能确认和评价");
    const stale = await send("POST", `/api/appeals/${bus}/accept`, { version: 1 }, "handler");
    expect(stale.statusCode).toBe(409);
    expect((await act(bus, "resolve", { resolution: "已办" }, "specialist")).statusCode).toBe(403);
  });

  it("walks accept, reply, resolve, reopen, resolve, confirm with a rating", async () => {
    expect((await act(bus, "accept", { note: "已受理" }, "handler")).statusCode).toBe(200);
    expect((await act(bus, "reply", { text: "已与公交公司对接线路方案" }, "handler")).statusCode).toBe(200);
    clock = new Date("2026-10-09T02:00:00Z");
    const resolved = await act(bus, "resolve", { resolution: "已开通 K12 路早晚班车" }, "handler");
    expect(json<AppealDetail>(resolved)).toEqual(
      expect.objectContaining({ status: "resolved", resolvedOn: "2026-10-09" }),
    );
    const told = json<{ items: { kind: string }[] }>(await get("/api/notifications", "enterprise")).items;
    expect(told.filter((n) => n.kind === "appeal.resolved")).toHaveLength(1);
    const reopened = await act(bus, "reopen", { reason: "夜班 23 点后仍无车" }, "enterprise");
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(json<AppealDetail>(reopened)).toEqual(
      expect.objectContaining({ status: "accepted", routedOn: "2026-10-09", resolution: null }),
    );
    await act(bus, "resolve", { resolution: "K12 路末班延至 23:30" }, "handler");
    const done = await act(bus, "confirm", { rating: 4, comment: "解决及时" }, "enterprise");
    expect(json<AppealDetail>(done)).toEqual(
      expect.objectContaining({ status: "closed", rating: 4, closedOn: "2026-10-09" }),
    );
    expect(json<AppealDetail>(done).events.map((e) => e.kind)).toEqual([
      "raised",
      "routed",
      "transferred",
      "accepted",
      "replied",
      "resolved",
      "reopened",
      "resolved",
      "confirmed",
    ]);
    expect((await act(bus, "confirm", { rating: 5 }, "enterprise")).statusCode).toBe(400);
  });

  let late = "";
  it("reminds the department of an overdue appeal once a day and escalates it to leaders once", async () => {
    clock = new Date("2026-09-28T02:00:00Z");
    const res = await send(
      "POST",
      "/api/appeals",
      {
        enterpriseId: ids.juexin,
        title: "厂房消防验收排期",
        category: "approval",
        departmentId: ids.zrzy,
        deadlineWorkdays: 2,
      },
      "specialist",
    );
    expect(res.statusCode, res.body).toBe(201);
    late = json<AppealRow>(res).id;
    expect(json<AppealRow>(res).dueOn).toBe("2026-09-30");
    // 12 October: 8, 9, 10 and 12 October are four working days past the due day.
    clock = new Date("2026-10-12T02:00:00Z");
    expect(json<AppealRow>(await get(`/api/appeals/${late}`, "admin")).lateWorkdays).toBe(4);
    const first = await runJob(t.app, "service.appeal_alerts");
    expect(first.status, JSON.stringify(first)).toBe("ok");
    await runJob(t.app, "service.appeal_alerts");
    const inbox = async (who: Who, kind: string) =>
      json<{ items: { kind: string; title: string }[] }>(await get("/api/notifications", who)).items.filter(
        (n) => n.kind === kind,
      );
    expect(await inbox("handler", "appeal.overdue")).toHaveLength(1);
    const up = await inbox("leader", "appeal.escalated");
    expect(up).toHaveLength(1);
    expect(up[0]!.title).toBe("1 件企业诉求逾期超过 3 个工作日");
    const d = await detail(late);
    expect(d.escalated).toBe(true);
    expect(d.events.filter((e) => e.kind === "escalated")).toHaveLength(1);
    const overdue = json<Page<AppealRow>>(await get("/api/appeals?overdue=yes", "handler"));
    expect(overdue.items.map((a) => a.id)).toEqual([late]);
  });

  it("sums each department's appeals: on time, median working days, satisfaction", async () => {
    const res = json<{
      items: AppealDepartmentFigures[];
      total: Omit<AppealDepartmentFigures, "departmentId">;
    }>(await get("/api/appeals/figures/by-department", "leader"));
    const zrzy = res.items.find((d) => d.departmentId === ids.zrzy)!;
    expect(zrzy).toEqual(
      expect.objectContaining({
        total: 2,
        active: 1,
        overdue: 1,
        resolved: 1,
        resolvedOnTime: 1,
        onTimeRate: 100,
        // reopened and resolved the same day it was routed again
        medianWorkdays: 0,
        rated: 1,
        satisfaction: 4,
      }),
    );
    expect(res.total.total).toBe(2);
    const fx = await get("/api/appeals/figures/by-department/export", "leader");
    expect(fx.statusCode, fx.body).toBe(200);
    expect(fx.headers["content-type"]).toContain("spreadsheetml");
    const x = await get("/api/appeals/export?status=closed", "leader");
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
  });

  it("files appeals raised during a visit with it, and lists the departments an appeal may go to", async () => {
    clock = new Date("2026-10-12T02:00:00Z");
    const v = await send(
      "POST",
      "/api/visits",
      {
        enterpriseId: ids.jingrui,
        visitedOn: "2026-10-12",
        method: "onsite",
        findings: "二期扩产，缺少熟练技工约 80 人",
        appeals: [{ title: "招聘技术工人 80 名", category: "labour" }],
      },
      "specialist",
    );
    expect(v.statusCode, v.body).toBe(201);
    expect(json<{ appealCount: number }>(v).appealCount).toBe(1);
    const depts = json<{ items: { id: string }[] }>(
      await get(`/api/appeal-departments?enterpriseId=${ids.jingrui}`, "specialist"),
    ).items.map((d) => d.id);
    expect(depts).toEqual(expect.arrayContaining([ids.zrzy, ids.zjj]));
    expect(depts).not.toContain(ids.yzzrzy);
    expect((await get(`/api/appeal-departments?enterpriseId=${ids.qtFirm}`, "specialist")).statusCode).toBe(
      404,
    );
  });
});
