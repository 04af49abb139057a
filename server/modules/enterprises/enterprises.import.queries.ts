import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { auditBatch } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import type { ImportRunInfo } from "../../lib/importer/importer.types.js";
import { loadEnterpriseStage } from "./enterprises.import.stage.js";
import { searchColumnsOf } from "./enterprises.search.js";
import { enterprise } from "./enterprises.table.js";

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: DbOrTx, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/** How a staged row finds its firm: by USCC, or an unregistered firm by region and exact name. */
const registered = sql.raw(`s.uscc is not null and e.uscc = s.uscc`);
const unregistered = sql.raw(
  `s.uscc is null and e.uscc is null and e.region_id = s.region_id and e.name = s.name`,
);

/** Import keys → the columns they write on update. */
const writes: Record<string, string[]> = {
  name: ["name", "search_text", "search_grams", "name_pinyin", "name_initials", "name_key"],
  formerNames: ["former_names", "search_text", "search_grams"],
  legalRep: ["legal_rep"],
  registeredCapital: ["registered_capital_fen", "capital_currency"],
  foundedOn: ["founded_on"],
  status: ["status"],
  industryCode: ["industry_code"],
  park: ["park_id"],
  address: ["address"],
  lng: ["lng"],
  lat: ["lat"],
  employees: ["employees"],
  contactName: ["contacts"],
};
/** Columns that may not become null: a blank keeps them even when blanks clear. */
const keepWhenBlank = new Set([
  "name",
  "search_text",
  "search_grams",
  "name_pinyin",
  "name_initials",
  "name_key",
  "status",
  "capital_currency",
  "former_names",
  "contacts",
]);

function setClause(run: ImportRunInfo, src: string): SQL {
  const cols = new Set(run.mapped.flatMap((k) => writes[k] ?? []));
  const parts = [...cols].map((c) =>
    run.blankClears && !keepWhenBlank.has(c) ? `${c} = ${src}.${c}` : `${c} = coalesce(${src}.${c}, e.${c})`,
  );
  // A region moves only when the row names one; the default region is for new firms.
  if (regionMapped(run)) {
    parts.push(
      src === "s"
        ? "region_id = case when s.region_given then s.region_id else e.region_id end"
        : "region_id = excluded.region_id",
    );
  }
  parts.push("version = e.version + 1", "updated_at = now()");
  return sql.raw(parts.join(", "));
}

const regionMapped = (run: ImportRunInfo) => run.mapped.includes("regionCode") || run.mapped.includes("park");

const insertColumns =
  "id, uscc, name, former_names, legal_rep, registered_capital_fen, capital_currency, founded_on, status, industry_code, region_id, park_id, address, lng, lat, employees, contacts, search_text, search_grams, name_pinyin, name_initials, name_key";
/** The staged row as a firm; a row that names no region keeps an existing firm's region. */
const insertValues = (run: ImportRunInfo) =>
  sql.raw(
    `s.id, s.uscc, s.name, coalesce(s.former_names, '{}'), s.legal_rep, s.registered_capital_fen, coalesce(s.capital_currency, 'CNY'), s.founded_on, coalesce(s.status, 'operating'), s.industry_code, ${
      regionMapped(run)
        ? "case when s.region_given then s.region_id else coalesce((select x.region_id from enterprise x where x.uscc = s.uscc), s.region_id) end"
        : "s.region_id"
    }, s.park_id, s.address, s.lng, s.lat, s.employees, coalesce(s.contacts, '[]'::jsonb), s.search_text, s.search_grams, s.name_pinyin, s.name_initials, s.name_key`,
  );

type Touched = { id: string; region_id: string; inserted: boolean };
/** Rows written by one import after which the firm table's statistics are refreshed. */
const ANALYZE_AFTER = 20_000;

/**
 * The set-aside rows are staged (COPY, a chunk a statement, so other requests interleave on
 * PGlite), then one transaction upserts registered firms by USCC, unregistered ones by region and
 * name, then labels.
 */
