import { type SQL, sql } from "drizzle-orm";
import type { Condition } from "../../../common/conditions.js";
import { evaluationFields } from "../../../common/evaluation.fields.js";
import {
  type FigureKey,
  type Indicator,
  indicatorDefs,
  type SchemeBody,
} from "../../../common/evaluation.schema.js";
import { type Averages, benchmarkOf, type SizeGroup } from "../../../common/evaluation.score.js";
import { compileCondition, type SqlField } from "../../lib/conditions.js";
import { currentLabels, yearFigures } from "../enterprises/enterprises.figures.js";
import { evaluationEvent } from "./evaluation.table.js";

/**
 * The run as set-based SQL: one INSERT … SELECT computes scope, class T, units (shared parcels),
 * indicators, benchmarks, scores, ranks and classes for every firm of the region, doing the same
 * floating-point operations in the same order as common/evaluation.score.ts, which the tests
 * hold it to.
 */

const f8 = (v: number) => sql.raw(`${Number(v)}::float8`);

/** The condition fields over the CTE row `s` (the firm's figures of the evaluated year). */
export function evaluationSqlFields(year: number): SqlField[] {
  const e: Record<string, SQL> = {
    sizeClass: sql.raw("s.size_class"),
    landMu: sql.raw("(s.land_m2 * 3 / 2000)"),
    floorRentedM2: sql.raw("s.floor_rented_m2"),
    revenue: sql.raw("(s.revenue_fen::float8 / 1000000)"),
    tax: sql.raw("(s.tax_fen::float8 / 1000000)"),
    yearsFounded: sql`(${year}::int - extract(year from s.founded_on)::int)`,
    industryCode: sql.raw("s.industry_code"),
    status: sql.raw("s.status"),
  };
  return evaluationFields.map((f) =>
    f.key === "labels"
      ? { ...f, hasLabel: (l: string) => sql`coalesce(s.labels @> array[${l}]::text[], false)` }
      : f.key === "events"
        ? { ...f, hasLabel: (l: string) => sql`coalesce(s.events @> array[${l}]::text[], false)` }
        : { ...f, expr: e[f.key]! },
  );
}

/** The unit figures (sums of members, converted) as the CTE `u` names them. */
const unitCols: Record<FigureKey, string> = {
  taxWan: "u.tax_wan",
  valueAddedWan: "u.value_added_wan",
  revenueWan: "u.revenue_wan",
  rdWan: "u.rd_wan",
  landMu: "u.land_mu",
  energyTce: "u.energy_tce",
  electricityWanKwh: "u.electricity_wan_kwh",
  emissionsT: "u.emissions_t",
  employeesAvg: "u.employees_avg",
};

/** The firm rows the run reads: the year's figures, labels and evaluation events. */
export function firmSource(year: number, regionId: string): SQL {
  const day = `${year}-12-31`;
  return sql`(select f.*, lb.labels, ev.events
    from ${yearFigures(year, regionId)} f
    left join ${currentLabels(day)} lb on lb.enterprise_id = f.enterprise_id
    left join (select ${evaluationEvent.enterpriseId} as enterprise_id, array_agg(${evaluationEvent.kind}) as events
      from ${evaluationEvent} where ${evaluationEvent.year} = ${year} group by 1) ev
      on ev.enterprise_id = f.enterprise_id)`;
}

const cond = (c: Condition, fields: SqlField[]) => compileCondition(c, fields);

