import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { BulletinSummary } from "../../../common/bulletin.schema.js";
import { stamps } from "../../db/columns.js";
import { storedFile } from "../../lib/files/files.table.js";
import { kpiScheme } from "../kpi/kpi.table.js";
import { region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/**
 * A bulletin template on a cadence: who issues it (the red header), its document-number prefix,
 * which 赛马 scheme it prints and to whom it goes. The daily job writes one per period ended.
 */
export const bulletinSchedule = pgTable(
  "bulletin_schedule",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    cadence: text("cadence").notNull(),
    issuer: text("issuer").notNull(),
    docPrefix: text("doc_prefix").notNull(),
    schemeId: uuid("scheme_id").references(() => kpiScheme.id, { onDelete: "set null" }),
    recipients: text("recipients").array().notNull().default(sql`'{}'::text[]`),
    copyTo: text("copy_to").array().notNull().default(sql`'{}'::text[]`),
    active: boolean("active").notNull().default(true),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("bulletin_schedule_region_name_uq").on(t.regionId, t.name, t.cadence),
    index("bulletin_schedule_scheme_idx").on(t.schemeId),
  ],
);

/**
 * One generated bulletin (the archive): its period, its number in the issuer's yearly sequence
 * (开发区招商〔2026〕N号), and the docx and xlsx in the file store.
 */
export const bulletin = pgTable(
  "bulletin",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => bulletinSchedule.id, { onDelete: "restrict" }),
    cadence: text("cadence").notNull(),
    periodKey: text("period_key").notNull(),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on").notNull(),
    title: text("title").notNull(),
    docPrefix: text("doc_prefix").notNull(),
    docYear: integer("doc_year").notNull(),
    docSeq: integer("doc_seq").notNull(),
    status: text("status").notNull().default("generated"),
    docxFileId: uuid("docx_file_id")
      .notNull()
      .references(() => storedFile.id),
    xlsxFileId: uuid("xlsx_file_id")
      .notNull()
      .references(() => storedFile.id),
    summary: jsonb("summary").$type<BulletinSummary>().notNull(),
    durationMs: integer("duration_ms").notNull(),
    generatedBy: uuid("generated_by").references(() => users.id, { onDelete: "set null" }),
    generatedAt: timestamp("generated_at", { withTimezone: true }).notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex("bulletin_schedule_period_uq").on(t.scheduleId, t.periodKey),
    uniqueIndex("bulletin_doc_no_uq").on(t.regionId, t.docPrefix, t.docYear, t.docSeq),
    index("bulletin_region_period_idx").on(t.regionId, t.toOn),
  ],
);
