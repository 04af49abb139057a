import { eq, sql } from "drizzle-orm";
import type { Demand } from "../../common/site.schema.js";
import type { Database } from "../../server/db/client.js";
import type { Actor } from "../../server/lib/context.js";
import { newId } from "../../server/lib/ids.js";
import { permissions } from "../../server/lib/policy.js";
import { park, region } from "../../server/modules/org/org.table.js";
import { rankSites } from "../../server/modules/sites/sites.match.js";
import { matchCandidates, viewport } from "../../server/modules/sites/sites.queries.js";
import { site } from "../../server/modules/sites/sites.table.js";
import { type BackendName, type BenchRecord, paired, record, type Size, settle } from "../bench.lib.js";
import { rng } from "../generate/enterprises.gen.js";
import { generateSites, parkCentres } from "../generate/sites.gen.js";

/** Issue 7's size is 50,000 sites (medium and large); small is a tenth of it. */
const sizes: Record<Size, number> = { small: 5_000, medium: 50_000, large: 50_000 };
const PARKS = 60;
const BATCH = 2_000;
const RUNS = 40;

/**
 * Sites at scale: 50,000 parcels around 60 parks of one county-level scope. The map's viewport
 * query (a park-sized window, as the map shows at zoom 13–14) beside one SQL statement reading the
 * same boxes' geometry; matching a demand over every available site (scored and ordered in SQL,
 * reasons written in TypeScript for the top 20) beside one hand-written statement scoring the same.
 */
export async function sitesScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331102"));
  const regionId = county!.id;
  const centres = parkCentres(PARKS);
  const parks = centres.map((centre, i) => ({ id: newId(), centre, name: `空间基准园区${i + 1}` }));
  await db
    .insert(park)
    .values(parks.map((p) => ({ id: p.id, regionId, name: p.name, kind: "industrial_park" })));
  let batch: ReturnType<typeof generateSites> extends Generator<infer T> ? T[] : never = [];
  for (const row of generateSites(sizes[size], parks, regionId)) {
    batch.push(row);
    if (batch.length === BATCH) {
      await db.insert(site).values(batch);
      batch = [];
    }
  }
  if (batch.length) await db.insert(site).values(batch);
  await settle(db, "site");

  const actor: Actor = {
    id: newId(),
    username: "bench",
    name: "基准",
    roles: ["admin"],
    grants: [{ kind: "region", refId: regionId, path: county!.path }],
    permissions: new Set(permissions),
    regionId,
    departmentId: null,
  };
  const r = rng(73);
  const boxes = Array.from({ length: RUNS + 3 }, () => {
    const [lng, lat] = centres[Math.floor(r() * PARKS)]!;
    const w = lng - 0.03 + r() * 0.01;
    const s = lat - 0.025 + r() * 0.01;
    return [w, s, w + 0.06, s + 0.045] as const;
  });
  const view = await paired(
    RUNS,
    (i) => viewport(db, actor, { bbox: boxes[i]!.join(",") }),
    (i) => {
      const [w, s, e, n] = boxes[i]!;
      return db.execute(sql`select id, name, kind, status, stock_category, geometry_area_m2, geometry from site
        where min_lng <= ${e} and max_lng >= ${w} and min_lat <= ${n} and max_lat >= ${s} limit 5001`);
    },
  );
  const demand: Demand = {
    projectId: newId(),
    kinds: ["land"],
    areaMinM2: 20_000,
    areaMaxM2: 60_000,
    landUse: "industrial",
    floorLoadKnM2: null,
    heightM: 24,
    powerKva: 3_000,
    parkIds: [],
    neededOn: null,
    note: null,
    version: 1,
  };
  const match = await paired(
    20,
    async () => rankSites(demand, await matchCandidates(db, actor, demand)),
    () =>
      db.execute(sql`select id, name, geometry_area_m2 from site where status = 'available' and kind = 'land'
        and geometry_area_m2 between 10000 and 120000
        order by floor((1 + 2 * (case when geometry_area_m2 between 20000 and 60000 then 1
          when geometry_area_m2 >= 16000 and geometry_area_m2 <= 72000 then 0.5 else 0 end)
          + (case when land_use = 'industrial' then 1 when land_use is null then 0.5 else 0 end)
          + (case when height_max_m is null then 0.5 when height_max_m >= 24 then 1 else 0 end)
          + (case when power_kva is null then 0.5 when power_kva >= 3000 then 1 else 0 end))::float8 * 100 / 6 + 0.5) desc,
          abs(geometry_area_m2 - 40000), name, id limit 20`),
  );
  const common = { backend, size, unit: "ms" };
  return [
    record({
      ...common,
      scenario: "sites.viewport",
      metric: `p95 map data of a park-sized viewport (${sizes[size]} sites)`,
      value: view.value,
      reference: "one bbox SELECT of the same rows",
      reference_value: view.ref,
      budget: { max: 100, label: "≤ 100 ms" },
    }),
    record({
      ...common,
      scenario: "sites.match",
      metric: `p95 ranking all available land against a demand (${sizes[size]} sites)`,
      value: match.value,
      reference: "one SELECT scoring and ordering the same candidates",
      reference_value: match.ref,
      budget: { max: 200, label: "≤ 200 ms" },
    }),
  ];
}
