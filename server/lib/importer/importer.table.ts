import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type {
  ImportCorrection,
  ImportCounts,
  ImportError,
  MappingEntry,
} from "../../../common/import.types.js";
import { storedFile } from "../files/files.table.js";

export type { ImportCorrection, ImportCounts, ImportError };

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
