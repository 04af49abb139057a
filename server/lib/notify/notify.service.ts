import type { z } from "zod";
import type { Role, SubjectType } from "../../../common/enums.js";
import {
  type ChannelKind,
  type ChannelView,
  type channelCreate,
  channelProblems,
  type channelUpdate,
  type NotificationPage,
  type notificationQuery,
  type TestSendResult,
} from "../../../common/notify.schema.js";
import { activeRecipients } from "../../modules/users/users.queries.js";
import { audit, changed } from "../audit/audit.service.js";
import { type ActorCtx, type Ctx, inTx } from "../context.js";
import { chinaDay, chinaTime } from "../dates.js";
import { mapConstraint } from "../db-errors.js";
import { AppError, notFound, stale } from "../errors.js";
import { newId } from "../ids.js";
import { requirePermission } from "../policy.js";
import { type DeliveryPayload, maskSecret, sendToChannel } from "./notify.channels.js";
import * as q from "./notify.queries.js";

export interface NotifyInput {
  /** the listed users, plus the users matching every group filter given; active users only */
  to: { userIds?: string[]; roles?: Role[]; departmentId?: string; regionId?: string; enterpriseId?: string };
  /** what the alert is about, e.g. "project.node_overdue"; channels filter on it */
  kind: string;
  title: string;
  body?: string;
  subject?: { type: SubjectType; id: string };
  /** an in-app path, e.g. "/projects/…" */
  link?: string;
  /** the same key again on the same (China) day writes nothing more, per user and per channel */
  dedupeKey?: string;
  /** false: in-app only, no channel deliveries (default true) */
  channels?: boolean;
}

export interface NotifyResult {
  /** users given a new notification */
  notified: string[];
  /** channel deliveries queued */
  queued: number;
}

/**
 * Writes one in-app notification per recipient and queues a delivery per matching channel,
 * inside the caller's transaction (ctx.db); the notify.deliver job sends them afterwards.
 */
export async function notify(ctx: Ctx, input: NotifyInput): Promise<NotifyResult> {
  return inTx(ctx, async (tx) => {
    const now = tx.now();
    const day = chinaDay(now);
    const recipients = await activeRecipients(tx.db, input.to);
    const notified = await q.insertNotifications(
      tx.db,
      recipients.map((r) => ({
        id: newId(),
        userId: r.id,
        regionId: r.regionId,
        kind: input.kind,
        title: input.title,
        body: input.body ?? null,
        subjectType: input.subject?.type ?? null,
        subjectId: input.subject?.id ?? null,
        link: input.link ?? null,
        dedupeKey: input.dedupeKey ?? null,
        day,
        createdAt: now,
      })),
    );
    let queued = 0;
    if (input.channels !== false) {
      const payload: DeliveryPayload = {
        kind: input.kind,
        title: input.title,
        body: input.body ?? null,
        link: input.link ?? null,
      };
      const channels = await q.channelsFor(tx.db, input.kind);
      queued = await q.insertDeliveries(
        tx.db,
        channels.map((c) => ({
          id: newId(),
          channelId: c.id,
          kind: input.kind,
          title: input.title,
          payload,
          status: "pending",
          attempts: 0,
          nextAttemptAt: now,
          dedupeKey: input.dedupeKey ?? null,
          day,
          createdAt: now,
        })),
      );
    }
    return { notified, queued };
  });
}

