import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { parsePeriodKey } from "../../common/kpi.period.js";
import type { Database } from "../../server/db/client.js";
import { FileStore } from "../../server/lib/files/files.store.js";
import { newId } from "../../server/lib/ids.js";
import { runScheme } from "../../server/modules/kpi/kpi.ranking.js";
import { kpiScheme } from "../../server/modules/kpi/kpi.table.js";
import { wireIndicatorProviders } from "../../server/modules/kpi/kpi.wiring.js";
import { region } from "../../server/modules/org/org.table.js";
import { bulletinCharts, findCjkFont } from "../../server/modules/reports/bulletins.charts.js";
import { collectFacts } from "../../server/modules/reports/bulletins.data.js";
import { bulletinDocx } from "../../server/modules/reports/bulletins.docx.js";
import { generate } from "../../server/modules/reports/bulletins.service.js";
import { bulletinSchedule } from "../../server/modules/reports/bulletins.table.js";
import { users } from "../../server/modules/users/users.table.js";
import {
  type BackendName,
  type BenchRecord,
  benchActorCtx,
  record,
  type Size,
  settle,
} from "../bench.lib.js";

const sizes: Record<Size, number> = { small: 2_000, medium: 20_000, large: 100_000 };
const TEAMS = 30;
const REPEATS = 4;

/**
 * One monthly bulletin with charts (issue 9: ≤ 5 s): 30 teams racing on four computed indicators
 * with goals, over generated projects, contracts and funds. The figure is the whole generation —
 * facts collected for the region, two charts rendered (ECharts SSR → resvg PNG), docx and xlsx
 * written and archived; the reference writes the same docx from facts and charts already in hand.
 */
export async function bulletinScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const n = sizes[size];
  wireIndicatorProviders();
  const [county] = await db.select({ id: region.id }).from(region).where(eq(region.code, "331121"));
  const regionId = county!.id;
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  await x(sql`create temporary table bb_team as
    select gen_random_uuid() as id, g as i from generate_series(1, ${TEAMS}) g`);
  await x(
    sql`insert into team (id, region_id, name, kind) select id, ${regionId}, '通报基准组' || i, 'squad' from bb_team`,
  );
  const firm = newId();
  await x(sql`insert into enterprise (id, name, region_id, search_text, search_grams, name_pinyin, name_initials, name_key)
    values (${firm}, '通报基准投资方', ${regionId}, '', '{}', '', '', 'bb')`);
  await x(sql`create temporary table bb_project as
    select gen_random_uuid() as id, g as i, (select id from bb_team where i = 1 + g % ${TEAMS}) as team_id
    from generate_series(1, ${n}) g`);
  await x(sql`insert into project (id, code, name, investor_id, region_id, team_id, channel, total_investment_fen,
      stage, stage_on, stage_dates, name_key)
    select id, 'BB' || i, '通报基准项目' || i, ${firm}, ${regionId}, team_id, 'direct', (1 + i % 50) * 1000000000::bigint,
      'construction', date '2026-01-01' + (i % 300),
      array[null, null, null, date '2026-01-01' + (i % 300), null, null, date '2026-01-01' + ((i * 7) % 330)]::date[],
      'bb' || i from bb_project`);
  await x(sql`insert into project_contract (project_id, signed_on, investment_fen)
    select id, date '2026-01-01' + (i % 300), (1 + i % 50) * 1000000000::bigint from bb_project where i % 5 <> 0`);
  await x(sql`insert into project_fund (project_id, month, domestic_fen, foreign_cents)
    select id, date_trunc('month', date '2026-01-01' + (i % 330))::date, (i % 97) * 100000000::bigint, (i % 13) * 1000000::bigint from bb_project`);
  const keys = [
    "projects.signed_100m",
    "projects.funds_in_place",
    "projects.foreign_in_place",
    "projects.construction_starts",
  ];
  for (const k of keys) {
    await x(sql`insert into kpi_goal (id, region_id, indicator_key, unit_kind, unit_id, year, target)
      select gen_random_uuid(), ${regionId}, ${k}, 'team', id, 2026, 40 from bb_team`);
  }
  await settle(db);
  const teamIds = (
    (await x(sql`select id from bb_team order by i`)) as unknown as { rows: { id: string }[] }
  ).rows.map((r) => r.id);
  const schemeId = newId();
  await db.insert(kpiScheme).values({
    id: schemeId,
    regionId,
    name: "通报基准赛马",
    unitKind: "team",
    unitIds: teamIds,
    periodKind: "month",
    items: keys.map((k, i) => ({
      indicatorKey: k,
      weight: 25,
      rule:
        i === 0
          ? { kind: "ratio" as const, cap: 1.2 }
          : i % 2
            ? { kind: "rank" as const }
            : { kind: "efficacy" as const },
    })),
    adjustments: [],
  });
  const userId = newId();
  await db
    .insert(users)
    .values({ id: userId, username: "bulletinbench", name: "通报基准", email: "bb@bench.local" });
  const now = () => new Date("2026-07-02T02:00:00Z");
  const ctx = benchActorCtx(db, { id: userId, username: "bulletinbench", name: "通报基准" }, now);
  await runScheme(ctx, schemeId, { periodKey: "2026-06", adjustments: [] });

  const scheduleId = newId();
  await db.insert(bulletinSchedule).values({
    id: scheduleId,
    regionId,
    name: "通报基准",
    cadence: "month",
    issuer: "基准县投资促进局",
    docPrefix: "基准招商",
    schemeId,
    recipients: ["各招商组"],
  });
  const [s] = await db.select().from(bulletinSchedule).where(eq(bulletinSchedule.id, scheduleId));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zhaoyin-bench-bulletin-"));
  const deps = { store: new FileStore(path.join(dir, "files")), cjkFont: undefined };
  const period = parsePeriodKey("2026-06")!;
  const font = findCjkFont(undefined);
  const runs: number[] = [];
  const refs: number[] = [];
  try {
    for (let i = 0; i < REPEATS + 1; i++) {
      const a = performance.now();
      await generate(ctx, deps, s!, period, i > 0);
      const ms = performance.now() - a;
      const facts = await collectFacts(db, s!, period, "2026-07-02", "基准招商〔2026〕1号", ctx);
      const charts = bulletinCharts(
        { ranking: facts.ranking, goals: facts.goals, asOfLabel: facts.asOf },
        font,
      );
      const b = performance.now();
      await bulletinDocx(facts, charts, "2026-07-02");
      const refMs = performance.now() - b;
      if (i > 0) {
        runs.push(ms);
        refs.push(refMs);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]!;
  return [
    record({
      scenario: "kpi.bulletin",
      backend,
      size,
      metric: `one monthly bulletin (docx with 2 charts + xlsx, archived) for ${TEAMS} units × ${keys.length} indicators over ${n} projects, median`,
      value: median(runs),
      unit: "ms",
      reference: "the same docx written from facts and charts in hand",
      reference_value: median(refs),
      budget: { max: 5000, label: "≤ 5 s" },
    }),
  ];
}
