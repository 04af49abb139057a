import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backends, json, TEST_SECRET, type TestApp, testApp } from "../../test/setup.js";
import { auditHead, auditLog } from "./audit.table.js";
import { verifyAudit } from "./audit.verify.js";

interface Entry {
  action: string;
  subjectId: string;
  actorName: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

describe.each(backends)("audit chain on %s", (backend) => {
  let t: TestApp;
  let admin: string;
  let parkId: string;
  let regionId: string;
  beforeAll(async () => {
    t = await testApp(backend);
    admin = await t.login("admin");
    const r = await t.app.inject({ url: "/api/regions?q=莲都区", headers: { cookie: admin } });
    regionId = json<{ items: { id: string }[] }>(r).items[0]!.id;
    const created = await t.app.inject({
      method: "POST",
      url: "/api/parks",
      headers: { cookie: admin },
      payload: { regionId, name: "审计测试园", kind: "industrial_park", areaM2: 66667 },
    });
    expect(created.statusCode).toBe(201);
    const park = json<{ id: string; version: number }>(created);
    parkId = park.id;
    for (let i = 1; i <= 3; i++) {
      const res = await t.app.inject({
        method: "PATCH",
        url: `/api/parks/${parkId}`,
        headers: { cookie: admin },
        payload: { address: `莲都区第${i}号`, version: i },
      });
      expect(res.statusCode).toBe(200);
    }
  });
  afterAll(() => t.close());

  it("records who changed what, before and after, browsable per record", async () => {
    const res = await t.app.inject({
      url: `/api/audit?subjectType=park&subjectId=${parkId}`,
      headers: { cookie: admin },
    });
    const page = json<{ items: Entry[]; total: number }>(res);
    expect(page.total).toBe(4);
    expect(page.items[0]).toMatchObject({ action: "update", actorName: "王晓东" });
    expect(page.items[0]!.before).toEqual({ address: "莲都区第2号" });
    expect(page.items[0]!.after).toEqual({ address: "莲都区第3号" });
    expect(page.items.at(-1)!.action).toBe("create");
  });

  it("verifies an intact chain, through the API too", async () => {
    expect((await verifyAudit(t.database.db, TEST_SECRET)).ok).toBe(true);
    const res = await t.app.inject({ url: "/api/audit/verify", headers: { cookie: admin } });
    expect(json<{ ok: boolean }>(res).ok).toBe(true);
  });

  it("names the first edited row", async () => {
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.chainKey, regionId))
      .orderBy(auditLog.seq);
    const victim = rows[1]!;
    await t.database.db
      .update(auditLog)
      .set({ after: sql`jsonb_build_object('address', '篡改')` })
      .where(eq(auditLog.id, victim.id));
    const report = await verifyAudit(t.database.db, TEST_SECRET);
    const chain = report.chains.find((c) => c.chainKey === regionId)!;
    expect(report.ok).toBe(false);
    expect(chain.firstBad).toMatchObject({ seq: victim.seq, id: victim.id });
    await t.database.db.update(auditLog).set({ after: victim.after }).where(eq(auditLog.id, victim.id));
    expect((await verifyAudit(t.database.db, TEST_SECRET)).ok).toBe(true);
  });

  it("detects a row removed from the end, and one from the middle", async () => {
    const [last] = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.chainKey, regionId))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    await t.database.db.delete(auditLog).where(eq(auditLog.id, last!.id));
    let chain = (await verifyAudit(t.database.db, TEST_SECRET)).chains.find((c) => c.chainKey === regionId)!;
    expect(chain.ok).toBe(false);
    expect(chain.firstBad!.reason).toMatch(/removed from the end/);
    await t.database.db.insert(auditLog).values(last!);
    await t.database.db.delete(auditLog).where(and(eq(auditLog.chainKey, regionId), eq(auditLog.seq, 2)));
    chain = (await verifyAudit(t.database.db, TEST_SECRET)).chains.find((c) => c.chainKey === regionId)!;
    expect(chain.firstBad).toMatchObject({ seq: 2 });
    const [head] = await t.database.db.select().from(auditHead).where(eq(auditHead.chainKey, regionId));
    expect(head!.seq).toBe(last!.seq);
  });

  it("logs exports with the row count", async () => {
    const res = await t.app.inject({ url: "/api/parks/export?q=审计", headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    const log = json<{ items: (Entry & { meta: { rows: number; what: string } })[] }>(
      await t.app.inject({ url: "/api/audit?action=export", headers: { cookie: admin } }),
    );
    expect(log.items[0]!.meta).toMatchObject({ what: "parks", rows: 1 });
  });
});
