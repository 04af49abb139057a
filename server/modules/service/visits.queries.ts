import { and, count, eq, gte, ilike, lte, or, type SQL, sql } from "drizzle-orm";
import type { VisitQuery, VisitRow } from "../../../common/visit.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { park } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { policyApplication } from "./policies.table.js";
import { appeal, visit } from "./service.table.js";

/** Visits are the bureau's own notes: region and park grants reach them, a firm's user does not. */
export const visitScope = (a: Actor) => scopeWhere(a, { region: visit.regionId, park: visit.parkId });

const visitSelect = {
  id: visit.id,
  enterpriseId: visit.enterpriseId,
  enterpriseName: enterprise.name,
  regionId: visit.regionId,
  parkId: visit.parkId,
  parkName: park.name,
  visitedOn: visit.visitedOn,
  method: visit.method,
  visitorId: visit.visitorId,
  visitorName: users.name,
  companions: visit.companions,
  metWith: visit.metWith,
  findings: visit.findings,
  appealCount: sql<number>`(select count(*)::int from ${appeal} where ${appeal.visitId} = ${visit.id})`,
  version: visit.version,
  createdAt: visit.createdAt,
  updatedAt: visit.updatedAt,
};

const base = (db: DbOrTx) =>
  db
    .select(visitSelect)
    .from(visit)
    .innerJoin(enterprise, eq(enterprise.id, visit.enterpriseId))
    .leftJoin(park, eq(park.id, visit.parkId))
    .leftJoin(users, eq(users.id, visit.visitorId));

const shape = (r: Awaited<ReturnType<typeof base>>[number]): VisitRow => ({
  ...r,
  method: r.method as VisitRow["method"],
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

const sorts = {
  visitedOn: visit.visitedOn,
  enterpriseName: enterprise.name,
  method: visit.method,
  visitorName: users.name,
  createdAt: visit.createdAt,
};

function where(actor: Actor, q: VisitQuery): SQL {
  return and(
    visitScope(actor),
    q.enterpriseId ? eq(visit.enterpriseId, q.enterpriseId) : undefined,
    q.visitorId ? eq(visit.visitorId, q.visitorId) : undefined,
    q.regionId ? inRegionSubtree(visit.regionId, q.regionId) : undefined,
    q.parkId ? eq(visit.parkId, q.parkId) : undefined,
    q.method ? eq(visit.method, q.method) : undefined,
    q.from ? gte(visit.visitedOn, q.from) : undefined,
    q.to ? lte(visit.visitedOn, q.to) : undefined,
    q.q ? or(ilike(enterprise.name, likeText(q.q)), ilike(visit.findings, likeText(q.q))) : undefined,
  )!;
}

export async function listVisits(db: DbOrTx, actor: Actor, q: VisitQuery) {
  const w = where(actor, q);
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "visitedOn", visit.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(visit)
      .innerJoin(enterprise, eq(enterprise.id, visit.enterpriseId))
      .leftJoin(users, eq(users.id, visit.visitorId))
      .where(w),
  ]);
  return { items: rows.map(shape), total: total?.n ?? 0 };
}

export async function getVisit(db: DbOrTx, actor: Actor, id: string): Promise<VisitRow | null> {
  const [r] = await base(db).where(and(eq(visit.id, id), visitScope(actor)));
  return r ? shape(r) : null;
}

/** A merge moves the absorbed firm's visits, appeals and policy applications to the firm kept. */
export async function repointEnterprise(db: DbOrTx, fromId: string, intoId: string) {
  await db.update(visit).set({ enterpriseId: intoId }).where(eq(visit.enterpriseId, fromId));
  await db.update(appeal).set({ enterpriseId: intoId }).where(eq(appeal.enterpriseId, fromId));
  await db
    .update(policyApplication)
    .set({ enterpriseId: intoId })
    .where(eq(policyApplication.enterpriseId, fromId));
}
