import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PGlite } from "@electric-sql/pglite";
import { and, asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import copyStreams from "pg-copy-streams";
import type { DbOrTx } from "../../db/client.js";
import { importChunk } from "./importer.table.js";

/*
 * A dry run's checked rows, set aside for the commit (DESIGN.md, "Import contract": the commit
 * loads a staging table in short chunks, then merges in one short transaction). The dry run
 * writes each chunk as one row of COPY text (importer.copy.ts builds the fields); the commit
 * COPYs the chunks into the staging table one by one. Staging the rows themselves during the dry
 * run made PGlite, which runs in the server's thread, parse and index every row there; one text
 * value per chunk is a single write, and COPY is the cheapest way in on both backends.
 */

/** A value in COPY's text format: backslash first, then the characters that would end a field or line. */
const copyTextValue = (s: string) =>
  s.replaceAll("\\", "\\\\").replaceAll("\n", "\\n").replaceAll("\r", "\\r").replaceAll("\t", "\\t");

/** Sets chunk `seq` of a job aside: `body` is COPY csv text, a line per row. */
export async function spillChunk(db: DbOrTx, jobId: string, seq: number, rows: number, body: string) {
  const client = clientOf(db);
  if (client && !(client instanceof pg.Pool)) {
    // PGlite measures a query parameter's UTF-8 length in a JavaScript loop, a character at a
    // time: a chunk of 2,000 rows cost it 40 ms that way. A Blob is encoded natively.
    const line = `${jobId}\t${seq}\t${rows}\t${copyTextValue(body)}\n`;
    await client.query("copy import_chunk (job_id, seq, rows, body) from '/dev/blob'", [], {
      blob: new Blob([line]),
    });
    return;
  }
  await db.insert(importChunk).values({ jobId, seq, rows, body });
}

const clientOf = (db: DbOrTx) => (db as unknown as { $client?: pg.Pool | PGlite }).$client;

export async function clearSpilled(db: DbOrTx, jobId: string) {
  await db.delete(importChunk).where(eq(importChunk.jobId, jobId));
}

/** Rows set aside for a job. */
export async function spilledRows(db: DbOrTx, jobId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(sum(${importChunk.rows}), 0)::int` })
    .from(importChunk)
    .where(eq(importChunk.jobId, jobId));
  return Number(row?.n ?? 0);
}

/**
 * COPYs a job's chunks into `table` (its `columns` in the order of the fields), a statement per
 * chunk, outside any transaction: the chunks stay until the job is cleared, so a failed load is
 * simply loaded again. Returns the rows loaded.
 */
export async function loadSpilled(
  db: DbOrTx,
  jobId: string,
  table: string,
  columns: readonly string[],
  onChunk: (rows: number) => void = () => {},
): Promise<number> {
  const chunks = await db
    .select({ seq: importChunk.seq, rows: importChunk.rows })
    .from(importChunk)
    .where(eq(importChunk.jobId, jobId))
    .orderBy(asc(importChunk.seq));
  const copy = `copy ${table} (${columns.join(", ")}) from %s with (format csv)`;
  const client = clientOf(db);
  let done = 0;
  if (client instanceof pg.Pool) {
    const conn = await client.connect();
    try {
      for (const c of chunks) {
        const body = await chunkBody(db, jobId, c.seq);
        await pipeline(Readable.from([body]), conn.query(copyStreams.from(copy.replace("%s", "stdin"))));
        done += c.rows;
        onChunk(done);
      }
    } finally {
      conn.release();
    }
    return done;
  }
  if (!client || typeof (client as PGlite).query !== "function")
    throw new Error("loadSpilled needs the database itself, not a transaction");
  for (const c of chunks) {
    const body = await chunkBody(db, jobId, c.seq);
    await (client as PGlite).query(copy.replace("%s", "'/dev/blob'"), [], { blob: new Blob([body]) });
    done += c.rows;
    onChunk(done);
  }
  return done;
}

async function chunkBody(db: DbOrTx, jobId: string, seq: number): Promise<string> {
  const [row] = await db
    .select({ body: importChunk.body })
    .from(importChunk)
    .where(and(eq(importChunk.jobId, jobId), eq(importChunk.seq, seq)));
  return row?.body ?? "";
}
