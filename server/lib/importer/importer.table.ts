import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { storedFile } from "../files/files.table.js";
import type { MappingEntry } from "./importer.header.js";

export interface ImportCounts {
  rows: number;
  valid: number;
  errors: number;
  skipped: number;
  duplicates: number;
  create: number;
  update: number;
  created?: number;
  updated?: number;
}
export interface ImportError {
  rowNo: number;
  /** the sheet column's header, when the problem is in one cell */
  column: string | null;
  /** the sheet column's position (0-based), so the page can correct the cell */
  index: number | null;
  value: string | null;
  message: string;
}

/** A cell the user retyped on the page: its text replaces the sheet's cell at the next dry run. */
export interface ImportCorrection {
  rowNo: number;
  index: number;
  value: string | null;
}

/** One import of one file: its mapping, the dry run's findings and the commit's outcome. */
export const importJob = pgTable(
  "import_job",
  {
    id: uuid("id").primaryKey(),
    entity: text("entity").notNull(),
    fileId: uuid("file_id")
      .notNull()
      .references(() => storedFile.id),
    fileName: text("file_name").notNull(),
    /** uploaded → validating → validated | invalid → committing → committed; failed on a broken file */
    status: text("status").notNull(),
    headerRow: integer("header_row").notNull().default(1),
    mapping: jsonb("mapping").$type<MappingEntry[]>().notNull().default([]),
    options: jsonb("options").$type<Record<string, unknown>>().notNull().default({}),
    corrections: jsonb("corrections").$type<ImportCorrection[]>().notNull().default([]),
    counts: jsonb("counts").$type<ImportCounts | null>(),
    errors: jsonb("errors").$type<ImportError[]>().notNull().default([]),
    skipped: jsonb("skipped").$type<{ rowNo: number; reason: string }[]>().notNull().default([]),
    message: text("message"),
    regionId: uuid("region_id"),
    createdBy: uuid("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("import_job_creator_idx").on(t.createdBy, t.createdAt)],
);
