import { sql } from "drizzle-orm";
import type { Database } from "../../server/db/client.js";

/**
 * Firms of one county with two years of figures for the 亩均 evaluation, made by the database
 * itself (generate_series): deterministic from the row number, so both backends get the same
 * population. One in three is 规下 (some under 3 亩); one in fifty a utility (class T); one in
 * twenty shares a land certificate with its neighbour; some have no land, no energy use or no
 * emission figure; a few carry patents, penalties or a major incident.
 */
export async function generateEvaluationFirms(database: Database, regionId: string, firms: number) {
  const db = database.db;
  const h = (salt: number, mod: number) => `(((i::bigint * ${salt}) % 1000003) % ${mod})`;
  await db.execute(
    sql.raw(`insert into enterprise (id, name, region_id, industry_code, founded_on, status,
      search_text, search_grams, name_pinyin, name_initials, name_key)
    select md5('ev-firm-' || i)::uuid, '评价基准企业' || i || '有限公司', '${regionId}',
      case when i % 50 = 0 then 'D4411' else 'C3' || (i % 10) end,
      date '2000-01-01' + ((i * 37) % 9300)::int, 'operating',
      '评价基准企业' || i, '{}', '', '', '评价基准企业' || i
    from generate_series(1, ${firms}) i`),
  );
  for (const [year, k] of [
    [2024, 0.9],
    [2025, 1],
  ] as const) {
    await db.execute(
      sql.raw(`insert into enterprise_year (id, enterprise_id, year, size_class, tax_fen, value_added_fen,
        revenue_fen, rd_fen, land_m2, land_cert_no, energy_tce, electricity_kwh, emissions_t, employees_avg)
      select md5('ev-year-' || ${year} || '-' || i)::uuid, md5('ev-firm-' || i)::uuid, ${year},
        case when i % 3 = 0 then 'below' else 'above' end,
        round((${h(104729, 9000)} + 10) * 100000 * ${k})::bigint,
        round((${h(7919, 40000)} + 100) * 100000 * ${k})::bigint,
        round((${h(15485863, 200000)} + 500) * 100000 * ${k})::bigint,
        round(${h(2750159, 3000)} * 100000 * ${k})::bigint,
        case when i % 997 = 0 then 0 when i % 3 = 0 then 1000 + ${h(6151, 6000)} else 5000 + ${h(3571, 60000)} end,
        case when i % 20 in (0, 1) then 'cert-' || (i / 20) end,
        case when i % 499 = 0 then 0 else 50 + ${h(1299709, 5000)} end,
        (100000 + ${h(811, 5000000)})::float8,
        case when i % 7 = 0 then null else 0.1 + ${h(433, 50)} / 10.0 end,
        20 + ${h(577, 800)}
      from generate_series(1, ${firms}) i`),
    );
  }
  await db.execute(
    sql.raw(`insert into evaluation_event (id, enterprise_id, region_id, year, kind)
    select md5('ev-event-' || i || k)::uuid, md5('ev-firm-' || i)::uuid, '${regionId}', 2025, k
    from generate_series(1, ${firms}) i,
      lateral (values (case when i % 100 = 0 then 'patent' end), (case when i % 333 = 0 then 'env_penalty' end),
        (case when i % 1000 = 7 then 'major_safety_incident' end), (case when i % 250 = 3 then 'energy_saving' end)) v(k)
    where k is not null`),
  );
  for (const t of ["enterprise", "enterprise_year", "evaluation_event"])
    await db.execute(sql.raw(`analyze ${t}`));
}
