import { evaluateCondition, type Facts } from "./conditions.js";
import {
  type ClassCode,
  type FigureKey,
  type Indicator,
  type IndicatorKey,
  type IndicatorNote,
  type IndicatorResult,
  indicatorDefs,
  type ResultClass,
  type SchemeBody,
} from "./evaluation.schema.js";

/**
 * The definition of a 亩均效益 score and class. The server computes the same in set-based SQL
 * (server/modules/evaluation/evaluation.run.ts), tested to agree on a test population; this
 * function is what the tests check by hand and what a firm's card explains.
 *
 * Outcomes of bad figures, each shown on the card, never NaN or Infinity:
 * - a figure missing: the scheme's missing rule (0 points, or the group's average score);
 * - a denominator of zero (no land, no energy use): the indicator is not computable, 0 points;
 * - a negative value (a tax refund): 0 points;
 * - a derived benchmark with no previous-year data: 0 points.
 */

/** A firm's figures of the evaluated year as stored: fen, m², kWh. */
export interface RawFigures {
  taxFen: number | null;
  valueAddedFen: number | null;
  revenueFen: number | null;
  rdFen: number | null;
  landM2: number | null;
  energyTce: number | null;
  electricityKwh: number | null;
  emissionsT: number | null;
  employeesAvg: number | null;
}
export const rawFigureKeys = [
  "taxFen",
  "valueAddedFen",
  "revenueFen",
  "rdFen",
  "landM2",
  "energyTce",
  "electricityKwh",
  "emissionsT",
  "employeesAvg",
] as const satisfies readonly (keyof RawFigures)[];

export type SizeGroup = "above" | "below";

export interface FirmInput {
  id: string;
  sizeClass: string | null;
  /** the land certificate number: firms sharing one are evaluated together */
  parcel: string | null;
  figures: RawFigures;
  /** condition facts (common/evaluation.fields.ts) */
  facts: Facts;
}

export interface FirmResult {
  enterpriseId: string;
  unit: string;
  members: number;
  sizeGroup: SizeGroup;
  class: ResultClass;
  /** the class the rank or score gave, before the negative list */
  computedClass: ResultClass;
  tReason: string | null;
  forcedReason: string | null;
  indicators: IndicatorResult[];
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  /** place in the ranking (ties by the scheme's rule) and the ranking's size */
  position: number | null;
  population: number | null;
  adjustments: string[];
}

/** Previous-year averages by size group and indicator (Σ numerator ÷ Σ denominator). */
export type Averages = Record<SizeGroup, Partial<Record<IndicatorKey, number | null>>>;

/** Stored figures in the units the indicators use; the SQL does the same operations in order. */
export function toUnits(f: RawFigures): Record<FigureKey, number | null> {
  const div = (v: number | null, d: number) => (v === null ? null : v / d);
  return {
    taxWan: div(f.taxFen, 1_000_000),
    valueAddedWan: div(f.valueAddedFen, 1_000_000),
    revenueWan: div(f.revenueFen, 1_000_000),
    rdWan: div(f.rdFen, 1_000_000),
    landMu: f.landM2 === null ? null : (f.landM2 * 3) / 2000,
    energyTce: f.energyTce,
    electricityWanKwh: div(f.electricityKwh, 10_000),
    emissionsT: f.emissionsT,
    employeesAvg: f.employeesAvg,
  };
}

/** Sums of a unit's members; a figure is missing only when no member has it. */
function sumFigures(xs: RawFigures[]): RawFigures {
  const out = {} as RawFigures;
  for (const k of rawFigureKeys) {
    const vs = xs.map((x) => x[k]).filter((v): v is number => v !== null);
    out[k] = vs.length ? vs.reduce((s, v) => s + v, 0) : null;
  }
  return out;
}

export const sizeGroupOf = (sizeClass: string | null): SizeGroup =>
  sizeClass === "above" ? "above" : "below";

