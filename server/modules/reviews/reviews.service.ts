import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { SubjectType } from "../../../common/enums.js";
import {
  type Criterion,
  defaultProjectCriteria,
  type ExpertRow,
  type expertCreate,
  type expertUpdate,
  type ReviewRow,
  type ReviewSubject,
  type reviewConclude,
  type reviewCreate,
  type scoreSubmit,
} from "../../../common/review.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable } from "../../lib/scope.js";
import { loadSubject } from "../../lib/subjects.js";
import { regionById } from "../org/regions.queries.js";
import { userExists } from "../users/users.queries.js";
import * as q from "./reviews.queries.js";
import { expert, review, reviewPanelist } from "./reviews.table.js";

const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);

const subjectOf = (ctx: ActorCtx, type: string, id: string) => loadSubject(ctx, type as SubjectType, id);

// ---- the expert pool ----

const expertTexts = {
  duplicate: { zh: "该登录账号已关联另一位专家", en: "This account already belongs to another expert" },
  field: "userId",
};

async function checkExpert(ctx: ActorCtx, input: Partial<z.infer<typeof expertCreate>>) {
  if (input.regionId) await assertRegionWritable(ctx.db, ctx.actor, input.regionId);
  if (input.userId && !(await userExists(ctx.db, input.userId))) {
    throw invalid("userId", "关联的用户账号不存在", "No such user");
  }
}

export async function createExpert(ctx: ActorCtx, input: z.infer<typeof expertCreate>): Promise<ExpertRow> {
  requirePermission(ctx.actor.permissions, "expert.manage");
  return inTx(ctx, async (tx) => {
    await checkExpert(tx, input);
    const id = newId();
    await mapConstraint(() => tx.db.insert(expert).values({ ...input, id }), expertTexts);
    const created = (await q.getExpert(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "expert",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.name },
    });
    return created;
  });
}

