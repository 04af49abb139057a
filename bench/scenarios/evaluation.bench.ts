import { eq, sql } from "drizzle-orm";
import { jiangsuPreset } from "../../common/evaluation.presets.js";
import { schemeBody } from "../../common/evaluation.schema.js";
import type { Database } from "../../server/db/client.js";
import { newId } from "../../server/lib/ids.js";
import { runScheme } from "../../server/modules/evaluation/evaluation.service.js";
import { evaluationResult, evaluationScheme } from "../../server/modules/evaluation/evaluation.table.js";
import { region } from "../../server/modules/org/org.table.js";
import { users } from "../../server/modules/users/users.table.js";
import { type BackendName, type BenchRecord, benchActorCtx, record, type Size } from "../bench.lib.js";
import { generateEvaluationFirms } from "../generate/evaluation.gen.js";

const sizes: Record<Size, number> = { small: 10_000, medium: 100_000, large: 1_000_000 };
const repeats: Record<Size, number> = { small: 5, medium: 3, large: 1 };
type Rows<T> = { rows: T[] };

/**
 * The Jiangsu preset written out by hand as one statement: scope, class T, shared parcels,
 * previous-year benchmarks, scores, bonuses and deductions, the negative list, ranks and classes,
 * writing the same result rows as the run.
 */
