import { and, count, desc, eq, gte, ilike, lt, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { auditQuery } from "../../../common/audit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../context.js";
import { likeText, offsetOf } from "../paging.js";
import { scopeWhere } from "../scope.js";
import { auditLog } from "./audit.table.js";

const dayStart = (d: string) => sql`${d}::date::timestamp at time zone 'Asia/Shanghai'`;

export async function listAudit(db: DbOrTx, actor: Actor, q: z.infer<typeof auditQuery>) {
  const where = and(
    scopeWhere(actor, { region: auditLog.regionId }),
    q.subjectType ? eq(auditLog.subjectType, q.subjectType) : undefined,
    q.subjectId ? eq(auditLog.subjectId, q.subjectId) : undefined,
    q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.from ? gte(auditLog.at, dayStart(q.from)) : undefined,
    q.to ? lt(auditLog.at, sql`${dayStart(q.to)} + interval '1 day'`) : undefined,
    q.q ? or(ilike(auditLog.actorName, likeText(q.q)), ilike(auditLog.action, likeText(q.q))) : undefined,
  );
  const order = q.order === "asc" ? [auditLog.at, auditLog.id] : [desc(auditLog.at), desc(auditLog.id)];
  const rows = await db
    .select({
      id: auditLog.id,
      chainKey: auditLog.chainKey,
      seq: auditLog.seq,
      at: auditLog.at,
      actorId: auditLog.actorId,
      actorName: auditLog.actorName,
      action: auditLog.action,
      subjectType: auditLog.subjectType,
      subjectId: auditLog.subjectId,
      before: auditLog.before,
      after: auditLog.after,
      meta: auditLog.meta,
    })
    .from(auditLog)
    .where(where)
    .orderBy(...order)
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  return { items: rows, total: total?.n ?? 0 };
}
