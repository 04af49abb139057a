import { and, count, desc, eq, gte, isNull, lt, lte, ne, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { deliveryQuery, notificationQuery } from "../../../common/notify.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { offsetOf, orderBy } from "../paging.js";
import { notification, notifyChannel, notifyDelivery } from "./notify.table.js";

export type NotificationInsert = typeof notification.$inferInsert;
export type ChannelRow = typeof notifyChannel.$inferSelect;
export type DeliveryInsert = typeof notifyDelivery.$inferInsert;

// 13 parameters a row: 1,000 rows stay far below PostgreSQL's 65,535 bind parameters.
const CHUNK = 1_000;

/** Inserts notifications; a (user, dedupe key, day) already present is skipped. The users written. */
export async function insertNotifications(db: DbOrTx, rows: NotificationInsert[]): Promise<string[]> {
  const written: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const out = await db
      .insert(notification)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning({ userId: notification.userId });
    for (const r of out) written.push(r.userId);
  }
  return written;
}

/** Enabled channels that take this kind of notification (an empty filter takes every kind). */
export async function channelsFor(db: DbOrTx, kind: string) {
  return db
    .select({ id: notifyChannel.id })
    .from(notifyChannel)
    .where(
      and(
        eq(notifyChannel.enabled, true),
        sql`(cardinality(${notifyChannel.kinds}) = 0 or ${kind} = any(${notifyChannel.kinds}))`,
      ),
    );
}

/** Queues deliveries; one already queued today for the same channel and dedupe key is skipped. */
export async function insertDeliveries(db: DbOrTx, rows: DeliveryInsert[]): Promise<number> {
  if (rows.length === 0) return 0;
  const out = await db
    .insert(notifyDelivery)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: notifyDelivery.id });
  return out.length;
}

const notificationSelect = {
  id: notification.id,
  kind: notification.kind,
  title: notification.title,
  body: notification.body,
  subjectType: notification.subjectType,
  subjectId: notification.subjectId,
  link: notification.link,
  createdAt: notification.createdAt,
  readAt: notification.readAt,
};

export async function listMine(db: DbOrTx, userId: string, q: z.infer<typeof notificationQuery>) {
  const where = and(
    eq(notification.userId, userId),
    q.unread === "true" ? isNull(notification.readAt) : undefined,
    q.unread === "false" ? sql`${notification.readAt} is not null` : undefined,
  );
  const items = await db
    .select(notificationSelect)
    .from(notification)
    .where(where)
    .orderBy(desc(notification.createdAt), desc(notification.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(notification).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function unreadCount(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notification)
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)));
  return row?.n ?? 0;
}

/** Marks one of the user's notifications read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, userId: string, id: string, at: Date): Promise<boolean> {
  const mine = and(eq(notification.id, id), eq(notification.userId, userId));
  const [row] = await db.select({ readAt: notification.readAt }).from(notification).where(mine);
  if (!row) return false;
  if (!row.readAt) await db.update(notification).set({ readAt: at }).where(mine);
  return true;
}

export async function markAllRead(db: DbOrTx, userId: string, at: Date): Promise<number> {
  const out = await db
    .update(notification)
    .set({ readAt: at })
    .where(and(eq(notification.userId, userId), isNull(notification.readAt)))
    .returning({ id: notification.id });
  return out.length;
}

/** Per user, unread notifications made in [since, until) other than digests: the count and the newest titles. */
export async function unreadSince(db: DbOrTx, since: Date, until: Date, kindToSkip: string) {
  return db
    .select({
      userId: notification.userId,
      regionId: sql<string | null>`(array_agg(${notification.regionId}))[1]`,
      n: count(),
      titles: sql<
        string[]
      >`(array_agg(${notification.title} order by ${notification.createdAt} desc, ${notification.id} desc))[1:5]`,
    })
    .from(notification)
    .where(
      and(
        isNull(notification.readAt),
        gte(notification.createdAt, since),
        lt(notification.createdAt, until),
        ne(notification.kind, kindToSkip),
      ),
    )
    .groupBy(notification.userId)
    .orderBy(notification.userId);
}

