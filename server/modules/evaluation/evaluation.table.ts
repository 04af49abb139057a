import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { IndicatorResult, SchemeBody } from "../../../common/evaluation.schema.js";
import type { Averages } from "../../../common/evaluation.score.js";
import { stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** 评价方案: one region's method for one year, copied from a preset or another scheme and edited. */
export const evaluationScheme = pgTable(
  "evaluation_scheme",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    year: integer("year").notNull(),
    note: text("note"),
    /** the preset it was copied from, if any */
    preset: text("preset"),
    body: jsonb("body").$type<SchemeBody>().notNull(),
    ...stamps,
  },
  (t) => [index("evaluation_scheme_region_idx").on(t.regionId, t.year)],
);

/** 评价批次: one run of a scheme, keeping the scheme as run and the benchmarks it used. */
export const evaluationRun = pgTable(
  "evaluation_run",
  {
    id: uuid("id").primaryKey(),
    schemeId: uuid("scheme_id")
      .notNull()
      .references(() => evaluationScheme.id),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    year: integer("year").notNull(),
    schemeName: text("scheme_name").notNull(),
    scheme: jsonb("scheme").$type<SchemeBody>().notNull(),
    /** previous-year averages the derived benchmarks used */
    previous: jsonb("previous").$type<Averages>().notNull(),
    status: text("status").notNull(),
    forced: integer("forced").notNull().default(0),
    /** firms in scope missing figures when it ran */
    missing: integer("missing").notNull().default(0),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    /** md5 over the result rows (firm, unit, total, class) in firm order: a rerun compares */
    digest: text("digest"),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("evaluation_run_region_idx").on(t.regionId, t.year),
    index("evaluation_run_scheme_idx").on(t.schemeId),
  ],
);

/**
 * One firm's result in a run. Firms sharing a parcel share a unit and its scores. `figures` is
 * the input the run read (the unit's summed yearly figures), so a card explains without the
 * registry's later edits.
 */
export const evaluationResult = pgTable(
  "evaluation_result",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => evaluationRun.id, { onDelete: "cascade" }),
    // No foreign key to enterprise: a run is a record of its year, kept when a firm is merged away.
    enterpriseId: uuid("enterprise_id").notNull(),
    regionId: uuid("region_id").notNull(),
    parkId: uuid("park_id"),
    industryCode: text("industry_code"),
    sizeGroup: text("size_group").notNull(),
    unit: text("unit").notNull(),
    members: integer("members").notNull(),
    class: text("class").notNull(),
    computedClass: text("computed_class").notNull(),
    tReason: text("t_reason"),
    forcedReason: text("forced_reason"),
    overrideReason: text("override_reason"),
    overriddenBy: uuid("overridden_by"),
    overriddenAt: timestamp("overridden_at", { withTimezone: true }),
    figures: jsonb("figures").$type<Record<string, number | null>>(),
    indicators: jsonb("indicators").$type<IndicatorResult[]>(),
    adjustments: text("adjustments").array(),
    base: doublePrecision("base").notNull(),
    bonus: doublePrecision("bonus").notNull(),
    deduction: doublePrecision("deduction").notNull(),
    total: doublePrecision("total").notNull(),
    position: integer("position"),
    population: integer("population"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.enterpriseId] }),
    index("evaluation_result_class_idx").on(t.runId, t.class, t.total),
    index("evaluation_result_enterprise_idx").on(t.enterpriseId),
  ],
);

/** 年度评价事项: an incident, penalty or honour of a firm's year that bonus items and the negative list test. */
export const evaluationEvent = pgTable(
  "evaluation_event",
  {
    id: uuid("id").primaryKey(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    regionId: uuid("region_id").notNull(),
    year: integer("year").notNull(),
    kind: text("kind").notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("evaluation_event_firm_idx").on(t.enterpriseId, t.year, t.kind)],
);
