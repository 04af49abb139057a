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
import { users } from "../../modules/users/users.table.js";

const moment = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/** One in-app notification for one user. */
export const notification = pgTable(
  "notification",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** the recipient's home region, so the table distributes by region like every tenant table */
    regionId: uuid("region_id"),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    link: text("link"),
    dedupeKey: text("dedupe_key"),
    /** the China day the notification was made: a dedupe key repeats at most once a day */
    day: date("day", { mode: "string" }).notNull(),
    createdAt: moment("created_at").notNull(),
    readAt: moment("read_at"),
  },
  (t) => [
    index("notification_user_created_idx").on(t.userId, t.createdAt),
    index("notification_user_unread_idx").on(t.userId, t.createdAt).where(sql`${t.readAt} is null`),
    uniqueIndex("notification_dedupe_uq")
      .on(t.userId, t.dedupeKey, t.day)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);

/** A group robot (DingTalk or WeCom) or an e-mail list that alerts are also sent to. */
export const notifyChannel = pgTable(
  "notify_channel",
  {
    id: uuid("id").primaryKey(),
    /** dingtalk | wecom | email */
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    /** DingTalk "加签" secret, or the SMTP password of an e-mail channel; never sent back to the browser */
    secret: text("secret"),
    /** e-mail: the addresses each message goes to */
    recipients: text("recipients").array().notNull().default(sql`'{}'::text[]`),
    /** e-mail: the From address */
    sender: text("sender"),
    enabled: boolean("enabled").notNull().default(true),
    /** notification kinds posted here; empty means every kind */
    kinds: text("kinds").array().notNull().default(sql`'{}'::text[]`),
    version: integer("version").notNull().default(1),
    createdAt: moment("created_at").notNull().defaultNow(),
    updatedAt: moment("updated_at").notNull().defaultNow(),
  },
  (t) => [uniqueIndex("notify_channel_name_uq").on(t.name)],
);

/** One message to one channel, sent by the notify.deliver job with retries. */
export const notifyDelivery = pgTable(
  "notify_delivery",
  {
    id: uuid("id").primaryKey(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => notifyChannel.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** { title, body, link, subject }: rendered for the channel when sent */
    payload: jsonb("payload").notNull(),
    /** pending | sent | failed */
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: moment("next_attempt_at").notNull(),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key"),
    day: date("day", { mode: "string" }).notNull(),
    createdAt: moment("created_at").notNull(),
    sentAt: moment("sent_at"),
  },
  (t) => [
    index("notify_delivery_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("notify_delivery_created_idx").on(t.createdAt),
    uniqueIndex("notify_delivery_dedupe_uq")
      .on(t.channelId, t.dedupeKey, t.day)
      .where(sql`${t.dedupeKey} is not null`),
  ],
);
