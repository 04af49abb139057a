import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { ActorCtx } from "../../lib/context.js";
import { arrayLiteral, copyFields, copyJson } from "../../lib/importer/importer.copy.js";
import { clearSpilled, loadSpilled, spillChunk, spillFormat } from "../../lib/importer/importer.spill.js";
import { SEARCH_FIELD_COLUMNS, searchFieldsOf } from "./enterprises.derive.js";
import { enterpriseScope } from "./enterprises.queries.js";
import { enterprise, enterpriseStage } from "./enterprises.table.js";

/**
 * A checked row of an enterprise file. Its search columns are not here: they are derived while
 * the chunk is set aside (enterprises.derive.ts), off the thread that checks the rows.
 */
export type EnterpriseStageRow = Omit<
  typeof enterpriseStage.$inferInsert,
  "jobId" | "rowNo" | "searchText" | "searchGrams" | "namePinyin" | "nameInitials" | "nameKey"
>;

/** The staging columns in the order of a set-aside line. */
export const STAGE_COLUMNS = [
  "job_id",
  "row_no",
  "id",
  "uscc",
  "name",
  "former_names",
  "legal_rep",
  "registered_capital_fen",
  "capital_currency",
  "founded_on",
  "status",
  "industry_code",
  "region_id",
  "region_given",
  "park_id",
  "address",
  "lng",
  "lat",
  "employees",
  "contacts",
  "labels",
  "label_ids",
  ...SEARCH_FIELD_COLUMNS,
] as const;

const csvLine = (jobId: string, rowNo: number, r: EnterpriseStageRow, search: string) =>
  `${copyFields([
    jobId,
    rowNo,
    r.id,
    r.uscc,
    r.name,
    r.formerNames,
    r.legalRep,
    r.registeredCapitalFen,
    r.capitalCurrency,
    r.foundedOn,
    r.status,
    r.industryCode,
    r.regionId,
    r.regionGiven,
    r.parkId,
    r.address,
    r.lng,
    r.lat,
    r.employees,
  ])},${copyJson(r.contacts)},${copyFields([r.labels, r.labelIds])},${search}\n`;

/** The same row as a JSON object by column name (PGlite's chunks). */
const jsonRow = (jobId: string, rowNo: number, r: EnterpriseStageRow, search: string) => {
  const base = JSON.stringify({
    job_id: jobId,
    row_no: rowNo,
    id: r.id,
    uscc: r.uscc ?? null,
    name: r.name,
    former_names: r.formerNames ?? null,
    legal_rep: r.legalRep ?? null,
    registered_capital_fen: r.registeredCapitalFen ?? null,
    capital_currency: r.capitalCurrency ?? null,
    founded_on: r.foundedOn ?? null,
    status: r.status ?? null,
    industry_code: r.industryCode ?? null,
    region_id: r.regionId,
    region_given: r.regionGiven,
    park_id: r.parkId ?? null,
    address: r.address ?? null,
    lng: r.lng ?? null,
    lat: r.lat ?? null,
    employees: r.employees ?? null,
    contacts: r.contacts ?? null,
    labels: r.labels ?? null,
    label_ids: r.labelIds ?? null,
  });
  return `${base.slice(0, -1)},${search}}`;
};

/** What the dry run found out about a job's rows from the database, chunk by chunk. */
interface Findings {
  chunks: number;
  /** the chunk being set aside last */
  tail: Promise<void>;
  create: number;
  update: number;
  problems: { rowNo: number; key: string | null; message: string }[];
}
const findings = new Map<string, Findings>();
const PROBLEMS_KEPT = 1000;

type Rows<T> = { rows: T[] };
const rowsOf = async <T>(db: DbOrTx, query: SQL) => ((await db.execute(query)) as unknown as Rows<T>).rows;

/**
 * One chunk of the dry run: the firms its rows would update are looked up (a firm outside the
 * user's scope may not be touched), and the rows, with their search columns, are set aside for
 * the commit (COPY text on PostgreSQL, JSON on PGlite: importer.spill.ts). The lookups read only
 * the enterprise indexes; nothing is staged yet.
 */
