import { and, asc, count, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { describeCondition } from "../../../common/conditions.js";
import { enterpriseFields } from "../../../common/enterprise.fields.js";
import type {
  AmountRule,
  ApplicationEvent,
  ApplicationQuery,
  ApplicationRow,
  ClaimPeriod,
  ClauseQuery,
  ClauseRow,
  Payout,
  PolicyTotal,
} from "../../../common/policy.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { hasAll, inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region } from "../org/org.table.js";
import { users } from "../users/users.table.js";
import { amountText } from "./policies.amount.js";
import {
  policyApplication as app,
  policyClause as clause,
  policyApplicationEvent,
  policyPayout,
} from "./policies.table.js";

/**
 * Policies are published documents: a user reads the clauses of the regions they reach and of
 * every region above their home region (a zone's specialist reads the city's policies).
 */
export function clauseScope(actor: Actor): SQL {
  if (hasAll(actor)) return sql`true`;
  const parts: SQL[] = actor.grants
    .filter((g) => g.kind === "region" && g.path)
    .map((g) => sql`r.path like ${`${g.path}%`}`);
  if (actor.regionId) {
    parts.push(sql`(select h.path from ${region} h where h.id = ${actor.regionId}) like r.path || '%'`);
  }
  if (parts.length === 0) return sql`false`;
  return sql`exists (select 1 from ${region} r where r.id = ${clause.regionId} and (${sql.join(parts, sql` or `)}))`;
}

const clauseBase = (db: DbOrTx) =>
  db
    .select({
      id: clause.id,
      regionId: clause.regionId,
      regionName: region.name,
      policyName: clause.policyName,
      docNo: clause.docNo,
      clauseNo: clause.clauseNo,
      name: clause.name,
      content: clause.content,
      condition: clause.condition,
      amountRule: clause.amountRule,
      period: clause.period,
      validFrom: clause.validFrom,
      validTo: clause.validTo,
      steps: clause.steps,
      departmentId: clause.departmentId,
      departmentName: department.name,
      fairReview: clause.fairReview,
      fairReviewNote: clause.fairReviewNote,
      active: clause.active,
      version: clause.version,
      createdAt: clause.createdAt,
      updatedAt: clause.updatedAt,
    })
    .from(clause)
    .innerJoin(region, eq(region.id, clause.regionId))
    .leftJoin(department, eq(department.id, clause.departmentId));

const shapeClause = (r: Awaited<ReturnType<typeof clauseBase>>[number]): ClauseRow => ({
  ...r,
  period: r.period as ClaimPeriod,
  conditionText: describeCondition(r.condition, enterpriseFields),
  amountText: amountText(r.amountRule as AmountRule),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listClauses(db: DbOrTx, actor: Actor, q: ClauseQuery) {
  const w = and(
    clauseScope(actor),
    q.regionId ? inRegionSubtree(clause.regionId, q.regionId) : undefined,
    q.active ? eq(clause.active, q.active === "true") : undefined,
    q.fairReview ? eq(clause.fairReview, true) : undefined,
    q.q
      ? or(
          ilike(clause.name, likeText(q.q)),
          ilike(clause.policyName, likeText(q.q)),
          ilike(clause.docNo, likeText(q.q)),
        )
      : undefined,
  );
  const sorts = { name: clause.name, policyName: clause.policyName, createdAt: clause.createdAt };
  const [rows, [total]] = await Promise.all([
    clauseBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", clause.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(clause).where(w),
  ]);
  return { items: rows.map(shapeClause), total: total?.n ?? 0 };
}

export async function getClause(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await clauseBase(db).where(and(eq(clause.id, id), clauseScope(actor)));
  return r ? shapeClause(r) : null;
}

/** Active clauses in force on a day whose region is the firm's or above it. */
export async function clausesFor(db: DbOrTx, actor: Actor, firmRegionId: string, day: string) {
  const rows = await clauseBase(db)
    .where(
      and(
        clauseScope(actor),
        eq(clause.active, true),
        sql`(${clause.validFrom} is null or ${clause.validFrom} <= ${day})`,
        sql`(${clause.validTo} is null or ${clause.validTo} >= ${day})`,
        sql`(select f.path from ${region} f where f.id = ${firmRegionId}) like ${region.path} || '%'`,
      ),
    )
    .orderBy(asc(clause.policyName), asc(clause.clauseNo), asc(clause.name));
  return rows.map(shapeClause);
}

/** Applications: by region or park grant, the firm's own, or a department's clauses. */
export const applicationScope = (actor: Actor): SQL =>
  scopeWhere(actor, {
    region: app.regionId,
    park: app.parkId,
    enterprise: app.enterpriseId,
    department: (d) => sql`${app.clauseId} in (select c.id from ${clause} c where c.department_id = ${d})`,
  });

const applicant = users;
const appBase = (db: DbOrTx) =>
  db
    .select({
      id: app.id,
      code: app.code,
      clauseId: app.clauseId,
      clauseName: clause.name,
      policyName: clause.policyName,
      fairReview: clause.fairReview,
      steps: clause.steps,
      enterpriseId: app.enterpriseId,
      enterpriseName: enterprise.name,
      regionId: app.regionId,
      parkId: app.parkId,
      parkName: park.name,
      period: app.period,
      claimedFen: app.claimedFen,
      estimateFen: app.estimateFen,
      approvedFen: app.approvedFen,
      paidFen: app.paidFen,
      status: app.status,
      stepIndex: app.stepIndex,
      stepSince: app.stepSince,
      eligible: app.eligible,
      overrideReason: app.overrideReason,
      note: app.note,
      fileIds: app.fileIds,
      appliedOn: app.appliedOn,
      appliedByName: applicant.name,
      version: app.version,
      createdAt: app.createdAt,
      updatedAt: app.updatedAt,
    })
    .from(app)
    .innerJoin(clause, eq(clause.id, app.clauseId))
    .innerJoin(enterprise, eq(enterprise.id, app.enterpriseId))
    .leftJoin(park, eq(park.id, app.parkId))
    .leftJoin(applicant, eq(applicant.id, app.appliedBy));

export type ApplicationFull = ApplicationRow & { steps: string[]; stepSince: string | null };
const shapeApp = (r: Awaited<ReturnType<typeof appBase>>[number]): ApplicationFull => ({
  ...r,
  status: r.status as ApplicationRow["status"],
  stepName: r.stepIndex === null ? null : (r.steps[r.stepIndex] ?? null),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listApplications(db: DbOrTx, actor: Actor, q: ApplicationQuery) {
  const w = and(
    applicationScope(actor),
    q.clauseId ? eq(app.clauseId, q.clauseId) : undefined,
    q.enterpriseId ? eq(app.enterpriseId, q.enterpriseId) : undefined,
    q.regionId ? inRegionSubtree(app.regionId, q.regionId) : undefined,
    q.parkId ? eq(app.parkId, q.parkId) : undefined,
    q.status ? eq(app.status, q.status) : undefined,
    q.year ? sql`extract(year from ${app.appliedOn}) = ${q.year}` : undefined,
    q.q
      ? or(
          ilike(enterprise.name, likeText(q.q)),
          ilike(clause.name, likeText(q.q)),
          ilike(app.code, likeText(q.q)),
        )
      : undefined,
  );
  const sorts = {
    appliedOn: app.appliedOn,
    claimedFen: app.claimedFen,
    enterpriseName: enterprise.name,
    code: app.code,
  };
  const [rows, [total]] = await Promise.all([
    appBase(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "appliedOn", app.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db
      .select({ n: count() })
      .from(app)
      .innerJoin(clause, eq(clause.id, app.clauseId))
      .innerJoin(enterprise, eq(enterprise.id, app.enterpriseId))
      .where(w),
  ]);
  return { items: rows.map(shapeApp), total: total?.n ?? 0 };
}

export async function getApplication(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await appBase(db).where(and(eq(app.id, id), applicationScope(actor)));
  return r ? shapeApp(r) : null;
}

/** A page of the firms a clause's condition selects, with each one's live application if any. */
export async function clauseFirms(
  db: DbOrTx,
  meets: SQL,
  clauseId: string,
  period: string,
  page: { page: number; pageSize: number; q?: string },
) {
  const w = and(meets, page.q ? ilike(enterprise.name, likeText(page.q)) : undefined);
  const live = sql<string | null>`(select a.id from ${app} a where a.enterprise_id = ${enterprise.id}
    and a.clause_id = ${clauseId} and a.period = ${period} and a.status <> 'rejected' limit 1)`;
  const [items, [total]] = await Promise.all([
    db
      .select({
        enterpriseId: enterprise.id,
        name: enterprise.name,
        parkName: park.name,
        applicationId: live,
      })
      .from(enterprise)
      .leftJoin(park, eq(park.id, enterprise.parkId))
      .where(w)
      .orderBy(asc(enterprise.name), asc(enterprise.id))
      .limit(page.pageSize)
      .offset(offsetOf(page)),
    db.select({ n: count() }).from(enterprise).where(w),
  ]);
  return { items, total: total?.n ?? 0 };
}

/** The firm's live applications per clause for the periods asked, for the matching page. */
export async function liveApplications(db: DbOrTx, enterpriseId: string, periods: string[]) {
  const rows = await db
    .select({ id: app.id, clauseId: app.clauseId, period: app.period })
    .from(app)
    .where(
      and(eq(app.enterpriseId, enterpriseId), inArray(app.period, periods), sql`${app.status} <> 'rejected'`),
    );
  return new Map(rows.map((r) => [`${r.clauseId}:${r.period}`, r.id]));
}

export async function applicationEvents(db: DbOrTx, id: string): Promise<ApplicationEvent[]> {
  const rows = await db
    .select({
      id: policyApplicationEvent.id,
      kind: policyApplicationEvent.kind,
      step: policyApplicationEvent.step,
      text: policyApplicationEvent.text,
      amountFen: policyApplicationEvent.amountFen,
      actorName: users.name,
      at: policyApplicationEvent.at,
    })
    .from(policyApplicationEvent)
    .leftJoin(users, eq(users.id, policyApplicationEvent.actorId))
    .where(eq(policyApplicationEvent.applicationId, id))
    .orderBy(asc(policyApplicationEvent.at), asc(policyApplicationEvent.id));
  return rows.map((r) => ({ ...r, kind: r.kind as ApplicationEvent["kind"], at: r.at.toISOString() }));
}

export async function payouts(db: DbOrTx, id: string): Promise<Payout[]> {
  const rows = await db
    .select({
      id: policyPayout.id,
      amountFen: policyPayout.amountFen,
      paidOn: policyPayout.paidOn,
      voucherNo: policyPayout.voucherNo,
      recordedByName: users.name,
      createdAt: policyPayout.createdAt,
    })
    .from(policyPayout)
    .leftJoin(users, eq(users.id, policyPayout.recordedBy))
    .where(eq(policyPayout.applicationId, id))
    .orderBy(asc(policyPayout.paidOn), asc(policyPayout.id));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

export async function nextApplicationCode(db: DbOrTx, year: string): Promise<string> {
  const res = (await db.execute(
    sql`select nextval('policy_application_code_seq')::text as n`,
  )) as unknown as {
    rows: { n: string }[];
  };
  return `DX${year}${res.rows[0]!.n.padStart(5, "0")}`;
}

/** 兑现统计: applications, approvals and money by clause, park or year, in one grouped read. */
export async function totals(
  db: DbOrTx,
  actor: Actor,
  q: { regionId?: string; year?: number; by: "clause" | "park" | "year" },
): Promise<{ items: PolicyTotal[]; total: Omit<PolicyTotal, "key" | "name"> }> {
  const w = and(
    applicationScope(actor),
    q.regionId ? inRegionSubtree(app.regionId, q.regionId) : undefined,
    q.year ? sql`extract(year from ${app.appliedOn}) = ${q.year}` : undefined,
  );
  const approvedNow = sql`${app.status} in ('approved', 'paid')`;
  const f = {
    applications: sql<number>`count(*)::int`,
    approved: sql<number>`count(*) filter (where ${approvedNow})::int`,
    approvedFen: sql<number>`coalesce(sum(${app.approvedFen}) filter (where ${approvedNow}), 0)::bigint`,
    paidFen: sql<number>`coalesce(sum(${app.paidFen}), 0)::bigint`,
  };
  const key =
    q.by === "clause"
      ? sql<string | null>`${clause.id}::text`
      : q.by === "park"
        ? sql<string | null>`${park.id}::text`
        : sql<string | null>`extract(year from ${app.appliedOn})::int::text`;
  const name =
    q.by === "clause"
      ? sql<string | null>`${clause.policyName} || ' · ' || ${clause.name}`
      : q.by === "park"
        ? sql<string | null>`${park.name}`
        : sql<string | null>`extract(year from ${app.appliedOn})::int::text || ' 年'`;
  const from = () =>
    db
      .select({ key, name, ...f })
      .from(app)
      .innerJoin(clause, eq(clause.id, app.clauseId))
      .leftJoin(park, eq(park.id, app.parkId));
  const [rows, [all]] = await Promise.all([
    from().where(w).groupBy(key, name).orderBy(sql`${f.paidFen} desc`, sql`2`),
    db.select(f).from(app).innerJoin(clause, eq(clause.id, app.clauseId)).where(w),
  ]);
  const num = (r: { applications: unknown; approved: unknown; approvedFen: unknown; paidFen: unknown }) => ({
    applications: Number(r.applications),
    approved: Number(r.approved),
    approvedFen: Number(r.approvedFen),
    paidFen: Number(r.paidFen),
  });
  return {
    items: rows.map((r) => ({ key: r.key, name: r.name ?? "未入园区", ...num(r) })),
    total: num(all ?? { applications: 0, approved: 0, approvedFen: 0, paidFen: 0 }),
  };
}
