import type { KeyFigure } from "../../../common/cockpit.schema.js";
import type { GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { yearToDate } from "../kpi/kpi.goals.js";
import { computeResolved, type ResolvedIndicator, resolveIndicator } from "../kpi/kpi.indicators.js";
import { unitNames } from "../kpi/kpi.queries.js";
import { goalItems, goalRows } from "./cockpit.goals.js";
import type { ScopeUnits } from "./cockpit.scope.js";

/** The key figures of the cockpit, each an indicator of the KPI library summed over the scope. */
export const figureDefs: { key: string; label: string; count: boolean; link: string }[] = [
  { key: "projects.signed", label: "签约项目", count: true, link: "/projects?stage=signed" },
  { key: "projects.signed_100m", label: "亿元以上项目", count: true, link: "/projects?tier=over100m" },
  { key: "projects.signed_1bn", label: "10亿元以上项目", count: true, link: "/projects?tier=over1bn" },
  {
    key: "projects.signed_investment",
    label: "签约总投资",
    count: false,
    link: "/projects?sort=totalInvestmentFen&order=desc",
  },
  { key: "projects.funds_in_place", label: "实际到位内资", count: false, link: "/projects/funds" },
  { key: "projects.foreign_in_place", label: "实际到位外资", count: false, link: "/projects/funds" },
  {
    key: "projects.construction_starts",
    label: "项目开工",
    count: true,
    link: "/projects?stage=construction",
  },
  { key: "projects.production_starts", label: "项目投产", count: true, link: "/projects?stage=production" },
];

export interface YearFigures {
  figures: KeyFigure[];
  goals: GoalRow[];
}

/** Kind → indicator → unit → value (absent: no data). */
type Values = Map<UnitKind, Map<string, Map<string, number>>>;
/** Per unit kind, the indicators to compute and the units to compute them for. */
type Wanted = Map<UnitKind, { keys: Set<string>; ids: Set<string> }>;
type Inds = Map<string, ResolvedIndicator | null>;

const want = (w: Wanted, kind: UnitKind, key: string, ids: string[]) => {
  const k = w.get(kind) ?? { keys: new Set<string>(), ids: new Set<string>() };
  k.keys.add(key);
  for (const id of ids) k.ids.add(id);
  w.set(kind, k);
};

const resolveAll = async (db: DbOrTx, keys: string[], into: Inds) => {
  const fresh = [...new Set(keys)].filter((k) => !into.has(k));
  for (const [k, ind] of await Promise.all(
    fresh.map(async (k) => [k, await resolveIndicator(db, k)] as const),
  ))
    into.set(k, ind);
};

/**
 * Per unit kind, every indicator asked for over every unit asked for, at once (the providers'
 * indicators sharing a source in one statement: the eight figures are two). Each unit's value
 * depends on that unit alone, so reading more units together changes no value.
 */
async function compute(
  db: DbOrTx,
  wanted: Wanted,
  inds: Inds,
  period: { from: string; to: string },
): Promise<Values> {
  const parts = await Promise.all(
    [...wanted].map(async ([kind, w]) => {
      const list = [...w.keys].map((k) => inds.get(k)).filter((i): i is ResolvedIndicator => !!i);
      const values = await computeResolved(db, list, { unitKind: kind, unitIds: [...w.ids], ...period });
      return [kind, values] as const;
    }),
  );
  return new Map(parts);
}

/**
 * The year's key figures over the scope's units (1 January to today, or the year's end) and,
 * with an actor, the year's goals in their scope with progress to date. The figures start at
 * once; the goals, once listed, compute only what the figures do not already read (a goal on the
 * scope's own unit and a figure's indicator costs nothing more). A count with no row is a true
 * zero when the scope has projects at all; an amount with no row is "no data", never a zero.
 * `units` null: no figures (the actor may not read projects, or the scope has no unit).
 */
export async function figuresAndGoals(
  db: DbOrTx,
  actor: Actor | null,
  units: ScopeUnits[] | null,
  year: number,
  today: string,
): Promise<YearFigures> {
  const period = yearToDate(year, today);
  const inds: Inds = new Map();
  await resolveAll(db, units ? figureDefs.map((d) => d.key) : [], inds);
  const figureWanted: Wanted = new Map();
  for (const u of units ?? []) {
    for (const d of figureDefs)
      if (inds.get(d.key)?.unitKinds.includes(u.kind)) want(figureWanted, u.kind, d.key, u.ids);
  }
  const covered = (kind: UnitKind, key: string, id: string) =>
    !!figureWanted.get(kind)?.keys.has(key) && !!figureWanted.get(kind)?.ids.has(id);

  const [figureValues, goalPart] = await Promise.all([
    period ? compute(db, figureWanted, inds, period) : (new Map() as Values),
    (async () => {
      const goals = actor ? await goalItems(db, actor, year) : [];
      await resolveAll(
        db,
        goals.map((g) => g.indicatorKey),
        inds,
      );
      const extra: Wanted = new Map();
      for (const g of goals) {
        const kind = g.unitKind as UnitKind;
        if (inds.get(g.indicatorKey) && !covered(kind, g.indicatorKey, g.unitId))
          want(extra, kind, g.indicatorKey, [g.unitId]);
      }
      const byKind = new Map<UnitKind, string[]>();
      for (const g of goals)
        byKind.set(g.unitKind as UnitKind, [...(byKind.get(g.unitKind as UnitKind) ?? []), g.unitId]);
      const [values, names] = await Promise.all([
        period ? compute(db, extra, inds, period) : (new Map() as Values),
        Promise.all(
          [...byKind].map(
            async ([kind, ids]) => [kind, await unitNames(db, kind, [...new Set(ids)])] as const,
          ),
        ).then((xs) => new Map(xs)),
      ]);
      return { goals, values, names };
    })(),
  ]);
  const readValue = (kind: UnitKind, key: string, id: string) =>
    (covered(kind, key, id) ? figureValues : goalPart.values).get(kind)?.get(key)?.get(id);

  const figures: KeyFigure[] = [];
  for (const def of units ? figureDefs : []) {
    const ind = inds.get(def.key);
    if (!ind) continue;
    let value: number | null = null;
    for (const u of period ? units! : []) {
      if (!ind.unitKinds.includes(u.kind)) continue;
      for (const id of u.ids) {
        const v = readValue(u.kind, def.key, id);
        if (v !== undefined) value = (value ?? 0) + v;
      }
    }
    if (value === null && def.count && period) value = 0;
    figures.push({
      key: def.key,
      label: def.label,
      unit: ind.unit,
      value: value === null ? null : Math.round(value * 100) / 100,
      goal: null,
      link: def.link,
    });
  }
  const goals = goalRows(
    goalPart.goals,
    today,
    inds,
    (g) => readValue(g.unitKind as UnitKind, g.indicatorKey, g.unitId),
    (g) => goalPart.names.get(g.unitKind as UnitKind)?.get(g.unitId)?.name ?? "",
  );
  return { figures, goals };
}

/** The key figures alone (the role dashboards' leader block reads its goals separately). */
export const keyFigures = async (db: DbOrTx, units: ScopeUnits[], year: number, today: string) =>
  (await figuresAndGoals(db, null, units, year, today)).figures;