// ── the recipient's side ──

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function myNotifications(
  ctx: ActorCtx,
  query: z.infer<typeof notificationQuery>,
): Promise<NotificationPage> {
  const { items, total } = await q.listMine(ctx.db, ctx.actor.id, query);
  return {
    items: items.map((n) => ({ ...n, createdAt: n.createdAt.toISOString(), readAt: iso(n.readAt) })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    unread: await q.unreadCount(ctx.db, ctx.actor.id),
  };
}

/** Read state is the recipient's own business: not audited. */
export async function markRead(ctx: ActorCtx, id: string): Promise<{ unread: number }> {
  if (!(await q.markRead(ctx.db, ctx.actor.id, id, ctx.now()))) throw notFound();
  return { unread: await q.unreadCount(ctx.db, ctx.actor.id) };
}

export async function markAllRead(ctx: ActorCtx): Promise<{ updated: number; unread: number }> {
  const updated = await q.markAllRead(ctx.db, ctx.actor.id, ctx.now());
  return { updated, unread: 0 };
}

// ── channels (admin) ──

const channelTexts = {
  duplicate: { zh: "已有同名通道", en: "A channel with this name exists" },
  field: "name",
};

const invalidChannel = (problems: { path: string; message: string }[]) =>
  new AppError(
    "VALIDATION",
    { zh: problems[0]!.message, en: "The channel's settings do not fit its kind" },
    problems,
  );

function present(row: q.ChannelRow): ChannelView {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    url: row.url,
    secretMasked: maskSecret(row.secret),
    recipients: row.recipients,
    sender: row.sender,
    enabled: row.enabled,
    kinds: row.kinds,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the audit log keeps of a channel: never the secret, only whether there is one. */
const audited = (v: ChannelView) => {
  const { secretMasked, createdAt: _c, updatedAt: _u, ...rest } = v;
  return { ...rest, secret: secretMasked ? "已设置" : "未设置" };
};

const manage = (ctx: ActorCtx) => requirePermission(ctx.actor.permissions, "settings.manage");

export async function listChannels(ctx: ActorCtx) {
  manage(ctx);
  return { items: (await q.listChannels(ctx.db)).map(present), kinds: await q.knownKinds(ctx.db) };
}

export async function createChannel(ctx: ActorCtx, input: z.infer<typeof channelCreate>) {
  manage(ctx);
  return inTx(ctx, async (tx) => {
    const id = newId();
    const now = tx.now();
    await mapConstraint(
      () =>
        q.insertChannel(tx.db, {
          id,
          kind: input.kind,
          name: input.name,
          url: input.url,
          secret: input.secret || null,
          enabled: input.enabled,
          kinds: input.kinds,
          recipients: input.kind === "email" ? input.recipients : [],
          sender: input.kind === "email" ? (input.sender ?? null) : null,
          createdAt: now,
          updatedAt: now,
        }),
      channelTexts,
    );
    const view = present((await q.getChannel(tx.db, id))!);
    await audit(tx, {
      action: "create",
      subjectType: "setting",
      subjectId: id,
      regionId: null,
      after: audited(view),
      meta: { label: `通知通道：${view.name}` },
    });
    return view;
  });
}

export async function updateChannel(ctx: ActorCtx, id: string, input: z.infer<typeof channelUpdate>) {
  manage(ctx);
  return inTx(ctx, async (tx) => {
    const beforeRow = await q.getChannel(tx.db, id);
    if (!beforeRow) throw notFound();
    const { version, secret, ...rest } = input;
    const merged = {
      kind: (rest.kind ?? beforeRow.kind) as ChannelKind,
      url: rest.url ?? beforeRow.url,
      recipients: rest.recipients ?? beforeRow.recipients,
    };
    const problems = channelProblems(merged);
    if (problems.length > 0) throw invalidChannel(problems);
    const patch = {
      ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
      ...(secret === undefined ? {} : { secret: secret || null }),
      // Only an e-mail channel keeps addresses.
      ...(merged.kind === "email" ? {} : { recipients: [], sender: null }),
      updatedAt: tx.now(),
    };
    const ok = await mapConstraint(() => q.updateChannel(tx.db, id, version, patch), channelTexts);
    if (!ok) throw stale();
    const after = present((await q.getChannel(tx.db, id))!);
    await audit(tx, {
      action: "update",
      subjectType: "setting",
      subjectId: id,
      regionId: null,
      ...changed(audited(present(beforeRow)), audited(after)),
      meta: { label: `通知通道：${after.name}` },
    });
    return after;
  });
}

export async function deleteChannel(ctx: ActorCtx, id: string, version: number) {
  manage(ctx);
  await inTx(ctx, async (tx) => {
    const row = await q.getChannel(tx.db, id);
    if (!row) throw notFound();
    if (row.version !== version) throw stale();
    await q.deleteChannel(tx.db, id);
    await audit(tx, {
      action: "delete",
      subjectType: "setting",
      subjectId: id,
      regionId: null,
      before: audited(present(row)),
      meta: { label: `通知通道：${row.name}` },
    });
  });
}

/**
 * Sends a test message now, with no transaction open during the request to the robot, and
 * records it as a delivery (sent or failed, not retried).
 */
export async function testChannel(ctx: ActorCtx & { baseUrl: string }, id: string): Promise<TestSendResult> {
  manage(ctx);
  const row = await q.getChannel(ctx.db, id);
  if (!row) throw notFound();
  const now = ctx.now();
  const when = chinaTime.format(now);
  const payload: DeliveryPayload = {
    kind: "notify.test",
    title: "招引平台测试消息",
    body: `这是一条由 ${ctx.actor.name} 于 ${when} 发出的测试消息，收到即表示通道「${row.name}」配置正确。`,
    link: null,
  };
  const result = await sendToChannel(
    {
      kind: row.kind as ChannelKind,
      url: row.url,
      secret: row.secret,
      recipients: row.recipients,
      sender: row.sender,
    },
    payload,
    now,
    ctx.baseUrl,
  );
  const deliveryId = newId();
  await inTx(ctx, async (tx) => {
    await q.insertDeliveries(tx.db, [
      {
        id: deliveryId,
        channelId: row.id,
        kind: payload.kind,
        title: payload.title,
        payload,
        status: result.ok ? "sent" : "failed",
        attempts: 1,
        nextAttemptAt: now,
        lastError: result.error,
        day: chinaDay(now),
        createdAt: now,
        sentAt: result.ok ? now : null,
      },
    ]);
    await audit(tx, {
      action: "notify_test",
      subjectType: "setting",
      subjectId: row.id,
      regionId: null,
      meta: { label: `通知通道：${row.name}`, ok: result.ok, error: result.error },
    });
  });
  return { ok: result.ok, error: result.error, deliveryId };
}

export async function listDeliveries(ctx: ActorCtx, query: Parameters<typeof q.listDeliveries>[1]) {
  manage(ctx);
  const { items, total } = await q.listDeliveries(ctx.db, query);
  return {
    items: items.map((d) => ({
      ...d,
      nextAttemptAt: d.nextAttemptAt.toISOString(),
      createdAt: d.createdAt.toISOString(),
      sentAt: iso(d.sentAt),
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