/** One indicator's value, note and raw score over `u`, with its benchmark as a literal. */
function indicatorSql(ind: Indicator, i: number, bench: number | null) {
  const def = indicatorDefs[ind.key];
  const n = sql.raw(unitCols[def.num]);
  const d = sql.raw(unitCols[def.den]);
  const missingNote = ind.missing === "group_average" ? "group_average" : "missing";
  const b = bench === null ? sql`null::float8` : f8(bench);
  const w = f8(ind.weight);
  const v = sql`(${n} / ${d})`;
  const capped = ind.cap == null ? sql`false` : sql`(${v} / ${b} * ${w} > ${f8(ind.cap)})`;
  const note = sql`case when ${n} is null or ${d} is null then ${missingNote}
    when not (${d} > 0) then 'zero_denominator'
    when ${bench === null ? sql`true` : sql`false`} then 'no_benchmark'
    when ${v} < 0 then 'negative' when ${capped} then 'capped' else null end`;
  const value = sql`case when ${n} is not null and ${d} > 0 then ${v} end`;
  const raw = sql`case when ${n} is null or ${d} is null or not (${d} > 0) then 0::float8
    when ${bench === null ? sql`true` : sql`false`} or ${v} < 0 then 0::float8
    when ${capped} then ${ind.cap == null ? sql`0::float8` : f8(ind.cap)}
    else ${v} / ${b} * ${w} end`;
  return sql`${value} as v${sql.raw(String(i))}, ${note}::text as n${sql.raw(String(i))},
    ${raw} as r${sql.raw(String(i))}, ${b} as b${sql.raw(String(i))}`;
}

/** The columns of `u` every later step carries (the unit's sums, members and flags). */
const unitColumns = (scheme: SchemeBody) => [
  "unit",
  "members",
  "above",
  "m_ids",
  "m_regions",
  "m_parks",
  "m_industries",
  ...Object.values(unitCols).map((c) => c.slice(2)),
  ...scheme.adjustments.map((_, i) => `a${i}`),
  ...scheme.negative.map((_, i) => `ng${i}`),
  "bonus",
  "deduction",
];

/**
 * One size group's units with scores, as a SELECT over `u`: narrow columns (value, note, score
 * and benchmark per indicator slot, padded to `slots`), so the ranking sorts small rows; the
 * JSON of the result rows is built after it.
 */
function groupSql(scheme: SchemeBody, group: SizeGroup, previous: Averages, slots: number): SQL {
  const set = scheme[group];
  const benches = set.map((ind) => benchmarkOf(ind, group, previous));
  const layer1 = sql.join(
    set.map((ind, i) => indicatorSql(ind, i, benches[i]!)),
    sql`, `,
  );
  const score = (i: number, ind: Indicator) =>
    ind.missing === "group_average"
      ? `case when n${i} = 'group_average' then coalesce(avg(r${i}) filter (where n${i} is distinct from 'group_average') over (), 0) else r${i} end`
      : `r${i}`;
  const cols = Array.from({ length: slots }, (_, i) =>
    i < set.length
      ? `v${i}, n${i}, ${score(i, set[i]!)} as s${i}, b${i}`
      : `null::float8 as v${i}, null::text as n${i}, 0::float8 as s${i}, null::float8 as b${i}`,
  ).join(", ");
  const base = set.map((_, i) => `s${i}`).join(" + ");
  const carried = unitColumns(scheme).join(", ");
  return sql`select g2.*, (${sql.raw(base)}) as base, (${sql.raw(base)}) + bonus - deduction as total
    from (select ${sql.raw(carried)}, ${sql.raw(cols)} from (select u.*, ${layer1} from u
      where u.above = ${group === "above"}) g1) g2`;
}

/** A group's indicators as the JSON array a result row keeps. */
const indicatorJson = (set: Indicator[]) =>
  sql.raw(
    `jsonb_build_array(${set
      .map(
        (ind, i) =>
          `jsonb_build_object('key', '${ind.key}', 'value', c.v${i}, 'benchmark', c.b${i}, 'weight', ${Number(ind.weight)}, 'score', c.s${i}, 'note', c.n${i})`,
      )
      .join(", ")})`,
  );

