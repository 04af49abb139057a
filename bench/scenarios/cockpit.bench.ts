// Evaluation and sites read each other's SQL fragments at load: evaluation must load first, as
// buildApp's import order has it, or sites.queries meets evaluation.queries half-initialised.
import "../../server/modules/evaluation/evaluation.queries.js";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { newId } from "../../server/lib/ids.js";
import { permissionsOf } from "../../server/lib/policy.js";
import { wireIndicatorProviders } from "../../server/modules/kpi/kpi.wiring.js";
import { region } from "../../server/modules/org/org.table.js";
import { getCockpit } from "../../server/modules/reports/cockpit.service.js";
import { cockpitSnapshots } from "../../server/modules/reports/cockpit.snapshot.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  record,
  type Size,
  settle,
} from "../bench.lib.js";

/** Projects of the county the cockpit reads (issue 9: cockpit data p95 ≤ 100 ms). */
const sizes: Record<Size, number> = { small: 5_000, medium: 50_000, large: 100_000 };
const PARKS = 10;
const SITES_PER_PARK = 40;
const CALLS = 40;

/**
 * The cockpit's one read for a county leader: key figures (8 indicators over the year), goals,
 * the pipeline, the latest ranking run, parks and sites for the map, chains and the overdue
 * nodes, problems and appeals, over generated projects with contracts, funds and nodes, and
 * sites in ten parks. kpi.cockpit is the p95 of fresh computations of every block, against one
 * group-by of the same projects by stage (the pipeline alone); kpi.cockpit_served is what wall
 * screens get through the answers the route keeps per scope (cockpit.snapshot), against it.
 */