export async function commitEnterprises(ctx: ActorCtx, run: ImportRunInfo) {
  const job = run.jobId;
  await loadEnterpriseStage(ctx.db, job, run.validRows ?? 0);
  return inTx(ctx, async (tx) => {
    const touched: Touched[] = [];
    // A loop, not push(...rows): a million arguments overflow the stack.
    const add = (rows: Touched[]) => {
      for (const r of rows) touched.push(r);
    };
    add(
      await rowsOf<Touched>(
        tx.db,
        sql`insert into enterprise as e (${sql.raw(insertColumns)})
            select ${insertValues(run)} from enterprise_stage s where s.job_id = ${job} and s.uscc is not null
            on conflict (uscc) do update set ${setClause(run, "excluded")}
            returning e.id, e.region_id, (e.xmax = 0) as inserted`,
      ),
    );
    add(
      await rowsOf<Touched>(
        tx.db,
        sql`update enterprise e set ${setClause(run, "s")} from enterprise_stage s
            where s.job_id = ${job} and ${unregistered} returning e.id, e.region_id, false as inserted`,
      ),
    );
    add(
      await rowsOf<Touched>(
        tx.db,
        sql`insert into enterprise as e (${sql.raw(insertColumns)})
            select ${insertValues(run)} from enterprise_stage s where s.job_id = ${job} and s.uscc is null
              and not exists (select 1 from enterprise e where ${unregistered})
            returning e.id, e.region_id, true as inserted`,
      ),
    );
    // A large import changes the table under the planner: with statistics from before (a fresh
    // installation: an empty table), the label insert below chose nested loops and ran for
    // minutes on a million rows. ANALYZE counts this transaction's own rows.
    // The label insert's anti-join must also not rescan enterprise_label: a nested loop over it
    // reads every row the statement has inserted so far (quadratic; 3.6 s at 100k firms, stopped
    // after minutes at 1M). A hash anti-join reads the table once, before the inserts.
    const large = touched.length >= ANALYZE_AFTER;
    if (large) {
      await tx.db.execute(sql`analyze enterprise`);
      await tx.db.execute(sql`set local enable_nestloop = off`);
    }
    for (const match of [registered, unregistered]) {
      await tx.db.execute(sql`insert into enterprise_label (id, enterprise_id, label, source)
        select l.id, e.id, l.label, ${`导入：${run.fileName}`}
        from enterprise_stage s cross join lateral unnest(s.labels, s.label_ids) as l(label, id)
        join enterprise e on ${match}
        where s.job_id = ${job} and s.labels is not null
          and not exists (select 1 from enterprise_label x where x.enterprise_id = e.id and x.label = l.label
            and (x.valid_to is null or x.valid_to >= current_date))`);
    }
    if (large) await tx.db.execute(sql`set local enable_nestloop = on`);
    const created = touched.filter((t) => t.inserted).length;
    // Only an updated firm can have former names the file did not carry (a new one has none).
    if (run.mapped.includes("name") && !run.mapped.includes("formerNames") && touched.length > created)
      await keepFormerNameKeys(tx.db, job);
    await auditTouched(tx, run, touched, created);
    return { created, updated: touched.length - created };
  });
}

/** Updated firms keep their former names searchable when the file did not carry them. */
async function keepFormerNameKeys(db: DbOrTx, job: string) {
  const rows = await rowsOf<{ id: string; name: string; former_names: string[] }>(
    db,
    sql`select e.id, e.name, e.former_names from enterprise e join enterprise_stage s on e.uscc = s.uscc
        where s.job_id = ${job} and cardinality(e.former_names) > 0`,
  );
  for (const r of rows) {
    const keys = searchColumnsOf(r.name, r.former_names);
    await db
      .update(enterprise)
      .set({ searchText: keys.searchText, searchGrams: keys.searchGrams })
      .where(eq(enterprise.id, r.id));
  }
}

/**
 * One audit entry for the batch (DESIGN: bulk work), in the importing user's chain: counts, the
 * regions it touched and a digest of every id. A per-region entry would mean thousands of chain
 * appends for a province-wide file.
 */
export async function auditTouched(
  ctx: ActorCtx,
  run: ImportRunInfo,
  touched: { id: string; region_id: string }[],
  created: number,
) {
  if (touched.length === 0) return;
  const regions = new Map<string, number>();
  for (const t of touched) regions.set(t.region_id, (regions.get(t.region_id) ?? 0) + 1);
  await auditBatch(ctx, {
    action: "import",
    subjectType: "enterprise",
    regionId: ctx.actor.regionId ?? (regions.size === 1 ? [...regions.keys()][0]! : null),
    ids: touched.map((t) => t.id),
    counts: { created, updated: touched.length - created },
    meta: { label: run.fileName, job: run.jobId, regions: regions.size },
  });
}
