import { type AnyColumn, and, asc, count, eq, ilike, inArray, type SQL, sql } from "drizzle-orm";
import { linkFields } from "../../../common/chain.prospect.js";
import type {
  ChainListKind,
  ChainQuery,
  ChainRow,
  ChainStatus,
  ChainTotals,
  LinkFacts,
  LinkRow,
  Segment,
  Strength,
  StrengthRule,
} from "../../../common/chain.schema.js";
import { describeCondition } from "../../../common/conditions.js";
import type { DbOrTx } from "../../db/client.js";
import { compileCondition, type SqlField } from "../../lib/conditions.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { hasAll, inRegionSubtree } from "../../lib/scope.js";
import { firmFiguresSql } from "../enterprises/enterprises.conditions.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, region, team } from "../org/org.table.js";
import { projectIdsInScope } from "../projects/projects.queries.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";
import {
  chain,
  chainLink,
  chainLinkEdge,
  chainLinkFirm,
  chainProject,
  prospect,
  prospectLink,
} from "./chains.table.js";

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

/** The link-level fields of the condition language, as columns of the `lf` facts row. */
const factColumns: Record<keyof Omit<LinkFacts, "prospectCount">, string> = {
  firmCount: "firm_count",
  leaderCount: "leader_count",
  outputWan: "output_wan",
  taxWan: "tax_wan",
  revenueWan: "revenue_wan",
  hnteCount: "hnte_count",
  srdiCount: "srdi_count",
  giantCount: "giant_count",
  listedCount: "listed_count",
  projectCount: "project_count",
};
export const linkSqlFields: SqlField[] = linkFields.map((f) => ({
  ...f,
  expr: sql.raw(`lf.${factColumns[f.key as keyof typeof factColumns]}`),
}));

/** strong / weak / missing for one chain's rule, over the facts row `lf`. */
export const strengthSql = (rule: StrengthRule): SQL =>
  sql`case when ${compileCondition(rule.strong, linkSqlFields)} then 'strong'
    when ${compileCondition(rule.weak, linkSqlFields)} then 'weak' else 'missing' end`;

/**
 * Every link of the given chains with its facts and strength, set-based: firms' latest-year
 * figures come from the registry's published condition expressions (enterprises.conditions.ts),
 * each firm read once however many links it sits on.
 */