export const reference = (runId: string, regionId: string) =>
  sql.raw(`insert into evaluation_result (run_id, enterprise_id, region_id, park_id, industry_code,
    size_group, unit, members, class, computed_class, t_reason, forced_reason, figures, indicators,
    adjustments, base, bonus, deduction, total, position, population)
  with reg as (select r.id from region r where r.path like (select path from region where id = '${regionId}') || '%'),
  prev as (
    select case when y.size_class = 'above' then 'above' else 'below' end as grp,
      2 * ((sum(y.tax_fen) filter (where y.tax_fen is not null and y.land_m2 > 0))::float8 / 1000000
        / ((sum(y.land_m2) filter (where y.tax_fen is not null and y.land_m2 > 0)) * 3 / 2000)) as b0,
      2 * ((sum(y.revenue_fen) filter (where y.revenue_fen is not null and y.land_m2 > 0))::float8 / 1000000
        / ((sum(y.land_m2) filter (where y.revenue_fen is not null and y.land_m2 > 0)) * 3 / 2000)) as b1,
      2 * ((sum(y.tax_fen) filter (where y.tax_fen is not null and y.energy_tce > 0))::float8 / 1000000
        / (sum(y.energy_tce) filter (where y.tax_fen is not null and y.energy_tce > 0))) as b2
    from enterprise e join enterprise_year y on y.enterprise_id = e.id and y.year = 2024
    where e.region_id in (select id from reg) group by 1
  ),
  s as materialized (
    select e.id, e.region_id, e.park_id, e.industry_code, y.size_class, y.tax_fen, y.value_added_fen,
      y.revenue_fen, y.rd_fen, y.land_m2, y.energy_tce, y.electricity_kwh, y.emissions_t, y.employees_avg,
      case when strpos(e.industry_code, 'D') > 0 then '水、电、气供应企业'
        when 2025 - extract(year from e.founded_on)::int < 2 then '投产不满两年'
        when ev.kinds @> '{under_construction}' then '项目在建' end as t_reason,
      case when y.land_cert_no <> '' then 'p:' || y.land_cert_no else 'f:' || e.id::text end as unit,
      coalesce(lb.labels @> '{hnte}' or ev.kinds @> '{patent}', false) as tech,
      coalesce(ev.kinds @> '{energy_saving}', false) as green,
      coalesce(ev.kinds @> '{safety_incident}', false) as unsafe,
      coalesce(ev.kinds @> '{env_penalty}', false) as fined,
      coalesce(ev.kinds @> '{major_safety_incident}', false) as major
    from enterprise e
    join enterprise_year y on y.enterprise_id = e.id and y.year = 2025
    left join (select enterprise_id, array_agg(kind) as kinds from evaluation_event where year = 2025 group by 1) ev
      on ev.enterprise_id = e.id
    left join (select enterprise_id, array_agg(label) as labels from enterprise_label
      where (valid_from is null or valid_from <= '2025-12-31') and (valid_to is null or valid_to >= '2025-12-31')
      group by 1) lb on lb.enterprise_id = e.id
    where e.region_id in (select id from reg)
      and (y.size_class = 'above' or (y.size_class = 'below' and y.land_m2 * 3 / 2000 >= 3))
  ),
  u as (
    select unit, count(*)::int as members, coalesce(bool_or(size_class = 'above'), false) as above,
      array_agg(id) as ids, array_agg(region_id) as regions, array_agg(park_id) as parks,
      array_agg(industry_code) as industries,
      sum(tax_fen)::float8 / 1000000 as tax, sum(value_added_fen)::float8 / 1000000 as va,
      sum(revenue_fen)::float8 / 1000000 as rev, sum(rd_fen)::float8 / 1000000 as rd,
      sum(land_m2) * 3 / 2000 as mu, sum(energy_tce) as tce, sum(electricity_kwh) / 10000 as kwh,
      sum(emissions_t) as em, sum(employees_avg)::float8 as emp,
      bool_or(tech) as tech, bool_or(green) as green, bool_or(unsafe) as unsafe, bool_or(fined) as fined,
      bool_or(major) as major
    from s where t_reason is null group by unit
  ),
  v as (
    select u.*, p.b0, p.b1, p.b2,
      case when tax is not null and mu > 0 then tax / mu end as v0,
      case when rev is not null and mu > 0 then rev / mu end as v1,
      case when tax is not null and tce > 0 then tax / tce end as v2,
      case when tax is null or mu is null then 'missing' when not (mu > 0) then 'zero_denominator'
        when p.b0 is null then 'no_benchmark' when tax / mu < 0 then 'negative' end as n0,
      case when rev is null or mu is null then 'missing' when not (mu > 0) then 'zero_denominator'
        when p.b1 is null then 'no_benchmark' when rev / mu < 0 then 'negative' end as n1,
      case when tax is null or tce is null then 'missing' when not (tce > 0) then 'zero_denominator'
        when p.b2 is null then 'no_benchmark' when tax / tce < 0 then 'negative' end as n2,
      least(0::float8 + (case when tech then 3::float8 else 0 end) + (case when green then 2::float8 else 0 end), 5::float8) as bonus,
      least(0::float8 + (case when unsafe then 5::float8 else 0 end) + (case when fined then 5::float8 else 0 end), 10::float8) as deduction
    from u left join prev p on p.grp = case when u.above then 'above' else 'below' end
  ),
  w as (
    select v.*,
      case when n0 is null then v0 / b0 * 45::float8 else 0::float8 end as s0,
      case when n1 is null then v1 / b1 * 35::float8 else 0::float8 end as s1,
      case when n2 is null then v2 / b2 * 20::float8 else 0::float8 end as s2
    from v
  ),
  r as (
    select w.*, s0 + s1 + s2 as base, s0 + s1 + s2 + bonus - deduction as total,
      rank() over (order by s0 + s1 + s2 + bonus - deduction desc)::int as position, count(*) over ()::int as population
    from w
  ),
  c as (
    select r.*, case when position * 100 <= population::float8 * 20 then 'A'
      when position * 100 <= population::float8 * 60 then 'B'
      when position * 100 <= population::float8 * 95 then 'C' else 'D' end as computed
    from r
  )
  select '${runId}'::uuid, m.id, m.region_id, m.park_id, m.industry_code,
    case when c.above then 'above' else 'below' end, c.unit, c.members,
    case when c.major then 'D' else c.computed end, c.computed, null,
    case when c.major then '发生重大安全生产事故' end,
    jsonb_build_object('taxWan', c.tax, 'valueAddedWan', c.va, 'revenueWan', c.rev, 'rdWan', c.rd,
      'landMu', c.mu, 'energyTce', c.tce, 'electricityWanKwh', c.kwh, 'emissionsT', c.em, 'employeesAvg', c.emp),
    jsonb_build_array(
      jsonb_build_object('key', 'taxPerMu', 'value', c.v0, 'benchmark', c.b0, 'weight', 45, 'score', c.s0, 'note', c.n0),
      jsonb_build_object('key', 'revenuePerMu', 'value', c.v1, 'benchmark', c.b1, 'weight', 35, 'score', c.s1, 'note', c.n1),
      jsonb_build_object('key', 'taxPerEnergy', 'value', c.v2, 'benchmark', c.b2, 'weight', 20, 'score', c.s2, 'note', c.n2)),
    array_remove(array[case when c.tech then '科技创新（高新技术企业或发明专利）' end, case when c.green then '节能降碳' end,
      case when c.unsafe then '安全生产事故' end, case when c.fined then '环保行政处罚' end], null),
    c.base, c.bonus, c.deduction, c.total, c.position, c.population
  from c cross join lateral unnest(c.ids, c.regions, c.parks, c.industries) as m(id, region_id, park_id, industry_code)
  union all
  select '${runId}'::uuid, s.id, s.region_id, s.park_id, s.industry_code,
    case when s.size_class = 'above' then 'above' else 'below' end, 'f:' || s.id::text, 1, 'T', 'T', s.t_reason,
    null, null, null, '{}'::text[], 0, 0, 0, 0, null, null
  from s where s.t_reason is not null`);

