import {
  type AnyColumn,
  and,
  asc,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  like,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import type { EnterpriseQuery } from "../../../common/enterprise.schema.js";
import type { SizeClass } from "../../../common/enums.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { offsetOf } from "../../lib/paging.js";
import { hasAll, inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { manyMatches } from "./enterprises.count.js";
import { planSearch, type SearchPlan } from "./enterprises.search.js";
import {
  enterprise,
  enterpriseLabel,
  enterprisePinyin,
  enterpriseSize,
  enterpriseYear,
} from "./enterprises.table.js";
import { industryName } from "./industries.reference.js";

export const enterpriseScope = (a: Actor) =>
  scopeWhere(a, { region: enterprise.regionId, park: enterprise.parkId, enterprise: enterprise.id });

/** Exact counts stop here; beyond it the planner's estimate is shown. */
export const EXACT_COUNT_LIMIT = 10_000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const gramsParam = (grams: string[]) =>
  sql`array[${sql.join(
    grams.map((g) => sql`${g}`),
    sql`, `,
  )}]::text[]`;

/**
 * Each search plan maps to an index: grams (GIN array), pinyin 4-grams (a GIN expression index)
 * and trigrams on enterprise_pinyin, or the USCC prefix b-tree.
 */
export function searchWhere(
  plan: SearchPlan,
  opts: { forEstimate?: boolean; forSample?: boolean } = {},
): SQL {
  if (plan.kind === "uscc") return like(enterprise.uscc, `${escapeLike(plan.prefix)}%`);
  if (opts.forSample) {
    // Row by row, without an index (manyMatches' sample): the same matches as below, tested
    // with strpos, which is cheaper than array containment. A pair of initials is a ~gram; a
    // pinyin's 4-grams only narrow the strpos; a fragment held in search_text is in one of the
    // names, unless it holds the | that joins them.
    if (plan.kind === "pinyin" && plan.text.length > 1) {
      const initials = sql`strpos(${enterprise.nameInitials}, ${plan.text}) > 0`;
      return plan.grams.length > 0
        ? initials
        : or(sql`strpos(${enterprise.namePinyin}, ${plan.text}) > 0`, initials)!;
    }
    if (plan.kind === "name" && !plan.text.includes("|"))
      return sql`strpos(${enterprise.searchText}, ${plan.text}) > 0`;
  }
  if (plan.kind === "pinyin") {
    if (plan.grams.length > 0) return sql`${enterprise.searchGrams} @> ${gramsParam(plan.grams)}`;
    return inArray(
      enterprise.id,
      sql`(select ${enterprisePinyin.enterpriseId} from ${enterprisePinyin} where ${pinyinWhere(plan, opts)})`,
    );
  }
  const grams = sql`${enterprise.searchGrams} @> ${gramsParam(plan.grams)}`;
  // A character or a pair is among a firm's grams exactly when one of its names holds it, so the
  // LIKE would only repeat the grams (bar the | that joins names in search_text). Left in, the
  // planner multiplies its selectivity into the grams' own estimate, and 36k matches become 4.
  if ([...plan.text].length <= 2 && !plan.text.includes("|")) return grams;
  return and(grams, like(enterprise.searchText, `%${escapeLike(plan.text)}%`))!;
}

type PinyinPlan = Extract<SearchPlan, { kind: "pinyin" }>;

/**
 * A pinyin search of one letter or of three or more, over enterprise_pinyin: one letter is a
 * prefix of the initials; more is a run of the initials or of the full pinyin.
 */
export function pinyinWhere(plan: PinyinPlan, opts: { forEstimate?: boolean } = {}): SQL {
  const p = enterprisePinyin;
  if (plan.text.length === 1) return like(p.nameInitials, `${plan.text}%`);
  const t = `%${escapeLike(plan.text)}%`;
  const initials = like(p.nameInitials, t);
  // Four letters or more: the 4-grams find the candidates, then strpos checks the order (the text
  // is letters only, so it is the LIKE's test). A LIKE there let the planner pick the trigram
  // index instead, whose 62,900 candidates for hongdian (2,886 matches) cost 13,647 heap pages.
  // Written as (grams or initials) and (strpos or initials): as (grams and strpos) or initials,
  // the planner rechecks the whole OR row by row and recomputes each candidate's grams. The
  // planner guesses an array's containment from element frequencies as if independent (keji, in
  // 23% of names, came out at a few rows), so estimated counts use the LIKE alone.
  if (plan.pinyinGrams.length === 0 || opts.forEstimate) return or(like(p.namePinyin, t), initials)!;
  return and(
    or(sql`enterprise_pinyin_grams(${p.namePinyin}) @> ${gramsParam(plan.pinyinGrams)}`, initials),
    or(sql`strpos(${p.namePinyin}, ${plan.text}) > 0`, initials),
  )!;
}

/** Labels whose validity period covers the day. */
export const labelCurrent = (day: string) =>
  and(
    or(isNull(enterpriseLabel.validFrom), sql`${enterpriseLabel.validFrom} <= ${day}`),
    or(isNull(enterpriseLabel.validTo), sql`${enterpriseLabel.validTo} >= ${day}`),
  );

const parkOrChild = (parkId: string) =>
  inArray(
    enterprise.parkId,
    sql`(select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`,
  );

/**
 * The filter of a list. With `searchAsFilter` the search is wrapped so that no index serves it and
 * the planner assumes half the rows match: for walking the primary key newest first when the
 * matches are known to be many, whatever the planner would estimate for the fragment. With
 * `forEstimate`, the form of the search whose estimate is shown as a count (see searchWhere); with
 * `forSample`, the form tested row by row in a sample of the table.
 */
export function enterpriseWhere(
  actor: Actor,
  q: Partial<EnterpriseQuery>,
  today: string,
  opts: { searchAsFilter?: boolean; forEstimate?: boolean; forSample?: boolean } = {},
): SQL {
  const plan = q.q ? planSearch(q.q) : null;
  const search = plan ? searchWhere(plan, opts) : undefined;
  return and(
    enterpriseScope(actor),
    search && opts.searchAsFilter ? sql`coalesce(${search}, false)` : search,
    q.regionId ? inRegionSubtree(enterprise.regionId, q.regionId) : undefined,
    q.parkId ? parkOrChild(q.parkId) : undefined,
    q.industry ? like(enterprise.industryCode, `${q.industry}%`) : undefined,
    q.sizeClass
      ? sql`exists (select 1 from ${enterpriseSize} where ${enterpriseSize.enterpriseId} = ${enterprise.id}
          and ${enterpriseSize.sizeClass} = ${q.sizeClass})`
      : undefined,
    q.status ? eq(enterprise.status, q.status) : undefined,
    q.registered === "yes"
      ? isNotNull(enterprise.uscc)
      : q.registered === "no"
        ? isNull(enterprise.uscc)
        : undefined,
    q.label
      ? sql`exists (select 1 from ${enterpriseLabel} where ${enterpriseLabel.enterpriseId} = ${enterprise.id}
          and ${enterpriseLabel.label} = ${q.label} and ${labelCurrent(today)})`
      : undefined,
  )!;
}

const currentLabels = (today: string) =>
  sql<string[]>`array(select distinct ${enterpriseLabel.label} from ${enterpriseLabel}
    where ${enterpriseLabel.enterpriseId} = ${enterprise.id} and ${labelCurrent(today)} order by 1)`;

const enterpriseSelect = (today: string) => ({
  id: enterprise.id,
  uscc: enterprise.uscc,
  name: enterprise.name,
  formerNames: enterprise.formerNames,
  legalRep: enterprise.legalRep,
  registeredCapitalFen: enterprise.registeredCapitalFen,
  capitalCurrency: enterprise.capitalCurrency,
  foundedOn: enterprise.foundedOn,
  status: enterprise.status,
  industryCode: enterprise.industryCode,
  regionId: enterprise.regionId,
  regionName: region.name,
  parkId: enterprise.parkId,
  parkName: park.name,
  address: enterprise.address,
  lng: enterprise.lng,
  lat: enterprise.lat,
  employees: enterprise.employees,
  contacts: enterprise.contacts,
  specialistId: enterprise.specialistId,
  specialistName: users.name,
  sizeClass: sql<SizeClass | null>`(select ${enterpriseSize.sizeClass} from ${enterpriseSize}
    where ${enterpriseSize.enterpriseId} = ${enterprise.id})`,
  labels: currentLabels(today),
  version: enterprise.version,
  createdAt: enterprise.createdAt,
  updatedAt: enterprise.updatedAt,
});

function selectEnterprises(db: DbOrTx, today: string) {
  return db
    .select(enterpriseSelect(today))
    .from(enterprise)
    .innerJoin(region, eq(region.id, enterprise.regionId))
    .leftJoin(park, eq(park.id, enterprise.parkId))
    .leftJoin(users, eq(users.id, enterprise.specialistId));
}

type RawRow = Awaited<ReturnType<ReturnType<typeof selectEnterprises>["where"]>>[number];
const present = (r: RawRow) => ({ ...r, industryName: industryName(r.industryCode) });
export type EnterpriseRow = ReturnType<typeof present>;

const sorts: Record<string, AnyColumn> = {
  name: enterprise.name,
  uscc: enterprise.uscc,
  foundedOn: enterprise.foundedOn,
  registeredCapitalFen: enterprise.registeredCapitalFen,
  employees: enterprise.employees,
  updatedAt: enterprise.updatedAt,
};

/**
 * A page of firms and their count. One scan, served by the search's index, takes up to
 * EXACT_COUNT_LIMIT + 1 matching ids: their number is the exact count and, when that is all of
 * them, the page is sorted from them in memory. Beyond that the matches are many, and newest first
 * walks the primary key until a page is found (about pageSize / share of matches rows), with the
 * planner's estimate as the total. Regions, parks, users, size classes and labels are joined to
 * the page's rows only.
 *
 * A search that is plainly held by many firms skips the scan (manyMatches): reading 10,001
 * matches only to learn that there are more than 10,000 was most of the time such a search took.
 *
 * The statements run in one transaction that turns off, for it alone, what a list of 20 rows
 * never gains from: parallel workers (starting them costs more than the scan they share) and JIT
 * compilation. With a pinyin fragment it also turns off reading the table from the start: the
 * planner guesses how many names hold a pinyin fragment from a 100-value histogram, and when it
 * guesses 6% for a fragment held by 0.3% it reads all 1M rows looking for 10,001 of them.
 */
export async function listEnterprises(
  db: DbOrTx,
  actor: Actor,
  q: EnterpriseQuery,
  today: string,
  opts: CountOptions = {},
) {
  const plan = q.q ? planSearch(q.q) : null;
  const pinyinLike = plan?.kind === "pinyin" && plan.text.length > 1 && plan.grams.length === 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('max_parallel_workers_per_gather', '0', true),
      set_config('jit', 'off', true)${pinyinLike ? sql`, set_config('enable_seqscan', 'off', true)` : sql``}`);
    return pageOfEnterprises(tx, actor, q, today, opts);
  });
}

export interface CountOptions {
  /** exact counts up to here (EXACT_COUNT_LIMIT); smaller in tests, so that a few rows cross it */
  exactCap?: number;
}

async function pageOfEnterprises(
  db: DbOrTx,
  actor: Actor,
  q: EnterpriseQuery,
  today: string,
  opts: CountOptions,
) {
  const cap = opts.exactCap ?? EXACT_COUNT_LIMIT;
  const where = enterpriseWhere(actor, q, today);
  const col = sorts[q.sort ?? ""];
  const descending = col ? q.order === "desc" : q.order !== "asc";
  const dir = sql.raw(descending ? "desc" : "asc");
  const offset = offsetOf(q);
  // Without a sort, newest first by id (UUIDv7 is time-ordered), which the primary key serves.
  const order = col
    ? [sql`${col} ${dir} nulls last`, asc(enterprise.id)]
    : [descending ? desc(enterprise.id) : asc(enterprise.id)];
  const side = col ? null : sideTableMatches(actor, q, today);
  const many = q.q && !side ? await manyMatches(db, actor, q, today, cap) : null;
  let n = cap + 1;
  let ids: string[] | null = null;
  if (many === null) {
    const matches =
      side?.matches ??
      sql`select ${enterprise.id} as id${col ? sql`, ${col} as k` : sql``} from ${enterprise} where ${where}`;
    const inMatches = col ? sql`k ${dir} nulls last, id asc` : sql`id ${dir}`;
    // The page is sorted out of m only when m holds every match (CASE runs its subquery lazily).
    const res = (await db.execute(sql`with m as materialized (${matches} limit ${cap + 1})
      select c.n, case when c.n <= ${cap} then (select json_agg(p.id) from (
          select id from m order by ${inMatches} limit ${q.pageSize} offset ${offset}) p) end as ids
      from (select count(*)::int as n from m) c`)) as unknown as Rows<{ n: number; ids: string[] | null }>;
    n = Number(res.rows[0]?.n ?? 0);
    ids = res.rows[0]?.ids ?? [];
  }
  const exact = n <= cap;
  // Beyond the cap the page is chosen in the same statement that reads its rows.
  const pageIds = exact
    ? (ids ?? [])
    : side
      ? sql`(${side.page} order by id ${dir} limit ${q.pageSize} offset ${offset})`
      : db
          .select({ id: enterprise.id })
          .from(enterprise)
          .where(col ? where : enterpriseWhere(actor, q, today, { searchAsFilter: true }))
          .orderBy(...order)
          .limit(q.pageSize)
          .offset(offset);
  const rows =
    Array.isArray(pageIds) && pageIds.length === 0
      ? []
      : await selectEnterprises(db, today)
          .where(inArray(enterprise.id, pageIds))
          .orderBy(...order);
  const total = exact
    ? n
    : (many ??
      (await estimateRows(
        db,
        side?.estimate ??
          sql`select 1 from ${enterprise} where ${enterpriseWhere(actor, q, today, { forEstimate: true })}`,
        n,
      )));
  return { items: rows.map(present), total, totalExact: exact };
}

type Rows<T> = { rows: T[] };

/**
 * With a label, a size class or a pinyin search as the only filter over all firms, the matching
 * ids are read from that narrow table alone: every label row belongs to an existing firm (foreign
 * key, on delete cascade), and so does every size row (the delete trigger of migration 0005) and
 * every pinyin row (the triggers of migration 0033). Checking 10k firms against enterprise would
 * read some 8k of its pages. `matches` gives the ids; `page` the ids to walk newest first for a
 * page beyond the exact count (for pinyin the search wrapped as in enterpriseWhere's
 * searchAsFilter, so that the primary key is walked); `estimate` what the planner estimates.
 */
function sideTableMatches(
  actor: Actor,
  q: EnterpriseQuery,
  today: string,
): { matches: SQL; page: SQL; estimate?: SQL } | null {
  const plan = q.q ? planSearch(q.q) : null;
  const others = q.regionId || q.parkId || q.industry || q.status || q.registered;
  if (others || !hasAll(actor)) return null;
  if (plan) {
    if (plan.kind !== "pinyin" || plan.grams.length > 0 || q.label || q.sizeClass) return null;
    const p = enterprisePinyin;
    const from = sql`select ${p.enterpriseId} as id from ${p} where`;
    return {
      matches: sql`${from} ${pinyinWhere(plan)}`,
      page: sql`${from} coalesce(${pinyinWhere(plan)}, false)`,
      estimate: sql`select 1 from ${p} where ${pinyinWhere(plan, { forEstimate: true })}`,
    };
  }
  let matches: SQL | null = null;
  if (q.label && !q.sizeClass)
    matches = sql`select distinct ${enterpriseLabel.enterpriseId} as id from ${enterpriseLabel}
      where ${enterpriseLabel.label} = ${q.label} and ${labelCurrent(today)}`;
  if (q.sizeClass && !q.label)
    matches = sql`select ${enterpriseSize.enterpriseId} as id from ${enterpriseSize}
      where ${enterpriseSize.sizeClass} = ${q.sizeClass}`;
  return matches && { matches, page: matches };
}

/** The planner's estimate of the rows a query returns, at least `atLeast`. */
async function estimateRows(db: DbOrTx, query: SQL, atLeast: number) {
  const res = (await db.execute(sql`explain (format json) ${query}`)) as unknown as Rows<
    Record<string, unknown>
  >;
  const planCell = Object.values(res.rows[0] ?? {})[0];
  const plan = (typeof planCell === "string" ? JSON.parse(planCell) : planCell) as {
    Plan: { "Plan Rows": number };
  }[];
  return Math.max(atLeast, Math.round(plan[0]?.Plan["Plan Rows"] ?? atLeast));
}

export async function getEnterprise(db: DbOrTx, actor: Actor, id: string, today: string) {
  const [row] = await selectEnterprises(db, today).where(and(eq(enterprise.id, id), enterpriseScope(actor)));
  return row ? present(row) : null;
}

export async function findByUscc(db: DbOrTx, uscc: string) {
  const [row] = await db
    .select({ id: enterprise.id, regionId: enterprise.regionId })
    .from(enterprise)
    .where(eq(enterprise.uscc, uscc));
  return row ?? null;
}

/** A firm of a region by its exact name: how a ledger names an investor without a USCC. */
export async function findByName(db: DbOrTx, regionId: string, name: string) {
  const [row] = await db
    .select({ id: enterprise.id, regionId: enterprise.regionId })
    .from(enterprise)
    .where(and(eq(enterprise.regionId, regionId), eq(enterprise.name, name)))
    .limit(1);
  return row ?? null;
}

export async function listLabels(db: DbOrTx, enterpriseId: string, today: string) {
  return db
    .select({
      id: enterpriseLabel.id,
      label: enterpriseLabel.label,
      source: enterpriseLabel.source,
      validFrom: enterpriseLabel.validFrom,
      validTo: enterpriseLabel.validTo,
      current: sql<boolean>`coalesce(${labelCurrent(today)}, false)`,
    })
    .from(enterpriseLabel)
    .where(eq(enterpriseLabel.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseLabel.label), desc(enterpriseLabel.validFrom));
}

export async function listYears(db: DbOrTx, enterpriseId: string) {
  return db
    .select()
    .from(enterpriseYear)
    .where(eq(enterpriseYear.enterpriseId, enterpriseId))
    .orderBy(asc(enterpriseYear.year));
}

/** Firms that share a land certificate with this firm in the same year. */
export async function parcelNeighbours(db: DbOrTx, actor: Actor, enterpriseId: string) {
  const mine = db
    .select({ cert: enterpriseYear.landCertNo, year: enterpriseYear.year })
    .from(enterpriseYear)
    .where(and(eq(enterpriseYear.enterpriseId, enterpriseId), isNotNull(enterpriseYear.landCertNo)))
    .as("mine");
  return db
    .selectDistinct({ id: enterprise.id, name: enterprise.name, landCertNo: enterpriseYear.landCertNo })
    .from(enterpriseYear)
    .innerJoin(mine, and(eq(mine.cert, enterpriseYear.landCertNo), eq(mine.year, enterpriseYear.year)))
    .innerJoin(enterprise, eq(enterprise.id, enterpriseYear.enterpriseId))
    .where(and(sql`${enterprise.id} <> ${enterpriseId}`, enterpriseScope(actor)));
}

/** The enterprise ladder: per park, how many firms hold each ladder label today. */
export async function ladderCounts(db: DbOrTx, actor: Actor, today: string, labels: readonly string[]) {
  return db
    .select({
      parkId: enterprise.parkId,
      parkName: park.name,
      label: enterpriseLabel.label,
      n: sql<number>`count(distinct ${enterprise.id})::int`,
    })
    .from(enterpriseLabel)
    .innerJoin(enterprise, eq(enterprise.id, enterpriseLabel.enterpriseId))
    .leftJoin(park, eq(park.id, enterprise.parkId))
    .where(and(enterpriseScope(actor), inArray(enterpriseLabel.label, [...labels]), labelCurrent(today)))
    .groupBy(enterprise.parkId, park.name, enterpriseLabel.label);
}

/** Groups of firms in one region with the same name key (or the same name), largest first. */
export async function duplicateGroups(db: DbOrTx, actor: Actor, limit: number) {
  const groups = await db
    .select({ regionId: enterprise.regionId, nameKey: enterprise.nameKey, n: sql<number>`count(*)::int` })
    .from(enterprise)
    .where(enterpriseScope(actor))
    .groupBy(enterprise.regionId, enterprise.nameKey)
    .having(sql`count(*) > 1`)
    .orderBy(sql`count(*) desc`, asc(enterprise.nameKey))
    .limit(limit);
  if (groups.length === 0) return [];
  const members = await db
    .select({
      id: enterprise.id,
      uscc: enterprise.uscc,
      name: enterprise.name,
      regionId: enterprise.regionId,
      nameKey: enterprise.nameKey,
      parkName: park.name,
      version: enterprise.version,
      updatedAt: enterprise.updatedAt,
    })
    .from(enterprise)
    .leftJoin(park, eq(park.id, enterprise.parkId))
    .where(
      and(
        enterpriseScope(actor),
        or(...groups.map((g) => and(eq(enterprise.regionId, g.regionId), eq(enterprise.nameKey, g.nameKey)))),
      ),
    )
    .orderBy(asc(enterprise.uscc), asc(enterprise.id));
  return groups.map((g) => ({
    ...g,
    members: members.filter((m) => m.regionId === g.regionId && m.nameKey === g.nameKey),
  }));
}
