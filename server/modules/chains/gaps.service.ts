import type { GapRow } from "../../../common/chain.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import * as mq from "./chains.map.queries.js";
import * as q from "./chains.queries.js";
import { today } from "./chains.service.js";
import { listProspects } from "./prospects.service.js";

/**
 * 缺链补链清单: each missing or weak link with the ranked prospects that would fill it and the
 * projects already under way on it.
 */
export async function gapReport(ctx: ActorCtx, chainId: string): Promise<GapRow[]> {
  requirePermission(ctx.actor.permissions, "chain.read");
  const c = await q.getChain(ctx.db, ctx.actor, chainId);
  if (!c) throw notFound();
  const links = (await mq.linkFacts(ctx.db, [c], today(ctx))).filter((l) => l.strength !== "strong");
  const ids = links.map((l) => l.id);
  const [projects, ranked] = await Promise.all([
    ctx.actor.permissions.has("project.read") ? q.projectsOnLinks(ctx.db, ctx.actor, ids) : [],
    ctx.actor.permissions.has("prospect.read")
      ? listProspects(ctx, { chainId, page: 1, pageSize: 500, sort: "score", order: "desc" })
      : { items: [] },
  ]);
  return links.map((l) => ({
    chainId: c.id,
    chainName: c.name,
    linkId: l.id,
    linkName: l.name,
    segment: l.segment,
    strength: l.strength as GapRow["strength"],
    firmCount: l.firmCount,
    prospects: ranked.items
      .filter((p) => p.linkIds.includes(l.id) && p.status !== "converted" && p.status !== "dropped")
      .map((p) => ({ id: p.id, name: p.name, score: p.score })),
    projects: projects.filter((p) => p.linkId === l.id).map(({ linkId: _l, ...p }) => p),
  }));
}