/** Kinds seen so far, for the channel filter's suggestions. */
export async function knownKinds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .selectDistinct({ kind: notification.kind })
    .from(notification)
    .orderBy(notification.kind)
    .limit(200);
  return rows.map((r) => r.kind);
}

// ── channels ──

export const listChannels = (db: DbOrTx) => db.select().from(notifyChannel).orderBy(notifyChannel.name);

export async function getChannel(db: DbOrTx, id: string): Promise<ChannelRow | null> {
  const [row] = await db.select().from(notifyChannel).where(eq(notifyChannel.id, id));
  return row ?? null;
}

export async function insertChannel(db: DbOrTx, row: typeof notifyChannel.$inferInsert): Promise<void> {
  await db.insert(notifyChannel).values(row);
}

/** Writes only if the version still matches; false when it did not. */
export async function updateChannel(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<typeof notifyChannel.$inferInsert>,
): Promise<boolean> {
  const out = await db
    .update(notifyChannel)
    .set({ ...patch, version: version + 1 })
    .where(and(eq(notifyChannel.id, id), eq(notifyChannel.version, version)))
    .returning({ id: notifyChannel.id });
  return out.length > 0;
}

export async function deleteChannel(db: DbOrTx, id: string): Promise<void> {
  await db.delete(notifyChannel).where(eq(notifyChannel.id, id));
}

// ── deliveries ──

/** Pending deliveries whose time has come, oldest first, with their channel. */
export async function dueDeliveries(db: DbOrTx, now: Date, limit: number) {
  return db
    .select({
      id: notifyDelivery.id,
      payload: notifyDelivery.payload,
      attempts: notifyDelivery.attempts,
      channelId: notifyChannel.id,
      channelKind: notifyChannel.kind,
      channelUrl: notifyChannel.url,
      channelSecret: notifyChannel.secret,
      channelRecipients: notifyChannel.recipients,
      channelSender: notifyChannel.sender,
      channelEnabled: notifyChannel.enabled,
    })
    .from(notifyDelivery)
    .innerJoin(notifyChannel, eq(notifyChannel.id, notifyDelivery.channelId))
    .where(and(eq(notifyDelivery.status, "pending"), lte(notifyDelivery.nextAttemptAt, now)))
    .orderBy(notifyDelivery.nextAttemptAt, notifyDelivery.id)
    .limit(limit);
}

export async function saveAttempt(
  db: DbOrTx,
  id: string,
  patch: Pick<DeliveryInsert, "status" | "attempts" | "nextAttemptAt" | "lastError" | "sentAt">,
): Promise<void> {
  await db.update(notifyDelivery).set(patch).where(eq(notifyDelivery.id, id));
}

export async function listDeliveries(db: DbOrTx, q: z.infer<typeof deliveryQuery>) {
  const filters: (SQL | undefined)[] = [
    q.status ? eq(notifyDelivery.status, q.status) : undefined,
    q.channelId ? eq(notifyDelivery.channelId, q.channelId) : undefined,
  ];
  const where = and(...filters);
  const sorts = {
    createdAt: notifyDelivery.createdAt,
    nextAttemptAt: notifyDelivery.nextAttemptAt,
    attempts: notifyDelivery.attempts,
  };
  const items = await db
    .select({
      id: notifyDelivery.id,
      channelId: notifyDelivery.channelId,
      channelName: notifyChannel.name,
      channelKind: notifyChannel.kind,
      kind: notifyDelivery.kind,
      title: notifyDelivery.title,
      status: notifyDelivery.status,
      attempts: notifyDelivery.attempts,
      nextAttemptAt: notifyDelivery.nextAttemptAt,
      lastError: notifyDelivery.lastError,
      createdAt: notifyDelivery.createdAt,
      sentAt: notifyDelivery.sentAt,
    })
    .from(notifyDelivery)
    .innerJoin(notifyChannel, eq(notifyChannel.id, notifyDelivery.channelId))
    .where(where)
    .orderBy(...orderBy(sorts, q, "createdAt", notifyDelivery.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(notifyDelivery).where(where);
  return { items, total: total?.n ?? 0 };
}