const classCase = (scheme: SchemeBody): SQL => {
  const r = scheme.classRule;
  if (r.kind === "threshold") {
    const [a, b, c] = r.thresholds.map(f8);
    return sql`case when total >= ${a} then 'A' when total >= ${b} then 'B' when total >= ${c} then 'C' else 'D' end`;
  }
  const [a, b, c] = r.cuts.map(f8);
  const at = (x: SQL) => sql`position * 100 <= population::float8 * ${x}`;
  return sql`case when ${at(a!)} then 'A' when ${at(b!)} then 'B' when ${at(c!)} then 'C' else 'D' end`;
};

/** The firms in scope with their class-T reason and unit: the CTE `s` of a run and of its preflight. */
export function scopedFirms(scheme: SchemeBody, year: number, regionId: string, extra: SQL = sql``): SQL {
  const fields = evaluationSqlFields(year);
  const tReason = scheme.exclusions.length
    ? sql`case ${sql.join(
        scheme.exclusions.map((x) => sql`when ${cond(x.condition, fields)} then ${x.reason}`),
        sql` `,
      )} end`
    : sql`null::text`;
  const unitOf = scheme.groupParcel
    ? sql`case when s.land_cert_no is not null and s.land_cert_no <> '' then 'p:' || s.land_cert_no else 'f:' || s.enterprise_id::text end`
    : sql`'f:' || s.enterprise_id::text`;
  return sql`select s.enterprise_id, s.region_id, s.park_id, s.industry_code, s.size_class,
      s.tax_fen, s.value_added_fen, s.revenue_fen, s.rd_fen, s.land_m2, s.energy_tce,
      s.electricity_kwh, s.emissions_t, s.employees_avg, ${tReason} as t_reason, ${unitOf} as unit
      ${extra}
    from ${firmSource(year, regionId)} s
    where ${cond(scheme.scope, fields)}`;
}

/** Firms in scope (not class T) lacking a figure their group's indicators read. */
export function preflightSql(scheme: SchemeBody, year: number, regionId: string): SQL {
  const need = (group: SizeGroup) => {
    const keys = new Set<FigureKey>();
    for (const ind of scheme[group]) {
      keys.add(indicatorDefs[ind.key].num);
      keys.add(indicatorDefs[ind.key].den);
    }
    return [...keys].map((k) => sql.raw(`case when ${rawCol[k]} is null then '${k}' end`));
  };
  const list = (g: SizeGroup) => sql`array_remove(array[${sql.join(need(g), sql`, `)}]::text[], null)`;
  return sql`select * from (select enterprise_id, name, size_class,
      case when size_class = 'above' then ${list("above")} else ${list("below")} end as missing
    from (${scopedFirms(scheme, year, regionId, sql`, s.name`)}) s where t_reason is null) m
    where cardinality(missing) > 0 order by name`;
}

/** Firms in scope per size group, and how many of them class T takes. */
export function scopeCountsSql(scheme: SchemeBody, year: number, regionId: string): SQL {
  return sql`select case when size_class = 'above' then 'above' else 'below' end as grp,
      count(*) filter (where t_reason is null)::int as evaluated, count(*) filter (where t_reason is not null)::int as excluded
    from (${scopedFirms(scheme, year, regionId)}) s group by 1`;
}

const rawCol: Record<FigureKey, string> = {
  taxWan: "tax_fen",
  valueAddedWan: "value_added_fen",
  revenueWan: "revenue_fen",
  rdWan: "rd_fen",
  landMu: "land_m2",
  energyTce: "energy_tce",
  electricityWanKwh: "electricity_kwh",
  emissionsT: "emissions_t",
  employeesAvg: "employees_avg",
};

/**
 * The statement writing every result row of a run, answering with the run's counts by class,
 * the firms scored with a figure missing, and a digest of its rows (order-independent: the same
 * input gives the same digest). `previous` gives the averages derived benchmarks need.
 */
