import type { KeyFigure } from "../../../common/cockpit.schema.js";
import type { GoalRow, UnitKind } from "../../../common/kpi.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { coversRegionPath, hasAll } from "../../lib/scope.js";
import { unitNames } from "../kpi/kpi.queries.js";
import { regionById, regionTops } from "../org/regions.queries.js";

export { figureDefs, keyFigures } from "./cockpit.figures.js";

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
