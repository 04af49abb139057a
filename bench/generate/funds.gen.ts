import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../server/db/client.js";
import { uuidOf, uuidOfText } from "./ids.gen.js";

export interface FundSizes {
  parks: number;
  funds: number;
  investments: number;
  projects: number;
  firms: number;
}

/**
 * A county's industrial funds built set-based in SQL (generate_series), deterministic from the row
 * number: parks, investee firms (one of them the funds' manager), projects (four in five signed,
 * half of those with a contract), funds (one in ten without a park) with four capital calls each,
 * investments spread over the funds, 2019–2026 (one in three into a project, landing in its park,
 * the others into a firm, landing in the fund's park), an exit for one investment in twenty, and
 * each project brought in by one or two funds. Returns the ids the scenarios pick from.
 */
export async function generateFunds(db: DbOrTx, regionId: string, n: FundSizes) {
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  const uuid = (salt: string, i: string) => sql.raw(uuidOf(`'${salt}-' || ${i}`));
  await x(sql`insert into park (id, region_id, name, kind)
    select ${uuid("fb-park", "i")}, ${regionId}, '基金基准园区' || i, 'industrial_park'
    from generate_series(1, ${n.parks}) i`);
  await x(sql`insert into enterprise (id, name, region_id, park_id, search_text, search_grams, name_pinyin,
      name_initials, name_key)
    select ${uuid("fb-firm", "i")}, '基金基准企业' || i || '有限公司', ${regionId}, ${uuid("fb-park", `(1 + i % ${n.parks})`)},
      '基金基准企业' || i, '{}', '', '', 'fb-firm-' || i
    from generate_series(1, ${n.firms}) i`);
  await x(sql`insert into project (id, code, name, investor_id, region_id, park_id, channel, total_investment_fen,
      stage, stage_on, stage_dates, name_key)
    select ${uuid("fb-project", "i")}, 'FB' || i, '基金基准项目' || i, ${uuid("fb-firm", `(1 + i % ${n.firms})`)},
      ${regionId}, ${uuid("fb-park", `(1 + i % ${n.parks})`)}, 'fund', (1 + i % 50) * 1000000000::bigint,
      case when i % 5 = 0 then 'negotiating' else 'signed' end, date '2019-01-01' + (i * 13) % 2880,
      case when i % 5 = 0 then array[date '2019-01-01' + (i * 13) % 2880, date '2019-01-01' + (i * 13) % 2880]::date[]
        else array[null, null, null, date '2019-01-01' + (i * 13) % 2880]::date[] end,
      'fb-project-' || i
    from generate_series(1, ${n.projects}) i`);
  await x(sql`insert into project_contract (project_id, signed_on, investment_fen)
    select ${uuid("fb-project", "i")}, date '2019-01-01' + (i * 13) % 2880 + 5, (1 + i % 50) * 1000000000::bigint
    from generate_series(1, ${n.projects}) i where i % 5 <> 0 and i % 2 = 0`);
  await x(sql`insert into fund (id, region_id, park_id, name, manager_id, size_fen, committed_fen, government_fen,
      inception_on, term_years, status, focus)
    select ${uuid("fb-fund", "i")}, ${regionId}, case when i % 10 <> 0 then ${uuid("fb-park", `(1 + i % ${n.parks})`)} end,
      '基金基准' || i || '号产业基金', ${uuid("fb-firm", "1")}, 1000000000000::bigint, 1000000000000::bigint,
      300000000000::bigint, date '2018-01-01' + i % 365, 10, 'investing',
      array[(array['新材料','生物医药','智能装备','数字经济','新能源'])[1 + i % 5]]
    from generate_series(1, ${n.funds}) i`);
  await x(sql`insert into fund_call (id, fund_id, region_id, called_on, amount_fen)
    select ${sql.raw(uuidOf(`'fb-call-' || i || '-' || k`))}, ${uuid("fb-fund", "i")}, ${regionId},
      date '2018-06-01' + k * 365, 100000000000::bigint
    from generate_series(1, ${n.funds}) i cross join generate_series(1, 4) k`);
  // Investment i: fund 1 + i % funds, 20–500 万 with co-investment of 0.5–5× alongside.
  await x(sql`insert into fund_investment (id, fund_id, region_id, park_id, enterprise_id, project_id, amount_fen,
      co_invest_fen, invested_on, round, stake_pct)
    select ${uuid("fb-inv", "i")}, ${uuid("fb-fund", "f")}, ${regionId},
      case when i % 3 = 0 then ${uuid("fb-park", `(1 + pr % ${n.parks})`)}
        when f % 10 <> 0 then ${uuid("fb-park", `(1 + f % ${n.parks})`)} end,
      case when i % 3 <> 0 then ${uuid("fb-firm", `(1 + (i * 7) % ${n.firms})`)} end,
      case when i % 3 = 0 then ${uuid("fb-project", "pr")} end,
      (20 + i % 480) * 1000000::bigint, (20 + i % 480) * 1000000::bigint * (1 + i % 10) / 2,
      date '2019-01-01' + (i * 17) % 2880, (array['angel','a','b','c','other'])[1 + i % 5], 5 + i % 20
    from (select i, 1 + i % ${n.funds} as f, 1 + (i * 11) % ${n.projects} as pr
      from generate_series(1, ${n.investments}) i) s`);
  await x(sql`insert into fund_exit (id, fund_id, investment_id, region_id, exited_on, proceeds_fen, way)
    select ${sql.raw(uuidOf(`'fb-exit-' || i`))}, ${uuid("fb-fund", `(1 + i % ${n.funds})`)}, ${uuid("fb-inv", "i")}, ${regionId},
      date '2019-01-01' + (i * 17) % 2880 + 400, (20 + i % 480) * 1500000::bigint, 'transfer'
    from generate_series(1, ${n.investments}) i where i % 20 = 0`);
  await x(sql`insert into fund_project (id, fund_id, project_id, region_id)
    select ${sql.raw(uuidOf(`'fb-fp-' || i || '-' || k`))}, ${uuid("fb-fund", `(1 + (i * 3 + k) % ${n.funds})`)},
      ${uuid("fb-project", "i")}, ${regionId}
    from generate_series(1, ${n.projects}) i cross join generate_series(0, 1) k where k = 0 or i % 4 = 0`);
  for (const t of [
    "park",
    "enterprise",
    "project",
    "project_contract",
    "fund",
    "fund_investment",
    "fund_project",
  ])
    await x(sql.raw(`analyze ${t}`));
  const rows = (await db.execute(
    sql`select id from park where region_id = ${regionId} and name like '基金基准园区%' order by name`,
  )) as unknown as { rows: { id: string }[] };
  return { parkIds: rows.rows.map((r) => r.id) };
}

/** The id of generated fund i (1-based), as the SQL above makes it. */
export const fundIdOf = (i: number) => uuidOfText(`fb-fund-${i}`);