/** The region's averages of a year, per size group, for derived benchmarks. */
export function yearAverages(firms: readonly { sizeClass: string | null; figures: RawFigures }[]): Averages {
  const out: Averages = { above: {}, below: {} };
  for (const g of ["above", "below"] as const) {
    const xs = firms.filter((f) => sizeGroupOf(f.sizeClass) === g);
    for (const [key, def] of Object.entries(indicatorDefs) as [
      IndicatorKey,
      (typeof indicatorDefs)[IndicatorKey],
    ][]) {
      const rawNum = rawOf[def.num];
      const rawDen = rawOf[def.den];
      const have = xs.filter((f) => f.figures[rawNum] !== null && (f.figures[rawDen] ?? 0) > 0);
      if (!have.length) {
        out[g][key] = null;
        continue;
      }
      const n = toUnits(sumFigures(have.map((f) => f.figures)))[def.num]!;
      const d = toUnits(sumFigures(have.map((f) => f.figures)))[def.den]!;
      out[g][key] = n / d;
    }
  }
  return out;
}

/** Which stored figure a unit figure comes from. */
export const rawOf: Record<FigureKey, keyof RawFigures> = {
  taxWan: "taxFen",
  valueAddedWan: "valueAddedFen",
  revenueWan: "revenueFen",
  rdWan: "rdFen",
  landMu: "landM2",
  energyTce: "energyTce",
  electricityWanKwh: "electricityKwh",
  emissionsT: "emissionsT",
  employeesAvg: "employeesAvg",
};

export function benchmarkOf(ind: Indicator, group: SizeGroup, previous: Averages): number | null {
  if (ind.benchmark.kind === "fixed") return ind.benchmark.value;
  const avg = previous[group][ind.key];
  return avg === null || avg === undefined || !(avg > 0) ? null : ind.benchmark.factor * avg;
}

/** One indicator of one unit, before the missing rule fills in a group average. */
export function scoreIndicator(
  ind: Indicator,
  figures: Record<FigureKey, number | null>,
  benchmark: number | null,
): IndicatorResult {
  const def = indicatorDefs[ind.key];
  const n = figures[def.num];
  const d = figures[def.den];
  const r = (value: number | null, score: number, note: IndicatorNote | null): IndicatorResult => ({
    key: ind.key,
    value,
    benchmark,
    weight: ind.weight,
    score,
    note,
  });
  if (n === null || d === null)
    return r(null, 0, ind.missing === "group_average" ? "group_average" : "missing");
  if (!(d > 0)) return r(null, 0, "zero_denominator");
  const value = n / d;
  if (benchmark === null) return r(value, 0, "no_benchmark");
  if (value < 0) return r(value, 0, "negative");
  const score = (value / benchmark) * ind.weight;
  if (ind.cap !== null && ind.cap !== undefined && score > ind.cap) return r(value, ind.cap, "capped");
  return r(value, score, null);
}

interface Unit {
  key: string;
  members: FirmInput[];
  group: SizeGroup;
  indicators: IndicatorResult[];
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  adjustments: string[];
  forced: { cls: ClassCode; reason: string } | null;
  position: number | null;
  population: number | null;
  cls: ClassCode | null;
}

export function evaluate(scheme: SchemeBody, firms: readonly FirmInput[], previous: Averages): FirmResult[] {
  const inScope = firms.filter((f) => evaluateCondition(scheme.scope, f.facts));
  const out: FirmResult[] = [];
  const units = new Map<string, FirmInput[]>();
  for (const f of inScope) {
    const ex = scheme.exclusions.find((x) => evaluateCondition(x.condition, f.facts));
    if (ex) {
      out.push(tResult(f, ex.reason));
      continue;
    }
    const key = scheme.groupParcel && f.parcel ? `p:${f.parcel}` : `f:${f.id}`;
    units.set(key, [...(units.get(key) ?? []), f]);
  }
  const list: Unit[] = [...units].map(([key, members]) => scoreUnit(scheme, key, members, previous));
  fillGroupAverages(scheme, list);
  for (const u of list) {
    u.base = u.indicators.reduce((s, x) => s + x.score, 0);
    u.total = u.base + u.bonus - u.deduction;
  }
  classify(scheme, list);
  for (const u of list) {
    const computed = u.cls!;
    for (const m of u.members) {
      out.push({
        enterpriseId: m.id,
        unit: u.key,
        members: u.members.length,
        sizeGroup: u.group,
        class: u.forced?.cls ?? computed,
        computedClass: computed,
        tReason: null,
        forcedReason: u.forced?.reason ?? null,
        indicators: u.indicators,
        base: u.base,
        bonus: u.bonus,
        deduction: u.deduction,
        total: u.total,
        position: u.position,
        population: u.population,
        adjustments: u.adjustments,
      });
    }
  }
  return out;
}

