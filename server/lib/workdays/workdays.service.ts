import type { z } from "zod";
import type {
  AddResult,
  addQuery,
  calendarQuery,
  overridePut,
  overrideQuery,
  WorkdayCalendar,
  WorkdayOverride,
} from "../../../common/workdays.schema.js";
import { audit } from "../audit/audit.service.js";
import { type ActorCtx, inTx } from "../context.js";
import { notFound, stale } from "../errors.js";
import { requirePermission } from "../policy.js";
import { addWorkdays, rebuildWorkdays } from "./workdays.js";
import * as q from "./workdays.queries.js";
import { addDays } from "./workdays.rule.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** A month, or with no month the whole year; every signed-in user may read the calendar. */
export async function getCalendar(
  ctx: ActorCtx,
  input: z.infer<typeof calendarQuery>,
): Promise<WorkdayCalendar> {
  const { year, month } = input;
  const from = `${year}-${pad(month ?? 1)}-01`;
  const to = month
    ? addDays(month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`, -1)
    : `${year}-12-31`;
  const days = await q.calendarDays(ctx.db, from, to);
  return {
    year,
    month: month ?? null,
    from,
    to,
    workdays: days.filter((d) => d.isWorkday).length,
    days,
  };
}

const present = (o: q.OverrideRow): WorkdayOverride => ({
  day: o.day,
  isWorkday: o.isWorkday,
  name: o.name,
  version: o.version,
  updatedBy: o.updatedBy,
  updatedAt: o.updatedAt.toISOString(),
});

const auditable = (o: q.OverrideRow) => ({ day: o.day, isWorkday: o.isWorkday, name: o.name });

export async function listOverrides(
  ctx: ActorCtx,
  input: z.infer<typeof overrideQuery>,
): Promise<WorkdayOverride[]> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  const rows = input.year
    ? await q.listOverrides(ctx.db, `${input.year}-01-01`, `${input.year}-12-31`)
    : await q.listOverrides(ctx.db);
  return rows.map(present);
}

export async function getOverride(ctx: ActorCtx, day: string): Promise<WorkdayOverride> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  const row = await q.getOverride(ctx.db, day);
  if (!row) throw notFound();
  return present(row);
}

/**
 * Sets a day to working or not. Without a version it adds an override (409 if someone added one
 * meanwhile); with one it changes that override only while the version still matches. The
 * calendar is rebuilt in the same transaction, so every count sees the change at once.
 */
export async function putOverride(
  ctx: ActorCtx,
  day: string,
  input: z.infer<typeof overridePut>,
): Promise<{ override: WorkdayOverride; created: boolean }> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  return inTx(ctx, async (tx) => {
    const values = {
      isWorkday: input.isWorkday,
      name: input.name,
      updatedBy: tx.actor.id,
      updatedAt: tx.now(),
    };
    const before = await q.getOverride(tx.db, day);
    const ok =
      input.version === undefined
        ? await q.insertOverride(tx.db, { day, ...values })
        : await q.updateOverride(tx.db, day, input.version, values);
    if (!ok) throw stale();
    await rebuildWorkdays(tx.db);
    const after = (await q.getOverride(tx.db, day))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "workday",
      subjectId: day,
      regionId: null,
      before: before ? auditable(before) : undefined,
      after: auditable(after),
      meta: { label: day },
    });
    return { override: present(after), created: !before };
  });
}

export async function removeOverride(ctx: ActorCtx, day: string, version: number): Promise<void> {
  requirePermission(ctx.actor.permissions, "settings.manage");
  await inTx(ctx, async (tx) => {
    const before = await q.getOverride(tx.db, day);
    if (!before) throw notFound();
    if (!(await q.deleteOverride(tx.db, day, version))) throw stale();
    await rebuildWorkdays(tx.db);
    await audit(tx, {
      action: "delete",
      subjectType: "workday",
      subjectId: day,
      regionId: null,
      before: auditable(before),
      meta: { label: day },
    });
  });
}

/** "N working days after D" for the UI's date helpers. */
export async function computeAdd(ctx: ActorCtx, input: z.infer<typeof addQuery>): Promise<AddResult> {
  return { from: input.from, n: input.n, day: await addWorkdays(ctx.db, input.from, input.n) };
}
