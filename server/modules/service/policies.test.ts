import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ApplicationDetail,
  ApplicationRow,
  ClauseMatch,
  ClauseRow,
  PolicyTotal,
} from "../../../common/policy.schema.js";
import { runJob } from "../../lib/jobs/jobs.service.js";
import { backends, json, type TestApp, testApp } from "../../test/setup.js";
import { estimate } from "./policies.amount.js";

interface Page<T> {
  items: T[];
  total: number;
}
type Who = "admin" | "specialist" | "enterprise" | "leader" | "qtspecialist";
const WAN = 1_000_000;

describe("amount rules", () => {
  it.each([
    [{ kind: "fixed", amountFen: 20 * WAN } as const, {}, 20 * WAN],
    [{ kind: "percent", base: "rd", percent: 10 } as const, { rd: 800 }, 80 * WAN],
    [{ kind: "percent", base: "rd", percent: 10, capFen: 50 * WAN } as const, { rd: 800 }, 50 * WAN],
    [{ kind: "percent", base: "tax", percent: 5 } as const, { tax: null }, null],
  ])("%j on %j gives %s fen", (rule, facts, fen) => {
    expect(estimate(rule, facts)).toBe(fen);
  });
});

describe.each(backends)("policies and redemption on %s", (backend) => {
  let t: TestApp;
  let clock = new Date("2026-11-02T02:00:00Z");
  const cookies = {} as Record<Who, string>;
  const ids = {} as Record<"kfq" | "jingrui" | "juexin" | "hnteClause" | "rdClause", string>;
  const get = (url: string, who: Who = "specialist") =>
    t.app.inject({ url, headers: { cookie: cookies[who] } });
  const send = (method: "POST" | "PUT" | "PATCH", url: string, payload: object, who: Who = "specialist") =>
    t.app.inject({ method, url, payload, headers: { cookie: cookies[who] } });
  const message = (res: { body: string }) =>
    (JSON.parse(res.body) as { error: { message: string } }).error.message;
  const detail = async (id: string) => json<ApplicationDetail>(await get(`/api/policy-applications/${id}`));
  const firstId = async (url: string) => json<Page<{ id: string }>>(await get(url, "admin")).items[0]!.id;

  const clause = (over: object) => ({
    regionId: ids.kfq,
    policyName: "丽水经开区促进高质量发展若干政策",
    docNo: "丽经开〔2026〕12号",
    period: "once",
    steps: ["园区初审", "部门复审", "财政终审"],
    ...over,
  });

  beforeAll(async () => {
    t = await testApp(backend, { demo: "full", now: () => clock });
    for (const u of ["admin", "specialist", "enterprise", "leader", "qtspecialist"] as Who[])
      cookies[u] = await t.login(u);
    ids.kfq = json<Page<{ id: string; level: string }>>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`, "admin"),
    ).items.find((r) => r.level === "platform")!.id;
    ids.jingrui = await firstId(`/api/enterprises?q=${encodeURIComponent("浙江晶睿")}`);
    ids.juexin = await firstId(`/api/enterprises?q=${encodeURIComponent("珏芯微电子")}`);
    await send(
      "POST",
      `/api/enterprises/${ids.jingrui}/labels`,
      { label: "hnte", source: "浙江省科技厅" },
      "admin",
    );
    await send(
      "PUT",
      `/api/enterprises/${ids.jingrui}/years/2025`,
      { sizeClass: "above", revenueFen: 52_000 * WAN, rdFen: 3_000 * WAN },
      "admin",
    );
  });
  afterAll(() => t.close());

  it("keeps a catalogue of clauses with conditions and amount rules, refusing bad ones", async () => {
    const bad = await send(
      "POST",
      "/api/policy-clauses",
      clause({
        name: "高新技术企业认定奖励",
        condition: { field: "labels", op: "has_label", value: "unicorn-ish" },
        amountRule: { kind: "fixed", amountFen: 20 * WAN },
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(message(bad)).toContain("不在可选范围内");
    const a = await send(
      "POST",
      "/api/policy-clauses",
      clause({
        clauseNo: "第五条",
        name: "高新技术企业认定奖励",
        condition: { field: "labels", op: "has_label", value: "hnte" },
        amountRule: { kind: "fixed", amountFen: 20 * WAN },
      }),
    );
    expect(a.statusCode, a.body).toBe(201);
    ids.hnteClause = json<ClauseRow>(a).id;
    const b = await send(
      "POST",
      "/api/policy-clauses",
      clause({
        clauseNo: "第八条",
        name: "研发投入补助",
        period: "year",
        condition: {
          all: [
            { field: "sizeClass", op: "eq", value: "above" },
            { field: "rdRatio", op: "gte", value: 3 },
          ],
        },
        amountRule: { kind: "percent", base: "rd", percent: 10, capFen: 200 * WAN },
        fairReview: true,
        fairReviewNote: "按企业研发投入比例补助，待公平竞争审查",
      }),
    );
    expect(b.statusCode, b.body).toBe(201);
    const rd = json<ClauseRow>(b);
    ids.rdClause = rd.id;
    expect(rd.amountText).toBe("按研发经费的 10%，最高 200 万元");
    expect(rd.conditionText).toBe("（「规模类别」等于 规上 且 「研发经费占营收比」不低于 3 %）");
    expect(
      (
        await send(
          "POST",
          "/api/policy-clauses",
          clause({ name: "越权条款", condition: { all: [] }, amountRule: { kind: "fixed", amountFen: 1 } }),
          "qtspecialist",
        )
      ).statusCode,
    ).toBe(404);
  });

  it("shows a firm the clauses it qualifies for and why the others fail", async () => {
    const mine = json<{ items: ClauseMatch[] }>(
      await get(`/api/enterprises/${ids.jingrui}/policy-matches`),
    ).items;
    const hnte = mine.find((m) => m.clause.id === ids.hnteClause)!;
    expect(hnte).toEqual(expect.objectContaining({ eligible: true, estimateFen: 20 * WAN, reasons: [] }));
    const rd = mine.find((m) => m.clause.id === ids.rdClause)!;
    // 3,000 of 52,000 万元 is 5.77%: qualifies; 10% of 3,000 万元 is 300 万元, capped at 200.
    expect(rd).toEqual(expect.objectContaining({ eligible: true, estimateFen: 200 * WAN }));
    const other = json<{ items: ClauseMatch[] }>(
      await get(`/api/enterprises/${ids.juexin}/policy-matches`),
    ).items;
    const no = other.find((m) => m.clause.id === ids.hnteClause)!;
    expect(no.eligible).toBe(false);
    expect(no.reasons).toEqual(["具有「高新技术企业」标签（实际：无）"]);
    const firms = json<Page<{ enterpriseId: string; estimateFen: number }>>(
      await get(`/api/policy-clauses/${ids.hnteClause}/matches`),
    );
    expect(firms.items.map((f) => f.enterpriseId)).toContain(ids.jingrui);
    expect(firms.items.map((f) => f.enterpriseId)).not.toContain(ids.juexin);
  });

  let application = "";
  it("takes the firm's own application, refuses one it does not qualify for, and a duplicate", async () => {
    const notMine = await send(
      "POST",
      "/api/policy-applications",
      { clauseId: ids.hnteClause, enterpriseId: ids.juexin, claimedFen: 20 * WAN },
      "enterprise",
    );
    expect(notMine.statusCode).toBe(404);
    const res = await send(
      "POST",
      "/api/policy-applications",
      { clauseId: ids.hnteClause, claimedFen: 20 * WAN, note: "2026 年通过高企认定" },
      "enterprise",
    );
    expect(res.statusCode, res.body).toBe(201);
    const a = json<ApplicationRow>(res);
    application = a.id;
    expect(a).toEqual(
      expect.objectContaining({
        status: "reviewing",
        stepName: "园区初审",
        eligible: true,
        enterpriseName: "浙江晶睿电子科技有限公司",
      }),
    );
    const dup = await send(
      "POST",
      "/api/policy-applications",
      { clauseId: ids.hnteClause, claimedFen: 20 * WAN },
      "enterprise",
    );
    expect(dup.statusCode).toBe(409);
    expect(message(dup)).toBe("该企业已申报过此条款（每家限一次）");
    const noReason = await send("POST", "/api/policy-applications", {
      clauseId: ids.hnteClause,
      enterpriseId: ids.juexin,
      claimedFen: 20 * WAN,
    });
    expect(noReason.statusCode).toBe(400);
    expect(message(noReason)).toContain("企业不符合该条款条件（具有「高新技术企业」标签（实际：无））");
    const override = await send("POST", "/api/policy-applications", {
      clauseId: ids.hnteClause,
      enterpriseId: ids.juexin,
      claimedFen: 20 * WAN,
      overrideReason: "已通过认定公示，证书尚未下发",
    });
    expect(override.statusCode, override.body).toBe(201);
    expect(json<ApplicationRow>(override)).toEqual(
      expect.objectContaining({ eligible: false, overrideReason: "已通过认定公示，证书尚未下发" }),
    );
    const yearly = await send(
      "POST",
      "/api/policy-applications",
      { clauseId: ids.rdClause, claimedFen: 200 * WAN, year: 2026 },
      "enterprise",
    );
    expect(yearly.statusCode, yearly.body).toBe(201);
    expect(json<ApplicationRow>(yearly).fairReview).toBe(true);
  });

  it("reviews step by step, approves at most the claim, pays at most the approval", async () => {
    const pass = async (opinion: string, extra: object = {}) =>
      send("POST", `/api/policy-applications/${application}/decide`, {
        decision: "pass",
        opinion,
        version: (await detail(application)).version,
        ...extra,
      });
    expect(
      (
        await send(
          "POST",
          `/api/policy-applications/${application}/decide`,
          { decision: "pass", opinion: "材料齐全", version: 1 },
          "enterprise",
        )
      ).statusCode,
    ).toBe(403);
    expect((await pass("材料齐全", { approvedFen: 20 * WAN })).statusCode).toBe(400);
    expect(json<ApplicationDetail>(await pass("材料齐全")).stepName).toBe("部门复审");
    expect(json<ApplicationDetail>(await pass("符合条件")).stepName).toBe("财政终审");
    const over = await pass("同意", { approvedFen: 25 * WAN });
    expect(over.statusCode).toBe(400);
    expect(message(over)).toBe("批准金额不能超过申请金额（20 万元）");
    const ok = json<ApplicationDetail>(await pass("同意兑现", { approvedFen: 20 * WAN }));
    expect(ok).toEqual(
      expect.objectContaining({ status: "approved", approvedFen: 20 * WAN, stepIndex: null }),
    );
    const pay = async (amountFen: number, paidOn = "2026-11-02") =>
      send("POST", `/api/policy-applications/${application}/payouts`, {
        amountFen,
        paidOn,
        voucherNo: "财付 2026-118",
        version: (await detail(application)).version,
      });
    expect((await pay(12 * WAN)).statusCode).toBe(200);
    const tooMuch = await pay(9 * WAN);
    expect(tooMuch.statusCode).toBe(400);
    expect(message(tooMuch)).toBe("兑付金额超过批准金额，尚可兑付 8 万元");
    const done = json<ApplicationDetail>(await pay(8 * WAN));
    expect(done).toEqual(expect.objectContaining({ status: "paid", paidFen: 20 * WAN }));
    expect(done.payouts.map((p) => p.amountFen)).toEqual([12 * WAN, 8 * WAN]);
    expect(done.events.map((e) => e.kind)).toEqual([
      "submitted",
      "passed",
      "passed",
      "approved",
      "paid",
      "paid",
    ]);
  });

  it("totals by clause, park and year, and reminds reviewers of overdue steps", async () => {
    const byClause = json<{ items: PolicyTotal[]; total: { paidFen: number; applications: number } }>(
      await get("/api/policy-totals?by=clause", "leader"),
    );
    const hnte = byClause.items.find((i) => i.key === ids.hnteClause)!;
    expect(hnte).toEqual(
      expect.objectContaining({ applications: 2, approved: 1, approvedFen: 20 * WAN, paidFen: 20 * WAN }),
    );
    expect(byClause.total).toEqual(expect.objectContaining({ applications: 3, paidFen: 20 * WAN }));
    const byYear = json<{ items: PolicyTotal[] }>(await get("/api/policy-totals?by=year", "leader")).items;
    expect(byYear).toEqual([expect.objectContaining({ key: "2026", name: "2026 年", applications: 3 })]);
    // Ten working days after 2 November: the first steps of the two other applications are late.
    clock = new Date("2026-11-20T02:00:00Z");
    const run = await runJob(t.app, "service.policy_alerts");
    expect(run.status, JSON.stringify(run)).toBe("ok");
    const inbox = json<{ items: { kind: string; title: string }[] }>(await get("/api/notifications")).items;
    expect(inbox.filter((n) => n.kind === "policy.overdue").map((n) => n.title)).toEqual([
      "2 件政策兑现申请审核超期",
    ]);
    const x = await get("/api/policy-applications/export");
    expect(x.headers["content-type"]).toContain("spreadsheetml");
  });
});
