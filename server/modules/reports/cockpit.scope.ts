import type { KeyFigure } from "../../../common/cockpit.schema.js";
import type { GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { coversRegionPath, hasAll } from "../../lib/scope.js";
import { resolveIndicator } from "../kpi/kpi.indicators.js";
import { unitNames } from "../kpi/kpi.queries.js";
import { regionById, regionTops } from "../org/regions.queries.js";

/** The units whose indicators add up to an actor's scope: their regions, parks and teams. */
export interface ScopeUnits {
  kind: UnitKind;
  ids: string[];
}

/**
 * A region chosen on the cockpit narrows the actor to that region's subtree, which must lie in
 * their own region grants (404 otherwise, as for any record outside scope).
 */
export async function narrowActor(db: DbOrTx, actor: Actor, regionId?: string): Promise<Actor> {
  if (!regionId) return actor;
  const r = await regionById(db, regionId);
  if (!r || !coversRegionPath(actor, r.path)) throw notFound();
  return { ...actor, grants: [{ kind: "region", refId: r.id, path: r.path }], regionId: r.id };
}

/**
 * Region grants (a grant inside another one dropped, so nothing counts twice), park grants and
 * team grants; the system administrator's `all` stands for the top regions. Department and
 * enterprise grants carry no unit: they have no cockpit figures.
 */
export async function scopeUnits(db: DbOrTx, actor: Actor): Promise<ScopeUnits[]> {
  if (hasAll(actor)) {
    const tops = await regionTops(db);
    return [{ kind: "region", ids: tops.map((t) => t.id) }];
  }
  const regions = actor.grants.filter((g) => g.kind === "region" && g.refId && g.path);
  const outer = regions.filter(
    (g) => !regions.some((o) => o !== g && g.path!.startsWith(o.path!) && o.path !== g.path),
  );
  const ids = (kind: string) => [
    ...new Set(actor.grants.filter((g) => g.kind === kind && g.refId).map((g) => g.refId!)),
  ];
  const out: ScopeUnits[] = [];
  if (outer.length) out.push({ kind: "region", ids: [...new Set(outer.map((g) => g.refId!))] });
  if (ids("park").length) out.push({ kind: "park", ids: ids("park") });
  if (ids("team").length) out.push({ kind: "team", ids: ids("team") });
  return out;
}

/** What the scope is called on the page: 丽水市, 张江飞地 + 宁波飞地, 全部行政区… */
export async function scopeLabel(db: DbOrTx, actor: Actor, units: ScopeUnits[]): Promise<string> {
  if (hasAll(actor)) return "全部行政区";
  const names: string[] = [];
  for (const u of units) {
    const m = await unitNames(db, u.kind, u.ids);
    for (const id of u.ids) {
      const n = m.get(id)?.name;
      if (n) names.push(n);
    }
  }
  return names.length > 3 ? `${names.slice(0, 3).join("、")}等 ${names.length} 个单位` : names.join("、");
}

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

/**
 * The year's figures over the scope's units, from the first of January to today (or the year's
 * end). A count with no row is a true zero when the scope has projects at all; an amount with no
 * row is "no data" (nothing was registered), never a zero.
 */
export async function keyFigures(
  db: DbOrTx,
  units: ScopeUnits[],
  year: number,
  today: string,
): Promise<KeyFigure[]> {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const to = today < end ? today : end;
  // One statement per indicator and unit kind, all side by side.
  return Promise.all(
    figureDefs.map(async (def): Promise<KeyFigure | null> => {
      const ind = await resolveIndicator(db, def.key);
      if (!ind) return null;
      let value: number | null = null;
      if (from <= to) {
        const parts = await Promise.all(
          units
            .filter((u) => ind.unitKinds.includes(u.kind))
            .map((u) => ind.compute(db, { unitKind: u.kind, unitIds: u.ids, from, to })),
        );
        for (const m of parts) for (const v of m.values()) value = (value ?? 0) + v;
      }
      if (value === null && def.count && from <= to) value = 0;
      return {
        key: def.key,
        label: def.label,
        unit: ind.unit,
        value: value === null ? null : Math.round(value * 100) / 100,
        goal: null,
        link: def.link,
      };
    }),
  ).then((xs) => xs.filter((x): x is KeyFigure => x !== null));
}

/** Each figure's goal, when the scope is one unit and that unit has a goal on the indicator. */
export function withGoals(figures: KeyFigure[], units: ScopeUnits[], goals: GoalRow[]): KeyFigure[] {
  const single = units.length === 1 && units[0]!.ids.length === 1 ? units[0]! : null;
  if (!single) return figures;
  return figures.map((f) => {
    const g = goals.find(
      (x) => x.indicatorKey === f.key && x.unitId === single.ids[0] && x.unitKind === single.kind,
    );
    return g
      ? {
          ...f,
          goal: {
            target: g.target,
            progress: g.progress,
            timeAdjusted: g.timeAdjusted,
            expectedShare: g.expectedShare,
          },
        }
      : f;
  });
}