export async function linkFacts(
  db: DbOrTx,
  chains: { id: string; rule: StrengthRule }[],
  today: string,
): Promise<LinkRow[]> {
  if (chains.length === 0) return [];
  const ids = chains.map((c) => c.id);
  const idList = sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  const strength = sql`case lf.chain_id ${sql.join(
    chains.map((c) => sql`when ${c.id}::uuid then ${strengthSql(c.rule)}`),
    sql` `,
  )} end`;
  const labels = ["chain_leader", "hnte", "srdi", "little_giant", "listed"];
  const res = await runPlanned(
    db,
    sql`
    with ls as materialized (
      select * from ${chainLink} l where l.chain_id in (${idList})
    ), mem as materialized (
      -- = any(array(…)): probes the (link, firm) key per link instead of scanning every placement
      select f.link_id, f.enterprise_id, f.role from ${chainLinkFirm} f where f.link_id = any(array(select id from ls))
    ), firms as materialized (
      select distinct enterprise_id as id from mem
    ), ff as (
      select * from ${firmFiguresSql(sql`firms`, labels, today)} x
    ), lf as (
      select l.id, l.chain_id, l.name, l.segment, l.sort_order, l.note, l.version,
        count(f.enterprise_id)::int as firm_count,
        (count(*) filter (where f.role = 'leader' or ff.chain_leader))::int as leader_count,
        coalesce(sum(ff.output), 0)::double precision as output_wan,
        coalesce(sum(ff.tax), 0)::double precision as tax_wan,
        coalesce(sum(ff.revenue), 0)::double precision as revenue_wan,
        (count(*) filter (where ff.hnte))::int as hnte_count,
        (count(*) filter (where ff.srdi))::int as srdi_count,
        (count(*) filter (where ff.little_giant))::int as giant_count,
        (count(*) filter (where ff.listed))::int as listed_count,
        (select count(*) from ${chainProject} cp where cp.link_id = l.id)::int as project_count,
        (select count(*) from ${prospectLink} pl where pl.link_id = l.id)::int as prospect_count,
        coalesce((select array_agg(e.parent_id order by e.parent_id) from ${chainLinkEdge} e
          where e.child_id = l.id), '{}'::uuid[]) as parent_ids
      from ls l
        left join mem f on f.link_id = l.id
        left join ff on ff.id = f.enterprise_id
      group by l.id, l.chain_id, l.name, l.segment, l.sort_order, l.note, l.version
    )
    select lf.*, ${strength} as strength from lf order by lf.chain_id, lf.sort_order, lf.name`,
  );
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  return rows.map((r) => ({
    id: String(r.id),
    chainId: String(r.chain_id),
    name: String(r.name),
    segment: r.segment as Segment,
    parentIds: parseUuidArray(r.parent_ids),
    order: Number(r.sort_order),
    note: (r.note as string | null) ?? null,
    version: Number(r.version),
    firmCount: Number(r.firm_count),
    leaderCount: Number(r.leader_count),
    outputWan: Number(r.output_wan),
    taxWan: Number(r.tax_wan),
    revenueWan: Number(r.revenue_wan),
    hnteCount: Number(r.hnte_count),
    srdiCount: Number(r.srdi_count),
    giantCount: Number(r.giant_count),
    listedCount: Number(r.listed_count),
    projectCount: Number(r.project_count),
    prospectCount: Number(r.prospect_count),
    strength: r.strength as Strength,
  }));
}

/** pg hands uuid[] back as an array or as '{a,b}' text depending on the driver's type parsers. */
function parseUuidArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string")
    return v
      .replace(/^\{|\}$/g, "")
      .split(",")
      .filter(Boolean);
  return [];
}

/** Chain totals: links by strength from the rows, firms and their figures counted once per firm. */
export async function chainTotals(
  db: DbOrTx,
  chainId: string,
  links: LinkRow[],
  today: string,
): Promise<ChainTotals> {
  const res = await db.execute(sql`
    with firms as materialized (
      select distinct f.enterprise_id as id from ${chainLinkFirm} f
        where f.link_id = any(array(select l.id from ${chainLink} l where l.chain_id = ${chainId}))
    )
    select count(*)::int as firms, coalesce(sum(x.output), 0)::double precision as output,
      coalesce(sum(x.tax), 0)::double precision as tax
    from ${firmFiguresSql(sql`firms`, [], today)} x`);
  const t = (res as unknown as { rows: Record<string, unknown>[] }).rows[0] ?? {};
  const projects = await db
    .select({ n: sql<number>`count(distinct ${chainProject.projectId})::int` })
    .from(chainProject)
    .innerJoin(chainLink, eq(chainLink.id, chainProject.linkId))
    .where(eq(chainLink.chainId, chainId));
  const prospects = await db
    .select({ n: sql<number>`count(distinct ${prospectLink.prospectId})::int` })
    .from(prospectLink)
    .innerJoin(chainLink, eq(chainLink.id, prospectLink.linkId))
    .where(eq(chainLink.chainId, chainId));
  const by = (s: Strength) => links.filter((l) => l.strength === s).length;
  return {
    links: links.length,
    strong: by("strong"),
    weak: by("weak"),
    missing: by("missing"),
    firms: Number(t.firms ?? 0),
    outputWan: Number(t.output ?? 0),
    taxWan: Number(t.tax ?? 0),
    projects: Number(projects[0]?.n ?? 0),
    prospects: Number(prospects[0]?.n ?? 0),
  };
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
