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

/**
 * The chains whose links the matching prospects would fill: their strengths feed the ranking. One
 * probe per chain that stops at its first matching prospect (the LIMIT keeps the planner from
 * turning it into a join of every matching prospect's links, which it costs at a handful of rows
 * since it cannot estimate the scope predicate).
 */
export async function chainsOfProspects(db: DbOrTx, where: SQL) {
  return db
    .select({ id: chain.id, rule: chain.rule })
    .from(chain)
    .where(
      sql`(select true from ${chainLink} l join ${prospectLink} pl on pl.link_id = l.id
        join ${prospect} on ${prospect.id} = pl.prospect_id where l.chain_id = ${chain.id} and ${where} limit 1)`,
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
const strengthOfRank = ["missing", "weak", "strong"] as const;
/** A link's strength as the rank its gap takes: missing first. */
const GAP_RANK = sql.raw(`case ls.strength when 'missing' then 0 when 'weak' then 1 else 2 end`);

/**
 * The ranking in one statement: each component per prospect, the weighted score 0–100, sorted
 * and paged in SQL, so 50k prospects rank without leaving the database. Link strengths come in as
 * one JSON parameter (computed by the chain rule); local fit counts registry firms of the same
 * industry (two-digit class) in the prospect's region's subtree, counted once per region.
 *
 * Every part is a whole number of tenths (gap 10/6/1, fit min(10, firms), signals, source and
 * priority as in chain.rank.ts) and the weights are whole numbers, so with S = Σ weight × tenths
 * the score round(100 × Σ weight × value / Σ weights, 1) is exactly (200·S + Σw) div (2·Σw) tenths
 * (half away from zero, as numeric round): integer arithmetic where the numeric expression cost
 * most of the pass. The full pass carries only these integers (the gap by one hash aggregate of
 * the prospects' links, fit by one hash join); the page alone gets the link its gap names.
 */
export async function rankProspects(
  db: DbOrTx,
  where: SQL,
  weights: RankWeights,
  strengths: { id: string; strength: Strength }[],
  page: { page: number; pageSize: number; sort?: string; order?: "asc" | "desc" },
): Promise<{ rows: RankedRow[]; total: number }> {
  const sum = weights.gap + weights.fit + weights.signals + weights.source + weights.priority;
  const sorts: Record<string, { col: string; expr?: SQL }> = {
    score: { col: "score10" },
    name: { col: "name", expr: sql`, ${prospect.name} as name` },
    createdAt: { col: "created_at", expr: sql`, ${prospect.createdAt} as created_at` },
    priority: { col: "priority10" },
  };
  const sort = sorts[page.sort ?? ""] ?? sorts.score!;
  const dir = page.order ?? (sort.col === "score10" || sort.col === "created_at" ? "desc" : "asc");
  const order = sql.raw(`${sort.col} ${dir} nulls last, id`);
  const query = sql`
    with p as materialized (
      select ${prospect.id} as id, ${prospect.regionId} as region_id,
        left(${prospect.industryCode}, 3) as k${sort.expr ?? sql``},
        least(10, (case when 'expansion' = any(${prospect.signals}) then 5 else 0 end)
          + (case when 'fund_tie' = any(${prospect.signals}) then 3 else 0 end)
          + (case when 'visit' = any(${prospect.signals}) then 2 else 0 end)
          + (case when 'policy_fit' = any(${prospect.signals}) then 2 else 0 end)) as signal10,
        greatest(
          case when 'fortune500' = any(${prospect.sources}) then 10 else 0 end,
          case when 'private500' = any(${prospect.sources}) then 8 else 0 end,
          case when 'listed' = any(${prospect.sources}) or 'university' = any(${prospect.sources}) then 7 else 0 end,
          case when 'referral' = any(${prospect.sources}) then 6 else 0 end,
          case when 'alumni' = any(${prospect.sources}) then 5 else 0 end,
          case when 'other' = any(${prospect.sources}) then 2 else 0 end) as source10,
        case ${prospect.priority} when 'high' then 10 when 'medium' then 5 else 0 end as priority10
      from ${prospect} where ${where}
    ), ls as (
      select * from jsonb_to_recordset(${JSON.stringify(strengths)}::jsonb) as x(id uuid, strength text)
    ), gap as (
      select pl.prospect_id, min(${GAP_RANK}) as gap_rank
      from ${prospectLink} pl join ls on ls.id = pl.link_id group by pl.prospect_id
    ), pr as materialized (
      -- the prospects' regions (a handful) and how many in each: the total comes from here too
      select region_id, count(*) as n from p group by region_id
    ), sub as materialized (
      -- the regions first, then their subtrees: a LIKE join cannot hash
      select rp.id as region_id, re.id as rid
      from pr join ${region} rp on rp.id = pr.region_id
        join ${region} re on re.path like rp.path || '%'
    ), fe as (
      select e.region_id, left(e.industry_code, 3) as k, count(*)::int as n from ${enterprise} e
      where e.region_id = any(array(select rid from sub)) and e.industry_code is not null
        and e.status = 'operating'
      group by 1, 2
    ), fit as (
      select sub.region_id, fe.k, sum(fe.n)::int as n from fe join sub on sub.rid = fe.region_id group by 1, 2
    ), parts as (
      select p.*, g.gap_rank, coalesce(f.n, 0) as fit_firms,
        coalesce(case g.gap_rank when 0 then 10 when 1 then 6 when 2 then 1 end, 0) as gap10
      from p left join gap g on g.prospect_id = p.id
        left join fit f on f.region_id = p.region_id and f.k = p.k
    ), scored as (
      select parts.*, (200 * (${v(weights.gap)} * gap10 + ${v(weights.fit)} * least(10, fit_firms)
        + ${v(weights.signals)} * signal10 + ${v(weights.source)} * source10
        + ${v(weights.priority)} * priority10) + ${v(sum)}) / ${v(2 * sum)} as score10
      from parts
    )
    select scored.*, (select sum(n) from pr) as total from scored
    order by ${order}
    limit ${page.pageSize} offset ${offsetOf(page)}`;
  // The planner guesses the scoped prospect CTE at one row and nests loops over the link join,
  // re-aggregating it per prospect (29 s at 5k prospects); every join here is an equi-join of
  // whole sets, so hash joins are right whatever the guess.
  const res = await runPlanned(db, query, { noNestLoop: true });
  const rows = (res as unknown as { rows: Record<string, unknown>[] }).rows;
  const gapLinks = await gapLinksOf(db, rows, strengths);
  return {
    total: Number(rows[0]?.total ?? (page.page > 1 ? await countOf(db, where) : 0)),
    rows: rows.map((r) => ({
      id: String(r.id),
      score: Number(r.score10) / 10,
      gap: Number(r.gap10) / 10,
      gapLink: gapLinks.get(String(r.id)) ?? null,
      gapStrength: r.gap_rank == null ? null : strengthOfRank[Number(r.gap_rank)]!,
      fitFirms: Number(r.fit_firms),
      signalValue: Number(r.signal10) / 10,
      sourceValue: Number(r.source10) / 10,
      priorityValue: Number(r.priority10) / 10,
    })),
  };
}

/**
 * The link each page row's gap names: the first by name among its links of the gap's strength
 * (names ordered by the database, as the ranking always did).
 */
async function gapLinksOf(
  db: DbOrTx,
  rows: Record<string, unknown>[],
  strengths: { id: string; strength: Strength }[],
): Promise<Map<string, string>> {
  const wanted = rows.filter((r) => r.gap_rank != null);
  if (wanted.length === 0) return new Map();
  const rank = new Map(
    strengths.map((s) => [s.id, s.strength === "missing" ? 0 : s.strength === "weak" ? 1 : 2]),
  );
  const gapRank = new Map(wanted.map((r) => [String(r.id), Number(r.gap_rank)]));
  const res = await db.execute(sql`select pl.prospect_id, pl.link_id, l.name
    from ${prospectLink} pl join ${chainLink} l on l.id = pl.link_id
    where pl.prospect_id in (${sql.join(
      [...gapRank.keys()].map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by l.name`);
  const out = new Map<string, string>();
  for (const r of (res as unknown as { rows: { prospect_id: string; link_id: string; name: string }[] })
    .rows) {
    const id = String(r.prospect_id);
    const linkRank = rank.get(String(r.link_id));
    if (!out.has(id) && linkRank !== undefined && linkRank === gapRank.get(id)) out.set(id, r.name);
  }
  return out;
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
