import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type {
  DepartmentFigures,
  MeetingDetail,
  MeetingRow,
  ProblemEvent,
  ProblemRow,
} from "../../../common/problem.schema.js";
import { runJob } from "../../lib/jobs/jobs.service.js";
import { backends, json } from "../../test/setup.js";
import { type ErrorBody, type Page, problemsFixture } from "./problems.fixture.js";
import { openProblemCount } from "./problems.queries.js";

describe.each(backends)("problems and meetings on %s", (backend) => {
  const { app, ids, send, get, problemOf, act, message, raise } = problemsFixture(backend);

  it("raises a problem due 5 working days later across the National Day holiday", async () => {
    const res = await raise({ raisedOn: "2026-09-28", departmentId: ids.zrzy, deadlineWorkdays: 5 });
    expect(res.statusCode, res.body).toBe(201);
    const p = json<ProblemRow>(res);
    // 29 and 30 September, then 1–7 October off, then 8, 9 and the worked Saturday 10 October.
    expect(p.dueOn).toBe("2026-10-10");
    expect(p).toEqual(
      expect.objectContaining({
        status: "open",
        departmentName: "丽水市自然资源和规划局",
        subjectName: "晶睿半导体材料项目",
        assignedOn: "2026-09-28",
        raisedByName: "吴佳琪",
      }),
    );
    ids.a = p.id;
    const events = json<{ items: ProblemEvent[] }>(await get(`/api/problems/${p.id}/events`)).items;
    expect(events.map((e) => e.kind)).toEqual(["raised", "assigned"]);
    expect(events[1]!.dueOn).toBe("2026-10-10");
  });

  it("refuses bad input and writes nothing", async () => {
    const zero = await raise({ departmentId: ids.zrzy, deadlineWorkdays: 0 });
    expect(zero.statusCode).toBe(400);
    expect(zero.body).toContain("办理期限至少 1 个工作日");
    const noDeadline = await raise({ departmentId: ids.zrzy });
    expect(noDeadline.statusCode).toBe(400);
    const outside = await raise({ departmentId: ids.yzzrzy, deadlineWorkdays: 5 });
    expect(outside.statusCode).toBe(400);
    expect(message(outside)).toContain("不属于该项目所在行政区");
    const future = await raise({ raisedOn: "2099-01-05" });
    expect(future.statusCode).toBe(400);
    expect(message(future)).toContain("不能晚于今天");
    expect((await raise({ category: "天气" })).statusCode).toBe(400);
    expect(json<Page<ProblemRow>>(await get("/api/problems", "admin")).total).toBe(1);
  });

  it("keeps problems to the scope of their project and department (404), and writes to officers (403)", async () => {
    expect((await get(`/api/problems/${ids.a}`, "officer2")).statusCode).toBe(404);
    expect(json<Page<ProblemRow>>(await get("/api/problems", "officer2")).total).toBe(0);
    expect((await get(`/api/problems/${ids.a}`, "qthandler")).statusCode).toBe(404);
    expect((await get(`/api/problems/${ids.a}/events`, "yzleader")).statusCode).toBe(404);
    expect((await raise({}, "officer2")).statusCode).toBe(404);
    for (const who of ["teamlead", "leader", "handler"]) {
      expect((await get(`/api/problems/${ids.a}`, who)).statusCode, who).toBe(200);
    }
    expect((await raise({}, "leader")).statusCode).toBe(403);
    expect((await act(ids.a, "close", {}, "handler")).statusCode).toBe(403);
    expect((await act(ids.a, "resolve", { resolution: "已解决" }, "officer")).statusCode).toBe(403);
  });

  it("lets an officer edit the wording, and refuses a stale version (409)", async () => {
    const ok = await send("PATCH", `/api/problems/${ids.a}`, {
      title: "项目用地指标尚未落实到位",
      version: 1,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(json<ProblemRow>(ok).version).toBe(2);
    const stale = await send("PATCH", `/api/problems/${ids.a}`, { detail: "补充", version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(json<ErrorBody>(stale).error.code).toBe("STALE_VERSION");
  });

  it("lets the department reply and resolve its own problem; the officer closes and reopens it", async () => {
    const reply = await act(ids.a, "reply", { text: "已启动用地指标调剂，报省厅审批" }, "handler");
    expect(reply.statusCode, reply.body).toBe(200);
    expect(json<ProblemRow>(reply).status).toBe("in_progress");
    expect((await act(ids.a, "close", {})).statusCode).toBe(400);
    const blank = await act(ids.a, "resolve", { resolution: "" }, "handler");
    expect(blank.statusCode).toBe(400);
    expect(blank.body).toContain("请填写解决情况");
    const early = await act(
      ids.a,
      "resolve",
      { resolution: "指标已落实", resolvedOn: "2026-09-01" },
      "handler",
    );
    expect(early.statusCode).toBe(400);
    expect(message(early)).toContain("不能早于问题提出日期");
    const staleResolve = await send(
      "POST",
      `/api/problems/${ids.a}/resolve`,
      { resolution: "指标已落实", version: 1 },
      "handler",
    );
    expect(staleResolve.statusCode).toBe(409);
    const done = await act(
      ids.a,
      "resolve",
      { resolution: "指标已落实", resolvedOn: "2026-10-09" },
      "handler",
    );
    expect(done.statusCode, done.body).toBe(200);
    expect(json<ProblemRow>(done)).toEqual(
      expect.objectContaining({ status: "resolved", resolvedOn: "2026-10-09" }),
    );
    const closed = await act(ids.a, "close", { note: "经核实已落实" });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(json<ProblemRow>(closed).status).toBe("closed");
    expect((await send("PATCH", `/api/problems/${ids.a}`, { title: "改一改", version: 99 })).statusCode).toBe(
      409,
    );
    const edit = await send("PATCH", `/api/problems/${ids.a}`, {
      title: "改一改",
      version: json<ProblemRow>(closed).version,
    });
    expect(edit.statusCode).toBe(400);
    expect((await act(ids.a, "reopen", {})).statusCode).toBe(400);
    const reopened = await act(ids.a, "reopen", { reason: "指标批复被退回" });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(json<ProblemRow>(reopened)).toEqual(
      expect.objectContaining({ status: "open", resolution: null, resolvedOn: null }),
    );
    const again = await act(
      ids.a,
      "resolve",
      { resolution: "补充材料后获批", resolvedOn: "2026-10-09" },
      "handler",
    );
    expect(again.statusCode, again.body).toBe(200);
    expect((await act(ids.a, "close", {})).statusCode).toBe(200);
    const events = json<{ items: ProblemEvent[] }>(
      await get(`/api/problems/${ids.a}/events`, "handler"),
    ).items;
    expect(events.map((e) => e.kind)).toEqual([
      "raised",
      "assigned",
      "replied",
      "resolved",
      "closed",
      "reopened",
      "resolved",
      "closed",
    ]);
    expect(events.find((e) => e.kind === "reopened")!.text).toBe("指标批复被退回");
    expect(events.find((e) => e.kind === "replied")!.actorName).toBe("蓝志明");
  });

  it("transfers with a reason; the old department still reads it but may no longer act (403)", async () => {
    const res = await raise({
      title: "施工图审查进度滞后",
      category: "approval",
      raisedOn: "2026-09-28",
      departmentId: ids.zrzy,
      deadlineWorkdays: 5,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.b = json<ProblemRow>(res).id;
    const noReason = await act(ids.b, "assign", {
      departmentId: ids.zjj,
      deadlineWorkdays: 10,
      on: "2026-10-12",
    });
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toContain("须填写原因");
    const before = await act(ids.b, "assign", {
      departmentId: ids.zjj,
      deadlineWorkdays: 10,
      on: "2026-09-01",
      reason: "属住建部门职责",
    });
    expect(before.statusCode).toBe(400);
    const moved = await act(ids.b, "assign", {
      departmentId: ids.zjj,
      deadlineWorkdays: 10,
      on: "2026-10-12",
      reason: "属住建部门职责",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(json<ProblemRow>(moved)).toEqual(
      expect.objectContaining({ departmentName: "丽水市住房和城乡建设局", dueOn: "2026-10-26" }),
    );
    expect((await get(`/api/problems/${ids.b}`, "handler")).statusCode).toBe(200);
    const notMine = await act(ids.b, "reply", { text: "我局已转住建局" }, "handler");
    expect(notMine.statusCode).toBe(403);
    expect(message(notMine)).toContain("本部门");
    const events = json<{ items: ProblemEvent[] }>(await get(`/api/problems/${ids.b}/events`)).items;
    expect(events.at(-1)).toEqual(
      expect.objectContaining({
        kind: "transferred",
        fromDepartmentName: "丽水市自然资源和规划局",
        departmentName: "丽水市住房和城乡建设局",
        text: "属住建部门职责",
      }),
    );
  });

  it("records a 旬会办 whose item reassigns a problem in the same transaction", async () => {
    const meeting = {
      kind: "xun",
      heldOn: "2026-10-20",
      title: "10月中旬项目推进会办会",
      chairedBy: "林建华",
      attendees: ["吴佳琪", "蓝志明"],
      regionId: ids.region,
    };
    expect((await send("POST", "/api/meetings", meeting, "officer")).statusCode).toBe(403);
    expect(
      (await send("POST", "/api/meetings", { ...meeting, heldOn: "2099-01-01" }, "leader")).statusCode,
    ).toBe(400);
    const res = await send("POST", "/api/meetings", meeting, "leader");
    expect(res.statusCode, res.body).toBe(201);
    const m = json<MeetingRow>(res);
    ids.meeting = m.id;
    // A team lead records meetings of their home region; leaders elsewhere do not see them.
    const byLead = await send(
      "POST",
      "/api/meetings",
      { ...meeting, kind: "monthly", heldOn: "2026-09-15", title: "9月月督察" },
      "teamlead",
    );
    expect(byLead.statusCode, byLead.body).toBe(201);
    expect((await get(`/api/meetings/${m.id}`, "yzleader")).statusCode).toBe(404);
    expect((await get(`/api/meetings/${m.id}`, "officer")).statusCode).toBe(200);

    const early = await send(
      "POST",
      `/api/meetings/${json<MeetingRow>(byLead).id}/items`,
      { problemId: ids.b, decision: "抓紧推进" },
      "teamlead",
    );
    expect(early.statusCode).toBe(400);
    expect(message(early)).toContain("早于问题提出日期");
    const outside = await send(
      "POST",
      `/api/meetings/${m.id}/items`,
      {
        problemId: ids.b,
        decision: "由市自然资源和规划局牵头",
        assign: { departmentId: ids.yzzrzy, deadlineWorkdays: 5 },
      },
      "leader",
    );
    expect(outside.statusCode).toBe(400);
    const staleItem = await send(
      "POST",
      `/api/meetings/${m.id}/items`,
      { problemId: ids.b, decision: "由市自然资源和规划局牵头", problemVersion: 1 },
      "leader",
    );
    expect(staleItem.statusCode).toBe(409);
    const item = await send(
      "POST",
      `/api/meetings/${m.id}/items`,
      {
        problemId: ids.b,
        decision: "由市自然资源和规划局牵头，住建局配合",
        assign: { departmentId: ids.zrzy, deadlineWorkdays: 5 },
      },
      "leader",
    );
    expect(item.statusCode, item.body).toBe(201);
    const detail = json<MeetingDetail>(item);
    expect(detail.items).toEqual([
      expect.objectContaining({
        problemId: ids.b,
        departmentName: "丽水市自然资源和规划局",
        deadlineWorkdays: 5,
        dueOn: "2026-10-27",
      }),
    ]);
    expect(detail.itemCount).toBe(1);
    const b = await problemOf(ids.b);
    expect(b).toEqual(
      expect.objectContaining({
        departmentId: ids.zrzy,
        dueOn: "2026-10-27",
        assignedOn: "2026-10-20",
        status: "open",
      }),
    );
    const events = json<{ items: ProblemEvent[] }>(await get(`/api/problems/${ids.b}/events`)).items;
    expect(events.slice(-2)).toEqual([
      expect.objectContaining({ kind: "discussed", meetingTitle: "10月中旬项目推进会办会" }),
      expect.objectContaining({
        kind: "transferred",
        departmentName: "丽水市自然资源和规划局",
        dueOn: "2026-10-27",
      }),
    ]);
    const twice = await send(
      "POST",
      `/api/meetings/${m.id}/items`,
      { problemId: ids.b, decision: "再议" },
      "leader",
    );
    expect(twice.statusCode).toBe(409);
    const moveDay = await send(
      "PATCH",
      `/api/meetings/${m.id}`,
      { heldOn: "2026-10-21", version: detail.version },
      "leader",
    );
    expect(moveDay.statusCode).toBe(400);
    const minutes = await send(
      "PATCH",
      `/api/meetings/${m.id}`,
      { minutes: "会议研究了 1 个问题。", version: detail.version },
      "leader",
    );
    expect(minutes.statusCode, minutes.body).toBe(200);
    expect(
      (await send("PATCH", `/api/meetings/${m.id}`, { minutes: "x", version: detail.version }, "leader"))
        .statusCode,
    ).toBe(409);
    // Now the problem is the handler's department's again.
    const reply = await act(ids.b, "reply", { text: "已对接设计院加快审查" }, "handler");
    expect(reply.statusCode, reply.body).toBe(200);
    const list = json<Page<MeetingRow>>(await get("/api/meetings", "leader"));
    expect(list.items.map((x) => x.title)).toEqual(["10月中旬项目推进会办会", "9月月督察"]);
  });

  it("lists with filters, counts open problems for other modules, and exports", async () => {
    const res = await raise({
      title: "配套道路未建成",
      category: "utilities",
      raisedOn: "2026-11-02",
      departmentId: ids.zjj,
      deadlineWorkdays: 10,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids.c = json<ProblemRow>(res).id;
    expect(json<ProblemRow>(res).dueOn).toBe("2026-11-16");
    // The administrator acts for any department.
    const resolved = await act(
      ids.c,
      "resolve",
      { resolution: "道路已通车", resolvedOn: "2026-11-20" },
      "admin",
    );
    expect(resolved.statusCode, resolved.body).toBe(200);

    const overdue = json<Page<ProblemRow>>(await get("/api/problems?overdue=yes", "leader"));
    expect(overdue.items.map((p) => p.id)).toEqual([ids.b]);
    expect(overdue.items[0]!.lateWorkdays).toBeGreaterThan(5);
    const mine = json<Page<ProblemRow>>(
      await get(`/api/problems?status=active&departmentId=${ids.zrzy}`, "handler"),
    );
    expect(mine.items.map((p) => p.id)).toEqual([ids.b]);
    const found = json<Page<ProblemRow>>(await get(`/api/problems?q=${encodeURIComponent("道路")}`));
    expect(found.items.map((p) => p.id)).toEqual([ids.c]);
    const byProject = json<Page<ProblemRow>>(
      await get(`/api/problems?subjectId=${ids.project}&sort=raisedOn&order=asc`),
    );
    expect(byProject.total).toBe(3);
    expect(await openProblemCount(app().database.db, "project", sql`select ${ids.project}::uuid`)).toBe(1);
    const x = await get("/api/problems/export?status=active", "leader");
    expect(x.statusCode).toBe(200);
    expect(x.headers["content-type"]).toContain("spreadsheetml");
    expect((await get("/api/meetings/export", "leader")).statusCode).toBe(200);
    const depts = json<{ items: { id: string }[] }>(
      await get(`/api/problems/departments?regionId=${ids.region}&q=${encodeURIComponent("局")}`),
    ).items.map((d) => d.id);
    expect(depts).toEqual(expect.arrayContaining([ids.zrzy, ids.zjj]));
    expect(depts).not.toContain(ids.yzzrzy);
  });

  it("alerts the department's handlers once a day and escalates long-overdue problems to leaders once", async () => {
    const first = await runJob(app().app, "problems.overdue_alerts");
    expect(first.status, JSON.stringify(first)).toBe("ok");
    const inbox = async (who: string, kind: string) =>
      json<{ items: { kind: string; title: string; body: string | null; link: string | null }[] }>(
        await get("/api/notifications", who),
      ).items.filter((n) => n.kind === kind);
    const got = await inbox("handler", "problem.overdue");
    expect(got).toHaveLength(1);
    expect(got[0]!.title).toBe("丽水市自然资源和规划局：1 个问题已逾期");
    expect(got[0]!.body).toContain("「施工图审查进度滞后」已逾期");
    expect((await problemOf(ids.b)).escalated).toBe(true);
    await runJob(app().app, "problems.overdue_alerts");
    expect(await inbox("handler", "problem.overdue")).toHaveLength(1);
    const up = await inbox("leader", "problem.escalated");
    expect(up).toHaveLength(1);
    expect(up[0]!.title).toContain("逾期超过 5 个工作日");
    const events = json<{ items: ProblemEvent[] }>(await get(`/api/problems/${ids.b}/events`)).items;
    expect(events.filter((e) => e.kind === "escalated")).toHaveLength(1);
  });

  it("sums problems per department: open, overdue, resolved on time and median working days", async () => {
    const res = json<{ items: DepartmentFigures[]; total: DepartmentFigures }>(
      await get("/api/problems/by-department", "leader"),
    );
    const by = (id: string) => res.items.find((d) => d.departmentId === id)!;
    // 自然资源: B open and overdue; A resolved 9 October, due the 10th, 4 working days after 28 September.
    expect(by(ids.zrzy)).toEqual(
      expect.objectContaining({
        open: 1,
        overdue: 1,
        escalated: 1,
        resolved: 1,
        resolvedOnTime: 1,
        onTimeRate: 100,
        medianWorkdays: 4,
      }),
    );
    // 住建: C resolved 20 November, due the 16th, 14 working days after 2 November.
    expect(by(ids.zjj)).toEqual(
      expect.objectContaining({ open: 0, resolved: 1, resolvedOnTime: 0, onTimeRate: 0, medianWorkdays: 14 }),
    );
    expect(res.items[0]!.departmentId).toBe(ids.zrzy);
    expect(res.total).toEqual(
      expect.objectContaining({ open: 1, resolved: 2, onTimeRate: 50, medianWorkdays: 9 }),
    );
    const handlerView = json<{ items: DepartmentFigures[] }>(
      await get("/api/problems/by-department", "handler"),
    );
    // The handler reads the problems its department holds or once held: C never was.
    expect(handlerView.items.map((d) => d.departmentId)).toEqual([ids.zrzy]);
  });
});
