import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReviewRow } from "../../../common/review.schema.js";
import type {
  AllocationRow,
  InstalmentRow,
  OccupancyRow,
  ProgrammeRow,
  RoundRow,
  TalentFigureRow,
  TalentPersonal,
  TalentProjectRow,
  TalentRow,
  UnitRow,
} from "../../../common/talent.schema.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";

type Who = "admin" | "leader" | "specialist" | "officer";
interface Page<T> {
  items: T[];
  total: number;
}
interface ErrorBody {
  error: { code: string; message: string; details?: { path: string; message: string }[] };
}
const WAN = 1_000_000; // fen in 1 万元

describe.each(backends)("talent on %s", (backend) => {
  let t: TestApp;
  const clock = new Date("2026-11-02T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"region" | "etdz" | "zhangjiang" | "rongqi", string>;
  const get = (url: string, who: Who = "admin") => t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (method: "POST" | "PATCH" | "DELETE", url: string, payload?: object, who: Who = "admin") =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const err = (res: Parameters<typeof json>[0]) => json<ErrorBody>(res).error;
  let programme: ProgrammeRow;
  let round: RoundRow;
  let person: TalentRow;

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of ["admin", "leader", "specialist", "officer"] as Who[]) cookies[u] = await t.login(u);
    const parks = json<Page<{ id: string; name: string; regionId: string }>>(
      await get("/api/parks?pageSize=200"),
    ).items;
    const etdz = parks.find((p) => p.name === "丽水经济技术开发区")!;
    ids.etdz = etdz.id;
    ids.region = etdz.regionId;
    ids.zhangjiang = parks.find((p) => p.name === "丽水经开区上海张江飞地")!.id;
    const firms = json<Page<{ id: string }>>(
      await get(`/api/enterprises?q=${encodeURIComponent("容祺")}`),
    ).items;
    ids.rongqi = firms[0]!.id;
  });
  afterAll(() => t.close());

  it("loads the seeds' talent facts: 绿谷精英 A-class 容祺智能 recognised and paid, apartments, 钱塘's six rounds", async () => {
    const progs = json<Page<ProgrammeRow>>(await get("/api/talent-programmes?pageSize=50")).items;
    expect(progs.map((p) => p.name).sort()).toEqual(["绿谷精英计划", "钱塘区高层次人才创业项目认定"]);
    const rq = json<Page<TalentProjectRow>>(await get(`/api/talent-projects?q=${encodeURIComponent("容祺")}`))
      .items[0]!;
    expect(rq).toMatchObject({ status: "recognised", levelRecognised: "A", recognisedOn: "2020-12-18" });
    expect(rq.paidFen).toBe(200 * WAN);
    const qt = json<Page<RoundRow>>(
      await get(`/api/talent-rounds?q=${encodeURIComponent("高层次人才创业认定")}`),
    );
    expect(qt.total).toBe(6);
    const units = json<Page<UnitRow>>(await get(`/api/talent-units?q=${encodeURIComponent("人才公寓")}`));
    expect(units.total).toBe(12);
  });

  it("keeps a programme's levels with caps in fen and instalment plans summing to 100%", async () => {
    const bad = await send("POST", "/api/talent-programmes", {
      regionId: ids.region,
      name: "测试人才计划",
      levels: [
        {
          code: "A",
          name: "A类",
          capFen: 100 * WAN,
          instalments: [{ percent: 60, condition: "注册落地", monthsAfter: 0 }],
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("100%");
    const res = await send("POST", "/api/talent-programmes", {
      regionId: ids.region,
      name: "测试人才计划",
      levels: [
        {
          code: "A",
          name: "A类",
          capFen: 100 * WAN,
          instalments: [
            { percent: 50, condition: "企业注册落地并实缴注册资本", monthsAfter: 0 },
            { percent: 30, condition: "项目投产", monthsAfter: 12 },
            { percent: 20, condition: "三年期满考核合格", monthsAfter: 36 },
          ],
        },
        {
          code: "B",
          name: "B类",
          capFen: 50 * WAN,
          instalments: [{ percent: 100, condition: "注册落地", monthsAfter: 0 }],
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    programme = json<ProgrammeRow>(res);
    expect(programme.levels.map((l) => l.code)).toEqual(["A", "B"]);
  });

  it("refuses an application outside its round's dates, and one at a level the programme lacks", async () => {
    const closed = json<RoundRow>(
      await send("POST", "/api/talent-rounds", {
        programmeId: programme.id,
        name: "2026年第一批",
        opensOn: "2026-03-01",
        closesOn: "2026-03-31",
      }),
    );
    const r = await send("POST", "/api/talent-rounds", {
      programmeId: programme.id,
      name: "2026年第六批",
      opensOn: "2026-10-15",
      closesOn: "2026-11-30",
    });
    expect(r.statusCode, r.body).toBe(201);
    round = json<RoundRow>(r);
    const backwards = await send("POST", "/api/talent-rounds", {
      programmeId: programme.id,
      name: "倒置批次",
      opensOn: "2026-12-01",
      closesOn: "2026-11-01",
    });
    expect(backwards.statusCode).toBe(400);

    const p = await send("POST", "/api/talents", {
      parkId: ids.etdz,
      name: "程立",
      gender: "male",
      enterpriseId: ids.rongqi,
    });
    expect(p.statusCode, p.body).toBe(201);
    const talentId = json<TalentRow>(p).id;
    const apply = (over: object) =>
      send("POST", "/api/talent-projects", {
        roundId: round.id,
        talentId,
        name: "工业级无人机研发",
        levelApplied: "A",
        ...over,
      });
    const late = await apply({ roundId: closed.id });
    expect(late.statusCode).toBe(400);
    expect(err(late).message).toContain("不在「2026年第一批」的申报期（2026-03-01 至 2026-03-31）内");
    const early = await apply({ appliedOn: "2026-10-14" });
    expect(early.statusCode).toBe(400);
    const level = await apply({ levelApplied: "Z" });
    expect(level.statusCode).toBe(400);
    expect(err(level).message).toContain("没有 Z 等级");
    const ok = await apply({});
    expect(ok.statusCode, ok.body).toBe(201);
    const row = json<TalentProjectRow>(ok);
    expect(row).toMatchObject({ status: "applied", appliedOn: "2026-11-02", enterpriseId: ids.rongqi });
    const count = json<Page<RoundRow>>(await get(`/api/talent-rounds?programmeId=${programme.id}&open=yes`));
    expect(count.items.map((x) => [x.name, x.projectCount])).toEqual([["2026年第六批", 1]]);
  });

  it("shows contact and identity data only to holders of talent.personal", async () => {
    const body = {
      parkId: ids.etdz,
      name: "林晓雯",
      gender: "female",
      education: "doctor",
      phone: "13812345678",
      idNumber: "33110219880101123X",
      email: "linxw@example.com",
    };
    const res = await send("POST", "/api/talents", body, "specialist");
    expect(res.statusCode, res.body).toBe(201);
    person = json<TalentRow>(res);
    expect(person).toMatchObject({ phone: "13812345678", idNumber: "33110219880101123X", masked: false });

    const seen = json<TalentRow>(await get(`/api/talents/${person.id}`, "leader"));
    expect(seen).toMatchObject({
      phone: "138****5678",
      idNumber: "331***********123X",
      email: "l***@example.com",
      masked: true,
    });
    const listed = json<Page<TalentRow>>(
      await get(`/api/talents?q=${encodeURIComponent("林晓雯")}`, "leader"),
    );
    expect(listed.items[0]!.phone).toBe("138****5678");
    const raw = await get(`/api/talents/${person.id}`, "leader");
    expect(raw.body).not.toContain("13812345678");
    expect(raw.body).not.toContain("19880101");

    const denied = await get(`/api/talents/${person.id}/personal`, "leader");
    expect(denied.statusCode).toBe(403);
    const allowed = await get(`/api/talents/${person.id}/personal`, "specialist");
    expect(json<TalentPersonal>(allowed)).toEqual({
      phone: "13812345678",
      idNumber: "33110219880101123X",
      email: "linxw@example.com",
    });
    // Outside scope: 404, not 403.
    expect((await get(`/api/talents/${person.id}/personal`, "officer")).statusCode).toBe(404);
    // Writing personal data needs the right too; the audit trail keeps it masked.
    const officerWrite = await send(
      "POST",
      "/api/talents",
      { parkId: ids.zhangjiang, name: "赵一鸣", gender: "male", phone: "13900001111" },
      "officer",
    );
    expect(officerWrite.statusCode).toBe(403);
    const trail = await get(`/api/audit?subjectType=talent&subjectId=${person.id}`);
    expect(trail.body).not.toContain("13812345678");
    // A bad phone writes nothing.
    const bad = await send(
      "POST",
      "/api/talents",
      { ...body, name: "错号", phone: "12345", idNumber: null },
      "specialist",
    );
    expect(bad.statusCode).toBe(400);
    expect(json<Page<TalentRow>>(await get(`/api/talents?q=${encodeURIComponent("错号")}`)).total).toBe(0);
  });

  it("takes a project through screening and expert review to recognition, then pays instalments within the cap", async () => {
    let p = json<TalentProjectRow>(
      await send("POST", "/api/talent-projects", {
        roundId: round.id,
        talentId: person.id,
        name: "第三代半导体功率器件",
        field: "半导体",
        levelApplied: "A",
      }),
    );
    const move = async (to: string, version = p.version) =>
      send("POST", `/api/talent-projects/${p.id}/move`, { to, version });
    expect((await move("recognised")).statusCode).toBe(409);
    p = json<TalentProjectRow>(await move("screening"));
    expect((await move("reviewing", p.version - 1)).statusCode).toBe(409);
    p = json<TalentProjectRow>(await move("reviewing"));
    expect(p.status).toBe("reviewing");

    const early = await send("POST", `/api/talent-projects/${p.id}/recognise`, {
      level: "A",
      version: p.version,
    });
    expect(early.statusCode).toBe(400);
    expect(err(early).message).toContain("专家评审");

    const drawn = await send("POST", "/api/reviews", {
      subjectType: "talent_project",
      subjectId: p.id,
      title: "2026年第六批人才项目评审",
      panelSize: 1,
    });
    expect(drawn.statusCode, drawn.body).toBe(201);
    let review = json<ReviewRow>(drawn);
    expect(review.subjectLabel).toBe("第三代半导体功率器件");
    const scores = Object.fromEntries(review.criteria.map((c) => [c.key, c.max * 0.9]));
    for (const seat of review.panel) {
      const s = await send("POST", `/api/reviews/${review.id}/scores`, { expertId: seat.expertId, scores });
      expect(s.statusCode, s.body).toBe(200);
      review = json<ReviewRow>(s);
    }
    const concluded = await send("POST", `/api/reviews/${review.id}/conclusion`, {
      conclusion: "pass",
      version: 1,
    });
    expect(concluded.statusCode, concluded.body).toBe(200);

    const rec = await send("POST", `/api/talent-projects/${p.id}/recognise`, {
      level: "A",
      version: p.version,
    });
    expect(rec.statusCode, rec.body).toBe(200);
    p = json<TalentProjectRow>(rec);
    expect(p).toMatchObject({
      status: "recognised",
      levelRecognised: "A",
      recognisedOn: "2026-11-02",
      capFen: 100 * WAN,
    });
    let list = json<{ items: InstalmentRow[] }>(await get(`/api/talent-projects/${p.id}/instalments`)).items;
    expect(list.map((i) => [i.seq, i.amountFen, i.dueOn])).toEqual([
      [1, 50 * WAN, "2026-11-02"],
      [2, 30 * WAN, "2027-11-02"],
      [3, 20 * WAN, "2029-11-02"],
    ]);
    const [first] = list as [InstalmentRow];
    const pay = (amountFen: number, id = first.id) =>
      send(
        "POST",
        `/api/talent-instalments/${id}/payouts`,
        { amountFen, paidOn: "2026-11-02", voucher: "LSKF-RC-2026-001" },
        "specialist",
      );

    const unmet = await pay(10 * WAN);
    expect(unmet.statusCode).toBe(400);
    expect(err(unmet).message).toContain("尚未确认达成");
    const met = await send("PATCH", `/api/talent-instalments/${first.id}`, {
      conditionMet: true,
      version: first.version,
    });
    expect(met.statusCode, met.body).toBe(200);
    expect(json<InstalmentRow>(met)).toMatchObject({ conditionMet: true, metOn: "2026-11-02" });
    // The leader may read but not pay.
    const leaderPay = await send(
      "POST",
      `/api/talent-instalments/${first.id}/payouts`,
      { amountFen: WAN, paidOn: "2026-11-02", voucher: "X-1" },
      "leader",
    );
    expect(leaderPay.statusCode).toBe(403);
    const over = await pay(60 * WAN);
    expect(over.statusCode).toBe(400);
    expect(err(over).message).toContain("本次最多可兑现 50 万元");
    const paid = await pay(30 * WAN);
    expect(paid.statusCode, paid.body).toBe(201);
    expect(json<InstalmentRow>(paid).paidFen).toBe(30 * WAN);

    // Instalments over all may not exceed the cap.
    const extra = await send("POST", `/api/talent-projects/${p.id}/instalments`, {
      amountFen: WAN,
      condition: "追加奖励",
    });
    expect(extra.statusCode).toBe(400);
    expect(err(extra).message).toContain("将超过「A」等级奖励上限 100 万元");

    // The cap is read at payment: lowered to 40 万元, the rest of instalment 1 cannot be paid in full.
    const levels = programme.levels.map((l) => (l.code === "A" ? { ...l, capFen: 40 * WAN } : l));
    const upd = await send("PATCH", `/api/talent-programmes/${programme.id}`, {
      levels,
      version: programme.version,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    const capped = await pay(20 * WAN);
    expect(capped.statusCode).toBe(400);
    expect(err(capped).message).toContain("累计兑现 50 万元 将超过「A」等级奖励上限 40 万元");
    expect((await pay(10 * WAN)).statusCode).toBe(201);

    list = json<{ items: InstalmentRow[] }>(await get(`/api/talent-projects/${p.id}/instalments`)).items;
    expect(list[0]!.payouts.map((x) => x.amountFen)).toEqual([30 * WAN, 10 * WAN]);
    p = json<TalentProjectRow>(await get(`/api/talent-projects/${p.id}`));
    expect(p.paidFen).toBe(40 * WAN);
    const ledger = json<Page<{ seq: number; paidFen: number }>>(
      await get(`/api/talent-rewards?state=unmet&q=${encodeURIComponent("第三代半导体")}`),
    );
    expect(ledger.items.map((x) => x.seq)).toEqual([2, 3]);
    const xlsx = await get("/api/talent-rewards/export");
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers["content-type"]).toContain("spreadsheetml");
    expect((await send("DELETE", `/api/talent-projects/${p.id}?version=${p.version}`)).statusCode).toBe(409);
  });

  it("allocates apartments without overlaps, checks in and out, and reports occupancy", async () => {
    const mk = (name: string) =>
      send("POST", "/api/talent-units", {
        parkId: ids.etdz,
        building: "测试公寓A座",
        name,
        rooms: 2,
        areaM2: 89,
        rentFenMonth: 80_000,
      });
    const unit = json<UnitRow>(await mk("101"));
    await mk("102");
    expect((await mk("101")).statusCode).toBe(409);
    const alloc = (body: object) =>
      send("POST", `/api/talent-units/${unit.id}/allocations`, { talentId: person.id, ...body });
    const a = await alloc({ fromOn: "2026-11-01", toOn: "2027-10-31" });
    expect(a.statusCode, a.body).toBe(201);
    let first = json<AllocationRow>(a);
    const clash = await alloc({ fromOn: "2027-06-01", toOn: "2028-01-31" });
    expect(clash.statusCode).toBe(409);
    expect(err(clash).message).toContain("2026-11-01 至 2027-10-31 已分配给 林晓雯，与所选日期重叠");
    const inside = await alloc({ fromOn: "2026-12-01", toOn: "2026-12-31" });
    expect(inside.statusCode).toBe(409);
    const backwards = await alloc({ fromOn: "2027-12-01", toOn: "2027-11-01" });
    expect(backwards.statusCode).toBe(400);
    const next = await alloc({ fromOn: "2027-11-01", toOn: "2028-10-31" });
    expect(next.statusCode, next.body).toBe(201);

    const occ = json<{ items: OccupancyRow[] }>(
      await get(`/api/talent-units/occupancy?parkId=${ids.etdz}`),
    ).items;
    expect(occ.find((o) => o.parkId === ids.etdz && o.building === "测试公寓A座")).toMatchObject({
      units: 2,
      occupied: 1,
      rate: 50,
    });
    expect(occ.find((o) => o.parkId === ids.etdz && o.building === null)).toMatchObject({
      units: 2,
      occupied: 1,
    });

    const out0 = await send("POST", `/api/talent-allocations/${first.id}/check-out`, {
      on: "2026-11-02",
      version: first.version,
    });
    expect(out0.statusCode).toBe(409);
    first = json<AllocationRow>(
      await send("POST", `/api/talent-allocations/${first.id}/check-in`, {
        on: "2026-11-01",
        version: first.version,
      }),
    );
    expect(first.status).toBe("checked_in");
    first = json<AllocationRow>(
      await send("POST", `/api/talent-allocations/${first.id}/check-out`, {
        on: "2026-11-02",
        version: first.version,
      }),
    );
    expect(first.status).toBe("checked_out");
    // Checked out: the unit is free from that day, so a new allocation may start then.
    const again = await alloc({ fromOn: "2026-11-02", toOn: "2027-06-30" });
    expect(again.statusCode, again.body).toBe(201);
    const units = json<Page<UnitRow>>(
      await get(`/api/talent-units?q=${encodeURIComponent("测试公寓A座")}&occupied=yes`),
    );
    expect(units.items.map((u) => u.name)).toEqual(["101"]);
    expect((await get(`/api/talent-units/${unit.id}`, "officer")).statusCode).toBe(404);
  });

  it("gives figures per park and year, their export, and KPI indicators", async () => {
    const f = json<{ year: number; items: TalentFigureRow[] }>(await get("/api/talent-figures?year=2026"));
    expect(f.year).toBe(2026);
    expect(f.items.find((x) => x.parkId === ids.etdz)).toMatchObject({
      recognised: 1,
      rewardsPaidFen: 40 * WAN,
      units: 2,
      occupied: 1,
      occupancy: 50,
    });
    expect((await get("/api/talent-figures/export?year=2026")).statusCode).toBe(200);
    const inds = await get("/api/kpi/indicators");
    expect(inds.body).toContain("talent.recognised");
    expect(inds.body).toContain("talent.rewards_paid");
  });
});
