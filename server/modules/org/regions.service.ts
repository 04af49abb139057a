import type { z } from "zod";
import type { Region, regionQuery } from "../../../common/org.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { hasAll } from "../../lib/scope.js";
import * as rq from "./regions.queries.js";

const present = ({ path: _p, ...r }: rq.RegionRow): Region => r as Region;

/**
 * The division tree is public reference data, so any signed-in user may browse it;
 * "roots" starts from the top of the user's own scope.
 */
export async function listRegions(ctx: ActorCtx, q: z.infer<typeof regionQuery>): Promise<Region[]> {
  if (q.q) return (await rq.searchRegions(ctx.db, q.q)).map(present);
  if (q.parentId) return (await rq.regionChildren(ctx.db, q.parentId)).map(present);
  if (!q.roots || hasAll(ctx.actor)) return (await rq.regionTops(ctx.db)).map(present);
  const ids = ctx.actor.grants.filter((g) => g.kind === "region" && g.refId).map((g) => g.refId!);
  if (ids.length === 0 && ctx.actor.regionId) ids.push(ctx.actor.regionId);
  return (await rq.regionsByIds(ctx.db, ids)).map(present);
}

export async function regionDetail(ctx: ActorCtx, id: string) {
  const row = await rq.regionById(ctx.db, id);
  if (!row) throw notFound();
  return { ...present(row), ancestors: (await rq.regionAncestors(ctx.db, row)).map(present) };
}
