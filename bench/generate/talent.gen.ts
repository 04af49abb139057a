import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../server/db/client.js";
import { uuidOf } from "./ids.gen.js";

export interface TalentSizes {
  parks: number;
  rounds: number;
  talents: number;
  applications: number;
  units: number;
}

/** The programme's levels: caps in fen and the instalment plan (40 / 30 / 30 %). */
const levels = ["A", "B", "C", "D"].map((code, i) => ({
  code,
  name: `${code}类`,
  capFen: [500, 300, 200, 100][i]! * 1_000_000,
  instalments: [
    { percent: 40, condition: "项目落地注册", monthsAfter: 0 },
    { percent: 30, condition: "实缴到位", monthsAfter: 12 },
    { percent: 30, condition: "通过中期考核", monthsAfter: 24 },
  ],
}));

/**
 * A county's talent data set built set-based in SQL (generate_series), deterministic from the row
 * number so both backends get the same rows: parks, one programme with four levels, rounds twice a
 * year from 2023, talents (a tenth with a firm), applications spread over the rounds (a fifth
 * applied, 15 % screening, 15 % under review, 35 % recognised, 15 % rejected), the recognised
 * projects' three instalments with the met ones paid, and apartment units of which seven in ten
 * are let (some checked out early). Returns the ids the scenarios pick from.
 */
