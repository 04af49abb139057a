import { sql } from "drizzle-orm";
import { boolean, date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "../../modules/users/users.table.js";

/**
 * The working-day calendar, one row a day, rebuilt from chinese-days, weekends and the
 * overrides below. `seq` counts the working days from the calendar's first day up to and
 * including `day`, so the working days after A up to and including B are seq(B) - seq(A).
 */
export const workday = pgTable(
  "workday",
  {
    day: date("day").primaryKey(),
    isWorkday: boolean("is_workday").notNull(),
    seq: integer("seq").notNull(),
    /** weekend | holiday | adjusted_workday | override | normal */
    source: text("source").notNull(),
    /** the holiday's name (春节, 国庆节) for holidays, their adjusted working days and named overrides */
    name: text("name"),
  },
  // Each working day has its own seq: "the working day numbered k" is one index probe.
  (t) => [uniqueIndex("workday_seq_uq").on(t.seq).where(sql`${t.isWorkday}`)],
);

/** An administrator's word on a day, for years chinese-days does not know yet (or corrections). */
export const workdayOverride = pgTable("workday_override", {
  day: date("day").primaryKey(),
  isWorkday: boolean("is_workday").notNull(),
  name: text("name"),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
