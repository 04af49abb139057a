import { and, eq } from "drizzle-orm";
import type { VisitCreate, VisitQuery, VisitRow, VisitUpdate } from "../../../common/visit.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { fileAppeal } from "./appeals.service.js";
import { visit } from "./service.table.js";
import * as q from "./visits.queries.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

const today = (ctx: ActorCtx) => chinaDay(ctx.now());

function checkDay(ctx: ActorCtx, day: string) {
  if (day > today(ctx)) {
    throw invalid("visitedOn", "走访日期不能晚于今天，请在走访之后再登记", "A visit cannot be in the future");
  }
  if (day < "2000-01-01") throw invalid("visitedOn", "走访日期不能早于 2000 年", "The date is before 2000");
}

export const listVisits = (ctx: ActorCtx, query: VisitQuery) => q.listVisits(ctx.db, ctx.actor, query);
export const getVisit = (ctx: ActorCtx, id: string) => q.getVisit(ctx.db, ctx.actor, id);

/** 登记走访: on a firm the actor reaches; appeals raised during it are filed with it. */
export async function createVisit(ctx: ActorCtx, input: VisitCreate): Promise<VisitRow> {
  requirePermission(ctx.actor.permissions, "visit.write");
  return inTx(ctx, async (tx) => {
    const firm = await getEnterprise(tx.db, tx.actor, input.enterpriseId, today(tx));
    if (!firm) throw notFound();
    checkDay(tx, input.visitedOn);
    const id = newId();
    await tx.db.insert(visit).values({
      id,
      enterpriseId: firm.id,
      regionId: firm.regionId,
      parkId: firm.parkId,
      visitedOn: input.visitedOn,
      method: input.method,
      visitorId: tx.actor.id,
      companions: input.companions ?? null,
      metWith: input.metWith ?? null,
      findings: input.findings,
    });
    for (const a of input.appeals ?? []) {
      await fileAppeal(tx, { ...a, enterpriseId: firm.id, visitId: id, raisedOn: input.visitedOn });
    }
    const created = (await q.getVisit(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "visit",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: `${firm.name} ${input.visitedOn} 走访`, enterpriseId: firm.id },
    });
    return created;
  });
}

/** The visitor or anyone with the right in scope may correct a visit; the firm stays. */
export async function updateVisit(ctx: ActorCtx, id: string, input: VisitUpdate): Promise<VisitRow> {
  return inTx(ctx, async (tx) => {
    const before = await q.getVisit(tx.db, tx.actor, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "visit.write");
    const { version, ...patch } = input;
    if (patch.visitedOn) checkDay(tx, patch.visitedOn);
    const rows = await tx.db
      .update(visit)
      .set({ ...patch, version: version + 1, updatedAt: tx.now() })
      .where(and(eq(visit.id, id), eq(visit.version, version)))
      .returning({ id: visit.id });
    if (rows.length === 0) throw stale();
    const after = (await q.getVisit(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "visit",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: `${after.enterpriseName} ${after.visitedOn} 走访`, enterpriseId: after.enterpriseId },
    });
    return after;
  });
}

/** Deleting a visit keeps the appeals filed with it (they lose the link only). */
export async function deleteVisit(ctx: ActorCtx, id: string, version: number): Promise<void> {
  await inTx(ctx, async (tx) => {
    const before = await q.getVisit(tx.db, tx.actor, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "visit.write");
    if (before.version !== version) throw stale();
    await tx.db.delete(visit).where(eq(visit.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "visit",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: `${before.enterpriseName} ${before.visitedOn} 走访`, enterpriseId: before.enterpriseId },
    });
  });
}
