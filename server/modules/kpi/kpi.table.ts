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
import type { RankingUnit } from "../../../common/kpi.schema.js";
import type { AdjustmentItem, SchemeItem } from "../../../common/kpi.score.js";
import { stamps } from "../../db/columns.js";
import { region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/**
 * Indicators entered by hand (computed ones live in the modules' providers, in code). Keys are
 * `manual.<id>` so they never collide with a provider's.
 */
export const kpiIndicator = pgTable(
  "kpi_indicator",
  {
    id: uuid("id").primaryKey(),
    key: text("key").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    unit: text("unit").notNull(),
    unitKinds: text("unit_kinds").array().notNull(),
    higherIsBetter: boolean("higher_is_better").notNull().default(true),
    cumulative: boolean("cumulative").notNull().default(true),
    description: text("description"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("kpi_indicator_key_uq").on(t.key),
    uniqueIndex("kpi_indicator_region_name_uq").on(t.regionId, t.name),
  ],
);

/** A manual indicator's value for one unit and period, with its evidence. */
export const kpiValue = pgTable(
  "kpi_value",
  {
    id: uuid("id").primaryKey(),
    indicatorKey: text("indicator_key").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    unitKind: text("unit_kind").notNull(),
    unitId: uuid("unit_id").notNull(),
    periodKind: text("period_kind").notNull(),
    periodKey: text("period_key").notNull(),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on").notNull(),
    value: doublePrecision("value").notNull(),
    evidenceFileIds: uuid("evidence_file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    note: text("note"),
    enteredBy: uuid("entered_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [
    uniqueIndex("kpi_value_uq").on(t.indicatorKey, t.unitId, t.periodKey),
    index("kpi_value_lookup_idx").on(t.indicatorKey, t.fromOn, t.toOn),
  ],
);

/** A unit's goal for an indicator and year; `split` holds 12 monthly targets when not even. */
export const kpiGoal = pgTable(
  "kpi_goal",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    indicatorKey: text("indicator_key").notNull(),
    unitKind: text("unit_kind").notNull(),
    unitId: uuid("unit_id").notNull(),
    year: integer("year").notNull(),
    target: doublePrecision("target").notNull(),
    split: doublePrecision("split").array(),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("kpi_goal_uq").on(t.indicatorKey, t.unitId, t.year),
    index("kpi_goal_region_year_idx").on(t.regionId, t.year),
  ],
);

/** A scheme: which units race (赛马), per which period, on which weighted indicators. */
export const kpiScheme = pgTable(
  "kpi_scheme",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    unitKind: text("unit_kind").notNull(),
    unitIds: uuid("unit_ids").array().notNull(),
    periodKind: text("period_kind").notNull(),
    items: jsonb("items").$type<SchemeItem[]>().notNull(),
    adjustments: jsonb("adjustments").$type<AdjustmentItem[]>().notNull().default([]),
    description: text("description"),
    ...stamps,
  },
  (t) => [uniqueIndex("kpi_scheme_region_name_uq").on(t.regionId, t.name)],
);

/**
 * One ranking run: the inputs (values, goals, adjustments per unit) and the results, kept as
 * computed so a later change of data or scheme never rewrites a ranking already announced, and
 * "change since the last period" compares two stored runs.
 */
export const kpiRun = pgTable(
  "kpi_run",
  {
    id: uuid("id").primaryKey(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => kpiScheme.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    periodKey: text("period_key").notNull(),
    fromOn: date("from_on").notNull(),
    toOn: date("to_on").notNull(),
    schemeVersion: integer("scheme_version").notNull(),
    items: jsonb("items").$type<SchemeItem[]>().notNull(),
    results: jsonb("results").$type<Omit<RankingUnit, "previousRank" | "change" | "unitName">[]>().notNull(),
    computedBy: uuid("computed_by").references(() => users.id, { onDelete: "set null" }),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kpi_run_scheme_period_idx").on(t.schemeId, t.periodKey, t.computedAt)],
);
