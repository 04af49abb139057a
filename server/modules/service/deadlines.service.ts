import { eq } from "drizzle-orm";
import type { z } from "zod";
import {
  type AppealCategory,
  appealCategories,
  type appealDeadlinesUpdate,
} from "../../../common/appeal.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { notFound } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable, coversRegionPath } from "../../lib/scope.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { relatedDepartments } from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { deadlineFor, deadlinesOf } from "./appeals.queries.js";
import { appealDeadline } from "./service.table.js";

/** The departments an appeal of a firm may be routed to (its region's, above and below). */
export async function departmentsFor(ctx: ActorCtx, enterpriseId: string, q?: string) {
  const firm = await getEnterprise(ctx.db, ctx.actor, enterpriseId, chinaDay(ctx.now()));
  if (!firm) throw notFound();
  const r = await regionById(ctx.db, firm.regionId);
  if (!r) throw notFound();
  return relatedDepartments(ctx.db, r.path, q);
}

/** Each category's working days for a region, and which come from above or the defaults. */
export async function getDeadlines(ctx: ActorCtx, regionId: string) {
  const r = await regionById(ctx.db, regionId);
  if (!r || !(coversRegionPath(ctx.actor, r.path) || r.id === ctx.actor.regionId)) throw notFound();
  const own = await deadlinesOf(ctx.db, regionId);
  const deadlines = {} as Record<AppealCategory, number>;
  const inherited = {} as Record<AppealCategory, boolean>;
  for (const c of appealCategories) {
    const mine = own.get(c);
    deadlines[c] = mine ?? (await deadlineFor(ctx.db, regionId, c));
    inherited[c] = mine === undefined;
  }
  return { regionId, deadlines, inherited };
}

/** Sets a region's own deadlines; categories left out inherit again. */
export async function saveDeadlines(ctx: ActorCtx, input: z.infer<typeof appealDeadlinesUpdate>) {
  requirePermission(ctx.actor.permissions, "settings.manage");
  await inTx(ctx, async (tx) => {
    await assertRegionWritable(tx.db, tx.actor, input.regionId);
    const before = Object.fromEntries(await deadlinesOf(tx.db, input.regionId));
    await tx.db.delete(appealDeadline).where(eq(appealDeadline.regionId, input.regionId));
    const rows = Object.entries(input.deadlines).map(([category, workdays]) => ({
      regionId: input.regionId,
      category,
      workdays,
    }));
    if (rows.length) await tx.db.insert(appealDeadline).values(rows);
    await audit(tx, {
      action: "update",
      subjectType: "setting",
      regionId: input.regionId,
      before,
      after: input.deadlines,
      meta: { label: "诉求办理期限" },
    });
  });
  return getDeadlines(ctx, input.regionId);
}
