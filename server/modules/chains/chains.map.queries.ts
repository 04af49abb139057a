import { type SQL, sql } from "drizzle-orm";
import { linkFields } from "../../../common/chain.prospect.js";
import type {
  ChainTotals,
  LinkFacts,
  LinkRow,
  Segment,
  Strength,
  StrengthRule,
} from "../../../common/chain.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { compileCondition, type SqlField } from "../../lib/conditions.js";
import { firmFiguresSql } from "../enterprises/enterprises.conditions.js";
import {
  chainFact,
  chainLink,
  chainLinkEdge,
  chainLinkFact,
  chainLinkFirm,
  chainProject,
  prospectLink,
} from "./chains.table.js";

/*
 * The chain map's reads: each link's facts (its firms' figures and labels, stored per chain and
 * kept current by triggers), its strength by the chain's rule, and the chain totals.
 */

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

/** Each chain's rule over the facts row `lf`, picked by the row's chain. */
const strengthByChain = (chains: FactChain[]): SQL =>
  sql`case lf.chain_id ${sql.join(
    chains.map((c) => sql`when ${c.id}::uuid then ${strengthSql(c.rule)}`),
    sql` `,
  )} end`;

/**
 * Only the strength of every link of the given chains (what the prospect ranking needs), by the
 * same rule over the same facts as chainFacts: one light statement over the stored facts when they
 * are fresh, without the map's parent edges, prospect counts and totals; a stale chain goes through
 * refreshFacts as the map does (computed, and stored unless a writer holds it).
 */
export async function linkStrengths(
  db: DbOrTx,
  chains: FactChain[],
  today: string,
): Promise<{ id: string; strength: Strength }[]> {
  if (chains.length === 0) return [];
  const ids = uuidArray(chains.map((c) => c.id));
  const rows = rowsOf(
    await db.execute(sql`
      with lf as (
        select l.id, l.chain_id,
          coalesce(x.firm_count, 0) as firm_count, coalesce(x.leader_count, 0) as leader_count,
          coalesce(x.output_wan, 0) as output_wan, coalesce(x.tax_wan, 0) as tax_wan,
          coalesce(x.revenue_wan, 0) as revenue_wan, coalesce(x.hnte_count, 0) as hnte_count,
          coalesce(x.srdi_count, 0) as srdi_count, coalesce(x.giant_count, 0) as giant_count,
          coalesce(x.listed_count, 0) as listed_count, coalesce(lp.n, 0)::int as project_count
        from ${chainLink} l
          left join ${chainLinkFact} x on x.link_id = l.id
          left join (select p.link_id, count(*) as n from ${chainProject} p
            join ${chainLink} pl on pl.id = p.link_id where pl.chain_id = any(${ids}) group by 1) lp
            on lp.link_id = l.id
        where l.chain_id = any(${ids})
      )
      select lf.id, lf.chain_id, ${strengthByChain(chains)} as strength,
        coalesce(f.computed_gen = f.gen and f.as_of = ${today}, false) as fresh
      from lf left join ${chainFact} f on f.chain_id = lf.chain_id`),
  );
  const stale = new Set(rows.filter((r) => r.fresh !== true).map((r) => String(r.chain_id)));
  const out = rows
    .filter((r) => !stale.has(String(r.chain_id)))
    .map((r) => ({ id: String(r.id), strength: r.strength as Strength }));
  if (stale.size > 0) {
    const live = await refreshFacts(
      db,
      chains.filter((c) => stale.has(c.id)),
      today,
      { prospects: false },
    );
    out.push(...live.map((r) => ({ id: String(r.id), strength: r.strength as Strength })));
  }
  return out;
}

/**
 * Every link of the given chains with its facts and strength, set-based: firms' latest-year
 * figures come from the registry's published condition expressions (enterprises.conditions.ts),
 * each firm read once however many links it sits on.
 */
export async function linkFacts(
  db: DbOrTx,
  chains: { id: string; rule: StrengthRule }[],
  today: string,
  opts: FactOpts = {},
): Promise<LinkRow[]> {
  return (await chainFacts(db, chains, today, opts)).links;
}

type FactChain = { id: string; rule: StrengthRule };
/** prospects: false leaves prospect counts at 0 (the ranking needs strengths only, not the rule-free counts). */
type FactOpts = { prospects?: boolean };

/**
 * The links' facts and strengths and each chain's totals. The firm facts (the expensive part: one
 * index probe per firm for its latest year and one for its current labels) are stored per chain in
 * `chain_fact` / `chain_link_fact`, which triggers mark stale on any change of the chain's firms or
 * of their registry figures and labels; a stale chain (or one stored for another day) is computed
 * afresh in one statement and stored, unless a writer holds its fact row (an import in progress),
 * in which case it is computed and not stored. Projects, prospects, parent edges and the strength
 * by the chain's current rule are always read live.
 */