export async function updateExpert(ctx: ActorCtx, id: string, input: z.infer<typeof expertUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await q.getExpert(tx.db, tx.actor, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "expert.manage");
    const { version, ...patch } = input;
    await checkExpert(tx, patch);
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(expert)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(expert.id, id), eq(expert.version, version)))
          .returning({ id: expert.id }),
      expertTexts,
    );
    if (rows.length === 0) throw stale();
    const after = (await q.getExpert(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "expert",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

// ---- reviews ----

/** Weighted total out of 100: Σ score/max × weight over Σ weight. */
export function weightedTotal(criteria: Criterion[], scores: Record<string, number>): number {
  const w = criteria.reduce((a, c) => a + c.weight, 0);
  const sum = criteria.reduce((a, c) => a + ((scores[c.key] ?? 0) / c.max) * c.weight, 0);
  return Math.round((sum / w) * 100 * 100) / 100;
}

/** The review as the actor may see it: a panelist who is only an expert sees no one else's scores. */
export async function getReview(ctx: ActorCtx, id: string): Promise<ReviewRow | null> {
  const row = await q.getReviewRow(ctx.db, id);
  if (!row) return null;
  const subject = await subjectOf(ctx, row.subjectType, row.subjectId);
  const mine = await q.expertOfUser(ctx.db, ctx.actor.id);
  let panel = await q.panelOf(ctx.db, id);
  const seated = mine !== null && panel.some((p) => p.expertId === mine);
  if (!subject && !seated) return null;
  if (!ctx.actor.permissions.has("review.manage") && row.status === "open") {
    panel = panel.map((p) => (p.expertId === mine ? p : { ...p, scores: null, total: null, comment: null }));
  }
  return {
    ...row,
    subjectType: row.subjectType as ReviewSubject,
    subjectLabel: subject?.label ?? "",
    status: row.status as ReviewRow["status"],
    conclusion: row.conclusion as ReviewRow["conclusion"],
    panel,
    myExpertId: seated ? mine : null,
    concludedAt: row.concludedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Draws a panel at random from the active experts of the subject's region and the regions above it. */
export async function createReview(ctx: ActorCtx, input: z.infer<typeof reviewCreate>): Promise<ReviewRow> {
  requirePermission(ctx.actor.permissions, "review.manage");
  return inTx(ctx, async (tx) => {
    const subject = await subjectOf(tx, input.subjectType, input.subjectId);
    if (!subject) throw notFound();
    const r = await regionById(tx.db, subject.regionId);
    const regionIds = (r?.path ?? "").split("/").filter(Boolean);
    if (!regionIds.includes(subject.regionId)) regionIds.push(subject.regionId);
    const pool = await q.poolFor(tx.db, regionIds, input.fields);
    const tiedTo = new Set(subject.enterpriseIds);
    const excluded = pool.filter((e) => e.tied.some((t) => tiedTo.has(t)));
    const eligible = pool.filter((e) => !excluded.includes(e));
    if (eligible.length < input.panelSize) {
      throw invalid(
        "panelSize",
        `符合条件的专家只有 ${eligible.length} 位（另有 ${excluded.length} 位因与投资方存在关联已回避），不足 ${input.panelSize} 位`,
        `Only ${eligible.length} eligible experts`,
      );
    }
    for (let i = eligible.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [eligible[i], eligible[j]] = [eligible[j]!, eligible[i]!];
    }
    const drawn = eligible.slice(0, input.panelSize);
    const id = newId();
    await tx.db.insert(review).values({
      id,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      regionId: subject.regionId,
      title: input.title,
      criteria: input.criteria ?? defaultProjectCriteria,
      excludedExperts: excluded.map((e) => e.name),
      createdBy: tx.actor.id,
    });
    await tx.db.insert(reviewPanelist).values(drawn.map((e) => ({ reviewId: id, expertId: e.id })));
    await audit(tx, {
      action: "review.draw",
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      regionId: subject.regionId,
      meta: {
        label: subject.label,
        review: input.title,
        drawn: drawn.map((e) => e.name),
        excluded: excluded.map((e) => e.name),
      },
    });
    return (await getReview(tx, id))!;
  });
}

export async function submitScores(ctx: ActorCtx, id: string, input: z.infer<typeof scoreSubmit>) {
  return inTx(ctx, async (tx) => {
    const row = await getReview(tx, id);
    if (!row) throw notFound();
    let mine: string | null;
    if (input.expertId) {
      requirePermission(tx.actor.permissions, "review.manage");
      mine = input.expertId;
      if (!row.panel.some((p) => p.expertId === mine)) {
        throw invalid("expertId", "该专家不在本次评审的专家组中", "The expert is not on this panel");
      }
    } else {
      mine = await q.expertOfUser(tx.db, tx.actor.id);
      if (!mine || !row.panel.some((p) => p.expertId === mine)) {
        throw new AppError("FORBIDDEN", {
          zh: "您不是本次评审的专家，不能评分",
          en: "You are not on this panel",
        });
      }
      requirePermission(tx.actor.permissions, "review.score");
    }
    if (row.status !== "open") {
      throw new AppError("CONFLICT", { zh: "评审已出结论，不能再修改评分", en: "The review is concluded" });
    }
    const known = new Set(row.criteria.map((c) => c.key));
    for (const key of Object.keys(input.scores)) {
      if (!known.has(key))
        throw invalid(`scores.${key}`, `没有名为 ${key} 的评审指标`, `Unknown criterion ${key}`);
    }
    for (const c of row.criteria) {
      const s = input.scores[c.key];
      if (s === undefined) throw invalid(`scores.${c.key}`, `请为「${c.name}」打分`, `Score ${c.name}`);
      if (s > c.max)
        throw invalid(`scores.${c.key}`, `「${c.name}」满分 ${c.max} 分`, `${c.name} is out of ${c.max}`);
    }
    const total = weightedTotal(row.criteria, input.scores);
    await tx.db
      .update(reviewPanelist)
      .set({ scores: input.scores, total, comment: input.comment ?? null, submittedAt: tx.now() })
      .where(and(eq(reviewPanelist.reviewId, id), eq(reviewPanelist.expertId, mine!)));
    await audit(tx, {
      action: "review.score",
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      regionId: row.regionId,
      after: { expertId: mine, scores: input.scores, total },
      meta: { label: row.subjectLabel, review: row.title },
    });
    return (await getReview(tx, id))!;
  });
}

export async function concludeReview(ctx: ActorCtx, id: string, input: z.infer<typeof reviewConclude>) {
  return inTx(ctx, async (tx) => {
    const row = await getReview(tx, id);
    if (!row) throw notFound();
    requirePermission(tx.actor.permissions, "review.manage");
    if (!(await subjectOf(tx, row.subjectType, row.subjectId))) throw notFound();
    if (row.status !== "open")
      throw new AppError("CONFLICT", { zh: "评审已出结论", en: "Already concluded" });
    const missing = row.panel.filter((p) => !p.submittedAt);
    if (missing.length) {
      throw invalid(
        "conclusion",
        `尚有 ${missing.length} 位专家未提交评分（${missing.map((p) => p.expertName).join("、")}）`,
        "Some experts have not scored yet",
      );
    }
    const averageScore =
      Math.round((row.panel.reduce((a, p) => a + (p.total ?? 0), 0) / row.panel.length) * 100) / 100;
    const rows = await tx.db
      .update(review)
      .set({
        status: "concluded",
        conclusion: input.conclusion,
        conclusionNote: input.note ?? null,
        averageScore,
        concludedAt: tx.now(),
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(review.id, id), eq(review.version, input.version)))
      .returning({ id: review.id });
    if (rows.length === 0) throw stale();
    await audit(tx, {
      action: "review.conclude",
      subjectType: row.subjectType,
      subjectId: row.subjectId,
      regionId: row.regionId,
      after: { conclusion: input.conclusion, averageScore },
      meta: { label: row.subjectLabel, review: row.title, note: input.note ?? null },
    });
    return (await getReview(tx, id))!;
  });
}

export async function listSubjectReviews(ctx: ActorCtx, subjectType: string, subjectId: string) {
  const rows = await q.reviewsOf(ctx.db, subjectType, subjectId);
  const out: ReviewRow[] = [];
  for (const r of rows) {
    const v = await getReview(ctx, r.id);
    if (v) out.push(v);
  }
  return out;
}
