import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Condition,
  checkCondition,
  describeCondition,
  evaluateCondition,
  explainCondition,
  unmetReasons,
} from "../../common/conditions.js";
import { enterpriseFields } from "../../common/enterprise.fields.js";
import { syntheticUscc } from "../../common/uscc.js";
import { enterpriseFacts, matchingEnterprises } from "../modules/enterprises/enterprises.conditions.js";
import { backends, json, type TestApp, testApp } from "../test/setup.js";
import { chinaDay } from "./dates.js";

const big: Condition = {
  all: [
    { field: "sizeClass", op: "eq", value: "above" },
    { field: "revenue", op: "gte", value: 100000 },
  ],
};
const cases: { name: string; c: Condition; facts: Record<string, unknown>; met: boolean }[] = [
  { name: "规上 and ≥ ¥1bn", c: big, facts: { sizeClass: "above", revenue: 120000 }, met: true },
  { name: "規上 below ¥1bn", c: big, facts: { sizeClass: "above", revenue: 99999.99 }, met: false },
  { name: "missing revenue fails ≥", c: big, facts: { sizeClass: "above", revenue: null }, met: false },
  {
    name: "not of a missing figure holds",
    c: { not: { field: "revenue", op: "lt", value: 10 } },
    facts: { revenue: null },
    met: true,
  },
  {
    name: "any of two labels",
    c: {
      any: [
        { field: "labels", op: "has_label", value: "hnte" },
        { field: "labels", op: "has_label", value: "srdi" },
      ],
    },
    facts: { labels: ["srdi"] },
    met: true,
  },
  {
    name: "between is inclusive",
    c: { field: "employees", op: "between", value: [10, 100] },
    facts: { employees: 100 },
    met: true,
  },
  {
    name: "in",
    c: { field: "status", op: "in", value: ["operating"] },
    facts: { status: "closed" },
    met: false,
  },
  {
    name: "contains an industry division",
    c: { field: "industryCode", op: "contains", value: "C39" },
    facts: { industryCode: "C3985" },
    met: true,
  },
  { name: "is_null", c: { field: "foundedOn", op: "is_null" }, facts: { foundedOn: null }, met: true },
  { name: "empty all is everyone", c: { all: [] }, facts: {}, met: true },
];

describe("the condition language in TypeScript", () => {
  it.each(cases)("$name", ({ c, facts, met }) => {
    expect(evaluateCondition(c, facts)).toBe(met);
    expect(explainCondition(c, facts, enterpriseFields).met).toBe(met);
  });

  it("names every problem by its path, in Chinese", () => {
    const problems = checkCondition(
      {
        all: [
          { field: "nope", op: "eq", value: 1 },
          { field: "revenue", op: "contains", value: "x" },
          { field: "revenue", op: "gte", value: "1000" },
          { field: "sizeClass", op: "eq", value: "huge" },
          { field: "employees", op: "between", value: [100, 10] },
          { any: [] },
        ],
      },
      enterpriseFields,
    );
    expect(problems).toEqual([
      { path: "all.0", message: "未知的条件字段「nope」" },
      { path: "all.1", message: "「营业收入」不能使用「包含」" },
      { path: "all.2", message: "「营业收入」不低于：值应为数值" },
      { path: "all.3", message: "「规模类别」等于：「huge」不在可选范围内" },
      { path: "all.4", message: "「从业人数」介于：下限不能大于上限" },
      { path: "all.5.any", message: "“满足任一”至少需要一个条件" },
    ]);
  });

  it("says a condition and why a firm fails it in words", () => {
    expect(describeCondition(big, enterpriseFields)).toBe(
      "（「规模类别」等于 规上 且 「营业收入」不低于 100,000 万元）",
    );
    const e = explainCondition(big, { sizeClass: "above", revenue: 5200 }, enterpriseFields);
    expect(unmetReasons(e)).toEqual(["「营业收入」不低于 100,000 万元（实际：5,200 万元）"]);
  });
});

