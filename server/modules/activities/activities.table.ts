import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import type { TheirPerson } from "../../../common/activity.schema.js";
import { park, region, team } from "../org/org.table.js";
import { users } from "../users/users.table.js";

/** A contact with investors: a follow-up, a reception, an outbound trip or a promotion event. */
export const activity = pgTable(
  "activity",
  {
    id: uuid("id").primaryKey(),
    kind: text("kind").notNull(),
    /** follow-ups: call, visit, meeting, wechat, other */
    mode: text("mode"),
    /** events: promotion, competition, expo, forum, other */
    eventType: text("event_type"),
    title: text("title").notNull(),
    heldOn: date("held_on").notNull(),
    endOn: date("end_on"),
    place: text("place"),
    city: text("city"),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    teamId: uuid("team_id").references(() => team.id),
    summary: text("summary"),
    outcome: text("outcome"),
    /** our participants with an account; counts per officer read them */
    ourUserIds: uuid("our_user_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** our participants without one */
    ourNames: text("our_names").array().notNull().default(sql`'{}'::text[]`),
    /** the people met: name, title, organisation */
    theirPeople: jsonb("their_people").$type<TheirPerson[]>().notNull().default(sql`'[]'::jsonb`),
    fileIds: uuid("file_ids").array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("activity_region_held_idx").on(t.regionId, t.heldOn),
    index("activity_park_held_idx").on(t.parkId, t.heldOn),
    index("activity_team_held_idx").on(t.teamId, t.heldOn),
    index("activity_held_idx").on(t.heldOn, t.id),
    index("activity_our_users_idx").using("gin", t.ourUserIds),
  ],
);

/**
 * What an activity concerns: a project, an enterprise or a prospect (DESIGN "References"), as
 * 'about', or as 'lead' for a project registered from it.
 */
export const activityLink = pgTable(
  "activity_link",
  {
    activityId: uuid("activity_id")
      .notNull()
      .references(() => activity.id, { onDelete: "cascade" }),
    subjectType: text("subject_type").notNull(),
    subjectId: uuid("subject_id").notNull(),
    role: text("role").notNull().default("about"),
    /** the record's name when linked, so lists need not ask its module for every row */
    label: text("label").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.activityId, t.subjectType, t.subjectId] }),
    index("activity_link_subject_idx").on(t.subjectType, t.subjectId),
  ],
);