export async function generateTalent(db: DbOrTx, regionId: string, n: TalentSizes) {
  const x = (q: ReturnType<typeof sql>) => db.execute(q);
  const uuid = (salt: string, i: string) => sql.raw(uuidOf(`'${salt}-' || ${i}`));
  await x(sql`insert into park (id, region_id, name, kind)
    select ${uuid("tb-park", "i")}, ${regionId}, '人才基准园区' || i, 'industrial_park'
    from generate_series(1, ${n.parks}) i`);
  const programmeId = "00000000-0000-4000-8000-00000000a1e0";
  await x(sql`insert into talent_programme (id, region_id, name, levels)
    values (${programmeId}, ${regionId}, '人才基准计划', ${JSON.stringify(levels)}::jsonb)`);
  // Round k opens on 1 March or 1 September of 2023 + (k - 1) / 2 and stays open two months.
  await x(sql`insert into talent_round (id, region_id, programme_id, name, opens_on, closes_on)
    select ${uuid("tb-round", "k")}, ${regionId}, ${programmeId}, '基准批次' || k,
      make_date(2023 + (k - 1) / 2, case when k % 2 = 1 then 3 else 9 end, 1),
      make_date(2023 + (k - 1) / 2, case when k % 2 = 1 then 4 else 10 end, 30)
    from generate_series(1, ${n.rounds}) k`);
  const firms = Math.max(10, Math.floor(n.talents / 10));
  await x(sql`insert into enterprise (id, name, region_id, search_text, search_grams, name_pinyin,
      name_initials, name_key)
    select ${uuid("tb-firm", "i")}, '人才基准企业' || i || '有限公司', ${regionId}, '人才基准企业' || i, '{}', '',
      '', 'tb-firm-' || i
    from generate_series(1, ${firms}) i`);
  await x(sql`insert into talent (id, region_id, park_id, enterprise_id, name, gender, birth_year, education,
      title, field, phone, id_number, email)
    select ${uuid("tb-talent", "i")}, ${regionId}, ${uuid("tb-park", `(1 + i % ${n.parks})`)},
      case when i % 10 = 0 then ${uuid("tb-firm", `(1 + (i / 10) % ${firms})`)} end,
      (array['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + i % 10] || '基准' || i,
      case when i % 3 = 0 then 'female' else 'male' end, 1965 + i % 35,
      (array['doctor','master','bachelor','college','other'])[1 + i % 5], '高级工程师',
      (array['新材料','生物医药','智能装备','数字经济','新能源'])[1 + i % 5],
      '139' || lpad((i % 100000000)::text, 8, '0'), 'TB' || lpad(i::text, 16, '0'), 'talent' || i || '@bench.local'
    from generate_series(1, ${n.talents}) i`);
  // Application i: round 1 + i % rounds, talent 1 + (i * 7) % talents, its park the talent's.
  await x(sql`insert into talent_project (id, region_id, park_id, round_id, talent_id, enterprise_id, name, field,
      level_applied, level_recognised, status, applied_on, recognised_on)
    select ${uuid("tb-app", "i")}, ${regionId}, ${uuid("tb-park", `(1 + t % ${n.parks})`)},
      ${uuid("tb-round", "r")}, ${uuid("tb-talent", "t")},
      case when t % 10 = 0 then ${uuid("tb-firm", `(1 + (t / 10) % ${firms})`)} end,
      '人才基准项目' || i, (array['新材料','生物医药','智能装备','数字经济','新能源'])[1 + i % 5],
      (array['A','B','C','D'])[1 + (i / 3) % 4],
      case when s = 'recognised' then (array['A','B','C','D'])[1 + (i / 3) % 4] end,
      s, opens + (i % 50), case when s = 'recognised' then opens + 90 + i % 30 end
    from (select i, 1 + i % ${n.rounds} as r, 1 + (i * 7) % ${n.talents} as t,
        make_date(2023 + (i % ${n.rounds}) / 2, case when (1 + i % ${n.rounds}) % 2 = 1 then 3 else 9 end, 1) as opens,
        case when i % 20 < 4 then 'applied' when i % 20 < 7 then 'screening' when i % 20 < 10 then 'reviewing'
          when i % 20 < 17 then 'recognised' else 'rejected' end as s
      from generate_series(1, ${n.applications}) i) a`);
  const cap =
    sql.raw(`(case p.level_recognised when 'A' then 500 when 'B' then 300 when 'C' then 200 else 100 end)
    * 1000000::bigint`);
  await x(sql`insert into talent_instalment (id, project_id, seq, amount_fen, condition, due_on, condition_met, met_on)
    select ${sql.raw(uuidOf(`'tb-inst-' || p.id || '-' || s`))}, p.id, s,
      ${cap} * (case s when 1 then 40 else 30 end) / 100,
      (array['项目落地注册','实缴到位','通过中期考核'])[s], p.recognised_on + (s - 1) * 365,
      p.recognised_on + (s - 1) * 365 <= date '2026-11-30',
      case when p.recognised_on + (s - 1) * 365 <= date '2026-11-30' then p.recognised_on + (s - 1) * 365 end
    from talent_project p cross join generate_series(1, 3) s
    where p.status = 'recognised' and p.region_id = ${regionId}`);
  await x(sql`insert into talent_payout (id, instalment_id, project_id, amount_fen, paid_on, voucher)
    select ${sql.raw(uuidOf(`'tb-pay-' || i.id`))}, i.id, i.project_id, i.amount_fen, i.met_on + 10, 'PZ-' || left(i.id::text, 8)
    from talent_instalment i join talent_project p on p.id = i.project_id
    where i.condition_met and p.region_id = ${regionId}`);
  await x(sql`insert into talent_unit (id, region_id, park_id, building, name, rooms, area_m2, rent_fen_month)
    select ${uuid("tb-unit", "i")}, ${regionId}, ${uuid("tb-park", `(1 + i % ${n.parks})`)},
      (1 + (i / ${n.parks}) / 100) || '号楼', (i / ${n.parks}) % 100 || '室', 1 + i % 3, 40 + i % 80, 150000
    from generate_series(1, ${n.units}) i`);
  // Seven units in ten let for two years to talent i (of the same park: units ≤ talents); one in
  // ten of those left early.
  if (n.units > n.talents) throw new Error("talent bench: more units than talents");
  await x(sql`insert into talent_allocation (id, region_id, unit_id, talent_id, from_on, to_on, checked_in_on,
      checked_out_on)
    select ${sql.raw(uuidOf(`'tb-alloc-' || i`))}, ${regionId}, ${uuid("tb-unit", "i")},
      ${uuid("tb-talent", "i")},
      date '2025-01-01' + i % 300, date '2027-01-01' + i % 300, date '2025-01-01' + i % 300,
      case when i % 10 = 0 then date '2026-01-01' + i % 300 end
    from generate_series(1, ${n.units}) i where i % 10 < 7`);
  for (const t of [
    "park",
    "talent",
    "talent_project",
    "talent_instalment",
    "talent_payout",
    "talent_unit",
    "talent_allocation",
  ])
    await x(sql.raw(`analyze ${t}`));
  return {
    programmeId,
    parkIds: await ids(
      db,
      sql`select id from park where region_id = ${regionId} and name like '人才基准园区%'`,
    ),
    roundIds: await ids(
      db,
      sql`select id from talent_round where programme_id = ${programmeId} order by opens_on`,
    ),
  };
}

async function ids(db: DbOrTx, q: ReturnType<typeof sql>): Promise<string[]> {
  const r = (await db.execute(q)) as unknown as { rows: { id: string }[] };
  return r.rows.map((x) => x.id);
}