describe.each(backends)("conditions in SQL agree with TypeScript on %s", (backend) => {
  let t: TestApp;
  let cookie = "";
  const ids: string[] = [];
  beforeAll(async () => {
    t = await testApp(backend);
    cookie = await t.login("admin");
    const get = (url: string) => t.app.inject({ url, headers: { cookie } });
    const send = (method: "POST" | "PUT", url: string, payload: object) =>
      t.app.inject({ method, url, payload, headers: { cookie } });
    const region = json<{ items: { id: string }[] }>(
      await get(`/api/regions?q=${encodeURIComponent("丽水经济技术开发区")}`),
    ).items[0]!.id;
    const firms = [
      {
        name: "甲半导体有限公司",
        industryCode: "C3985",
        employees: 800,
        size: "above",
        revenue: 150000,
        labels: ["hnte", "srdi"],
      },
      {
        name: "乙电子有限公司",
        industryCode: "C3971",
        employees: 120,
        size: "above",
        revenue: 8000,
        labels: ["hnte"],
      },
      {
        name: "丙贸易有限公司",
        industryCode: "F5191",
        employees: 9,
        size: "below",
        revenue: 300,
        labels: [],
      },
      {
        name: "丁科技有限公司",
        industryCode: null,
        employees: null,
        size: null,
        revenue: null,
        labels: ["tech_sme"],
      },
    ];
    for (const [i, f] of firms.entries()) {
      const res = await send("POST", "/api/enterprises", {
        uscc: syntheticUscc("331100", 500 + i),
        name: f.name,
        regionId: region,
        industryCode: f.industryCode,
        employees: f.employees,
      });
      expect(res.statusCode, res.body).toBe(201);
      const id = json<{ id: string }>(res).id;
      ids.push(id);
      if (f.size) {
        const y = await send("PUT", `/api/enterprises/${id}/years/2025`, {
          sizeClass: f.size,
          revenueFen: f.revenue! * 1_000_000,
          taxFen: Math.round(f.revenue! * 50_000),
          landM2: 20_000,
        });
        expect(y.statusCode, y.body).toBe(200);
      }
      for (const label of f.labels) {
        const l = await send("POST", `/api/enterprises/${id}/labels`, { label, source: "认定文件" });
        expect(l.statusCode, l.body).toBe(201);
      }
    }
  });
  afterAll(() => t.close());

  const conditions: Condition[] = [
    big,
    { field: "sizeClass", op: "eq", value: "above" },
    { not: { field: "revenue", op: "gte", value: 1000 } },
    { field: "labels", op: "has_label", value: "hnte" },
    {
      all: [
        { field: "labels", op: "has_label", value: "hnte" },
        { not: { field: "labels", op: "has_label", value: "srdi" } },
      ],
    },
    { field: "industryCode", op: "contains", value: "C39" },
    { field: "employees", op: "between", value: [100, 1000] },
    { field: "taxPerMu", op: "gte", value: 100 },
    { field: "rdRatio", op: "is_null" },
    {
      any: [
        { field: "employees", op: "lt", value: 10 },
        { field: "sizeClass", op: "is_null" },
      ],
    },
    { field: "registered", op: "eq", value: true },
  ];

  // How many of the four firms each condition selects: the agreement below is not vacuous.
  const expected = [1, 2, 2, 2, 1, 2, 2, 1, 4, 2, 4];
  it.each(conditions.map((c, i) => ({ i, c })))("condition $i", async ({ c, i }) => {
    const today = chinaDay(new Date());
    const res = await t.database.db.execute(
      sql`select id from ${matchingEnterprises(c, today)} m order by id`,
    );
    const inSql = (res as unknown as { rows: { id: string }[] }).rows.map((r) => r.id).sort();
    const facts = await enterpriseFacts(t.database.db, ids, today);
    const inTs = ids.filter((id) => evaluateCondition(c, facts.get(id)!)).sort();
    expect(inSql).toEqual(inTs);
    expect(inSql.length).toBe(expected[i]);
  });
});
