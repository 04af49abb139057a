import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../server/db/client.js";

/**
 * A region's chain data set built set-based in SQL (generate_series), so 100k firms load in
 * seconds on both backends: firms with two years of figures and a few labels, chains of links
 * in a DAG (each link under the one before, every seventh also under one further up), firms
 * spread over the links (one in five on a second link), prospects on one or two links each.
 * Rows go straight into the tables, as the other generators do; the service reads them.
 */
export async function generateChains(
  db: DbOrTx,
  regionId: string,
  n: { firms: number; chains: number; links: number; prospects: number },
) {
  const totalLinks = n.chains * n.links;
  await db.execute(sql`insert into enterprise (id, name, region_id, industry_code, search_text, search_grams,
      name_pinyin, name_initials, name_key)
    select gen_random_uuid(), '链基准企业' || i, ${regionId}, 'C' || (13 + i % 30)::text || '1', '', '{}', '', '', 'k' || i
    from generate_series(1, ${n.firms}) i`);
  // Only the firms made here: other modules' firms (the registry's, with their own years) may share the region.
  await db.execute(sql`drop table if exists bench_firm_n`);
  await db.execute(sql`create table bench_firm_n as
    select id, row_number() over (order by id) as k from enterprise
    where region_id = ${regionId} and name like '链基准企业%'`);
  await db.execute(sql`insert into enterprise_year (id, enterprise_id, year, output_fen, tax_fen, revenue_fen)
    select gen_random_uuid(), f.id, y, (f.k % 97 + 1) * 12000000000, (f.k % 31 + 1) * 300000000,
      (f.k % 89 + 1) * 11000000000
    from bench_firm_n f cross join (values (2024), (2025)) v(y)`);
  await db.execute(sql`insert into enterprise_label (id, enterprise_id, label)
    select gen_random_uuid(), f.id, case when f.k % 50 = 0 then 'chain_leader' when f.k % 7 = 0 then 'srdi' else 'hnte' end
    from bench_firm_n f where f.k % 5 = 0`);
  await db.execute(sql`insert into chain (id, region_id, name, rule, lists)
    select gen_random_uuid(), ${regionId}, '基准产业链' || c,
      '{"strong":{"any":[{"all":[{"field":"firmCount","op":"gte","value":3},{"field":"outputWan","op":"gte","value":50000}]},{"field":"leaderCount","op":"gte","value":1}]},"weak":{"field":"firmCount","op":"gte","value":1}}'::jsonb,
      '{}'
    from generate_series(1, ${n.chains}) c`);
  await db.execute(sql`drop table if exists bench_link_n`);
  await db.execute(sql`create table bench_link_n as
    select gen_random_uuid() as id, c.id as chain_id, l as pos,
      row_number() over (order by c.name, l) as k
    from chain c cross join generate_series(1, ${n.links}) l where c.region_id = ${regionId}`);
  await db.execute(sql`insert into chain_link (id, chain_id, region_id, name, segment, sort_order)
    select id, chain_id, ${regionId}, '环节' || pos,
      case when pos * 3 <= ${n.links} then 'upstream' when pos * 3 <= 2 * ${n.links} then 'midstream' else 'downstream' end,
      pos from bench_link_n`);
  await db.execute(sql`insert into chain_link_edge (parent_id, child_id)
    select p.id, c.id from bench_link_n c join bench_link_n p on p.chain_id = c.chain_id
    where p.pos = c.pos - 1 or (c.pos % 7 = 0 and p.pos = c.pos - 5)`);
  // Every 9th link keeps no firm: missing links for the ranking to fill.
  await db.execute(sql`insert into chain_link_firm (link_id, enterprise_id, role)
    select l.id, f.id, 'member' from bench_firm_n f
      join bench_link_n l on l.k = 1 + (f.k * 7919) % ${totalLinks}
    where l.k % 9 <> 0
    union
    select l.id, f.id, 'member' from bench_firm_n f
      join bench_link_n l on l.k = 1 + (f.k * 104729 + 3) % ${totalLinks}
    where f.k % 5 = 0 and l.k % 9 <> 0
    on conflict do nothing`);
  await db.execute(sql`insert into prospect (id, region_id, name, sources, signals, priority, industry_code, status)
    select gen_random_uuid(), ${regionId}, '基准招引目标' || i,
      case i % 5 when 0 then array['fortune500'] when 1 then array['private500'] when 2 then array['listed']
        when 3 then array['university', 'alumni'] else array['referral'] end,
      case i % 4 when 0 then array[]::text[] when 1 then array['expansion'] when 2 then array['fund_tie']
        else array['expansion', 'visit'] end,
      (array['high','medium','low'])[1 + i % 3], 'C' || (13 + i % 30)::text, 'new'
    from generate_series(1, ${n.prospects}) i`);
  await db.execute(sql`insert into prospect_link (prospect_id, link_id)
    select p.id, l.id from (select id, row_number() over (order by id) as k from prospect where region_id = ${regionId}) p
      join bench_link_n l on l.k = 1 + (p.k * 31) % ${totalLinks} or (p.k % 3 = 0 and l.k = 1 + (p.k * 17 + 5) % ${totalLinks})
    on conflict do nothing`);
  await db.execute(sql`drop table if exists bench_firm_n`);
  await db.execute(sql`drop table if exists bench_link_n`);
  for (const t of [
    "enterprise",
    "enterprise_year",
    "enterprise_label",
    "chain_link",
    "chain_link_firm",
    "prospect",
    "prospect_link",
  ]) {
    await db.execute(sql.raw(`analyze ${t}`));
  }
}
