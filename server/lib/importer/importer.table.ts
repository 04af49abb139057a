import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
    /** uploaded → validating → validated | invalid → committing → committed; failed on a broken file; expired when left unimported (importer.sweep.ts) */
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

/**
 * Rows a dry run checked, set aside for its commit: each chunk as the text of a COPY into the
 * module's staging table (importer.spill.ts). Writing the staging table itself during the dry
 * run cost PGlite, which runs in the server's own thread, as long as reading the file did.
 * Stored uncompressed (migration 0017): the text lives until the commit, and compressing it
 * cost more than it saved.
 */
export const importChunk = pgTable(
  "import_chunk",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => importJob.id, { onDelete: "cascade" }),
    seq: integer("seq").notNull(),
    rows: integer("rows").notNull(),
    body: text("body").notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.seq] })],
);