export async function chainFacts(
  db: DbOrTx,
  chains: FactChain[],
  today: string,
  opts: FactOpts = {},
): Promise<{ links: LinkRow[]; totals: Map<string, ChainTotals> }> {
  if (chains.length === 0) return { links: [], totals: new Map() };
  const ids = chains.map((c) => c.id);
  // One round trip when every chain's stored facts are fresh (the usual read).
  const stored = rowsOf(await db.execute(chainFactsSql(chains, today, "stored", opts)));
  const fresh = new Set(stored.filter((r) => r.fresh === true).map((r) => String(r.chain_id)));
  const rows = stored.filter((r) => fresh.has(String(r.chain_id)));
  const stale = chains.filter((c) => !fresh.has(c.id));
  if (stale.length > 0) rows.push(...(await refreshFacts(db, stale, today, opts)));
  // The statement's order (chain id, order, name) over the stored and the fresh rows together.
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  rows.sort(
    (x, y) =>
      cmp(String(x.chain_id), String(y.chain_id)) ||
      Number(x.sort_order) - Number(y.sort_order) ||
      cmp(String(x.name), String(y.name)),
  );
  const links: LinkRow[] = rows.map((r) => ({
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
  const totals = new Map<string, ChainTotals>();
  for (const id of ids) {
    const mine = links.filter((l) => l.chainId === id);
    const r = rows.find((x) => String(x.chain_id) === id);
    const by = (s: Strength) => mine.filter((l) => l.strength === s).length;
    totals.set(id, {
      links: mine.length,
      strong: by("strong"),
      weak: by("weak"),
      missing: by("missing"),
      firms: Number(r?.t_firms ?? 0),
      outputWan: Number(r?.t_output ?? 0),
      taxWan: Number(r?.t_tax ?? 0),
      projects: Number(r?.t_projects ?? 0),
      prospects: Number(r?.t_prospects ?? 0),
    });
  }
  return { links, totals };
}

const uuidArray = (ids: string[]) =>
  sql`array[${sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  )}]::uuid[]`;
const rowsOf = (res: unknown) => (res as { rows: Record<string, unknown>[] }).rows;

/**
 * Computes the stale chains' facts afresh and stores those whose fact row it can lock (a writer's
 * bump waits for us; a row a writer holds, as during an import, is skipped: computed, not stored).
 * The gen read under the lock is the one the computation reflects.
 */
async function refreshFacts(db: DbOrTx, chains: FactChain[], today: string, opts: FactOpts) {
  const ids = uuidArray(chains.map((c) => c.id));
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`insert into ${chainFact} (chain_id) select unnest(${ids}) on conflict do nothing`);
    const locked = rowsOf(
      await tx.execute(sql`select chain_id, gen from ${chainFact}
        where chain_id = any(${ids}) for update skip locked`),
    );
    const live = rowsOf(await tx.execute(chainFactsSql(chains, today, "live", opts)));
    if (locked.length > 0) await storeFacts(tx, locked, live, today);
    await tx.execute(sql`reset jit`);
    return live;
  });
}

/** Stores freshly computed facts of the locked chains, marking them computed at the gen read. */
async function storeFacts(
  tx: DbOrTx,
  locked: Record<string, unknown>[],
  live: Record<string, unknown>[],
  today: string,
) {
  const gens = new Map(locked.map((r) => [String(r.chain_id), Number(r.gen)]));
  const mine = live.filter((r) => gens.has(String(r.chain_id)));
  const linkRows = mine.map((r) => ({
    link_id: r.id,
    chain_id: r.chain_id,
    firm_count: Number(r.firm_count),
    leader_count: Number(r.leader_count),
    output_wan: Number(r.output_wan),
    tax_wan: Number(r.tax_wan),
    revenue_wan: Number(r.revenue_wan),
    hnte_count: Number(r.hnte_count),
    srdi_count: Number(r.srdi_count),
    giant_count: Number(r.giant_count),
    listed_count: Number(r.listed_count),
  }));
  const chainRows = [...gens].map(([id, gen]) => {
    const r = mine.find((x) => String(x.chain_id) === id);
    return {
      chain_id: id,
      gen,
      firms: Number(r?.t_firms ?? 0),
      output_wan: Number(r?.t_output ?? 0),
      tax_wan: Number(r?.t_tax ?? 0),
    };
  });
  await tx.execute(sql`delete from ${chainLinkFact} where chain_id = any(${uuidArray([...gens.keys()])})`);
  if (linkRows.length > 0) {
    await tx.execute(sql`insert into ${chainLinkFact} (link_id, chain_id, firm_count, leader_count,
        output_wan, tax_wan, revenue_wan, hnte_count, srdi_count, giant_count, listed_count)
      select x.link_id, x.chain_id, x.firm_count, x.leader_count, x.output_wan, x.tax_wan, x.revenue_wan,
        x.hnte_count, x.srdi_count, x.giant_count, x.listed_count
      from json_to_recordset(${JSON.stringify(linkRows)}::json) as x(link_id uuid, chain_id uuid,
        firm_count int, leader_count int, output_wan double precision, tax_wan double precision,
        revenue_wan double precision, hnte_count int, srdi_count int, giant_count int, listed_count int)`);
  }
  await tx.execute(sql`update ${chainFact} c set computed_gen = x.gen, as_of = ${today},
      firms = x.firms, output_wan = x.output_wan, tax_wan = x.tax_wan
    from json_to_recordset(${JSON.stringify(chainRows)}::json) as x(chain_id uuid, gen int, firms int,
      output_wan double precision, tax_wan double precision)
    where c.chain_id = x.chain_id`);
}

