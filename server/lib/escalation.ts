import type { DbOrTx } from "../db/client.js";
import { auditBatch } from "./audit/audit.service.js";
import { type Ctx, inTx } from "./context.js";
import { groupBy } from "./group.js";
import { type NotifyInput, notify } from "./notify/notify.service.js";

/** An item a department holds past (or near) its due day: problems, appeals. */
export interface HeldItem {
  id: string;
  regionId: string;
  departmentId: string;
  departmentName: string;
  escalated: boolean;
  /** working days past due: positive when overdue */
  late: number;
}

/** The worst-late items as lines, eight at most, then how many more. */
export function topLines<T extends HeldItem>(list: T[], line: (item: T) => string, unit: string): string {
  const top = [...list].sort((a, b) => b.late - a.late).slice(0, 8);
  const more = list.length > top.length ? `\n…另有 ${list.length - top.length} ${unit}` : "";
  return top.map(line).join("\n") + more;
}

/** One notification per department for its items (the caller words it); the users notified. */
export async function notifyDepartments<T extends HeldItem>(
  ctx: Ctx,
  held: T[],
  notice: (departmentId: string, list: T[]) => NotifyInput,
): Promise<number> {
  let sent = 0;
  for (const [departmentId, list] of groupBy(held, (h) => h.departmentId)) {
    sent += (await notify(ctx, notice(departmentId, list))).notified.length;
  }
  return sent;
}

export interface Escalation<T extends HeldItem> {
  /** sets the flag on those of `ids` not yet escalated; returns the ids it set */
  flip: (db: DbOrTx, ids: string[]) => Promise<string[]>;
  /** records the escalation on each item's own history */
  events: (db: DbOrTx, items: T[], at: Date) => Promise<void>;
  /** the audit entry's label, e.g. 问题逾期升级 */
  label: string;
  /** the leaders' notification for a region's batch */
  notice: (regionId: string, items: T[], firstId: string) => NotifyInput;
}

/**
 * Items overdue by more than `after` working days go up to their region's leaders, once: per
 * region, the flag, the events, one audit entry and the notification share a transaction, so a
 * second run (or a second instance) escalates nothing twice. A module clears its flag itself
 * when the item is routed anew or reopened.
 */
export async function escalateOverdue<T extends HeldItem>(
  ctx: Ctx,
  held: T[],
  after: number,
  how: Escalation<T>,
): Promise<{ escalated: number; sent: number }> {
  const due = held.filter((h) => !h.escalated && h.late > after);
  let escalated = 0;
  let sent = 0;
  for (const [regionId, list] of groupBy(due, (h) => h.regionId)) {
    await inTx(ctx, async (tx) => {
      const ids = new Set(
        await how.flip(
          tx.db,
          list.map((h) => h.id),
        ),
      );
      if (ids.size === 0) return;
      const mine = list.filter((h) => ids.has(h.id));
      await how.events(tx.db, mine, tx.now());
      await auditBatch(tx, {
        action: "escalate",
        subjectType: "region",
        regionId,
        ids: [...ids],
        counts: { escalated: ids.size },
        meta: { label: how.label },
      });
      // One batch per region and run: keyed by its first item, which is escalated only once.
      const r = await notify(tx, how.notice(regionId, mine, [...ids].sort()[0]!));
      sent += r.notified.length;
      escalated += ids.size;
    });
  }
  return { escalated, sent };
}
