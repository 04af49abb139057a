import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Criterion } from "../../../common/review.schema.js";
import { stamps } from "../../db/columns.js";
import { region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** The expert pool (专家库): panels are drawn from it by field, never with an expert tied to the firm. */
export const expert = pgTable(
  "expert",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    title: text("title"),
    organization: text("organization"),
    fields: text("fields").array().notNull(),
    phone: text("phone"),
    /** the expert's own account, so they can score online */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    tiedEnterpriseIds: uuid("tied_enterprise_ids").array().notNull().default(sql`'{}'::uuid[]`),
    active: boolean("active").notNull().default(true),
    ...stamps,
  },
  // One expert record per login account: the account scores as that expert.
  (t) => [index("expert_region_idx").on(t.regionId), uniqueIndex("expert_user_uq").on(t.userId)],
);

/** A review (研判) of one subject by a drawn panel, scored on criteria, ending in a conclusion. */
export const review = pgTable(
  "review",
  {
    id: uuid("id").primaryKey(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    title: text("title").notNull(),
    criteria: jsonb("criteria").$type<Criterion[]>().notNull(),
    status: text("status").notNull().default("open"),
    conclusion: text("conclusion"),
    conclusionNote: text("conclusion_note"),
    averageScore: doublePrecision("average_score"),
    excludedExperts: text("excluded_experts").array().notNull().default(sql`'{}'::text[]`),
    concludedAt: timestamp("concluded_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index("review_subject_idx").on(t.subjectType, t.subjectId)],
);

export const reviewPanelist = pgTable(
  "review_panelist",
  {
    reviewId: uuid("review_id")
      .notNull()
      .references(() => review.id, { onDelete: "cascade" }),
    expertId: uuid("expert_id")
      .notNull()
      .references(() => expert.id),
    scores: jsonb("scores").$type<Record<string, number>>(),
    total: doublePrecision("total"),
    comment: text("comment"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.expertId] }),
    index("review_panelist_expert_idx").on(t.expertId),
  ],
);