/**
 * The statement behind chainFacts (one row per link, the chain totals repeated on each): "live"
 * computes the firm facts from the registry, "stored" reads them from chain_link_fact / chain_fact.
 */
export function chainFactsSql(
  chains: FactChain[],
  today: string,
  source: "live" | "stored",
  opts: FactOpts = {},
): SQL {
  const ids = chains.map((c) => c.id);
  const idList = sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );
  const strength = strengthByChain(chains);
  const labels = ["chain_leader", "hnte", "srdi", "little_giant", "listed"];
  const firmFacts =
    source === "stored"
      ? sql`lf as (
      select l.id, l.chain_id, l.name, l.segment, l.sort_order, l.note, l.version,
        coalesce(x.firm_count, 0) as firm_count, coalesce(x.leader_count, 0) as leader_count,
        coalesce(x.output_wan, 0) as output_wan, coalesce(x.tax_wan, 0) as tax_wan,
        coalesce(x.revenue_wan, 0) as revenue_wan, coalesce(x.hnte_count, 0) as hnte_count,
        coalesce(x.srdi_count, 0) as srdi_count, coalesce(x.giant_count, 0) as giant_count,
        coalesce(x.listed_count, 0) as listed_count
      from ls l left join ${chainLinkFact} x on x.link_id = l.id
    ), tf as (
      select chain_id, firms, output_wan as output, tax_wan as tax,
        (computed_gen = gen and as_of = ${today}) as fresh
      from ${chainFact} where chain_id in (${idList})
    )`
      : sql`mem as materialized (
      -- = any(array(…)): probes the (link, firm) key per link instead of scanning every placement
      select f.link_id, f.enterprise_id, f.role from ${chainLinkFirm} f where f.link_id = any(array(select id from ls))
    ), firms as materialized (
      select distinct enterprise_id as id from mem
    ), ff as materialized (
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
        (count(*) filter (where ff.listed))::int as listed_count
      from ls l
        left join mem f on f.link_id = l.id
        left join ff on ff.id = f.enterprise_id
      group by l.id, l.chain_id, l.name, l.segment, l.sort_order, l.note, l.version
    ), tf as (
      select c.chain_id, count(*)::int as firms, coalesce(sum(ff.output), 0)::double precision as output,
        coalesce(sum(ff.tax), 0)::double precision as tax
      from (select distinct l.chain_id, m.enterprise_id from mem m join ls l on l.id = m.link_id) c
        join ff on ff.id = c.enterprise_id
      group by c.chain_id
    )`;
  return sql`
    with ls as materialized (
      select * from ${chainLink} l where l.chain_id in (${idList})
    ), ${firmFacts}, cp as materialized (
      select p.link_id, p.project_id from ${chainProject} p where p.link_id = any(array(select id from ls))
    ), pl as materialized (
      select p.link_id, p.prospect_id from ${prospectLink} p where p.link_id = any(array(select id from ls))
        ${opts.prospects === false ? sql`and false` : sql``}
    ), pe as (
      select e.child_id, array_agg(e.parent_id order by e.parent_id) as parent_ids from ${chainLinkEdge} e
        where e.child_id = any(array(select id from ls)) group by e.child_id
    ), lp as (
      select cp.link_id, count(*) as n from cp group by 1
    ), lq as (
      select pl.link_id, count(*) as n from pl group by 1
    ), tp as (
      select l.chain_id, count(distinct cp.project_id)::int as n from cp join ls l on l.id = cp.link_id group by 1
    ), tq as (
      select l.chain_id, count(distinct pl.prospect_id)::int as n from pl join ls l on l.id = pl.link_id group by 1
    ), lc as (
      select lf.*, coalesce(lp.n, 0)::int as project_count, coalesce(lq.n, 0)::int as prospect_count
      from lf left join lp on lp.link_id = lf.id left join lq on lq.link_id = lf.id
    )
    select lf.*, ${strength} as strength,
      coalesce(pe.parent_ids, '{}'::uuid[]) as parent_ids,
      ${source === "stored" ? sql`coalesce(tf.fresh, false) as fresh,` : sql``}
      coalesce(tf.firms, 0) as t_firms, coalesce(tf.output, 0) as t_output, coalesce(tf.tax, 0) as t_tax,
      coalesce(tp.n, 0) as t_projects, coalesce(tq.n, 0) as t_prospects
    from lc lf
      left join pe on pe.child_id = lf.id
      left join tf on tf.chain_id = lf.chain_id
      left join tp on tp.chain_id = lf.chain_id
      left join tq on tq.chain_id = lf.chain_id
    order by lf.chain_id, lf.sort_order, lf.name`;
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
