import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { stamps } from "../../db/columns.js";
import { department, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/**
 * 问题清单: an obstacle of a subject (a project), assigned to a department with a deadline in
 * working days and followed until the officer confirms it solved.
 */
export const problem = pgTable(
  "problem",
  {
    id: uuid("id").primaryKey(),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    /** the subject's region when raised: scope and the leaders to escalate to */
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    title: text("title").notNull(),
    detail: text("detail"),
    category: text("category").notNull(),
    raisedOn: date("raised_on").notNull(),
    raisedBy: uuid("raised_by").references(() => users.id, { onDelete: "set null" }),
    departmentId: uuid("department_id").references(() => department.id),
    /** the day the current assignment runs from (raising, a transfer, a meeting) */
    assignedOn: date("assigned_on"),
    deadlineWorkdays: integer("deadline_workdays"),
    dueOn: date("due_on"),
    status: text("status").notNull().default("open"),
    resolution: text("resolution"),
    resolvedOn: date("resolved_on"),
    closedOn: date("closed_on"),
    /** told to the region's leaders for being overdue too long; cleared by a new assignment */
    escalated: boolean("escalated").notNull().default(false),
    ...stamps,
  },
  (t) => [
    index("problem_subject_idx").on(t.subjectType, t.subjectId, t.status),
    index("problem_region_idx").on(t.regionId, t.status),
    index("problem_department_idx").on(t.departmentId, t.status, t.dueOn),
    // The daily overdue scan: open problems by due day.
    index("problem_open_due_idx")
      .on(t.dueOn)
      .where(sql`${t.status} in ('open', 'in_progress') and ${t.dueOn} is not null`),
  ],
);

/** What happened to a problem, in order: append-only. */
export const problemEvent = pgTable(
  "problem_event",
  {
    id: uuid("id").primaryKey(),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problem.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** the department assigned by this event (assigned, transferred), or acting (replied, resolved) */
    departmentId: uuid("department_id").references(() => department.id),
    fromDepartmentId: uuid("from_department_id").references(() => department.id),
    dueOn: date("due_on"),
    /** the reason, reply, resolution or decision */
    text: text("text"),
    meetingId: uuid("meeting_id").references(() => meeting.id, { onDelete: "set null" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("problem_event_problem_idx").on(t.problemId, t.at),
    // A department sees the problems it was ever assigned, also after passing them on.
    index("problem_event_department_idx").on(t.departmentId, t.problemId),
    index("problem_event_meeting_idx").on(t.meetingId),
  ],
);

/** 旬会办 / 月督察 / 专题会: a meeting that chased problems, with its minutes. */
export const meeting = pgTable(
  "meeting",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    kind: text("kind").notNull(),
    heldOn: date("held_on").notNull(),
    title: text("title").notNull(),
    chairedBy: text("chaired_by"),
    attendees: text("attendees").array().notNull().default(sql`'{}'::text[]`),
    minutes: text("minutes"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    ...stamps,
  },
  (t) => [index("meeting_region_held_idx").on(t.regionId, t.heldOn)],
);

/** A problem discussed at a meeting: the decision, and a new assignment when one was made. */
export const meetingItem = pgTable(
  "meeting_item",
  {
    id: uuid("id").primaryKey(),
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meeting.id, { onDelete: "cascade" }),
    problemId: uuid("problem_id")
      .notNull()
      .references(() => problem.id, { onDelete: "cascade" }),
    decision: text("decision").notNull(),
    departmentId: uuid("department_id").references(() => department.id),
    deadlineWorkdays: integer("deadline_workdays"),
    dueOn: date("due_on"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("meeting_item_meeting_problem_uq").on(t.meetingId, t.problemId),
    index("meeting_item_problem_idx").on(t.problemId),
  ],
);
