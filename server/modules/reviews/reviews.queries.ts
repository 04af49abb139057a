import { and, asc, desc, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { ExpertRow, expertQuery, Panelist } from "../../../common/review.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { offsetOf } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { expert, review, reviewPanelist } from "./reviews.table.js";

export const expertScope = (a: Actor) => scopeWhere(a, { region: expert.regionId });

/** Subject ids of a type whose panels seat the user's expert record: an expert's assignment scope. */
export const assignedSubjects = (subjectType: string, userId: string): SQL =>
  sql`(select r.subject_id from ${review} r join ${reviewPanelist} rp on rp.review_id = r.id
    join ${expert} e on e.id = rp.expert_id where r.subject_type = ${subjectType} and e.user_id = ${userId})`;

const presentExpert = (r: typeof expert.$inferSelect): ExpertRow => ({
  ...r,
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function listExperts(db: DbOrTx, actor: Actor, q: z.infer<typeof expertQuery>) {
  const text = q.q?.trim();
  const where = and(
    expertScope(actor),
    text
      ? or(
          like(expert.name, `%${text}%`),
          like(expert.organization, `%${text}%`),
          sql`${text} = any(${expert.fields})`,
        )
      : undefined,
    q.field ? sql`${q.field} = any(${expert.fields})` : undefined,
    q.active ? eq(expert.active, q.active === "yes") : undefined,
  );
  const [items, [count]] = await Promise.all([
    db
      .select()
      .from(expert)
      .where(where)
      .orderBy(asc(expert.name), asc(expert.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: sql<number>`count(*)::int` }).from(expert).where(where),
  ]);
  return { items: items.map(presentExpert), total: Number(count?.n ?? 0) };
}

export async function getExpert(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select()
    .from(expert)
    .where(and(eq(expert.id, id), expertScope(actor)));
  return row ? presentExpert(row) : null;
}

export async function expertOfUser(db: DbOrTx, userId: string) {
  const [row] = await db.select({ id: expert.id }).from(expert).where(eq(expert.userId, userId));
  return row?.id ?? null;
}

/** Active experts of the given regions (the subject's region and those above it), by field. */
export async function poolFor(db: DbOrTx, regionIds: string[], fields: string[] | undefined) {
  return db
    .select({ id: expert.id, name: expert.name, tied: expert.tiedEnterpriseIds })
    .from(expert)
    .where(
      and(
        eq(expert.active, true),
        inArray(expert.regionId, regionIds),
        fields?.length
          ? sql`${expert.fields} && array[${sql.join(
              fields.map((f) => sql`${f}`),
              sql`, `,
            )}]::text[]`
          : undefined,
      ),
    )
    .orderBy(asc(expert.id));
}

export async function getReviewRow(db: DbOrTx, id: string) {
  const [row] = await db.select().from(review).where(eq(review.id, id));
  return row ?? null;
}

export async function reviewsOf(db: DbOrTx, subjectType: string, subjectId: string) {
  return db
    .select()
    .from(review)
    .where(and(eq(review.subjectType, subjectType), eq(review.subjectId, subjectId)))
    .orderBy(desc(review.createdAt));
}

export async function panelOf(db: DbOrTx, reviewId: string): Promise<Panelist[]> {
  const rows = await db
    .select({
      expertId: reviewPanelist.expertId,
      expertName: expert.name,
      title: expert.title,
      organization: expert.organization,
      scores: reviewPanelist.scores,
      total: reviewPanelist.total,
      comment: reviewPanelist.comment,
      submittedAt: reviewPanelist.submittedAt,
    })
    .from(reviewPanelist)
    .innerJoin(expert, eq(expert.id, reviewPanelist.expertId))
    .where(eq(reviewPanelist.reviewId, reviewId))
    .orderBy(asc(expert.name));
  return rows.map((r) => ({ ...r, submittedAt: r.submittedAt?.toISOString() ?? null }));
}

/** The newest concluded review of a subject: what a stage gate reads. */
export async function latestConclusion(db: DbOrTx, subjectType: string, subjectId: string) {
  const [row] = await db
    .select({ id: review.id, conclusion: review.conclusion, concludedAt: review.concludedAt })
    .from(review)
    .where(
      and(
        eq(review.subjectType, subjectType),
        eq(review.subjectId, subjectId),
        eq(review.status, "concluded"),
      ),
    )
    .orderBy(desc(review.concludedAt))
    .limit(1);
  return row ?? null;
}

/** The reviews whose panel seats the user's expert record, open ones first. */
export async function reviewsOfExpertUser(db: DbOrTx, userId: string) {
  return db
    .select({ id: review.id })
    .from(review)
    .innerJoin(reviewPanelist, eq(reviewPanelist.reviewId, review.id))
    .innerJoin(expert, eq(expert.id, reviewPanelist.expertId))
    .where(eq(expert.userId, userId))
    .orderBy(desc(sql`${review.status} = 'open'`), desc(review.createdAt))
    .limit(100);
}
