import { createHash } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import type { Db } from "../../db/client.js";

/** A stable signed 64-bit advisory-lock key for a job name. */
export function lockKey(name: string): string {
  return createHash("sha256").update(`zhaoyin.job:${name}`).digest().readBigInt64BE(0).toString();
}

interface Session {
  query: (text: string, params: unknown[]) => Promise<{ rows: { ok: boolean }[] }>;
  release: () => void;
}

/**
 * One database session for the lock's lifetime. On PostgreSQL a connection of its own, outside
 * the pool: a job holding a pooled connection while its queries wait for another could starve
 * the pool when several jobs run at once. PGlite has one session only.
 */
async function session(db: Db): Promise<Session> {
  const client = (db as unknown as { $client: pg.Pool | PGlite }).$client;
  if (client instanceof pg.Pool) {
    const conn = new pg.Client(client.options);
    conn.on("error", () => {
      // The connection dropped: the server let the lock go with it; the query in flight fails.
    });
    await conn.connect();
    return {
      query: (text, params) => conn.query(text, params) as Promise<{ rows: { ok: boolean }[] }>,
      release: () => void conn.end().catch(() => {}),
    };
  }
  const lite = client as PGlite;
  return {
    query: (text, params) => lite.query<{ ok: boolean }>(text, params),
    release: () => {},
  };
}

/**
 * Runs fn while holding the session-level advisory lock `key`, or returns null at once when
 * another session holds it. A session lock (not a transaction one) lets the job run its own
 * short transactions and send HTTP requests without an open transaction; should the process
 * die, PostgreSQL drops the lock with the connection.
 */
export async function withAdvisoryLock<T>(db: Db, key: string, fn: () => Promise<T>): Promise<T | null> {
  const s = await session(db);
  let held = false;
  try {
    const res = await s.query("select pg_try_advisory_lock($1::bigint) as ok", [key]);
    held = res.rows[0]?.ok === true;
    if (!held) return null;
    return await fn();
  } finally {
    // Closing the PostgreSQL connection would let the lock go too; unlocking says so outright.
    if (held) await s.query("select pg_advisory_unlock($1::bigint) as ok", [key]).catch(() => {});
    s.release();
  }
}
