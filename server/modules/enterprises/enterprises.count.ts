import { sql } from "drizzle-orm";
import type { EnterpriseQuery } from "../../../common/enterprise.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { enterpriseWhere, gramsParam } from "./enterprises.queries.js";
import { planSearch } from "./enterprises.search.js";
import { enterprise, enterprisePinyin } from "./enterprises.table.js";

type Rows<T> = { rows: T[] };

/** Table pages a sample reads (of ~138k at 1M firms); a small table is read whole. */
const SAMPLE_PAGES = 700;

interface PlanNode {
  "Plan Rows": number;
  Plans?: PlanNode[];
}

/**
 * Whether a search is held by so many firms that its count need not be exact, decided without
 * reading them all: a search over 10,000 firms read 10,001 of them, on ~8,900 table pages, only to
 * learn that there were more. Returns the estimate to show as the total, or null when the matches
 * are to be counted.
 *
 * First the planner: a search held by at least 2× the cap must have each of its grams held that
 * often (its own estimate multiplies gram frequencies as if independent, and for pinyin comes
 * from a 100-value histogram, so the fewest firms holding one gram is the bound used). Then a
 * sample of the table's pages, the same where and no index: the sampled pages holding a match,
 * scaled to the whole table, must reach 2× the cap. Pages, not matching rows: a page holding a
 * match holds one or more, so the scaled count of pages has an expected value of at most the
 * number of matches however they lie (all in a few pages written by one import, or spread), and
 * the pages of a sample are drawn independently. For a search held by at most `cap` firms it
 * would have to come out twice its expectation (at least 51 sampled pages expected at 1M firms):
 * below one in ten million. Statistics that predate a mass deletion fool the planner, not the
 * sample; a search the sample cannot decide is counted.
 */
export async function manyMatches(db: DbOrTx, actor: Actor, q: EnterpriseQuery, today: string, cap: number) {
  const plan = q.q ? planSearch(q.q) : null;
  if (!plan) return null;
  const grams =
    plan.kind === "uscc"
      ? []
      : [
          ...plan.grams.map(
            (g) => sql`(select 1 from ${enterprise} where ${enterprise.searchGrams} @> ${gramsParam([g])})`,
          ),
          ...(plan.kind === "pinyin" ? plan.pinyinGrams : []).map(
            (g) => sql`(select 1 from ${enterprisePinyin}
              where enterprise_pinyin_grams(${enterprisePinyin.namePinyin}) @> ${gramsParam([g])})`,
          ),
        ];
  const shown = enterpriseWhere(actor, q, today, { forEstimate: true });
  // One EXPLAIN: the estimate to show, then each gram's.
  const branches = [sql`(select 1 from ${enterprise} where ${shown})`, ...grams];
  const res = (await db.execute(
    sql`explain (format json) ${sql.join(branches, sql` union all `)}`,
  )) as unknown as Rows<Record<string, unknown>>;
  const cell = Object.values(res.rows[0] ?? {})[0];
  const top = ((typeof cell === "string" ? JSON.parse(cell) : cell) as { Plan: PlanNode }[])[0]?.Plan;
  if (!top) return null;
  const rows = (branches.length > 1 ? (top.Plans ?? []) : [top]).map((p) => p["Plan Rows"]);
  if (rows.length !== branches.length) return null;
  const bound = Math.min(...(rows.length > 1 ? rows.slice(1) : rows));
  if (bound < 2 * cap) return null;
  // The file's size, not relpages: that is only as fresh as the last VACUUM or ANALYZE.
  const [t] = (
    (await db.execute(
      sql`select (pg_relation_size('enterprise') / current_setting('block_size')::int)::int as pages`,
    )) as unknown as Rows<{ pages: number }>
  ).rows;
  const pages = Number(t?.pages ?? 0);
  const percent = pages > SAMPLE_PAGES ? (100 * SAMPLE_PAGES) / pages : 100;
  // Repeatable: the same pages while the table stays as it is, so paging keeps its decision.
  const [sampled] = (
    (await db.execute(sql`select count(distinct (ctid::text::point)[0])
        filter (where ${enterpriseWhere(actor, q, today, { forSample: true })})::int as hit
      from ${enterprise} tablesample system (${sql.raw(percent.toFixed(4))}) repeatable (0)`)) as unknown as Rows<{
      hit: number;
    }>
  ).rows;
  const scaled = (Number(sampled?.hit ?? 0) * 100) / percent;
  return scaled >= 2 * cap ? Math.max(Math.round(rows[0]!), cap + 1) : null;
}
