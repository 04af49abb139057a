import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import type { Condition } from "../../../common/conditions.js";
import { stamps } from "../../db/columns.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** 走访: a visit to a firm by a specialist; the firm's region and park at the time keep scope. */
export const visit = pgTable(
  "visit",
  {
    id: uuid("id").primaryKey(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    visitedOn: date("visited_on").notNull(),
    method: text("method").notNull(),
    visitorId: uuid("visitor_id").references(() => users.id, { onDelete: "set null" }),
    companions: text("companions"),
    metWith: text("met_with"),
    findings: text("findings").notNull(),
    ...stamps,
  },
  (t) => [
    // Coverage: has this firm a visit within the period?
    index("visit_enterprise_day_idx").on(t.enterpriseId, t.visitedOn),
    index("visit_region_day_idx").on(t.regionId, t.visitedOn),
    index("visit_visitor_day_idx").on(t.visitorId, t.visitedOn),
    index("visit_park_idx").on(t.parkId),
  ],
);

/** 走访计划: a population (a condition over firms) to visit once per period. */
export const visitPlan = pgTable(
  "visit_plan",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    period: text("period").notNull(),
    condition: jsonb("condition").$type<Condition>().notNull(),
    targetRate: doublePrecision("target_rate").notNull().default(100),
    active: boolean("active").notNull().default(true),
    ...stamps,
  },
  (t) => [index("visit_plan_region_idx").on(t.regionId), index("visit_plan_park_idx").on(t.parkId)],
);

export const appealCodeSeq = pgSequence("appeal_code_seq");

/** 诉求: raised by a firm or a specialist, routed to a department with a working-day deadline. */
export const appeal = pgTable(
  "appeal",
  {
    id: uuid("id").primaryKey(),
    code: text("code").notNull().unique(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    visitId: uuid("visit_id").references(() => visit.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    category: text("category").notNull(),
    detail: text("detail"),
    raisedOn: date("raised_on").notNull(),
    raisedBy: uuid("raised_by").references(() => users.id, { onDelete: "set null" }),
    byEnterprise: boolean("by_enterprise").notNull().default(false),
    departmentId: uuid("department_id").references(() => department.id),
    /** the day the current routing runs from (routing, a transfer, a reopening) */
    routedOn: date("routed_on"),
    deadlineWorkdays: integer("deadline_workdays"),
    dueOn: date("due_on"),
    status: text("status").notNull(),
    resolution: text("resolution"),
    resolvedOn: date("resolved_on"),
    closedOn: date("closed_on"),
    rating: integer("rating"),
    ratingComment: text("rating_comment"),
    escalated: boolean("escalated").notNull().default(false),
    ...stamps,
  },
  (t) => [
    index("appeal_enterprise_idx").on(t.enterpriseId, t.status),
    // Foreign keys a delete or merge of the parent checks.
    index("appeal_park_idx").on(t.parkId),
    index("appeal_visit_idx").on(t.visitId),
    index("appeal_region_idx").on(t.regionId, t.status, t.raisedOn),
    index("appeal_department_idx").on(t.departmentId, t.status, t.dueOn),
    index("appeal_active_due_idx")
      .on(t.dueOn)
      .where(sql`${t.status} in ('routed', 'accepted') and ${t.dueOn} is not null`),
  ],
);

/** What happened to an appeal, in order: append-only. */
export const appealEvent = pgTable(
  "appeal_event",
  {
    id: uuid("id").primaryKey(),
    appealId: uuid("appeal_id")
      .notNull()
      .references(() => appeal.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    departmentId: uuid("department_id").references(() => department.id),
    fromDepartmentId: uuid("from_department_id").references(() => department.id),
    dueOn: date("due_on"),
    text: text("text"),
    rating: integer("rating"),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("appeal_event_appeal_idx").on(t.appealId, t.at),
    index("appeal_event_department_idx").on(t.departmentId, t.appealId),
  ],
);

/** A region's own working-day deadline per appeal category; below it regions inherit it. */
export const appealDeadline = pgTable(
  "appeal_deadline",
  {
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id, { onDelete: "cascade" }),
    category: text("category").notNull(),
    workdays: integer("workdays").notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.category] })],
);

/** 企业账号邀请: the token is kept only as its SHA-256. */
export const enterpriseInvitation = pgTable(
  "enterprise_invitation",
  {
    id: uuid("id").primaryKey(),
    enterpriseId: uuid("enterprise_id")
      .notNull()
      .references(() => enterprise.id, { onDelete: "cascade" }),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    tokenHash: text("token_hash").notNull().unique(),
    contactName: text("contact_name").notNull(),
    phone: text("phone"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: uuid("accepted_user_id").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("enterprise_invitation_enterprise_idx").on(t.enterpriseId)],
);
