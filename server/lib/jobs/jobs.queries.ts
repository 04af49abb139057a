import { and, desc, eq, lt } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import type { LastRuns } from "./jobs.registry.js";
import { jobRun } from "./jobs.table.js";

export type JobRunRow = typeof jobRun.$inferSelect;

export async function insertRun(db: DbOrTx, row: typeof jobRun.$inferInsert): Promise<void> {
  await db.insert(jobRun).values(row);
}

export async function lastRun(db: DbOrTx, name: string): Promise<JobRunRow | null> {
  const [row] = await db
    .select()
    .from(jobRun)
    .where(eq(jobRun.name, name))
    .orderBy(desc(jobRun.startedAt))
    .limit(1);
  return row ?? null;
}

/** The newest run and the newest successful run: each one backward step of the (name, started_at) index. */
export async function lastRuns(db: DbOrTx, name: string): Promise<LastRuns> {
  const latest = await lastRun(db, name);
  if (!latest || latest.status === "ok")
    return { latest: latest?.startedAt ?? null, ok: latest?.startedAt ?? null };
  const [ok] = await db
    .select({ startedAt: jobRun.startedAt })
    .from(jobRun)
    .where(and(eq(jobRun.name, name), eq(jobRun.status, "ok")))
    .orderBy(desc(jobRun.startedAt))
    .limit(1);
  return { latest: latest.startedAt, ok: ok?.startedAt ?? null };
}

/** A minutely job writes 1,440 rows a day: keep a month of history. */
export async function pruneRuns(db: DbOrTx, name: string, before: Date): Promise<void> {
  await db.delete(jobRun).where(and(eq(jobRun.name, name), lt(jobRun.startedAt, before)));
}
