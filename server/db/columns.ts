import { bigint, integer, timestamp } from "drizzle-orm/pg-core";

/** Money in integer fen (or US-dollar cents), read as a JS number. */
export const fen = (name: string) => bigint(name, { mode: "number" });

/** The optimistic-concurrency version and the two moments every editable record carries. */
export const stamps = {
  version: integer("version").notNull().default(1),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};
