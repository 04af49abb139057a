import { desc, inArray, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enterpriseQuery } from "../../../common/enterprise.schema.js";
import type { Database } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { newId } from "../../lib/ids.js";
import { permissions } from "../../lib/policy.js";
import { backends, freshDatabase } from "../../test/setup.js";
import { region } from "../org/org.table.js";
import { manyMatches } from "./enterprises.count.js";
import { listEnterprises, searchWhere } from "./enterprises.queries.js";
import { planSearch, searchColumnsOf } from "./enterprises.search.js";
import { enterprise } from "./enterprises.table.js";

/**
 * Counts on both sides of the exact-count cap, with a cap of 5 so that a few hundred firms cross
 * it: a search plainly held by many firms is not counted (its total is an estimate), a search
 * held by a few more than the cap is counted up to it, and a search whose estimate is wrong
 * (statistics taken before most of its firms were deleted) is still counted exactly.
 */
describe.each(backends)("exact counts and the cap (%s)", (backend) => {
  let database: Database;
  const CAP = 5;
  const today = "2026-12-02";
  const actor = (): Actor => ({
    id: newId(),
    username: "admin",
    name: "管理员",
    roles: ["admin"],
    grants: [{ kind: "all", refId: null }],
    permissions: new Set(permissions),
    regionId: null,
    departmentId: null,
  });
  const list = (q: string, cap = CAP) =>
    listEnterprises(database.db, actor(), enterpriseQuery.parse({ q, pageSize: 20 }), today, {
      exactCap: cap,
    });
  const firms = async (regionId: string, names: string[]) => {
    for (let i = 0; i < names.length; i += 200)
      await database.db
        .insert(enterprise)
        .values(
          names.slice(i, i + 200).map((name) => ({ id: newId(), name, regionId, ...searchColumnsOf(name) })),
        );
  };

  beforeAll(async () => {
    database = await freshDatabase(backend);
    // No automatic ANALYZE between the deletion below and the searches after it.
    await database.db.execute(sql`alter table enterprise set (autovacuum_enabled = false)`);
    const [r] = await database.db.select({ id: region.id }).from(region).limit(1);
    await firms(r!.id, [
      ...Array.from({ length: 300 }, (_, i) => `丽水航空科技${i}有限公司`),
      ...Array.from({ length: 20 }, (_, i) => `丽水食品${i}有限公司`),
      ...Array.from({ length: 200 }, (_, i) => `丽水光伏材料${i}有限公司`),
      "晶睿電子(丽水)有限公司",
      "Jingrui 3M 航天",
    ]);
    await database.db.execute(sql`analyze enterprise`);
  });
  afterAll(() => database.close());

  it("does not count a search held by many more firms than the cap, and pages it newest first", async () => {
    const a = actor();
    const q = enterpriseQuery.parse({ q: "航空", pageSize: 20 });
    expect(await manyMatches(database.db, a, q, today, CAP)).toBeGreaterThan(CAP);
    const page = await list("航空");
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThan(CAP);
    const newest = await database.db
      .select({ id: enterprise.id })
      .from(enterprise)
      .where(like(enterprise.name, "%航空%"))
      .orderBy(desc(enterprise.id))
      .limit(20);
    expect(page.items.map((f) => f.id)).toEqual(newest.map((f) => f.id));
    // Under a cap it does not plainly exceed, the firms are counted.
    expect(await manyMatches(database.db, a, q, today, 200)).toBeNull();
    expect(await list("航空", 300)).toMatchObject({ total: 300, totalExact: true });
    // 20 firms on a few pages, over the cap but not plainly: counted up to it, then estimated.
    const pages = (await database.db.execute(
      sql`select count(distinct (ctid::text::point)[0])::int as n from enterprise where name like '%食品%'`,
    )) as unknown as { rows: { n: number }[] };
    expect(pages.rows[0]!.n).toBeLessThan(2 * CAP);
    expect(await manyMatches(database.db, a, enterpriseQuery.parse({ q: "食品" }), today, CAP)).toBeNull();
    const food = await list("食品");
    expect(food.totalExact).toBe(false);
    expect(food.total).toBeGreaterThan(CAP);
  });

  it("pages a pinyin search over the cap newest first, from the narrow pinyin table", async () => {
    const page = await list("hangkong");
    expect(page.totalExact).toBe(false);
    expect(page.total).toBeGreaterThan(CAP);
    const newest = await database.db
      .select({ id: enterprise.id })
      .from(enterprise)
      .where(like(enterprise.name, "%航空%"))
      .orderBy(desc(enterprise.id))
      .limit(20);
    expect(page.items.map((f) => f.id)).toEqual(newest.map((f) => f.id));
    expect(await list("hangkong", 300)).toMatchObject({ total: 300, totalExact: true });
    expect(await list("jingrui")).toMatchObject({ total: 2, totalExact: true });
  });

  it("samples with the same matches as the search", async () => {
    const count = async (w: ReturnType<typeof searchWhere>) =>
      (
        (await database.db.execute(sql`select count(*)::int as n from enterprise where ${w}`)) as unknown as {
          rows: { n: number }[];
        }
      ).rows[0]!.n;
    for (const q of [
      "航",
      "航空",
      "航空科",
      "水航空科",
      "晶睿电子",
      "電子",
      "(丽水)",
      "lsh",
      "ls",
      "hangkong",
      "jingrui",
      "jrdz",
      "3m",
      "l",
    ]) {
      const plan = planSearch(q)!;
      const n = await count(searchWhere(plan));
      expect(await count(searchWhere(plan, { forSample: true })), q).toBe(n);
    }
  });

  it("counts exactly a search whose estimate is far too high", async () => {
    const ids = await database.db
      .select({ id: enterprise.id })
      .from(enterprise)
      .where(like(enterprise.name, "%光伏%"))
      .limit(195);
    await database.db.delete(enterprise).where(
      inArray(
        enterprise.id,
        ids.map((r) => r.id),
      ),
    );
    // The statistics still say 200 of 520 firms hold 光伏: many times the cap.
    const res = (await database.db.execute(
      sql`explain (format json) select 1 from enterprise where search_grams @> array['光伏']::text[]`,
    )) as unknown as { rows: Record<string, unknown>[] };
    const cell = Object.values(res.rows[0]!)[0];
    const plan = (typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: { "Plan Rows": number } }[];
    expect(plan[0]!.Plan["Plan Rows"]).toBeGreaterThanOrEqual(3 * CAP);
    const q = enterpriseQuery.parse({ q: "光伏", pageSize: 20 });
    expect(await manyMatches(database.db, actor(), q, today, CAP)).toBeNull();
    const page = await list("光伏");
    expect(page).toMatchObject({ total: 5, totalExact: true });
    expect(page.items).toHaveLength(5);
    expect(page.items.every((f) => f.name.includes("光伏"))).toBe(true);
  });
});