export function runStatement(opts: {
  runId: string;
  year: number;
  regionId: string;
  scheme: SchemeBody;
  previous: Averages;
}): SQL {
  const { scheme, year } = opts;
  const fields = evaluationSqlFields(year);
  const flags = (xs: { condition: Condition }[], p: string) =>
    xs.map((x, i) => sql`, ${cond(x.condition, fields)} as ${sql.raw(`${p}${i}`)}`);
  const anyOf = (xs: unknown[], p: string) => xs.map((_, i) => sql.raw(`, bool_or(${p}${i}) as ${p}${i}`));
  const sumOf = (col: string, as: string, conv = "") => sql.raw(`sum(${col})${conv} as ${as}`);
  const bonusParts = scheme.adjustments.map((a, i) =>
    a.points > 0 ? sql.raw(`(case when a${i} then ${Number(a.points)}::float8 else 0 end)`) : null,
  );
  const dedParts = scheme.adjustments.map((a, i) =>
    a.points < 0 ? sql.raw(`(case when a${i} then ${-Number(a.points)}::float8 else 0 end)`) : null,
  );
  const sumParts = (xs: (SQL | null)[]) => {
    const ys = xs.filter((x): x is SQL => x !== null);
    return ys.length ? sql.join([sql.raw("0::float8"), ...ys], sql` + `) : sql`0::float8`;
  };
  const adjLabels = scheme.adjustments.length
    ? sql`array_remove(array[${sql.join(
        scheme.adjustments.map((a, i) => sql`case when ${sql.raw(`c.a${i}`)} then ${a.label} end`),
        sql`, `,
      )}]::text[], null)`
    : sql`'{}'::text[]`;
  const forced = (what: "class" | "reason") =>
    scheme.negative.length
      ? sql`case ${sql.join(
          scheme.negative.map(
            (n, i) => sql`when ${sql.raw(`c.ng${i}`)} then ${what === "class" ? n.forceClass : n.reason}`,
          ),
          sql` `,
        )} end`
      : sql`null::text`;
  const slots = Math.max(scheme.above.length, scheme.below.length);
  // Units scored with a figure missing, counted on the narrow rows rather than the JSON written.
  const missingAny = sql.raw(
    Array.from({ length: slots }, (_, i) => `n${i} in ('missing', 'group_average')`).join(" or ") || "false",
  );
  const rule = scheme.classRule;
  const partition =
    rule.kind === "percentile" && rule.rankWithin === "size" ? sql`partition by above` : sql``;
  const positionSql =
    rule.kind === "percentile" && rule.ties === "worse"
      ? sql`count(*) over (${partition} order by total desc)`
      : sql`rank() over (${partition} order by total desc)`;
  return sql`with s as materialized (${scopedFirms(
    scheme,
    year,
    opts.regionId,
    sql`${sql.join(flags(scheme.adjustments, "a"), sql``)}
        ${sql.join(flags(scheme.negative, "ng"), sql``)}`,
  )}),
    u0 as (
      select unit, count(*)::int as members, coalesce(bool_or(size_class = 'above'), false) as above,
        array_agg(enterprise_id) as m_ids, array_agg(region_id) as m_regions, array_agg(park_id) as m_parks,
        array_agg(industry_code) as m_industries,
        ${sumOf("tax_fen", "tax_wan", "::float8 / 1000000")},
        ${sumOf("value_added_fen", "value_added_wan", "::float8 / 1000000")},
        ${sumOf("revenue_fen", "revenue_wan", "::float8 / 1000000")},
        ${sumOf("rd_fen", "rd_wan", "::float8 / 1000000")},
        ${sumOf("land_m2", "land_mu", " * 3 / 2000")},
        ${sumOf("energy_tce", "energy_tce")},
        ${sumOf("electricity_kwh", "electricity_wan_kwh", " / 10000")},
        ${sumOf("emissions_t", "emissions_t")},
        ${sumOf("employees_avg", "employees_avg", "::float8")}
        ${sql.join(anyOf(scheme.adjustments, "a"), sql``)}
        ${sql.join(anyOf(scheme.negative, "ng"), sql``)}
      from s where t_reason is null group by unit
    ),
    u as (
      select u0.*, least(${sumParts(bonusParts)}, ${f8(scheme.bonusCap)}) as bonus,
        least(${sumParts(dedParts)}, ${f8(scheme.deductionCap)}) as deduction
      from u0
    ),
    scored as (${groupSql(scheme, "above", opts.previous, slots)} union all ${groupSql(scheme, "below", opts.previous, slots)}),
    ranked as (
      select scored.*, ${positionSql}::int as position, count(*) over (${partition})::int as population
      from scored
    ),
    classed as (select ranked.*, ${classCase(scheme)} as computed_class from ranked),
    ins as (insert into evaluation_result (run_id, enterprise_id, region_id, park_id, industry_code,
      size_group, unit, members, class, computed_class, t_reason, forced_reason, figures, indicators,
      adjustments, base, bonus, deduction, total, position, population)
    select ${opts.runId}::uuid, m.enterprise_id, m.region_id, m.park_id, m.industry_code,
      case when c.above then 'above' else 'below' end, c.unit, c.members,
      coalesce(${forced("class")}, c.computed_class), c.computed_class, null, ${forced("reason")},
      jsonb_build_object('taxWan', c.tax_wan, 'valueAddedWan', c.value_added_wan,
        'revenueWan', c.revenue_wan, 'rdWan', c.rd_wan, 'landMu', c.land_mu, 'energyTce', c.energy_tce,
        'electricityWanKwh', c.electricity_wan_kwh, 'emissionsT', c.emissions_t,
        'employeesAvg', c.employees_avg),
      case when c.above then ${indicatorJson(scheme.above)} else ${indicatorJson(scheme.below)} end,
      ${adjLabels}, c.base, c.bonus, c.deduction, c.total, c.position, c.population
    -- The unit's members ride along as arrays: no join back on the unit key, whose estimate the
    -- planner cannot know (it chose nested loops over the ranking, quadratic in the firms).
    from classed c cross join lateral unnest(c.m_ids, c.m_regions, c.m_parks, c.m_industries)
      as m(enterprise_id, region_id, park_id, industry_code)
    union all
    select ${opts.runId}::uuid, s.enterprise_id, s.region_id, s.park_id, s.industry_code,
      case when s.size_class = 'above' then 'above' else 'below' end, 'f:' || s.enterprise_id::text, 1,
      'T', 'T', s.t_reason, null, null, null, '{}'::text[], 0, 0, 0, 0, null, null
    from s where s.t_reason is not null
    returning enterprise_id, unit, class, total)
    select count(*) filter (where class = 'A')::int as a, count(*) filter (where class = 'B')::int as b,
      count(*) filter (where class = 'C')::int as c, count(*) filter (where class = 'D')::int as d,
      count(*) filter (where class = 'T')::int as t,
      (select count(*) from classed where ${missingAny})::int as missing,
      md5(count(*)::text || ':' || coalesce(sum(hashtextextended(enterprise_id::text || ':' || unit || ':'
        || class || ':' || total::text, 0)), 0)::text) as digest
    from ins`;
}

/**
 * Σ numerator and Σ denominator of each indicator per size group over the region's firms of a
 * year (figures present, denominator above zero), for derived benchmarks.
 */
export function previousSumsSql(year: number, regionId: string, keys: (keyof typeof indicatorDefs)[]): SQL {
  const parts = keys.map((k) => {
    const d = indicatorDefs[k];
    const ok = `${rawCol[d.num]} is not null and ${rawCol[d.den]} > 0`;
    return sql.raw(
      `, sum(${rawCol[d.num]}) filter (where ${ok}) as "${k}_n", sum(${rawCol[d.den]}) filter (where ${ok}) as "${k}_d"`,
    );
  });
  return sql`select case when size_class = 'above' then 'above' else 'below' end as grp
      ${sql.join(parts, sql``)}
    from ${yearFigures(year, regionId)} f group by 1`;
}
