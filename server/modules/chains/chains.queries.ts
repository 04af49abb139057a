import { type AnyColumn, and, asc, count, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { linkFields } from "../../../common/chain.prospect.js";
import type { ChainListKind, ChainQuery, ChainRow, ChainStatus } from "../../../common/chain.schema.js";
import { describeCondition } from "../../../common/conditions.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { hasAll, inRegionSubtree } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, region, team } from "../org/org.table.js";
import { projectIdsInScope } from "../projects/projects.queries.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";
import { chain, chainLink, chainLinkEdge, chainLinkFirm, chainProject, prospect } from "./chains.table.js";

/*
 * Chain and link reads (lists, one chain, a link, its firms and projects, pickers) and the scope
 * they share. The map's facts and strengths are in chains.map.queries.ts, the X清单 reads in
 * chains.lists.queries.ts.
 */

/**
 * Chains are a region's published plan: a user reads those of the regions their grants reach and
 * of their home region and the regions above it (a park officer reads the zone's chains).
 */
export function regionVisible(actor: Actor, col: AnyColumn | SQL): SQL {
  if (hasAll(actor)) return sql`true`;
  const parts: SQL[] = actor.grants
    .filter((g) => g.kind === "region" && g.path)
    .map((g) => sql`r.path like ${`${g.path}%`}`);
  if (actor.regionId) {
    parts.push(sql`(select h.path from ${region} h where h.id = ${actor.regionId}) like r.path || '%'`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`exists (select 1 from ${region} r where r.id = ${col} and (${sql.join(parts, sql` or `)}))`;
}
export const chainScope = (actor: Actor) => regionVisible(actor, chain.regionId);

const chief = users;
const chainBase = (db: DbOrTx) =>
  db
    .select({
      id: chain.id,
      regionId: chain.regionId,
      regionName: region.name,
      name: chain.name,
      description: chain.description,
      chiefId: chain.chiefId,
      chiefName: chief.name,
      chiefTitle: chain.chiefTitle,
      leaderFirmIds: chain.leaderFirmIds,
      leaderFirms: sql<
        { id: string; name: string }[]
      >`coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name)
        from ${enterprise} e where e.id = any(${chain.leaderFirmIds})), '[]'::json)`,
      departmentId: chain.departmentId,
      departmentName: department.name,
      teamId: chain.teamId,
      teamName: team.name,
      goals: chain.goals,
      lists: chain.lists,
      rule: chain.rule,
      status: chain.status,
      template: chain.template,
      version: chain.version,
      createdAt: chain.createdAt,
      updatedAt: chain.updatedAt,
    })
    .from(chain)
    .innerJoin(region, eq(region.id, chain.regionId))
    .leftJoin(chief, eq(chief.id, chain.chiefId))
    .leftJoin(department, eq(department.id, chain.departmentId))
    .leftJoin(team, eq(team.id, chain.teamId));

const shapeChain = (r: Awaited<ReturnType<typeof chainBase>>[number]): ChainRow => ({
  ...r,
  lists: r.lists as ChainListKind[],
  status: r.status as ChainStatus,
  ruleText: {
    strong: describeCondition(r.rule.strong, linkFields),
    weak: describeCondition(r.rule.weak, linkFields),
  },
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listChains(db: DbOrTx, actor: Actor, q: ChainQuery) {
  const w = and(
    chainScope(actor),
    q.regionId ? inRegionSubtree(chain.regionId, q.regionId) : undefined,
    q.status ? eq(chain.status, q.status) : undefined,
    q.q ? ilike(chain.name, likeText(q.q)) : undefined,
  );
  const sorts = { name: chain.name, createdAt: chain.createdAt, updatedAt: chain.updatedAt };
  const [rows, [total]] = await Promise.all([
    chainBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", chain.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(chain).where(w),
  ]);
  return { items: rows.map(shapeChain), total: total?.n ?? 0 };
}

export async function getChain(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await chainBase(db).where(and(eq(chain.id, id), chainScope(actor)));
  return r ? shapeChain(r) : null;
}

export async function chainsOfRegion(db: DbOrTx, actor: Actor, regionId: string) {
  const rows = await chainBase(db)
    .where(and(chainScope(actor), eq(chain.regionId, regionId), eq(chain.status, "active")))
    .orderBy(asc(chain.createdAt), asc(chain.id));
  return rows.map(shapeChain);
}

/**
 * Runs one aggregate statement with PostgreSQL's JIT off (and nested loops too when asked), local
 * to a transaction: these statements' estimated costs pass the JIT threshold, and compiling took
 * longer (0.2–1.7 s) than running them. PGlite has no JIT; the setting is accepted and ignored.
 */
export async function runPlanned(db: DbOrTx, query: SQL, opts: { noNestLoop?: boolean } = {}) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    if (opts.noNestLoop) await tx.execute(sql`set local enable_nestloop = off`);
    const out = await tx.execute(query);
    if (opts.noNestLoop) await tx.execute(sql`set local enable_nestloop = on`);
    await tx.execute(sql`reset jit`);
    return out;
  });
}

export async function getLink(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await db
    .select({
      id: chainLink.id,
      chainId: chainLink.chainId,
      regionId: chainLink.regionId,
      name: chainLink.name,
      segment: chainLink.segment,
      order: chainLink.order,
      note: chainLink.note,
      version: chainLink.version,
    })
    .from(chainLink)
    .innerJoin(chain, eq(chain.id, chainLink.chainId))
    .where(and(eq(chainLink.id, id), chainScope(actor)));
  return r ?? null;
}

export async function linksOfChain(db: DbOrTx, chainId: string) {
  return db
    .select({ id: chainLink.id, name: chainLink.name })
    .from(chainLink)
    .where(eq(chainLink.chainId, chainId));
}

/** The link and every link below it, through the edges (for refusing a move under a descendant). */
export async function descendantsOf(db: DbOrTx, linkId: string): Promise<Set<string>> {
  const res = await db.execute(sql`
    with recursive d(id) as (
      select ${linkId}::uuid
      union
      select e.child_id from ${chainLinkEdge} e join d on e.parent_id = d.id
    ) select id from d`);
  return new Set((res as unknown as { rows: { id: string }[] }).rows.map((r) => String(r.id)));
}

export async function linkFirms(db: DbOrTx, linkId: string) {
  return db
    .select({
      enterpriseId: chainLinkFirm.enterpriseId,
      name: enterprise.name,
      role: chainLinkFirm.role,
      note: chainLinkFirm.note,
    })
    .from(chainLinkFirm)
    .innerJoin(enterprise, eq(enterprise.id, chainLinkFirm.enterpriseId))
    .where(eq(chainLinkFirm.linkId, linkId))
    .orderBy(sql`${chainLinkFirm.role} = 'leader' desc`, asc(enterprise.name));
}

/** Projects on links, in the actor's project scope. */
export async function projectsOnLinks(db: DbOrTx, actor: Actor, linkIds: string[]) {
  if (linkIds.length === 0) return [];
  return db
    .select({
      linkId: chainProject.linkId,
      id: project.id,
      code: project.code,
      name: project.name,
      stage: project.stage,
    })
    .from(chainProject)
    .innerJoin(project, eq(project.id, chainProject.projectId))
    .where(and(inArray(chainProject.linkId, linkIds), inArray(project.id, projectIdsInScope(actor))))
    .orderBy(asc(project.code));
}

/** A project's links with their chain, for its 产业链 panel. */
export async function linksOfProject(db: DbOrTx, actor: Actor, projectId: string) {
  return db
    .select({
      chainId: chain.id,
      chainName: chain.name,
      linkId: chainLink.id,
      linkName: chainLink.name,
      rule: chain.rule,
    })
    .from(chainProject)
    .innerJoin(chainLink, eq(chainLink.id, chainProject.linkId))
    .innerJoin(chain, eq(chain.id, chainLink.chainId))
    .where(and(eq(chainProject.projectId, projectId), chainScope(actor)))
    .orderBy(asc(chain.name), asc(chainLink.order));
}

export async function chainHasProjects(db: DbOrTx, chainId: string) {
  const [r] = await db
    .select({ n: count() })
    .from(chainProject)
    .innerJoin(chainLink, eq(chainLink.id, chainProject.linkId))
    .where(eq(chainLink.chainId, chainId));
  return (r?.n ?? 0) > 0;
}

/** Enterprise merge: the chains' references to the merged-away firm point at the kept one. */
export async function repointFirm(db: DbOrTx, fromId: string, intoId: string) {
  await db.execute(sql`insert into ${chainLinkFirm} (link_id, enterprise_id, role, note, added_at)
    select link_id, ${intoId}, role, note, added_at from ${chainLinkFirm} where enterprise_id = ${fromId}
    on conflict do nothing`);
  await db.delete(chainLinkFirm).where(eq(chainLinkFirm.enterpriseId, fromId));
  await db.execute(sql`update ${chain} set leader_firm_ids = array(select distinct unnest(
      array_replace(leader_firm_ids, ${fromId}::uuid, ${intoId}::uuid)))
    where ${fromId}::uuid = any(leader_firm_ids)`);
  await db.update(prospect).set({ enterpriseId: intoId }).where(eq(prospect.enterpriseId, fromId));
}

/** Every link of the active chains in scope, for pickers (a project's or a prospect's links). */
export async function linkOptions(db: DbOrTx, actor: Actor, regionId?: string) {
  return db
    .select({ id: chainLink.id, name: chainLink.name, chainId: chain.id, chainName: chain.name })
    .from(chainLink)
    .innerJoin(chain, eq(chain.id, chainLink.chainId))
    .where(
      and(
        chainScope(actor),
        eq(chain.status, "active"),
        regionId ? inRegionSubtree(chain.regionId, regionId) : undefined,
      ),
    )
    .orderBy(asc(chain.name), asc(chainLink.order), asc(chainLink.name));
}
