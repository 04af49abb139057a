import { eq, sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import type { Actor } from "../../server/lib/context.js";
import { newId } from "../../server/lib/ids.js";
import { permissions } from "../../server/lib/policy.js";
import { chainMap } from "../../server/modules/chains/chains.service.js";
import { chain } from "../../server/modules/chains/chains.table.js";
import { listProspects } from "../../server/modules/chains/prospects.service.js";
import { region } from "../../server/modules/org/org.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  p95,
  record,
  type Size,
  timed,
  timeMs,
} from "../bench.lib.js";
import { generateChains } from "../generate/chains.gen.js";

/** Issue 6: 20 chains × 200 links and 100k firms, 50k prospects (medium, large); small is a tenth. */
const sizes: Record<Size, { firms: number; chains: number; links: number; prospects: number }> = {
  small: { firms: 10_000, chains: 20, links: 50, prospects: 5_000 },
  medium: { firms: 100_000, chains: 20, links: 200, prospects: 50_000 },
  large: { firms: 100_000, chains: 20, links: 200, prospects: 50_000 },
};
const RUNS = 20;

/**
 * Chain map data (every link of one chain with its firms' latest-year figures and its strength by
 * the chain's rule, plus the chain totals) beside one GROUP BY of the same links' firms and
 * figures; the prospect ranking (every prospect of the region scored on five parts, the first page
 * with explanations; link strengths from the stored link facts, and recomputed for the cold
 * figure) beside one statement ordering the same prospects by a plain weighted sum.
 */
export async function chainsScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "331121"));
  const regionId = county!.id;
  const n = sizes[size];
  await generateChains(db, regionId, n);
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
  const ctx = benchActorCtx(db, actor, () => new Date("2026-12-01T02:00:00Z"));
  const chains = (await db.select({ id: chain.id }).from(chain).where(eq(chain.regionId, regionId))).map(
    (c) => c.id,
  );
  // Cold: each chain's first map after a change (the stored facts stale), computed and stored.
  const cold: number[] = [];
  for (const id of chains) cold.push(await timed(() => chainMap(ctx, id)));
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const id = chains[i % chains.length]!;
    const x = await timed(() => chainMap(ctx, id));
    const y = await timed(() =>
      db.execute(sql`select l.id, count(f.enterprise_id), sum(y.output_fen), sum(y.tax_fen)
        from chain_link l left join chain_link_firm f on f.link_id = l.id
        left join enterprise_year y on y.enterprise_id = f.enterprise_id and y.year = 2025
        where l.chain_id = ${id} group by l.id`),
    );
    if (i >= 3) {
      a.push(x);
      b.push(y);
    }
  }
  const rank = await timeMs(() => listProspects(ctx, { regionId, page: 1, pageSize: 20 }), {
    warmup: 1,
    repeats: 5,
  });
  // Cold: the link strengths recomputed for every chain first, as after any chain write.
  const rankCold = await timeMs(
    async () => {
      // as after a registry import touching every chain: every stored fact stale
      await db.execute(sql`update chain_fact set gen = gen + 1`);
      return listProspects(ctx, { regionId, page: 1, pageSize: 20 });
    },
    { warmup: 0, repeats: 3 },
  );
  const rankRef = await timeMs(
    () =>
      db.execute(sql`select id, name from prospect where region_id = ${regionId}
        order by (case priority when 'high' then 1 when 'medium' then 0.5 else 0 end) + cardinality(signals) * 0.2 desc, id
        limit 20`),
    { warmup: 1, repeats: 5 },
  );
  const common = { backend, size, unit: "ms" };
  return [
    record({
      ...common,
      scenario: "chains.map",
      metric: `p95 map data of one chain (${n.links} links, ${n.firms} firms in ${n.chains} chains)`,
      value: p95(a),
      reference: "one GROUP BY of the links' firms and figures",
      reference_value: p95(b),
      budget: { max: 100, label: "≤ 100 ms" },
    }),
    record({
      ...common,
      scenario: "chains.map_cold",
      metric: `p95 first map of each chain after a change (${n.links} links, stored facts recomputed)`,
      value: p95(cold),
      reference: "one GROUP BY of the links' firms and figures",
      reference_value: p95(b),
    }),
    record({
      ...common,
      scenario: "chains.ranking",
      metric: `ranking ${n.prospects} prospects, first page explained`,
      value: rank,
      reference: "one SELECT ordering them by a weighted sum",
      reference_value: rankRef,
      budget: { max: 1000, label: "≤ 1 s" },
    }),
    record({
      ...common,
      scenario: "chains.ranking_cold",
      metric: `ranking ${n.prospects} prospects with every link's strength recomputed`,
      value: rankCold,
      reference: "one SELECT ordering them by a weighted sum",
      reference_value: rankRef,
    }),
  ];
}