function tResult(f: FirmInput, reason: string): FirmResult {
  return {
    enterpriseId: f.id,
    unit: `f:${f.id}`,
    members: 1,
    sizeGroup: sizeGroupOf(f.sizeClass),
    class: "T",
    computedClass: "T",
    tReason: reason,
    forcedReason: null,
    indicators: [],
    base: 0,
    bonus: 0,
    deduction: 0,
    total: 0,
    position: null,
    population: null,
    adjustments: [],
  };
}

function scoreUnit(scheme: SchemeBody, key: string, members: FirmInput[], previous: Averages): Unit {
  const group: SizeGroup = members.some((m) => m.sizeClass === "above") ? "above" : "below";
  const figures = toUnits(sumFigures(members.map((m) => m.figures)));
  const indicators = scheme[group].map((ind) =>
    scoreIndicator(ind, figures, benchmarkOf(ind, group, previous)),
  );
  let bonus = 0;
  let deduction = 0;
  const adjustments: string[] = [];
  for (const a of scheme.adjustments) {
    if (!members.some((m) => evaluateCondition(a.condition, m.facts))) continue;
    adjustments.push(a.label);
    if (a.points > 0) bonus += a.points;
    else deduction += -a.points;
  }
  const neg = scheme.negative.find((n) => members.some((m) => evaluateCondition(n.condition, m.facts)));
  return {
    key,
    members,
    group,
    indicators,
    base: 0,
    bonus: Math.min(bonus, scheme.bonusCap),
    deduction: Math.min(deduction, scheme.deductionCap),
    total: 0,
    adjustments,
    forced: neg ? { cls: neg.forceClass, reason: neg.reason } : null,
    position: null,
    population: null,
    cls: null,
  };
}

/** The missing rule "group average": the mean score of the group's units that have the figures. */
function fillGroupAverages(scheme: SchemeBody, units: Unit[]) {
  for (const group of ["above", "below"] as const) {
    const us = units.filter((u) => u.group === group);
    scheme[group].forEach((ind, i) => {
      if (ind.missing !== "group_average") return;
      const have = us.filter((u) => u.indicators[i]!.note !== "group_average");
      const avg = have.length ? have.reduce((s, u) => s + u.indicators[i]!.score, 0) / have.length : 0;
      for (const u of us) if (u.indicators[i]!.note === "group_average") u.indicators[i]!.score = avg;
    });
  }
}

/** Classes by rank percentile within the ranking (ties by the stated rule), or by score lines. */
function classify(scheme: SchemeBody, units: Unit[]) {
  const rule = scheme.classRule;
  if (rule.kind === "threshold") {
    for (const u of units) {
      const i = rule.thresholds.findIndex((t) => u.total >= t);
      u.cls = (["A", "B", "C"] as const)[i] ?? "D";
    }
    rankAll(units, "better", "all");
    return;
  }
  rankAll(units, rule.ties, rule.rankWithin);
  for (const u of units) {
    const i = rule.cuts.findIndex((c) => u.position! * 100 <= u.population! * c);
    u.cls = (["A", "B", "C"] as const)[i] ?? "D";
  }
}

function rankAll(units: Unit[], ties: "better" | "worse", within: "all" | "size") {
  const parts =
    within === "all"
      ? [units]
      : [units.filter((u) => u.group === "above"), units.filter((u) => u.group === "below")];
  for (const part of parts) {
    for (const u of part) {
      const higher = part.filter((x) => x.total > u.total).length;
      const same = part.filter((x) => x.total === u.total).length;
      u.position = ties === "better" ? higher + 1 : higher + same;
      u.population = part.length;
    }
  }
}
