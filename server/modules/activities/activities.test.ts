import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActivityRow, ActivityStats, TimelineItem } from "../../../common/activity.schema.js";
import { syntheticUscc } from "../../../common/uscc.js";
import { chinaDay } from "../../lib/dates.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}

const today = chinaDay(new Date());
const shift = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

describe.each(backends)("activities on %s", (backend) => {
  let t: TestApp;
  const cookies: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload: unknown, who = "officer") =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie: cookies[who]! } });
  const get = (url: string, who = "officer") => t.app.inject({ url, headers: { cookie: cookies[who]! } });
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;
  const errorOf = (res: { json: () => unknown }) => (res.json() as ErrorBody).error;

  beforeAll(async () => {
    t = await testApp(backend);
    for (const u of ["admin", "officer", "officer2", "teamlead", "leader", "specialist", "expert"])
      cookies[u] = await t.login(u);
    const regions = json<{ items: { id: string; level: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    );
    ids.region = regions.items.find((r) => r.level === "platform")!.id;
    ids.zhangjiang = await firstId(`/api/parks?q=${encodeURIComponent("张江")}`);
    ids.team = await firstId(`/api/teams?q=${encodeURIComponent("驻上海")}`);
    const people = json<Page<{ id: string; username: string }>>(await get("/api/users?pageSize=50", "admin"));
    for (const u of people.items) ids[`user:${u.username}`] = u.id;
    const firm = await send("POST", "/api/enterprises", {
      uscc: syntheticUscc("331100", 11),
      name: "丽水晶睿电子科技有限公司",
      regionId: ids.region,
      parkId: ids.zhangjiang,
    });
    expect(firm.statusCode, firm.body).toBe(201);
    ids.firm = json<{ id: string }>(firm).id;
    const project = await send("POST", "/api/projects", {
      name: "晶睿半导体材料项目",
      channel: "enclave",
      investorId: ids.firm,
      regionId: ids.region,
      parkId: ids.zhangjiang,
      teamId: ids.team,
    });
    expect(project.statusCode, project.body).toBe(201);
    ids.project = json<{ id: string }>(project).id;
  });
  afterAll(() => t.close());

  const base = () => ({
    regionId: ids.region,
    parkId: ids.zhangjiang,
    teamId: ids.team,
    ourUserIds: [ids["user:officer"]!],
  });
  let followUp: ActivityRow;
  let reception: ActivityRow;

  it("logs a follow-up on a project and lists it with names and links", async () => {
    const res = await send("POST", "/api/activities", {
      ...base(),
      kind: "follow_up",
      mode: "call",
      title: "电话沟通用地需求",
      heldOn: shift(-3),
      summary: "对方确认需用地 80 亩，希望年内摘牌",
      links: [{ subjectType: "project", subjectId: ids.project }],
    });
    expect(res.statusCode, res.body).toBe(201);
    followUp = json<ActivityRow>(res);
    expect(followUp.kind).toBe("follow_up");
    expect(followUp.ourUsers).toEqual([{ id: ids["user:officer"], name: "吴佳琪" }]);
    expect(followUp.links).toEqual([
      { subjectType: "project", subjectId: ids.project, role: "about", label: "晶睿半导体材料项目" },
    ]);
    expect(followUp.parkName).toBe("丽水经开区上海张江飞地");
    expect(followUp.createdByName).toBe("吴佳琪");
    const list = json<Page<ActivityRow>>(await get("/api/activities?kind=follow_up"));
    expect(list.items.map((a) => a.id)).toEqual([followUp.id]);
  });

  it("logs a reception with the people met, a lead project and a planned trip", async () => {
    const res = await send("POST", "/api/activities", {
      ...base(),
      kind: "reception",
      title: "接待晶睿电子考察团",
      heldOn: today,
      endOn: shift(1),
      place: "丽水经开区管委会",
      city: "丽水",
      ourNames: ["经开区分管领导"],
      theirPeople: [
        { name: "陈总", title: "董事长", organisation: "晶睿电子" },
        { name: "李工", organisation: "晶睿电子" },
      ],
      links: [
        { subjectType: "project", subjectId: ids.project, role: "lead" },
        { subjectType: "enterprise", subjectId: ids.firm },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    reception = json<ActivityRow>(res);
    expect(reception.leads).toBe(1);
    expect(reception.theirPeople).toHaveLength(2);
    expect(reception.links.map((l) => `${l.subjectType}:${l.role}`).sort()).toEqual([
      "enterprise:about",
      "project:lead",
    ]);
    const trip = await send("POST", "/api/activities", {
      ...base(),
      kind: "trip",
      title: "赴上海张江拜访半导体企业",
      heldOn: shift(30),
      endOn: shift(32),
      city: "上海",
    });
    expect(trip.statusCode, trip.body).toBe(201);
    ids.trip = json<ActivityRow>(trip).id;
    // A mode belongs to follow-ups only: it is dropped for other kinds.
    const ev = await send("POST", "/api/activities", {
      ...base(),
      kind: "event",
      eventType: "promotion",
      mode: "call",
      title: "丽水经开区（上海）投资推介会",
      heldOn: today,
      city: "上海",
    });
    expect(ev.statusCode, ev.body).toBe(201);
    expect(json<ActivityRow>(ev).mode).toBeNull();
    expect(json<ActivityRow>(ev).eventType).toBe("promotion");
  });

  it("refuses bad dates, missing modes, unknown people and misplaced leads", async () => {
    const bad = async (body: object, path: string, text: string) => {
      const res = await send("POST", "/api/activities", { ...base(), title: "测试活动", ...body });
      expect(res.statusCode, res.body).toBe(400);
      const err = errorOf(res);
      expect(err.code).toBe("VALIDATION");
      expect(err.message).toContain(text);
      expect(err.details?.[0]?.path).toBe(path);
    };
    await bad({ kind: "trip", heldOn: today, endOn: shift(-1) }, "endOn", "结束日期不能早于开始日期");
    await bad({ kind: "follow_up", mode: "visit", heldOn: shift(1) }, "heldOn", "跟进日期不能晚于今天");
    await bad({ kind: "event", heldOn: shift(181) }, "heldOn", "180 天");
    await bad({ kind: "follow_up", heldOn: today }, "mode", "请选择跟进方式");
    await bad(
      {
        kind: "follow_up",
        mode: "call",
        heldOn: today,
        ourUserIds: ["0190a000-0000-7000-8000-000000000001"],
      },
      "ourUserIds.0",
      "我方人员不存在",
    );
    await bad(
      {
        kind: "follow_up",
        mode: "call",
        heldOn: today,
        links: [{ subjectType: "project", subjectId: ids.project, role: "lead" }],
      },
      "links.0.role",
      "带来的线索",
    );
    await bad(
      {
        kind: "trip",
        heldOn: today,
        links: [{ subjectType: "enterprise", subjectId: ids.firm, role: "lead" }],
      },
      "links.0.role",
      "只有项目",
    );
    const schema = await send("POST", "/api/activities", {
      ...base(),
      kind: "visit",
      title: "x",
      heldOn: "2026-13-01",
    });
    expect(schema.statusCode).toBe(400);
    expect(errorOf(schema).message).toContain("kind");
    // An unknown subject is out of reach: 404, and nothing was written.
    const unknown = await send("POST", "/api/activities", {
      ...base(),
      kind: "follow_up",
      mode: "call",
      title: "测试活动",
      heldOn: today,
      links: [{ subjectType: "project", subjectId: "0190a000-0000-7000-8000-000000000002" }],
    });
    expect(unknown.statusCode).toBe(404);
    expect(json<Page<ActivityRow>>(await get("/api/activities", "admin")).total).toBe(4);
  });

  it("keeps activities and timelines out of reach outside scope (404) and read-only without the right (403)", async () => {
    expect((await get(`/api/activities/${followUp.id}`, "officer2")).statusCode).toBe(404);
    expect(json<Page<ActivityRow>>(await get("/api/activities", "officer2")).total).toBe(0);
    const tl = await get(`/api/activities/timeline?subjectType=project&subjectId=${ids.project}`, "officer2");
    expect(tl.statusCode).toBe(404);
    const foreign = await send(
      "POST",
      "/api/activities",
      {
        regionId: ids.region,
        kind: "follow_up",
        mode: "call",
        title: "跟进他人项目",
        heldOn: today,
        links: [{ subjectType: "project", subjectId: ids.project }],
      },
      "officer2",
    );
    expect(foreign.statusCode).toBe(404);
    expect(
      (await send("PATCH", `/api/activities/${followUp.id}`, { title: "改标题", version: 1 }, "officer2"))
        .statusCode,
    ).toBe(404);
    // The leader reads everything in the city, and may not write.
    expect((await get(`/api/activities/${followUp.id}`, "leader")).statusCode).toBe(200);
    expect(
      (await send("PATCH", `/api/activities/${followUp.id}`, { title: "改标题", version: 1 }, "leader"))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await send(
          "POST",
          "/api/activities",
          { ...base(), kind: "trip", title: "出差", heldOn: today },
          "leader",
        )
      ).statusCode,
    ).toBe(403);
    // A service specialist sees the project but may not add to it.
    const spec = await send(
      "POST",
      "/api/activities",
      {
        regionId: ids.region,
        kind: "follow_up",
        mode: "visit",
        title: "走访并了解项目",
        heldOn: today,
        links: [{ subjectType: "project", subjectId: ids.project }],
      },
      "specialist",
    );
    expect(spec.statusCode).toBe(403);
    // Experts have no activity rights at all.
    expect((await get("/api/activities", "expert")).statusCode).toBe(403);
  });

  it("shows the project's and the firm's timelines newest first", async () => {
    const tl = json<{ items: TimelineItem[] }>(
      await get(`/api/activities/timeline?subjectType=project&subjectId=${ids.project}`, "leader"),
    ).items;
    expect(tl.map((a) => a.id)).toEqual([reception.id, followUp.id]);
    expect(tl.map((a) => a.role)).toEqual(["lead", "about"]);
    expect(tl.every((a) => a.editable === false)).toBe(true);
    const mine = json<{ items: TimelineItem[] }>(
      await get(`/api/activities/timeline?subjectType=project&subjectId=${ids.project}`),
    ).items;
    expect(mine.every((a) => a.editable)).toBe(true);
    const firm = json<{ items: TimelineItem[] }>(
      await get(`/api/activities/timeline?subjectType=enterprise&subjectId=${ids.firm}`),
    ).items;
    expect(firm.map((a) => a.id)).toEqual([reception.id]);
    const none = await get(`/api/activities/timeline?subjectType=prospect&subjectId=${ids.project}`);
    expect(none.statusCode).toBe(404);
  });

  it("edits with the version, refuses a stale one, and deletes by version", async () => {
    const ok = await send("PATCH", `/api/activities/${followUp.id}`, {
      outcome: "约定下周上门",
      ourUserIds: [ids["user:officer"], ids["user:teamlead"]],
      version: followUp.version,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const saved = json<ActivityRow>(ok);
    expect(saved.version).toBe(2);
    expect(saved.ourUsers.map((u) => u.name)).toEqual(["吴佳琪", "周立群"]);
    expect(saved.links).toHaveLength(1);
    const old = await send("PATCH", `/api/activities/${followUp.id}`, { outcome: "覆盖", version: 1 });
    expect(old.statusCode).toBe(409);
    expect(errorOf(old).code).toBe("STALE_VERSION");
    // Changing a reception into a follow-up would leave a lead on it: refused.
    const kind = await send("PATCH", `/api/activities/${reception.id}`, {
      kind: "follow_up",
      mode: "meeting",
      version: reception.version,
    });
    expect(kind.statusCode).toBe(400);
    const del = (v: number) =>
      t.app.inject({
        method: "DELETE",
        url: `/api/activities/${ids.trip}?version=${v}`,
        headers: { cookie: cookies.officer! },
      });
    expect((await del(7)).statusCode).toBe(409);
    expect((await del(1)).statusCode).toBe(204);
    expect((await get(`/api/activities/${ids.trip}`)).statusCode).toBe(404);
    const trail = json<Page<{ action: string; subjectType: string }>>(
      await get(`/api/audit?subjectType=activity&pageSize=50`, "admin"),
    );
    expect(trail.items.map((e) => e.action)).toEqual(expect.arrayContaining(["create", "update", "delete"]));
    // The team lead now went on the follow-up: they see it through their participation.
    expect((await get(`/api/activities/${followUp.id}`, "teamlead")).statusCode).toBe(200);
  });

  it("filters the list by kind, dates, participant, leads and text", async () => {
    const ids_ = async (qs: string) =>
      json<Page<ActivityRow>>(await get(`/api/activities?${qs}`, "leader")).items.map((a) => a.title);
    expect(await ids_(`officer=${ids["user:teamlead"]}`)).toEqual(["电话沟通用地需求"]);
    expect(await ids_("leads=yes")).toEqual(["接待晶睿电子考察团"]);
    expect(await ids_(`q=${encodeURIComponent("陈总")}`)).toEqual(["接待晶睿电子考察团"]);
    expect(await ids_(`q=${encodeURIComponent("晶睿半导体")}`)).toHaveLength(2);
    expect(await ids_(`from=${shift(-1)}&to=${today}`)).toHaveLength(2);
    expect(await ids_(`to=${shift(-1)}`)).toEqual(["电话沟通用地需求"]);
    expect(await ids_("sort=title&order=asc")).toHaveLength(3);
  });

  it("counts activities and leads per officer and per team", async () => {
    const year = Number(today.slice(0, 4));
    const byOfficer = json<ActivityStats>(
      await get(`/api/activities/stats?year=${year}&groupBy=officer`, "leader"),
    );
    const me = byOfficer.items.find((r) => r.name === "吴佳琪")!;
    // The follow-up may fall in the previous year in the first days of January.
    const fu = shift(-3).startsWith(String(year)) ? 1 : 0;
    expect(me).toEqual(
      expect.objectContaining({ followUps: fu, receptions: 1, trips: 0, events: 1, leads: 1, total: 2 + fu }),
    );
    expect(byOfficer.items.find((r) => r.name === "周立群")?.followUps ?? 0).toBe(fu);
    expect(byOfficer.totals).toEqual(
      expect.objectContaining({ receptions: 1, events: 1, leads: 1, total: 2 + fu }),
    );
    const byTeam = json<ActivityStats>(
      await get(`/api/activities/stats?year=${year}&groupBy=team`, "leader"),
    );
    expect(byTeam.items).toEqual([
      expect.objectContaining({ key: ids.team, name: "丽水经开区驻上海招商组", total: 2 + fu, leads: 1 }),
    ]);
    // A planned event counts once it has been held.
    const planned = await send("POST", "/api/activities", {
      ...base(),
      kind: "event",
      eventType: "competition",
      title: "绿谷精英创新创业大赛",
      heldOn: shift(5),
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const again = json<ActivityStats>(await get(`/api/activities/stats?year=${year}&groupBy=team`, "leader"));
    expect(again.totals).toEqual(expect.objectContaining({ events: 1, total: 2 + fu }));
    const out = json<ActivityStats>(await get(`/api/activities/stats?year=${year}&groupBy=team`, "officer2"));
    expect(out.items).toEqual([]);
    expect((await get("/api/activities/stats?year=1999", "leader")).statusCode).toBe(400);
  });

  it("exports the filtered list to Excel", async () => {
    const res = await get("/api/activities/export?kind=reception", "leader");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(4).value).toBe("标题");
    expect(ws.getRow(2).getCell(4).value).toBe("接待晶睿电子考察团");
    expect(String(ws.getRow(2).getCell(11).value)).toContain("陈总 董事长 晶睿电子");
    expect(ws.getRow(2).getCell(13).value).toBe("晶睿半导体材料项目");
  });

  it("follows an enterprise merge: links to the merged-away firm point at the kept one", async () => {
    const dup = await send("POST", "/api/enterprises", {
      name: "丽水晶睿电子科技",
      regionId: ids.region,
      parkId: ids.zhangjiang,
    });
    expect(dup.statusCode, dup.body).toBe(201);
    const dupId = json<{ id: string }>(dup).id;
    const both = await send("POST", "/api/activities", {
      ...base(),
      kind: "follow_up",
      mode: "wechat",
      title: "微信沟通厂房需求",
      heldOn: today,
      links: [
        { subjectType: "enterprise", subjectId: ids.firm },
        { subjectType: "enterprise", subjectId: dupId },
      ],
    });
    expect(both.statusCode, both.body).toBe(201);
    const firm = json<{ version: number }>(await get(`/api/enterprises/${ids.firm}`, "admin"));
    const merged = await send(
      "POST",
      `/api/enterprises/${ids.firm}/merge`,
      { sourceId: dupId, version: firm.version },
      "admin",
    );
    expect(merged.statusCode, merged.body).toBe(200);
    const row = json<ActivityRow>(await get(`/api/activities/${json<ActivityRow>(both).id}`));
    expect(row.links.map((l) => l.subjectId)).toEqual([ids.firm]);
    const tl = json<{ items: TimelineItem[] }>(
      await get(`/api/activities/timeline?subjectType=enterprise&subjectId=${ids.firm}`),
    ).items;
    expect(tl.map((a) => a.title)).toEqual(["微信沟通厂房需求", "接待晶睿电子考察团"]);
  });
});
