import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { parkQuery } from "../../common/org.schema.js";
import type { Database } from "../../server/db/client.js";
import { auditLog } from "../../server/lib/audit/audit.table.js";
import { verifyAudit } from "../../server/lib/audit/audit.verify.js";
import type { Actor, Ctx } from "../../server/lib/context.js";
import { newId } from "../../server/lib/ids.js";
import { listParks } from "../../server/modules/org/org.queries.js";
import { updatePark } from "../../server/modules/org/org.service.js";
import { park, region } from "../../server/modules/org/org.table.js";
import { type BackendName, type BenchRecord, record, type Size, settle, timeMs } from "../bench.lib.js";

const SECRET = "bench-secret-bench-secret-bench-secret-00";
const parksBySize: Record<Size, number> = { small: 10_000, medium: 100_000, large: 1_000_000 };
const updatesBySize: Record<Size, number> = { small: 500, medium: 2_000, large: 5_000 };

const admin: Actor = {
  id: newId(),
  username: "bench",
  name: "基准测试",
  roles: ["admin"],
  grants: [{ kind: "all", refId: null }],
  permissions: new Set(["org.read", "org.write"]),
  regionId: null,
  departmentId: null,
};

/** Parks spread over every county; park edits through the service (audited); list and verify. */
export async function foundationScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const out: BenchRecord[] = [];
  const n = parksBySize[size];
  // Park i in the (i mod counties)-th county, in one INSERT … SELECT (1M parks in seconds, where
  // batches of 5,000 rows from Node took minutes of the large run).
  await db.execute(sql`insert into park (id, region_id, name, kind)
    with c as (select id, (row_number() over (order by code) - 1)::int as k from region where level = 'county')
    select gen_random_uuid(), c.id, '基准园区' || (i - 1), 'industrial_park'
    from generate_series(1, ${n}) i join c on c.k = (i - 1) % (select count(*) from c)`);
  await settle(db);

  // A city leader's first page of parks, scoped to the city's subtree.
  const city = (await db.select().from(region).where(eq(region.code, "331100")))[0]!;
  const leader: Actor = {
    ...admin,
    roles: ["leader"],
    grants: [{ kind: "region", refId: city.id, path: city.path }],
  };
  const q = parkQuery.parse({ pageSize: 20 });
  const listMs = await timeMs(() => listParks(db, leader, q), { repeats: 20 });
  const subtree = sql`p.region_id in (select id from region where path like ${`${city.path}%`})`;
  const refMs = await timeMs(
    () =>
      Promise.all([
        db.execute(
          sql`select p.*, r.name from park p join region r on r.id = p.region_id where ${subtree} order by p.created_at, p.id limit 20`,
        ),
        db.execute(sql`select count(*) from park p where ${subtree}`),
      ]),
    { repeats: 20 },
  );
  out.push(
    record({
      scenario: "org.parks_list_scoped",
      backend,
      size,
      metric: "p50 latency",
      value: listMs,
      unit: "ms",
      reference: "hand-written SQL: page + count",
      reference_value: refMs,
    }),
  );

  // Audited edits through the service vs one INSERT of the same number of audit rows.
  const targets = await db.select({ id: park.id }).from(park).limit(updatesBySize[size]);
  const ctx: Ctx = {
    db,
    actor: admin,
    lang: "zh-CN",
    now: () => new Date(),
    log: pino({ level: "silent" }),
    requestId: "bench",
    secret: SECRET,
  };
  const t0 = performance.now();
  for (const t of targets)
    await updatePark({ ...ctx, actor: admin }, t.id, { address: "基准地址", version: 1 });
  const svcMs = performance.now() - t0;
  const refStart = performance.now();
  await db.execute(
    sql`insert into audit_log (id, chain_key, seq, at, action, subject_type, prev_hash, hash)
        select gen_random_uuid(), 'bench-ref', g, now(), 'update', 'park', 'x', 'y' from generate_series(1, ${targets.length}) g`,
  );
  const refAppend = performance.now() - refStart;
  out.push(
    record({
      scenario: "audit.audited_updates",
      backend,
      size,
      metric: "updates per second",
      value: targets.length / (svcMs / 1000),
      unit: "/s",
      reference: "one INSERT of the same audit rows",
      reference_value: targets.length / (refAppend / 1000),
      rate: true,
    }),
  );
  await db.delete(auditLog).where(eq(auditLog.chainKey, "bench-ref"));

  const verifyMs = await timeMs(() => verifyAudit(db, SECRET), { repeats: 3 });
  const readMs = await timeMs(() => db.execute(sql`select * from audit_log order by chain_key, seq`), {
    repeats: 3,
  });
  out.push(
    record({
      scenario: "audit.verify",
      backend,
      size,
      metric: `verify ${targets.length} rows`,
      value: verifyMs,
      unit: "ms",
      reference: "reading the same rows in order",
      reference_value: readMs,
    }),
  );
  // The later modules meet a county's real handful of parks, not a million: with 1M parks the
  // planner sizes every "projects of this park" join at under one row (the join's selectivity
  // follows park's distinct ids) and picks nested loops the data does not warrant.
  await db.execute(sql`delete from park where name like '基准园区%'`);
  await settle(db);
  return out;
}