/**
 * evaluation.run: one run of the Jiangsu preset (derived benchmarks, class T, shared parcels,
 * bonus items, negative list) over a county's firms, through the service (run row, previous-year
 * averages, the set-based statement, counts and digest, audit), beside the hand-written statement
 * writing the same rows; the two are checked to agree row by row.
 */
export async function evaluationScenarios(
  database: Database,
  size: Size,
  backend: BackendName,
): Promise<BenchRecord[]> {
  const db = database.db;
  const firms = sizes[size];
  const [county] = await db
    .select({ id: region.id, path: region.path })
    .from(region)
    .where(eq(region.code, "321023"));
  const regionId = county!.id;
  const t0 = performance.now();
  await generateEvaluationFirms(database, regionId, firms);
  const loadMs = performance.now() - t0;
  const userId = newId();
  await db
    .insert(users)
    .values({ id: userId, username: "evbench", name: "评价基准", email: "evbench@bench.local" });
  const schemeId = newId();
  await db.insert(evaluationScheme).values({
    id: schemeId,
    regionId,
    name: "基准：江苏式",
    year: 2025,
    preset: "jiangsu",
    body: schemeBody.parse(jiangsuPreset),
  });
  const ctx = benchActorCtx(db, { id: userId, username: "evbench", name: "评价基准" });
  const runs: number[] = [];
  const refs: number[] = [];
  let mismatches = -1;
  let rows = 0;
  for (let i = 0; i < repeats[size] + 1; i++) {
    const a = performance.now();
    const run = await runScheme(ctx, { schemeId, force: true });
    const runMs = performance.now() - a;
    const refId = newId();
    // The reference writes under a run id of its own (a run row for the foreign key).
    await db.execute(sql`insert into evaluation_run (id, scheme_id, region_id, year, scheme_name, scheme, previous, status)
      values (${refId}, ${schemeId}, ${regionId}, 2025, 'reference', '{}'::jsonb, '{}'::jsonb, 'reference')`);
    const b = performance.now();
    await db.transaction(async (tx) => {
      await tx.execute(sql`set local work_mem = '256MB'`);
      await tx.execute(reference(refId, regionId));
    });
    const refMs = performance.now() - b;
    if (i === 0) {
      const r = (await db.execute(sql`select count(*)::int as n from (
          (select enterprise_id, class, computed_class, position, population, t_reason, round(total::numeric, 6)
            from evaluation_result where run_id = ${run.id}
          except select enterprise_id, class, computed_class, position, population, t_reason, round(total::numeric, 6)
            from evaluation_result where run_id = ${refId})
          union all
          (select enterprise_id, class, computed_class, position, population, t_reason, round(total::numeric, 6)
            from evaluation_result where run_id = ${refId}
          except select enterprise_id, class, computed_class, position, population, t_reason, round(total::numeric, 6)
            from evaluation_result where run_id = ${run.id})) d`)) as unknown as Rows<{ n: number }>;
      mismatches = Number(r.rows[0]!.n);
      rows = Object.values(run.counts).reduce((s, n) => s + (n ?? 0), 0);
    } else {
      runs.push(runMs);
      refs.push(refMs);
    }
    await db.delete(evaluationResult).where(eq(evaluationResult.runId, run.id));
    await db.delete(evaluationResult).where(eq(evaluationResult.runId, refId));
  }
  if (mismatches !== 0)
    throw new Error(`evaluation.run: ${mismatches} rows differ from the reference statement`);
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  console.log(
    `evaluation: ${firms} firms loaded in ${Math.round(loadMs)} ms; ${rows} result rows, 0 differ from the reference`,
  );
  return [
    record({
      scenario: "evaluation.run",
      backend,
      size,
      metric: `run over ${firms} firms (${rows} result rows)`,
      value: median(runs),
      unit: "ms",
      reference: "one hand-written INSERT … SELECT of the same rows",
      reference_value: median(refs),
      // Issue 8: ratio ≤ 1.3 at 1M on PostgreSQL; 100k firms on PGlite within 10 s.
      budget:
        backend === "pglite" && size === "medium"
          ? { max: 10_000, label: "≤ 10 s (100k, PGlite)" }
          : undefined,
    }),
  ];
}
