import { eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { ActorCtx } from "../../lib/context.js";
import { arrayLiteral, copyFields, copyJson } from "../../lib/importer/importer.copy.js";
import { clearSpilled, loadSpilled, spillChunk } from "../../lib/importer/importer.spill.js";
import { SEARCH_FIELD_COLUMNS, searchFieldsOf } from "./enterprises.derive.js";
import { enterpriseScope } from "./enterprises.queries.js";
import { enterprise, enterpriseStage } from "./enterprises.table.js";

/**
 * A checked row of an enterprise file. Its search columns are not here: they are derived while
 * the chunk is set aside (enterprises.derive.ts), off the thread that checks the rows.
 */
export type EnterpriseStageRow = Omit<
  typeof enterpriseStage.$inferInsert,
  "jobId" | "rowNo" | "searchText" | "searchGrams" | "namePinyin" | "pinyinGrams" | "nameInitials" | "nameKey"
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

const lineOf = (jobId: string, rowNo: number, r: EnterpriseStageRow, search: string) =>
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

/** What the dry run found out about a job's rows from the database, chunk by chunk. */
interface Findings {
  chunks: number;
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
 * the commit as COPY text. The lookups read only the enterprise indexes; nothing is staged yet.
 */
export async function stageEnterprises(
  ctx: ActorCtx,
  jobId: string,
  rows: { rowNo: number; row: EnterpriseStageRow }[],
) {
  const f = findings.get(jobId) ?? { chunks: 0, create: 0, update: 0, problems: [] };
  findings.set(jobId, f);
  const seq = f.chunks++;
  const search = searchFieldsOf(rows.map((r) => [r.row.name, r.row.formerNames ?? []]));
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
  for (let i = 0; i < rows.length; i++) body += lineOf(jobId, rows[i]!.rowNo, rows[i]!.row, fields[i]!);
  await spillChunk(ctx.db, jobId, seq, rows.length, body);
}

/** After the dry run: what the commit would do, and the rows it may not write. */
export function reviewEnterprises(jobId: string) {
  const f = findings.get(jobId);
  findings.delete(jobId);
  return Promise.resolve({ create: f?.create ?? 0, update: f?.update ?? 0, problems: f?.problems ?? [] });
}

/** The commit's first step: the set-aside rows COPYed into enterprise_stage, a chunk a statement. */
export async function loadEnterpriseStage(db: DbOrTx, jobId: string) {
  await db.delete(enterpriseStage).where(eq(enterpriseStage.jobId, jobId));
  return loadSpilled(db, jobId, "enterprise_stage", STAGE_COLUMNS);
}

export async function clearEnterpriseStage(db: DbOrTx, jobId: string) {
  findings.delete(jobId);
  await db.delete(enterpriseStage).where(eq(enterpriseStage.jobId, jobId));
  await clearSpilled(db, jobId);
}