export async function cockpitScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  wireIndicatorProviders();
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331121"));
  const regionId = county!.id;
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  await x(sql`create temporary table cb_park as
    select gen_random_uuid() as id, g as i from generate_series(1, ${PARKS}) g`);
  await x(sql`insert into park (id, region_id, name, kind)
    select id, ${regionId}, '驾驶舱基准园区' || i, 'industrial_park' from cb_park`);
  const firm = newId();
  await x(sql`insert into enterprise (id, name, region_id, search_text, search_grams, name_pinyin, name_initials, name_key)
    values (${firm}, '驾驶舱基准投资方', ${regionId}, '', '{}', '', '', 'cb')`);
  const stages = sql.raw(
    `(array['lead','negotiating','assessing','signed','registered','land','construction','completed','production','full_production'])`,
  );
  await x(sql`create temporary table cb_project as
    select gen_random_uuid() as id, g as i, (select id from cb_park where i = 1 + g % ${PARKS}) as park_id
    from generate_series(1, ${n}) g`);
  await x(sql`insert into project (id, code, name, investor_id, region_id, park_id, channel, total_investment_fen,
      stage, stage_on, stage_dates, name_key)
    select id, 'CB' || i, '驾驶舱基准项目' || i, ${firm}, ${regionId}, park_id, 'chain', (1 + i % 50) * 1000000000::bigint,
      ${stages}[1 + i % 10], date '2026-01-01' + (i % 300),
      array[date '2025-06-01', null, null, date '2026-01-01' + (i % 300), null, null,
        case when i % 10 >= 6 then date '2026-01-01' + ((i * 7) % 330) end, null,
        case when i % 10 >= 8 then date '2026-02-01' + ((i * 3) % 300) end]::date[],
      'cb' || i from cb_project`);
  await x(sql`insert into project_contract (project_id, signed_on, investment_fen)
    select id, date '2026-01-01' + (i % 300), (1 + i % 50) * 1000000000::bigint from cb_project where i % 10 >= 3`);
  await x(sql`insert into project_fund (project_id, month, domestic_fen, foreign_cents)
    select id, date_trunc('month', date '2026-01-01' + (i % 330))::date, (i % 97) * 100000000::bigint,
      (i % 13) * 1000000::bigint from cb_project where i % 10 >= 3`);
  await x(sql`insert into project_node (id, project_id, seq, name, due_workdays, due_on, done_on, status)
    select gen_random_uuid(), id, s, '节点' || s, 10, date '2026-01-01' + ((i + s * 17) % 330),
      case when (i + s) % 4 <> 0 then date '2026-01-01' + ((i + s * 19) % 330) end,
      case when (i + s) % 4 <> 0 then 'done' else 'pending' end
    from cb_project, generate_series(1, 3) s where i % 10 >= 3`);
  // Sites: small squares laid out in a grid per park.
  await x(sql`insert into site (id, region_id, park_id, name, kind, geometry, min_lng, min_lat, max_lng, max_lat,
      geometry_area_m2, status)
    select gen_random_uuid(), ${regionId}, p.id, '基准地块' || p.i || '-' || s, 'land',
      json_build_object('type', 'Polygon', 'coordinates', json_build_array(json_build_array(
        json_build_array(lng, lat), json_build_array(lng + 0.002, lat), json_build_array(lng + 0.002, lat + 0.002),
        json_build_array(lng, lat + 0.002), json_build_array(lng, lat)))),
      lng, lat, lng + 0.002, lat + 0.002, 40000,
      (array['available','reserved','occupied'])[1 + s % 3]
    from cb_park p, generate_series(1, ${SITES_PER_PARK}) s,
      lateral (select 120.1 + p.i * 0.05 + (s % 8) * 0.003 as lng, 28.1 + (s / 8) * 0.003 as lat) c`);
  await x(sql`insert into kpi_goal (id, region_id, indicator_key, unit_kind, unit_id, year, target)
    values (gen_random_uuid(), ${regionId}, 'projects.signed_100m', 'region', ${regionId}, 2026, ${Math.round(n / 2)}),
      (gen_random_uuid(), ${regionId}, 'projects.foreign_in_place', 'region', ${regionId}, 2026, 20000)`);
  // A ranking run of the ten parks, stored as a run is.
  const parkIds = (
    (await x(sql`select id from cb_park order by i`)) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const schemeId = newId();
  await x(sql`insert into kpi_scheme (id, region_id, name, unit_kind, unit_ids, period_kind, items, adjustments)
    values (${schemeId}, ${regionId}, '驾驶舱基准赛马', 'park', ${`{${parkIds.join(",")}}`}::uuid[], 'month',
      ${JSON.stringify([{ indicatorKey: "projects.signed_100m", weight: 100, rule: { kind: "rank" } }])}::jsonb, '[]'::jsonb)`);
  const results = parkIds.map((unitId, i) => ({
    unitId,
    rank: i + 1,
    base: 100 - i * 3,
    bonus: 0,
    deduction: 0,
    total: 100 - i * 3,
    scores: {},
    adjustments: [],
  }));
  await x(sql`insert into kpi_run (id, scheme_id, region_id, period_key, from_on, to_on, scheme_version, items, results)
    values (${newId()}, ${schemeId}, ${regionId}, '2026-11', '2026-11-01', '2026-11-30', 1,
      ${JSON.stringify([{ indicatorKey: "projects.signed_100m", weight: 100, rule: { kind: "rank" } }])}::jsonb,
      ${JSON.stringify(results)}::jsonb)`);
  await settle(db);

  const userId = newId();
  await db
    .insert(users)
    .values({ id: userId, username: "cockpitbench", name: "驾驶舱基准", email: "cockpitbench@bench.local" });
  const ctx = benchActorCtx(
    db,
    {
      id: userId,
      username: "cockpitbench",
      name: "驾驶舱基准",
      roles: ["leader"],
      grants: [{ kind: "region", refId: regionId, path: county!.path }],
      permissions: permissionsOf(["leader"]),
      regionId,
    },
    () => new Date("2026-12-01T04:00:00Z"),
  );
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]!;
  const runs: number[] = [];
  const refs: number[] = [];
  for (let i = 0; i < CALLS + 3; i++) {
    const a = performance.now();
    const c = await getCockpit(ctx, {});
    const ms = performance.now() - a;
    if (c.pipeline.status !== "ok" || c.pipeline.data.total !== n) throw new Error("cockpit bench: pipeline");
    if (c.map.status !== "ok" || c.ranking.status !== "ok") throw new Error("cockpit bench: map or ranking");
    const b = performance.now();
    await x(
      sql`select stage, count(*), sum(total_investment_fen) from project where region_id = ${regionId} group by stage`,
    );
    const refMs = performance.now() - b;
    if (i >= 3) {
      runs.push(ms);
      refs.push(refMs);
    }
  }
  // What the screens get: ten wall screens of the county refreshing every minute (a read every
  // 6 s of the clock) through the answers kept 30 s, as the route serves them; a kept answer
  // past 30 s is recomputed in the background while the reads go on.
  let clock = Date.parse("2026-12-01T04:00:00Z");
  const screens = { ...ctx, now: () => new Date(clock) };
  const snapshots = cockpitSnapshots(30_000);
  const served: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const a = performance.now();
    const c = await snapshots.read(screens, {});
    served.push(performance.now() - a);
    if (c.pipeline.status !== "ok") throw new Error("cockpit bench: served pipeline");
    clock += 6_000;
    // The screens' reads are spread over the minute: let the background computation run.
    await new Promise((r) => setTimeout(r, 20));
  }
  // Long after: a read that waits, so no background computation outlives the scenario.
  await snapshots.read({ ...screens, now: () => new Date(clock + 3_600_000) }, {});
  return [
    record({
      scenario: "kpi.cockpit_served",
      backend,
      size,
      metric: `cockpit data as ${CALLS} reads of ten wall screens get it (a read per 6 s of clock, answers kept 30 s, then recomputed in the background), p95, the first read computing`,
      value: p95(served),
      unit: "ms",
      reference: "p95 of the fresh computation (kpi.cockpit)",
      reference_value: p95(runs),
      budget: { max: 100, label: "p95 ≤ 100 ms" },
    }),
    record({
      scenario: "kpi.cockpit",
      backend,
      size,
      metric: `cockpit data for a county leader over ${n} projects, ${PARKS * SITES_PER_PARK} sites, p95 of ${CALLS} fresh reads`,
      value: p95(runs),
      unit: "ms",
      reference: "p95 of one group-by of the projects by stage",
      reference_value: p95(refs),
    }),
  ];
}
