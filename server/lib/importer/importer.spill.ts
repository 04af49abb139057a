import fs from "node:fs";
import os from "node:os";
import path from "node:path";
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
 * PGlite runs in the server's own thread, so its work counts wherever it happens: staging 100k
 * rows took 5–6 s of that thread, half the dry run, while the commit had room to spare (0.8–0.9×
 * its COPY reference against 2×). Its chunks are set aside in a file of the job's (one process
 * serves a PGlite database, so no other instance needs them) and staged by the commit as JSON,
 * a statement a chunk. Not in import_chunk: a 2.6 MB text value is compressed and cut into TOAST
 * rows in WebAssembly, and the commit would read it back the same way (staging at the commit that
 * way measured 2.4–2.7× COPY). Not by COPY: COPY extends a table with fallocate, which PGlite's
 * in-memory file system serves by copying the whole file to the new size every few pages (100k
 * rows staged by COPY: 17.7 s, as JSON: 5–9 s).
 */

type Client = pg.Pool | PGlite;
const clientOf = (db: DbOrTx) => (db as unknown as { $client?: Client }).$client;
const isPglite = (c: Client | undefined): c is PGlite => !!c && !(c instanceof pg.Pool);

const JSON_OID = 114;
/** PGlite's serializers are typed to return text; bytes they return are sent in the binary format. */
const asBytes = (x: Buffer) => x as unknown as string;

/** Whether the database runs in this thread (PGlite): then its work and the dry run's take turns on one core. */
export const databaseInThread = (db: DbOrTx): boolean => isPglite(clientOf(db));

/** The text a module builds for a chunk on this database: COPY csv lines, or a JSON array of rows. */
export const spillFormat = (db: DbOrTx): "csv" | "json" => (isPglite(clientOf(db)) ? "json" : "csv");

/** PGlite's set-aside chunks: one file a job, each chunk its byte length and its UTF-8 JSON. */
const spillDir = path.join(os.tmpdir(), "zhaoyin-import-chunks");
const spillFile = (jobId: string) => path.join(spillDir, `${jobId}.chunks`);
/** A job's writes, in order: chunks may be set aside while the one before is still being written. */
const writing = new Map<string, Promise<void>>();

function appendChunk(jobId: string, body: string): Promise<void> {
  const bytes = Buffer.from(body);
  const head = Buffer.alloc(4);
  head.writeUInt32LE(bytes.length);
  const done = (writing.get(jobId) ?? Promise.resolve()).then(async () => {
    await fs.promises.mkdir(spillDir, { recursive: true });
    const fh = await fs.promises.open(spillFile(jobId), "a");
    try {
      await fh.writev([head, bytes]);
    } finally {
      await fh.close();
    }
  });
  const next = done.catch(() => {});
  writing.set(jobId, next);
  void next.then(() => {
    if (writing.get(jobId) === next) writing.delete(jobId);
  });
  return done;
}

/**
 * Chunk `seq` of a job, in the spillFormat, set aside until loadSpilled: on PGlite in the job's
 * file, on PostgreSQL as an import_chunk row.
 */
export async function spillChunk(db: DbOrTx, jobId: string, seq: number, rows: number, body: string) {
  if (isPglite(clientOf(db))) return appendChunk(jobId, body);
  await db.insert(importChunk).values({ jobId, seq, rows, body });
}

/** Drops what a job set aside (its staged rows are the module's to clear). */
export async function clearSpilled(db: DbOrTx, jobId: string) {
  await writing.get(jobId);
  await fs.promises.rm(spillFile(jobId), { force: true });
  await db.delete(importChunk).where(eq(importChunk.jobId, jobId));
}

/**
 * Removes PGlite chunk files last written before `before` and not being written now: a job that
 * old is swept in its own database (importer.sweep.ts), whichever database on this machine made it.
 */
export async function removeSpillFilesBefore(before: Date): Promise<number> {
  const names = await fs.promises.readdir(spillDir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    if (!name.endsWith(".chunks") || writing.has(name.slice(0, -".chunks".length))) continue;
    const file = path.join(spillDir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (!stat || stat.mtime >= before) continue;
    await fs.promises.rm(file, { force: true });
    removed++;
  }
  return removed;
}

/** A PGlite job's chunks, in the order they were set aside. */
async function* fileChunks(jobId: string): AsyncGenerator<Buffer> {
  await writing.get(jobId);
  let fh: fs.promises.FileHandle;
  try {
    fh = await fs.promises.open(spillFile(jobId), "r");
  } catch {
    return; // none: the count below asks for a new dry run
  }
  try {
    const head = Buffer.alloc(4);
    let at = 0;
    for (;;) {
      if ((await fh.read(head, 0, 4, at)).bytesRead < 4) return;
      const body = Buffer.allocUnsafe(head.readUInt32LE(0));
      if ((await fh.read(body, 0, body.length, at + 4)).bytesRead < body.length) return;
      at += 4 + body.length;
      yield body;
    }
  } finally {
    await fh.close();
  }
}

/**
 * The commit's first step: a job's chunks loaded into `table` (its `columns` in the order of the
 * fields), a statement per chunk, outside any transaction; the chunks stay until the job is
 * cleared, so a failed load is loaded again. The staged rows are then counted: fewer than
 * `expected` asks for a new dry run.
 */
export async function loadSpilled(
  db: DbOrTx,
  table: string,
  jobId: string,
  columns: readonly string[],
  expected: number,
): Promise<number> {
  const client = clientOf(db);
  await db.execute(sql`delete from ${sql.identifier(table)} where job_id = ${jobId}`);
  if (client instanceof pg.Pool) {
    const chunks = await db
      .select({ seq: importChunk.seq })
      .from(importChunk)
      .where(eq(importChunk.jobId, jobId))
      .orderBy(asc(importChunk.seq));
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
  } else if (isPglite(client)) {
    for await (const body of fileChunks(jobId)) {
      // As UTF-8 bytes in the binary format (json's is its text): a string parameter has PGlite
      // count its UTF-8 length and encode it in JavaScript loops, a third of the statement's time.
      await client.query(
        `insert into ${table} select * from json_populate_recordset(null::${table}, $1::json)`,
        [body],
        { serializers: { [JSON_OID]: asBytes } },
      );
    }
  } else throw new Error("loadSpilled needs the database itself, not a transaction");
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
