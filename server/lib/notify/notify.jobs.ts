import type { ChannelKind } from "../../../common/notify.schema.js";
import { activeRecipients } from "../../modules/users/users.queries.js";
import { chinaDay } from "../dates.js";
import { newId } from "../ids.js";
import type { JobCtx } from "../jobs/jobs.registry.js";
import { registerJob } from "../jobs/jobs.registry.js";
import { backoffMinutes, type DeliveryPayload, MAX_ATTEMPTS, sendToChannel } from "./notify.channels.js";
import * as q from "./notify.queries.js";

const BATCH = 100;
export const DIGEST_KIND = "digest";

/**
 * Sends due deliveries, one at a time and with no transaction open while a robot is asked.
 * Idempotent: each delivery's outcome is saved before the next is sent; a crash between the
 * send and the save repeats that one message at most.
 */
export async function deliverPending(ctx: JobCtx): Promise<{ summary: string }> {
  const counts = { sent: 0, retry: 0, failed: 0 };
  const due = await q.dueDeliveries(ctx.db, ctx.now(), BATCH);
  for (const d of due) {
    const attempts = d.attempts + 1;
    const now = ctx.now();
    const result = d.channelEnabled
      ? await sendToChannel(
          {
            kind: d.channelKind as ChannelKind,
            url: d.channelUrl,
            secret: d.channelSecret,
            recipients: d.channelRecipients,
            sender: d.channelSender,
          },
          d.payload as DeliveryPayload,
          now,
          ctx.config.baseUrl,
        )
      : { ok: false, error: "通道已停用" };
    if (result.ok) {
      counts.sent++;
      await q.saveAttempt(ctx.db, d.id, {
        status: "sent",
        attempts,
        nextAttemptAt: now,
        lastError: null,
        sentAt: now,
      });
      continue;
    }
    const giveUp = attempts >= MAX_ATTEMPTS || !d.channelEnabled;
    if (giveUp) counts.failed++;
    else counts.retry++;
    await q.saveAttempt(ctx.db, d.id, {
      status: giveUp ? "failed" : "pending",
      attempts,
      nextAttemptAt: giveUp ? now : new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
      lastError: result.error,
      sentAt: null,
    });
  }
  if (due.length === 0) return { summary: "没有待发送的消息" };
  return { summary: `发送成功 ${counts.sent} 条，待重试 ${counts.retry} 条，失败 ${counts.failed} 条` };
}

/**
 * Gives each user with unread alerts from the last day one digest notification. Idempotent per
 * user and day: the digest's dedupe key repeats, so a second run writes nothing.
 */
export async function writeDigests(ctx: JobCtx): Promise<{ summary: string }> {
  const now = ctx.now();
  const day = chinaDay(now);
  const rows = await q.unreadSince(ctx.db, new Date(now.getTime() - 24 * 3600_000), now, DIGEST_KIND);
  if (rows.length === 0) return { summary: "没有需要提醒的未读消息" };
  const active = new Set(
    (await activeRecipients(ctx.db, { userIds: rows.map((r) => r.userId) })).map((u) => u.id),
  );
  const digests = rows
    .filter((r) => active.has(r.userId))
    .map((r) => {
      const more = r.n > r.titles.length ? `\n…等共 ${r.n} 条` : "";
      return {
        id: newId(),
        userId: r.userId,
        regionId: r.regionId,
        kind: DIGEST_KIND,
        title: `每日提醒：您有 ${r.n} 条未读提醒`,
        body: r.titles.map((t, i) => `${i + 1}. ${t}`).join("\n") + more,
        link: "/notifications",
        dedupeKey: `digest:${day}`,
        day,
        createdAt: now,
      };
    });
  const written = await q.insertNotifications(ctx.db, digests);
  return {
    summary: `为 ${written.length} 位用户生成每日提醒（已生成过 ${digests.length - written.length} 位）`,
  };
}

/** The notify module's jobs; buildApp calls this once. */
export function registerNotifyJobs(): void {
  registerJob({ name: "notify.deliver", title: "发送群机器人消息", everyMinutes: 1, run: deliverPending });
  registerJob({ name: "notify.digest", title: "每日未读提醒摘要", dailyAt: "08:30", run: writeDigests });
}
