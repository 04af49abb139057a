import { and, asc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { ProspectQuery, RankWeights } from "../../../common/chain.prospect.js";
import type { Strength } from "../../../common/chain.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf } from "../../lib/paging.js";
import { inRegionSubtree } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { region, team } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { regionVisible, runPlanned } from "./chains.queries.js";
import { chain, chainLink, prospect, prospectLink, prospectWeights } from "./chains.table.js";

/** Prospects: the region's pool as chains are (grants and home region), plus a team's own. */
export function prospectScope(actor: Actor): SQL {
  const teams = actor.grants.filter((g) => g.kind === "team" && g.refId).map((g) => g.refId!);
  const base = regionVisible(actor, prospect.regionId);
  return teams.length ? or(base, inArray(prospect.teamId, teams))! : base;
}

export function prospectWhere(actor: Actor, q: Partial<ProspectQuery>): SQL {
  return and(
    prospectScope(actor),
    q.regionId ? inRegionSubtree(prospect.regionId, q.regionId) : undefined,
    q.source ? sql`${q.source} = any(${prospect.sources})` : undefined,
    q.status ? eq(prospect.status, q.status) : undefined,
    q.priority ? eq(prospect.priority, q.priority) : undefined,
    q.teamId ? eq(prospect.teamId, q.teamId) : undefined,
    q.country ? eq(prospect.country, q.country) : undefined,
    q.linkId
      ? sql`exists (select 1 from ${prospectLink} pl where pl.prospect_id = ${prospect.id} and pl.link_id = ${q.linkId})`
      : undefined,
    q.chainId
      ? sql`exists (select 1 from ${prospectLink} pl join ${chainLink} l on l.id = pl.link_id
          where pl.prospect_id = ${prospect.id} and l.chain_id = ${q.chainId})`
      : undefined,
    q.q
      ? or(
          ilike(prospect.name, likeText(q.q)),
          ilike(prospect.industry, likeText(q.q)),
          ilike(prospect.headquarters, likeText(q.q)),
        )
      : undefined,
  )!;
}

/** The chains whose links the matching prospects would fill: their strengths feed the ranking. */
export async function chainsOfProspects(db: DbOrTx, where: SQL) {
  return db
    .select({ id: chain.id, rule: chain.rule })
    .from(chain)
    .where(
      sql`${chain.id} in (select l.chain_id from ${chainLink} l where l.id in (
        select pl.link_id from ${prospectLink} pl where pl.prospect_id in (
          select ${prospect.id} from ${prospect} where ${where})))`,
    );
}

export interface RankedRow {
  id: string;
  score: number;
  gap: number;
  gapLink: string | null;
  gapStrength: Strength | null;
  fitFirms: number;
  signalValue: number;
  sourceValue: number;
  priorityValue: number;
}

const v = (w: number) => sql.raw(String(Number(w)));

/**
 * The ranking in one statement: each component 0–1 per prospect, the weighted score 0–100, sorted
 * and paged in SQL, so 50k prospects rank without leaving the database. Link strengths come in as
 * one JSON parameter (computed by the chain rule); local fit counts registry firms of the same
 * industry (two-digit class) in the prospect's region, read once per region.
 */
export async function rankProspects(
  db: DbOrTx,
  where: SQL,
  weights: RankWeights,
  strengths: { id: string; strength: Strength; name: string }[],
  page: { page: number; pageSize: number; sort?: string; order?: "asc" | "desc" },
): Promise<{ rows: RankedRow[]; total: number }> {
  const sum = weights.gap + weights.fit + weights.signals + weights.source + weights.priority;
  const sorts: Record<string, string> = {
    score: "score",
    name: "name",
    createdAt: "created_at",
    priority: "priority_value",
  };
  const sortCol = sorts[page.sort ?? ""] ?? "score";
  const dir = page.order ?? (sortCol === "score" || sortCol === "created_at" ? "desc" : "asc");
  const query = sql`
    with p as (
      select ${prospect.id} as id, ${prospect.name} as name, ${prospect.regionId} as region_id,
        ${prospect.industryCode} as industry_code, ${prospect.signals} as signals,
        ${prospect.sources} as sources, ${prospect.priority} as priority, ${prospect.createdAt} as created_at
      from ${prospect} where ${where}
    ), ls as (
      select * from jsonb_to_recordset(${JSON.stringify(strengths)}::jsonb) as x(id uuid, strength text, name text)
    ), gap as (
      select pl.prospect_id,
        max(case ls.strength when 'missing' then 1.0 when 'weak' then 0.6 else 0.1 end) as gap,
        (array_agg(ls.name order by case ls.strength when 'missing' then 0 when 'weak' then 1 else 2 end, ls.name))[1] as gap_link,
        (array_agg(ls.strength order by case ls.strength when 'missing' then 0 when 'weak' then 1 else 2 end, ls.name))[1] as gap_strength
      from ${prospectLink} pl join ls on ls.id = pl.link_id
      where pl.prospect_id in (select id from p) group by pl.prospect_id
    ), sub as materialized (
      -- the prospects' regions first (a handful), then their subtrees: a LIKE join cannot hash
      select rp.id as region_id, re.id as rid
      from (select distinct region_id from p) pr
        join ${region} rp on rp.id = pr.region_id
        join ${region} re on re.path like rp.path || '%'
    ), fit as (
      select sub.region_id, left(e.industry_code, 3) as k, count(*)::int as n
      from sub join ${enterprise} e on e.region_id = sub.rid
      where e.industry_code is not null and e.status = 'operating'
      group by 1, 2
    ), parts as (
      select p.id, p.name, p.created_at,
        coalesce(g.gap, 0) as gap, g.gap_link, g.gap_strength,
        coalesce(f.n, 0) as fit_firms,
        least(1.0, (case when 'expansion' = any(p.signals) then 0.5 else 0 end)
          + (case when 'fund_tie' = any(p.signals) then 0.3 else 0 end)
          + (case when 'visit' = any(p.signals) then 0.2 else 0 end)
          + (case when 'policy_fit' = any(p.signals) then 0.2 else 0 end)) as signal_value,
        greatest(
          case when 'fortune500' = any(p.sources) then 1.0 else 0 end,
          case when 'private500' = any(p.sources) then 0.8 else 0 end,
          case when 'listed' = any(p.sources) or 'university' = any(p.sources) then 0.7 else 0 end,
          case when 'referral' = any(p.sources) then 0.6 else 0 end,
          case when 'alumni' = any(p.sources) then 0.5 else 0 end,
          case when 'other' = any(p.sources) then 0.2 else 0 end) as source_value,
        case p.priority when 'high' then 1.0 when 'medium' then 0.5 else 0 end as priority_value
      from p left join gap g on g.prospect_id = p.id
        left join fit f on f.region_id = p.region_id and f.k = left(p.industry_code, 3)
    ), scored as (
      select parts.*, round((100.0 * (${v(weights.gap)} * gap
        + ${v(weights.fit)} * least(1.0, fit_firms / 10.0)
        + ${v(weights.signals)} * signal_value + ${v(weights.source)} * source_value
        + ${v(weights.priority)} * priority_value) / ${v(sum)})::numeric, 1)::double precision as score
      from parts
    )
    select scored.*, count(*) over () as total from scored
    order by ${sql.raw(sortCol)} ${sql.raw(dir)} nulls last, id
    limit ${page.pageSize} offset ${offsetOf(page)}`;
  // The planner guesses the scoped prospect CTE at one row and nests loops over the link join,
  // re-aggregating it per prospect (29 s at 5k prospects); every join here is an equi-join of
  // whole sets, so hash joins are right whatever the guess.
  const res = await runPlanned(db, query, { noNestLoop: true });
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  return {
    total: Number(rows[0]?.total ?? (page.page > 1 ? await countOf(db, where) : 0)),
    rows: rows.map((r) => ({
      id: String(r.id),
      score: Number(r.score),
      gap: Number(r.gap),
      gapLink: (r.gap_link as string | null) ?? null,
      gapStrength: (r.gap_strength as Strength | null) ?? null,
      fitFirms: Number(r.fit_firms),
      signalValue: Number(r.signal_value),
      sourceValue: Number(r.source_value),
      priorityValue: Number(r.priority_value),
    })),
  };
}

async function countOf(db: DbOrTx, where: SQL) {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(prospect).where(where);
  return Number(r?.n ?? 0);
}

/** The rows of the given ids with their team, project and links. */
export async function prospectsByIds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .select({
      id: prospect.id,
      regionId: prospect.regionId,
      regionName: region.name,
      name: prospect.name,
      enterpriseId: prospect.enterpriseId,
      sources: prospect.sources,
      country: prospect.country,
      headquarters: prospect.headquarters,
      industryCode: prospect.industryCode,
      industry: prospect.industry,
      moves: prospect.moves,
      signals: prospect.signals,
      priority: prospect.priority,
      status: prospect.status,
      teamId: prospect.teamId,
      teamName: team.name,
      projectId: prospect.projectId,
      projectCode: project.code,
      note: prospect.note,
      version: prospect.version,
      createdAt: prospect.createdAt,
      updatedAt: prospect.updatedAt,
      links: sql<{ id: string; name: string; chainId: string; chainName: string }[]>`coalesce((
        select json_agg(json_build_object('id', l.id, 'name', l.name, 'chainId', c.id, 'chainName', c.name)
          order by c.name, l.sort_order)
        from ${prospectLink} pl join ${chainLink} l on l.id = pl.link_id join ${chain} c on c.id = l.chain_id
        where pl.prospect_id = ${prospect.id}), '[]'::json)`,
    })
    .from(prospect)
    .innerJoin(region, eq(region.id, prospect.regionId))
    .leftJoin(team, eq(team.id, prospect.teamId))
    .leftJoin(project, eq(project.id, prospect.projectId))
    .where(inArray(prospect.id, ids));
  return rows;
}

export async function prospectInScope(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await db
    .select({ id: prospect.id })
    .from(prospect)
    .where(and(eq(prospect.id, id), prospectScope(actor)));
  return Boolean(r);
}

/** Prospects on links, in scope, for a link's drawer and the gap report. */
export async function prospectsOnLinks(db: DbOrTx, actor: Actor, linkIds: string[]) {
  if (linkIds.length === 0) return [];
  return db
    .select({
      linkId: prospectLink.linkId,
      id: prospect.id,
      name: prospect.name,
      priority: prospect.priority,
      status: prospect.status,
    })
    .from(prospectLink)
    .innerJoin(prospect, eq(prospect.id, prospectLink.prospectId))
    .where(and(inArray(prospectLink.linkId, linkIds), prospectScope(actor)))
    .orderBy(asc(prospect.name));
}

export async function weightsOf(db: DbOrTx, regionId: string) {
  const [r] = await db.select().from(prospectWeights).where(eq(prospectWeights.regionId, regionId));
  return r ?? null;
}
