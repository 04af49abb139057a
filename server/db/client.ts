import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { ExtractTablesWithRelations } from "drizzle-orm/relations";
import pg from "pg";
import { ensureWorkdays } from "../lib/workdays/workdays.js";
import * as schema from "./schema.js";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database handle or an open transaction: what services and queries take. */
export type DbOrTx = Db | Tx;
export type Backend = "pglite" | "postgres";

export interface Database {
  db: Db;
  backend: Backend;
  close: () => Promise<void>;
  /** PGlite only: the embedded instance (backup uses it). */
  pglite?: PGlite;
}

export const migrationsFolder = fileURLToPath(new URL("./migrations", import.meta.url));

/** Opens PGlite (a directory, or in memory when dir is undefined). */
export async function openPglite(dir: string | undefined): Promise<Database> {
  const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, backend: "pglite", pglite: client, close: () => client.close() };
}

/** Opens a PostgreSQL pool and checks that the server answers. */
export async function openPostgres(url: string, max = 10): Promise<Database> {
  // JIT off for this application's sessions: its statements run in tens to hundreds of ms, and
  // LLVM compilation of the larger ones (a bulletin's goals, a ranking) took 1–1.7 s on top of
  // 0.8 s of execution (docs/performance.md, bulletins).
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: 5000,
    options: "-c jit=off",
  });
  pool.on("error", () => {
    // An idle client lost its connection; the pool replaces it on next use.
  });
  try {
    const c = await pool.connect();
    c.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const e = err as NodeJS.ErrnoException;
    const where = safeUrl(url);
    throw new Error(
      `无法连接数据库 (cannot reach the database) ${where}: ${e.code ?? ""} ${e.message}`.trim(),
    );
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, backend: "postgres", close: () => pool.end() };
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(DATABASE_URL)";
  }
}

export async function migrate(database: Database): Promise<void> {
  if (database.backend === "pglite") {
    await migratePglite(database.db as never, { migrationsFolder });
  } else {
    await migratePg(database.db as never, { migrationsFolder });
  }
  // The working-day calendar is derived data every deadline query needs: seed it with the schema.
  await ensureWorkdays(database.db);
}

/** The tag of the newest applied migration, from drizzle's journal table. */
export async function migrationVersion(db: Db): Promise<string | null> {
  const res = (await db.execute(
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  )) as unknown as { rows: { hash: string; created_at: string }[] };
  const row = res.rows[0];
  if (!row) return null;
  const entry = (await migrationJournal()).find((e) => e.when === Number(row.created_at));
  return entry?.tag ?? String(row.created_at);
}

/** The committed migrations, oldest first, as drizzle-kit's journal lists them. */
export async function migrationJournal(): Promise<{ tag: string; when: number }[]> {
  const { readFileSync } = await import("node:fs");
  return (
    JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
      entries: { tag: string; when: number }[];
    }
  ).entries;
}

/** The tag of the newest committed migration: what a migrated database reports. */
export const latestMigration = async () => (await migrationJournal()).at(-1)?.tag ?? null;
