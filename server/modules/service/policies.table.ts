import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { Condition } from "../../../common/conditions.js";
import type { AmountRule } from "../../../common/policy.schema.js";
import { fen, stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** 政策条款: who may claim (a condition over firms), how much, through which review steps. */
export const policyClause = pgTable(
  "policy_clause",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    policyName: text("policy_name").notNull(),
    docNo: text("doc_no"),
    clauseNo: text("clause_no"),
    name: text("name").notNull(),
    content: text("content"),
    condition: jsonb("condition").$type<Condition>().notNull(),
    amountRule: jsonb("amount_rule").$type<AmountRule>().notNull(),
    period: text("period").notNull(),
    validFrom: date("valid_from"),
    validTo: date("valid_to"),
    steps: text("steps").array().notNull(),
    departmentId: uuid("department_id").references(() => department.id),
    fairReview: boolean("fair_review").notNull().default(false),
    fairReviewNote: text("fair_review_note"),
    active: boolean("active").notNull().default(true),
    ...stamps,
  },
  (t) => [index("policy_clause_region_idx").on(t.regionId, t.active)],
);

export const policyApplicationCodeSeq = pgSequence("policy_application_code_seq");

/** 兑现申请: one firm's claim under a clause for a period, reviewed step by step, then paid. */
export const policyApplication = pgTable(
  "policy_application",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull().unique(),
    clauseId: uuid("clause_id")
      .notNull()
      .references(() => policyClause.id),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    /** "2026" for a yearly clause, "once" otherwise */
    period: text("period").notNull(),
    claimedFen: fen("claimed_fen").notNull(),
    estimateFen: fen("estimate_fen"),
    approvedFen: fen("approved_fen"),
    paidFen: fen("paid_fen").notNull().default(0),
    status: text("status").notNull(),
    stepIndex: integer("step_index"),
    /** the day the current step began: its review is due POLICY_STEP_WORKDAYS later */
    stepSince: date("step_since"),
    eligible: boolean("eligible").notNull(),
    overrideReason: text("override_reason"),
    note: text("note"),
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    appliedOn: date("applied_on").notNull(),
    appliedBy: uuid("applied_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [
    // One live claim per firm, clause and period; a refused one may be filed again.
    uniqueIndex("policy_application_once_uq")
      .on(t.clauseId, t.enterpriseId, t.period)
      .where(sql`${t.status} <> 'rejected'`),
    index("policy_application_enterprise_idx").on(t.enterpriseId),
    index("policy_application_region_idx").on(t.regionId, t.status),
    index("policy_application_park_idx").on(t.parkId),
  ],
);

export const policyApplicationEvent = pgTable(
  "policy_application_event",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => policyApplication.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    step: text("step"),
    text: text("text"),
    amountFen: fen("amount_fen"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("policy_application_event_app_idx").on(t.applicationId, t.at)],
);

export const policyPayout = pgTable(
  "policy_payout",
  {
    id: uuid("id").primaryKey(),
    applicationId: uuid("application_id")
      .notNull()
      .references(() => policyApplication.id, { onDelete: "cascade" }),
    amountFen: fen("amount_fen").notNull(),
    paidOn: date("paid_on").notNull(),
    voucherNo: text("voucher_no"),
    recordedBy: uuid("recorded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("policy_payout_app_idx").on(t.applicationId)],
);
