import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One row per finished run of a scheduled job: what the admin page and the scheduler read. */
export const jobRun = pgTable(
  "job_run",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    startedAt: moment("started_at").notNull(),
    finishedAt: moment("finished_at"),
    /** ok | failed */
    status: text("status").notNull(),
    summary: text("summary"),
    error: text("error"),
    /** who started it by hand; null for the scheduler */
    actorId: uuid("actor_id"),
  },
  (t) => [index("job_run_name_started_idx").on(t.name, t.startedAt)],
);
