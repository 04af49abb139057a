import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { and, asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { DbOrTx } from "../../db/client.js";
import { AppError } from "../errors.js";
import { importChunk } from "./importer.table.js";

/*
 * A dry run's checked rows on their way into the module's staging table (DESIGN.md, "Import
 * contract": the commit loads a staging table in short chunks, then merges in one short
 * transaction), built by the module as text in the spillFormat (importer.copy.ts for csv).
 *
 * PostgreSQL: the dry run sets each chunk aside as COPY text, one import_chunk row (a single
 * write, done by the server beside the checks, and any server instance can commit it); the
 * commit COPYs the chunks into the staging table, a statement each, then merges. Staging the
 * rows themselves during the dry run had the server parse JSON and index every row while the
 * dry run waited for it.
 *
 * PGlite runs in the server's own thread, so its work counts wherever it happens, and its COPY
 * extends a table with fallocate, which the in-memory file system serves by copying the whole
 * file to the new size every few pages (100k rows staged by COPY: 17.7 s, as JSON: 5–9 s). Its
 * chunks go straight into the staging table as JSON during the dry run, as before: the commit's
 * budget had no room for them (a medium run staging at the commit: 2.4–2.7× COPY).
 */

type Client = pg.Pool | PGlite;
const clientOf = (db: DbOrTx) => (db as unknown as { $client?: Client }).$client;
const isPglite = (c: Client | undefined): c is PGlite => !!c && !(c instanceof pg.Pool);

/** The text a module builds for a chunk on this database: COPY csv lines, or a JSON array of rows. */
export const spillFormat = (db: DbOrTx): "csv" | "json" => (isPglite(clientOf(db)) ? "json" : "csv");

/**
 * Chunk `seq` of a job, in the spillFormat: on PGlite staged into `table` (a JSON array of rows
 * by column name) at once, on PostgreSQL set aside until loadSpilled.
 */
export async function spillChunk(
  db: DbOrTx,
  table: string,
  jobId: string,
  seq: number,
  rows: number,
  body: string,
) {
  const client = clientOf(db);
  if (isPglite(client)) {
    await client.query(
      `insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`,
      [body],
    );
    return;
  }
  await db.insert(importChunk).values({ jobId, seq, rows, body });
}

/** Drops what a job set aside (its staged rows are the module's to clear). */
export async function clearSpilled(db: DbOrTx, jobId: string) {
  await db.delete(importChunk).where(eq(importChunk.jobId, jobId));
}

/**
 * The commit's first step: a job's chunks COPYed into `table` (its `columns` in the order of the
 * fields), a statement per chunk, outside any transaction; the chunks stay until the job is
 * cleared, so a failed load is loaded again. On PGlite the rows are staged already. Either way
 * the staged rows are counted: fewer than `expected` asks for a new dry run.
 */
export async function loadSpilled(
  db: DbOrTx,
  table: string,
  jobId: string,
  columns: readonly string[],
  expected: number,
): Promise<number> {
  const client = clientOf(db);
  if (client instanceof pg.Pool) {
    const chunks = await db
      .select({ seq: importChunk.seq })
      .from(importChunk)
      .where(eq(importChunk.jobId, jobId))
      .orderBy(asc(importChunk.seq));
    await db.execute(sql`delete from ${sql.identifier(table)} where job_id = ${jobId}`);
    const conn = await client.connect();
    try {
      const copy = `copy ${table} (${columns.join(", ")}) from stdin with (format csv)`;
      for (const c of chunks) {
        const body = await chunkBody(db, jobId, c.seq);
        await pipeline(Readable.from([body]), conn.query(copyStreams.from(copy)));
      }
    } finally {
      conn.release();
    }
  } else if (!isPglite(client)) throw new Error("loadSpilled needs the database itself, not a transaction");
  const counted = (await db.execute(
    sql`select count(*)::int as n from ${sql.identifier(table)} where job_id = ${jobId}`,
  )) as unknown as { rows: { n: number }[] };
  const n = Number(counted.rows[0]?.n ?? 0);
  if (n !== expected)
    throw new AppError("CONFLICT", {
      zh: "试导入的结果已不完整，请重新校验后再提交",
      en: "The dry run's rows are incomplete: validate the file again",
    });
  return n;
}

async function chunkBody(db: DbOrTx, jobId: string, seq: number): Promise<string> {
  const [row] = await db
    .select({ body: importChunk.body })
    .from(importChunk)
    .where(and(eq(importChunk.jobId, jobId), eq(importChunk.seq, seq)));
  return row?.body ?? "";
}