export async function stageEnterprises(
  ctx: ActorCtx,
  jobId: string,
  rows: { rowNo: number; row: EnterpriseStageRow }[],
) {
  const f = findings.get(jobId) ?? {
    chunks: 0,
    tail: Promise.resolve(),
    create: 0,
    update: 0,
    problems: [],
  };
  findings.set(jobId, f);
  // The importer waits for a chunk before it hands over the next; answering once the chunk
  // before this one is set aside keeps one more in flight, so that a slow moment of the worker
  // or the database does not stop the checking of rows. A failure surfaces at the next chunk
  // or at the review.
  const previous = f.tail;
  f.tail = setAside(ctx, jobId, f, f.chunks++, rows);
  f.tail.catch(() => {});
  await previous;
}

async function setAside(
  ctx: ActorCtx,
  jobId: string,
  f: Findings,
  seq: number,
  rows: { rowNo: number; row: EnterpriseStageRow }[],
) {
  const format = spillFormat(ctx.db);
  const search = searchFieldsOf(
    rows.map((r) => [r.row.name, r.row.formerNames ?? []]),
    format,
  );
  const registered = rows.filter((r) => r.row.uscc);
  const usccs = arrayLiteral(registered.map((r) => r.row.uscc!));
  const found = registered.length
    ? await rowsOf<{ uscc: string; inside: boolean }>(
        ctx.db,
        sql`select ${enterprise.uscc} as uscc, coalesce(${enterpriseScope(ctx.actor)}, false) as inside
            from ${enterprise} where ${enterprise.uscc} = any(${usccs}::text[])`,
      )
    : [];
  const inside = new Map(found.map((r) => [r.uscc, r.inside]));
  for (const r of registered) {
    const ok = inside.get(r.row.uscc!);
    if (ok === undefined) f.create++;
    else f.update++;
    if (ok === false && f.problems.length < PROBLEMS_KEPT)
      f.problems.push({
        rowNo: r.rowNo,
        key: "uscc",
        message: `统一社会信用代码 ${r.row.uscc} 对应的企业不在您的管辖范围内，不能更新`,
      });
  }
  // A firm without a USCC is the unregistered firm of the same region and exact name.
  const unregistered = rows.filter((r) => !r.row.uscc);
  if (unregistered.length) {
    const keys = JSON.stringify(unregistered.map((r) => ({ region_id: r.row.regionId, name: r.row.name })));
    const [m] = await rowsOf<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from json_to_recordset(${keys}::json) as k(region_id uuid, name text)
          where exists (select 1 from ${enterprise} e where e.uscc is null and e.region_id = k.region_id
            and e.name = k.name)`,
    );
    const n = Number(m?.n ?? 0);
    f.update += n;
    f.create += unregistered.length - n;
  }
  const fields = await search;
  let body = "";
  if (format === "csv")
    for (let i = 0; i < rows.length; i++) body += csvLine(jobId, rows[i]!.rowNo, rows[i]!.row, fields[i]!);
  else body = `[${rows.map((r, i) => jsonRow(jobId, r.rowNo, r.row, fields[i]!)).join(",")}]`;
  await spillChunk(ctx.db, jobId, seq, rows.length, body);
}

/** After the dry run: what the commit would do, and the rows it may not write. */
export async function reviewEnterprises(jobId: string) {
  const f = findings.get(jobId);
  await f?.tail;
  findings.delete(jobId);
  return { create: f?.create ?? 0, update: f?.update ?? 0, problems: f?.problems ?? [] };
}

/** The commit's first step: the set-aside rows in enterprise_stage (see importer.spill.ts). */
export const loadEnterpriseStage = (db: DbOrTx, jobId: string, expected: number) =>
  loadSpilled(db, "enterprise_stage", jobId, STAGE_COLUMNS, expected);

export async function clearEnterpriseStage(db: DbOrTx, jobId: string) {
  // A chunk still being set aside by a dry run that failed would land after the delete.
  await findings.get(jobId)?.tail.catch(() => {});
  findings.delete(jobId);
  await db.delete(enterpriseStage).where(eq(enterpriseStage.jobId, jobId));
  await clearSpilled(db, jobId);
}
