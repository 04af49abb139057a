import { eq, sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";
import { newId } from "../../server/lib/ids.js";
import { runScheme } from "../../server/modules/kpi/kpi.ranking.js";
import { kpiScheme } from "../../server/modules/kpi/kpi.table.js";
import { wireIndicatorProviders } from "../../server/modules/kpi/kpi.wiring.js";
import { region } from "../../server/modules/org/org.table.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  record,
  type Size,
  settle,
} from "../bench.lib.js";

/** Issue 9: 200 units × 30 indicators over 100k projects and their activities at the large size. */
const sizes: Record<Size, number> = { small: 10_000, medium: 100_000, large: 100_000 };
const TEAMS = 200;
const MANUAL = 22;
const repeats: Record<Size, number> = { small: 5, medium: 3, large: 3 };

/**
 * A ranking recomputed: 200 teams (units) racing on 8 computed indicators (projects signed by
 * credit share, funds, foreign capital, starts, nodes on time, receptions, trips) and 22 manual
 * ones, over generated projects with split credits, funds, nodes and activities. The figure is
 * the whole run (30 set-based statements, scoring, the stored run); the reference is one
 * group-by over the projects.
 */
export async function kpiScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  wireIndicatorProviders();
  const [county] = await db.select({ id: region.id }).from(region).where(eq(region.code, "331102"));
  const regionId = county!.id;
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  await x(sql`create temporary table kb_team as
    select gen_random_uuid() as id, g as i from generate_series(1, ${TEAMS}) g`);
  await x(
    sql`insert into team (id, region_id, name, kind) select id, ${regionId}, '基准招商组' || i, 'squad' from kb_team`,
  );
  const firm = newId();
  await x(sql`insert into enterprise (id, name, region_id, search_text, search_grams, name_pinyin, name_initials, name_key)
    values (${firm}, '基准投资方', ${regionId}, '', '{}', '', '', 'kb')`);
  await x(sql`create temporary table kb_project as
    select gen_random_uuid() as id, g as i, (select id from kb_team where i = 1 + g % ${TEAMS}) as team_id
    from generate_series(1, ${n}) g`);
  await x(sql`insert into project (id, code, name, investor_id, region_id, team_id, channel, total_investment_fen,
      stage, stage_on, stage_dates, name_key)
    select id, 'KB' || i, '基准项目' || i, ${firm}, ${regionId}, team_id, 'direct', (1 + i % 50) * 1000000000::bigint,
      'construction', date '2026-01-01' + (i % 300),
      array[null, null, null, date '2026-01-01' + (i % 300), null, null, date '2026-01-01' + ((i * 7) % 330)]::date[],
      'kb' || i from kb_project`);
  await x(sql`insert into project_contract (project_id, signed_on, investment_fen)
    select id, date '2026-01-01' + (i % 300), (1 + i % 50) * 1000000000::bigint from kb_project where i % 5 <> 0`);
  // Three in ten projects split their credit 60/40 with the next team.
  await x(sql`insert into project_credit (project_id, team_id, percent)
    select p.id, p.team_id, 60 from kb_project p where p.i % 10 < 3
    union all select p.id, t.id, 40 from kb_project p join kb_team t on t.i = 1 + (p.i + 1) % ${TEAMS} where p.i % 10 < 3`);
  await x(sql`insert into project_fund (project_id, month, domestic_fen, foreign_cents)
    select id, date_trunc('month', date '2026-01-01' + (i % 330))::date, (i % 97) * 100000000::bigint, (i % 13) * 1000000::bigint from kb_project`);
  await x(sql`insert into project_node (id, project_id, seq, name, due_workdays, due_on, done_on, status)
    select gen_random_uuid(), id, s, '节点' || s, 10, date '2026-01-01' + ((i + s * 17) % 330),
      date '2026-01-01' + ((i + s * 19) % 330), 'done' from kb_project, generate_series(1, 2) s`);
  await x(sql`insert into activity (id, kind, title, held_on, region_id, team_id)
    select gen_random_uuid(), case when i % 2 = 0 then 'reception' else 'trip' end, '基准活动' || i,
      date '2026-01-01' + (i % 330), ${regionId}, team_id from kb_project where i % 2 = 0 or i % 3 = 0`);
  const manualKeys: string[] = [];
  for (let m = 1; m <= MANUAL; m++) {
    const key = `manual.${newId()}`;
    manualKeys.push(key);
    await x(sql`insert into kpi_indicator (id, key, region_id, name, unit, unit_kinds)
      values (${newId()}, ${key}, ${regionId}, ${`基准手工指标${m}`}, '分', '{team}')`);
    await x(sql`insert into kpi_value (id, indicator_key, region_id, unit_kind, unit_id, period_kind, period_key, from_on, to_on, value)
      select gen_random_uuid(), ${key}, ${regionId}, 'team', id, 'month', '2026-06', '2026-06-01', '2026-06-30', (i * ${m}) % 100
      from kb_team`);
  }
  await x(sql`insert into kpi_goal (id, region_id, indicator_key, unit_kind, unit_id, year, target)
    select gen_random_uuid(), ${regionId}, 'projects.signed_100m', 'team', id, 2026, 30 from kb_team`);
  await settle(db);
  const computed = [
    "projects.signed_100m",
    "projects.signed_1bn",
    "projects.funds_in_place",
    "projects.foreign_in_place",
    "projects.construction_starts",
    "projects.nodes_on_time",
    "activities.receptions",
    "activities.trips",
  ];
  const keys = [...computed, ...manualKeys];
  const items = keys.map((k, i) => ({
    indicatorKey: k,
    weight: i < 10 ? 4 : 3,
    rule:
      i === 0
        ? { kind: "ratio" as const, cap: 1.2 }
        : i % 2
          ? { kind: "rank" as const }
          : { kind: "efficacy" as const },
  }));
  const teamIds = (
    (await x(sql`select id from kb_team order by i`)) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const schemeId = newId();
  await db.insert(kpiScheme).values({
    id: schemeId,
    regionId,
    name: "基准赛马",
    unitKind: "team",
    unitIds: teamIds,
    periodKind: "month",
    items,
    adjustments: [],
  });
  const userId = newId();
  await db
    .insert(users)
    .values({ id: userId, username: "kpibench", name: "考核基准", email: "kpibench@bench.local" });
  const ctx = benchActorCtx(db, { id: userId, username: "kpibench", name: "考核基准" });
  const runs: number[] = [];
  const refs: number[] = [];
  for (let i = 0; i < repeats[size] + 1; i++) {
    const a = performance.now();
    const run = await runScheme(ctx, schemeId, { periodKey: "2026-06", adjustments: [] });
    const runMs = performance.now() - a;
    if (run.units.length !== TEAMS) throw new Error(`kpi bench: ${run.units.length} units ranked`);
    const b = performance.now();
    await x(sql`select team_id, count(*), sum(total_investment_fen) from project group by team_id`);
    const refMs = performance.now() - b;
    if (i > 0) {
      runs.push(runMs);
      refs.push(refMs);
    }
  }
  const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  return [
    record({
      scenario: "kpi.rankings",
      backend,
      size,
      metric: `ranking of ${TEAMS} units × ${keys.length} indicators over ${n} projects, median`,
      value: median(runs),
      unit: "ms",
      reference: "one group-by over the projects",
      reference_value: median(refs),
      budget: backend === "postgres" && n >= 100_000 ? { max: 1000, label: "≤ 1 s (PostgreSQL)" } : undefined,
    }),
  ];
}
