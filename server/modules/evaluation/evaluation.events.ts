import { eq } from "drizzle-orm";
import type { evaluationEventKinds } from "../../../common/evaluation.fields.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { evaluationEvent } from "./evaluation.table.js";

/** 年度评价事项: recorded by staff who may write the firm; bonus items and the negative list read them. */
export async function addEvent(
  ctx: ActorCtx,
  input: {
    enterpriseId: string;
    year: number;
    kind: (typeof evaluationEventKinds)[number];
    note?: string | null;
  },
) {
  requirePermission(ctx.actor.permissions, "evaluation.run");
  return inTx(ctx, async (tx) => {
    const firm = await getEnterprise(
      tx.db,
      tx.actor,
      input.enterpriseId,
      tx.now().toISOString().slice(0, 10),
    );
    if (!firm) throw notFound();
    const id = newId();
    await tx.db
      .insert(evaluationEvent)
      .values({ id, ...input, note: input.note ?? null, regionId: firm.regionId, createdBy: tx.actor.id });
    await audit(tx, {
      action: "evaluation_event_add",
      subjectType: "enterprise",
      subjectId: firm.id,
      regionId: firm.regionId,
      after: { evaluationEvent: input },
      meta: { label: firm.name },
    });
    return { id };
  });
}

export async function removeEvent(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "evaluation.run");
  return inTx(ctx, async (tx) => {
    const [ev] = await tx.db.select().from(evaluationEvent).where(eq(evaluationEvent.id, id));
    if (!ev) throw notFound();
    const firm = await getEnterprise(tx.db, tx.actor, ev.enterpriseId, tx.now().toISOString().slice(0, 10));
    if (!firm) throw notFound();
    await tx.db.delete(evaluationEvent).where(eq(evaluationEvent.id, id));
    await audit(tx, {
      action: "evaluation_event_remove",
      subjectType: "enterprise",
      subjectId: firm.id,
      regionId: firm.regionId,
      before: { evaluationEvent: ev },
      meta: { label: firm.name },
    });
  });
}
