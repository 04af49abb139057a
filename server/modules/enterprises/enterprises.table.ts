import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Contact } from "../../../common/enterprise.schema.js";
import { fen, stamps } from "../../db/columns.js";
import { park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** Master data of a firm; registered firms are keyed by USCC, unregistered ones (no USCC yet) by id. */
export const enterprise = pgTable(
  "enterprise",
  {
    id: uuid("id").primaryKey(),
    uscc: text("uscc"),
    name: text("name").notNull(),
    formerNames: text("former_names").array().notNull().default(sql`'{}'::text[]`),
    legalRep: text("legal_rep"),
    registeredCapitalFen: fen("registered_capital_fen"),
    capitalCurrency: text("capital_currency").notNull().default("CNY"),
    foundedOn: date("founded_on"),
    status: text("status").notNull().default("operating"),
    industryCode: text("industry_code"),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    address: text("address"),
    lng: doublePrecision("lng"),
    lat: doublePrecision("lat"),
    employees: integer("employees"),
    contacts: jsonb("contacts").$type<Contact[]>().notNull().default([]),
    specialistId: uuid("specialist_id").references(() => users.id, { onDelete: "set null" }),
    // Derived from the name and former names (enterprises.search.ts); never edited directly.
    searchText: text("search_text").notNull(),
    searchGrams: text("search_grams").array().notNull(),
    namePinyin: text("name_pinyin").notNull(),
    nameInitials: text("name_initials").notNull(),
    nameKey: text("name_key").notNull(),
    ...stamps,
  },
  (t) => [
    uniqueIndex("enterprise_uscc_uq").on(t.uscc),
    index("enterprise_uscc_prefix_idx").on(t.uscc.op("text_pattern_ops")),
    index("enterprise_grams_idx").using("gin", t.searchGrams),
    index("enterprise_region_key_idx").on(t.regionId, t.nameKey),
    index("enterprise_park_idx").on(t.parkId),
    index("enterprise_industry_idx").on(t.industryCode.op("text_pattern_ops")),
  ],
);

/**
 * Each firm's full pinyin and initials again, in a narrow table of their own (~80 rows a page
 * against the firm table's ~7) with the pinyin search's indexes. A pinyin search rechecks every
 * candidate row, and an exact count reads up to 10,001 of them: on the firm table they lay on
 * ~8,700 pages, most of which the shared buffers lacked; here the whole table is ~110 MB at 1M
 * firms. Triggers on enterprise keep it (migration 0033): a firm's insert, update and delete
 * write its row here, whichever path wrote the firm (service, import, merge, COPY). The 4-letter
 * grams of the full pinyin are an expression index (`enterprise_pinyin_grams`, the same grams as
 * pinyinGramsOf), not a stored array, which would make the table four times as wide.
 */
export const enterprisePinyin = pgTable(
  "enterprise_pinyin",
  {
    enterpriseId: uuid("enterprise_id").primaryKey(),
    namePinyin: text("name_pinyin").notNull(),
    nameInitials: text("name_initials").notNull(),
  },
  (t) => [
    index("enterprise_pinyin_trgm_idx").using("gin", sql`${t.namePinyin} gin_trgm_ops`),
    index("enterprise_pinyin_grams_idx").using("gin", sql`enterprise_pinyin_grams(${t.namePinyin})`),
    index("enterprise_initials_trgm_idx").using("gin", sql`${t.nameInitials} gin_trgm_ops`),
    index("enterprise_initials_prefix_idx").on(t.nameInitials.op("text_pattern_ops")),
  ],
);

export const enterpriseLabel = pgTable(
  "enterprise_label",
  {
    id: uuid("id").primaryKey(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    source: text("source"),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("enterprise_label_enterprise_idx").on(t.enterpriseId),
    index("enterprise_label_label_idx").on(t.label, t.enterpriseId),
  ],
);

/**
 * A firm's size class, from its latest year that states one. A narrow table of its own: a yearly
 * import sets it for every firm in the file, and rewriting the wide enterprise rows (three GIN
 * indexes) cost ten times the import itself.
 */
export const enterpriseSize = pgTable(
  "enterprise_size",
  {
    // No foreign key: its per-row check cost a yearly import of 100k rows half a second, for ids
    // the import has just joined from enterprise. A trigger on enterprise deletes a firm's row
    // (migration 0005), as ON DELETE CASCADE would.
    enterpriseId: uuid("enterprise_id").primaryKey(),
    sizeClass: text("size_class").notNull(),
  },
  (t) => [index("enterprise_size_class_idx").on(t.sizeClass, t.enterpriseId)],
);

/** One row per firm and year; `sources` names where each figure came from. */
export const enterpriseYear = pgTable(
  "enterprise_year",
  {
    id: uuid("id").primaryKey(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    year: integer("year").notNull(),
    sizeClass: text("size_class"),
    fourUp: boolean("four_up"),
    revenueFen: fen("revenue_fen"),
    taxFen: fen("tax_fen"),
    valueAddedFen: fen("value_added_fen"),
    outputFen: fen("output_fen"),
    energyTce: doublePrecision("energy_tce"),
    electricityKwh: doublePrecision("electricity_kwh"),
    emissionsT: doublePrecision("emissions_t"),
    rdFen: fen("rd_fen"),
    employeesAvg: integer("employees_avg"),
    landM2: doublePrecision("land_m2"),
    landCertNo: text("land_cert_no"),
    floorRentedM2: doublePrecision("floor_rented_m2"),
    sources: jsonb("sources").$type<Record<string, string>>().notNull().default({}),
    ...stamps,
  },
  (t) => [
    uniqueIndex("enterprise_year_uq").on(t.enterpriseId, t.year),
    index("enterprise_year_cert_idx").on(t.landCertNo),
  ],
);

// Staging for imports (DESIGN.md, "Import contract"): the dry run fills these in short chunks and
// the commit merges a job's rows in one transaction. No foreign keys: rows are checked before.
export const enterpriseStage = pgTable(
  "enterprise_stage",
  {
    jobId: uuid("job_id").notNull(),
    rowNo: integer("row_no").notNull(),
    id: uuid("id").notNull(),
    uscc: text("uscc"),
    name: text("name").notNull(),
    formerNames: text("former_names").array(),
    legalRep: text("legal_rep"),
    registeredCapitalFen: fen("registered_capital_fen"),
    capitalCurrency: text("capital_currency"),
    foundedOn: date("founded_on"),
    status: text("status"),
    industryCode: text("industry_code"),
    regionId: uuid("region_id").notNull(),
    /** the row named its region or park (else the import's default region applies, to new firms only) */
    regionGiven: boolean("region_given").notNull(),
    parkId: uuid("park_id"),
    address: text("address"),
    lng: doublePrecision("lng"),
    lat: doublePrecision("lat"),
    employees: integer("employees"),
    contacts: jsonb("contacts").$type<Contact[]>(),
    labels: text("labels").array(),
    labelIds: uuid("label_ids").array(),
    searchText: text("search_text").notNull(),
    searchGrams: text("search_grams").array().notNull(),
    namePinyin: text("name_pinyin").notNull(),
    nameInitials: text("name_initials").notNull(),
    nameKey: text("name_key").notNull(),
  },
  (t) => [index("enterprise_stage_job_idx").on(t.jobId, t.uscc)],
);

export const enterpriseYearStage = pgTable(
  "enterprise_year_stage",
  {
    jobId: uuid("job_id").notNull(),
    rowNo: integer("row_no").notNull(),
    id: uuid("id").notNull(),
    uscc: text("uscc").notNull(),
    year: integer("year").notNull(),
    sizeClass: text("size_class"),
    fourUp: boolean("four_up"),
    revenueFen: fen("revenue_fen"),
    taxFen: fen("tax_fen"),
    valueAddedFen: fen("value_added_fen"),
    outputFen: fen("output_fen"),
    energyTce: doublePrecision("energy_tce"),
    electricityKwh: doublePrecision("electricity_kwh"),
    emissionsT: doublePrecision("emissions_t"),
    rdFen: fen("rd_fen"),
    employeesAvg: integer("employees_avg"),
    landM2: doublePrecision("land_m2"),
    landCertNo: text("land_cert_no"),
    floorRentedM2: doublePrecision("floor_rented_m2"),
    // Resolved when the dry run stages the row (it looks every code up anyway), so that the
    // commit only writes: the firm, its region for the audit entry, and the figures' sources.
    enterpriseId: uuid("enterprise_id"),
    regionId: uuid("region_id"),
    sources: jsonb("sources").$type<Record<string, string>>(),
  },
  (t) => [index("enterprise_year_stage_job_idx").on(t.jobId, t.uscc)],
);
