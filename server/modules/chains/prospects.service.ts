import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import {
  defaultRankWeights,
  type ProspectCreate,
  type ProspectPriority,
  type ProspectQuery,
  type ProspectRow,
  type ProspectSignal,
  type ProspectSource,
  type ProspectStatus,
  type ProspectUpdate,
  type prospectAssign,
  type prospectConvert,
  prospectPriorityLabels,
  prospectSignalLabels,
  prospectSourceLabels,
  type RankWeights,
} from "../../../common/chain.prospect.js";
import { explainScore } from "../../../common/chain.rank.js";
import type { ProjectChannel } from "../../../common/project.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { registerSubject } from "../../lib/subjects.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { createEnterprise } from "../enterprises/enterprises.service.js";
import { teamById } from "../org/org.queries.js";
import { registerProject } from "../projects/projects.service.js";
import * as mq from "./chains.map.queries.js";
import * as cq from "./chains.queries.js";
import { invalid, today, writableRegion } from "./chains.service.js";
import { prospect, prospectLink, prospectWeights } from "./chains.table.js";
import { attachProjectLinks } from "./links.service.js";
import * as q from "./prospects.queries.js";

const texts = {
  duplicate: {
    zh: "该行政区的招引目标池中已有同名企业",
    en: "The pool already holds a company of that name",
  },
  field: "name",
};

registerSubject("prospect", async (ctx, id) => {
  if (!(await q.prospectInScope(ctx.db, ctx.actor, id))) return null;
  const [p] = await q.prospectsByIds(ctx.db, [id]);
  if (!p) return null;
  return {
    regionId: p.regionId,
    label: p.name,
    enterpriseIds: p.enterpriseId ? [p.enterpriseId] : [],
    writable: ctx.actor.permissions.has("prospect.manage"),
  };
});

/** The weights of the region asked for, else of the actor's home region, else the defaults. */
export async function weightsFor(ctx: ActorCtx, regionId?: string | null) {
  const id = regionId ?? ctx.actor.regionId;
  const row = id ? await q.weightsOf(ctx.db, id) : null;
  return { regionId: id, weights: row?.weights ?? defaultRankWeights, version: row?.version ?? 0 };
}

/** 排名权重: all-zero weights would rank nothing, so they are refused. */
export async function saveWeights(
  ctx: ActorCtx,
  input: { regionId: string; weights: RankWeights; version?: number },
) {
  requirePermission(ctx.actor.permissions, "chain.manage");
  const w = input.weights;
  if (w.gap + w.fit + w.signals + w.source + w.priority === 0) {
    throw invalid("weights", "排名权重不能全部为 0，请至少给一项设置权重", "The weights cannot all be zero");
  }
  return inTx(ctx, async (tx) => {
    await writableRegion(tx, input.regionId);
    const before = await q.weightsOf(tx.db, input.regionId);
    if (before) {
      if (input.version !== before.version) throw stale();
      await tx.db
        .update(prospectWeights)
        .set({ weights: w, version: before.version + 1, updatedAt: tx.now() })
        .where(
          and(eq(prospectWeights.regionId, input.regionId), eq(prospectWeights.version, before.version)),
        );
    } else {
      await tx.db.insert(prospectWeights).values({ regionId: input.regionId, weights: w });
    }
    await audit(tx, {
      action: "weights",
      subjectType: "prospect",
      subjectId: null,
      regionId: input.regionId,
      before: before?.weights ?? defaultRankWeights,
      after: w,
      meta: { label: "招引目标排名权重" },
    });
    return weightsFor(tx, input.regionId);
  });
}

/** Link strengths of every chain the matching prospects would fill, by each chain's rule. */
async function strengthsFor(ctx: ActorCtx, where: ReturnType<typeof q.prospectWhere>) {
  const chains = await q.chainsOfProspects(ctx.db, where);
  // Fresh every time: the stored link facts (chain_fact) make this a read of stored rows, so
  // the minute-long strength cache it once needed is gone and registry changes show at once.
  return mq.linkStrengths(ctx.db, chains, today(ctx));
}

type Base = Awaited<ReturnType<typeof q.prospectsByIds>>[number];

/** A row with its score and the explanation of each weighted part. */
function shape(p: Base, r: q.RankedRow, weights: RankWeights): ProspectRow {
  const { parts } = explainScore(
    {
      ...r,
      signalWords: p.signals.map((s) => prospectSignalLabels[s as ProspectSignal]),
      sourceWords: p.sources.map((s) => prospectSourceLabels[s as ProspectSource]),
      priorityWord: prospectPriorityLabels[p.priority as ProspectPriority],
    },
    weights,
  );
  return {
    ...p,
    sources: p.sources as ProspectSource[],
    signals: p.signals as ProspectSignal[],
    priority: p.priority as ProspectPriority,
    status: p.status as ProspectStatus,
    linkIds: p.links.map((l) => l.id),
    score: r.score,
    parts,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** 招引目标池, ranked with each row's explanation. */
export async function listProspects(ctx: ActorCtx, query: ProspectQuery) {
  requirePermission(ctx.actor.permissions, "prospect.read");
  const where = q.prospectWhere(ctx.actor, query);
  const { weights } = await weightsFor(ctx, query.regionId);
  const strengths = await strengthsFor(ctx, where);
  const ranked = await q.rankProspects(ctx.db, where, weights, strengths, query);
  const rows = new Map(
    (
      await q.prospectsByIds(
        ctx.db,
        ranked.rows.map((r) => r.id),
      )
    ).map((r) => [r.id, r]),
  );
  const items = ranked.rows.map((r) => shape(rows.get(r.id)!, r, weights));
  return { items, total: ranked.total, weights };
}

/** One prospect, scored by its own region's weights. */
export async function getProspect(ctx: ActorCtx, id: string): Promise<ProspectRow | null> {
  requirePermission(ctx.actor.permissions, "prospect.read");
  if (!(await q.prospectInScope(ctx.db, ctx.actor, id))) return null;
  const [p] = await q.prospectsByIds(ctx.db, [id]);
  if (!p) return null;
  const where = and(q.prospectScope(ctx.actor), eq(prospect.id, id))!;
  const { weights } = await weightsFor(ctx, p.regionId);
  const ranked = await q.rankProspects(ctx.db, where, weights, await strengthsFor(ctx, where), {
    page: 1,
    pageSize: 1,
  });
  return shape(p, ranked.rows[0]!, weights);
}

async function checkProspect(ctx: ActorCtx, input: Partial<ProspectCreate>, regionId: string) {
  await writableRegion(ctx, regionId);
  if (input.enterpriseId && !(await getEnterprise(ctx.db, ctx.actor, input.enterpriseId, today(ctx)))) {
    throw invalid("enterpriseId", "关联企业不存在或不在您的管辖范围内", "No such firm in your scope");
  }
  for (const [i, l] of (input.linkIds ?? []).entries()) {
    if (!(await cq.getLink(ctx.db, ctx.actor, l)))
      throw invalid(`linkIds.${i}`, "产业链环节不存在", "No such link");
  }
}

async function setLinks(ctx: ActorCtx, id: string, linkIds: string[] | undefined) {
  if (linkIds === undefined) return;
  await ctx.db.delete(prospectLink).where(eq(prospectLink.prospectId, id));
  const unique = [...new Set(linkIds)];
  if (unique.length)
    await ctx.db.insert(prospectLink).values(unique.map((linkId) => ({ prospectId: id, linkId })));
}

export async function createProspect(ctx: ActorCtx, input: ProspectCreate) {
  requirePermission(ctx.actor.permissions, "prospect.manage");
  return inTx(ctx, async (tx) => {
    await checkProspect(tx, input, input.regionId);
    const { linkIds, ...fields } = input;
    const id = newId();
    await mapConstraint(() => tx.db.insert(prospect).values({ ...fields, id }), texts);
    await setLinks(tx, id, linkIds);
    const created = (await getProspect(tx, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "prospect",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.name },
    });
    return created;
  });
}

async function writableProspect(ctx: ActorCtx, id: string) {
  const before = await getProspect(ctx, id);
  if (!before) throw notFound();
  requirePermission(ctx.actor.permissions, "prospect.manage");
  return before;
}

async function writeProspect(
  ctx: ActorCtx,
  before: ProspectRow,
  version: number,
  patch: Partial<typeof prospect.$inferInsert>,
  action: string,
) {
  const rows = await mapConstraint(
    () =>
      ctx.db
        .update(prospect)
        .set({ ...patch, version: version + 1, updatedAt: ctx.now() })
        .where(and(eq(prospect.id, before.id), eq(prospect.version, version)))
        .returning({ id: prospect.id }),
    texts,
  );
  if (rows.length === 0) throw stale();
  return { before, action };
}

async function auditChange(ctx: ActorCtx, before: ProspectRow, action: string) {
  const after = (await getProspect(ctx, before.id))!;
  const { score: _a, parts: _b, ...b } = before;
  const { score: _c, parts: _d, ...a } = after;
  await audit(ctx, {
    action,
    subjectType: "prospect",
    subjectId: before.id,
    regionId: after.regionId,
    ...changed(b, a),
    meta: { label: after.name },
  });
  return after;
}

export async function updateProspect(ctx: ActorCtx, id: string, input: ProspectUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await writableProspect(tx, id);
    const { version, linkIds, ...patch } = input;
    if (before.status === "converted" && patch.status) {
      throw invalid("status", "已转为线索的招引目标不能改状态", "A converted prospect keeps its status");
    }
    await checkProspect(tx, { ...patch, linkIds }, patch.regionId ?? before.regionId);
    await writeProspect(tx, before, version, patch, "update");
    await setLinks(tx, id, linkIds);
    return auditChange(tx, before, "update");
  });
}

export async function deleteProspect(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await writableProspect(tx, id);
    if (before.version !== version) throw stale();
    if (before.projectId) {
      throw new AppError("CONFLICT", {
        zh: "已转为线索的招引目标不能删除",
        en: "A converted prospect cannot be deleted",
      });
    }
    await tx.db.delete(prospect).where(eq(prospect.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "prospect",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

/** 分配: a team takes the prospect up. */
export async function assignProspect(ctx: ActorCtx, id: string, input: z.infer<typeof prospectAssign>) {
  return inTx(ctx, async (tx) => {
    const before = await writableProspect(tx, id);
    if (!(await teamById(tx.db, input.teamId))) throw invalid("teamId", "小分队不存在", "No such team");
    const status = before.status === "new" ? "assigned" : before.status;
    await writeProspect(tx, before, input.version, { teamId: input.teamId, status }, "assign");
    return auditChange(tx, before, "assign");
  });
}

const channelOf = (sources: ProspectSource[]): ProjectChannel =>
  sources.includes("referral")
    ? "via_firms"
    : sources.includes("alumni")
      ? "alumni"
      : sources.includes("university")
        ? "institute"
        : "chain";

/**
 * 转为线索: registers a project in stage 线索 through the projects service, in this transaction;
 * a company not yet in the registry is entered through the enterprise service first. The
 * prospect keeps the project, and the project gets the prospect's chain links.
 */
export async function convertProspect(ctx: ActorCtx, id: string, input: z.infer<typeof prospectConvert>) {
  return inTx(ctx, async (tx) => {
    const before = await writableProspect(tx, id);
    if (before.projectId) {
      throw new AppError("CONFLICT", { zh: "该招引目标已转为线索", en: "The prospect is a lead already" });
    }
    if (before.version !== input.version) throw stale();
    const investorId =
      before.enterpriseId ??
      (
        await createEnterprise(tx, {
          name: before.name,
          regionId: before.regionId,
          parkId: input.parkId ?? null,
          industryCode: before.industryCode,
          address: before.headquarters,
        })
      ).id;
    const created = await registerProject(tx, {
      name: input.projectName ?? `${before.name}投资项目`,
      investorId,
      regionId: before.regionId,
      parkId: input.parkId ?? null,
      teamId: input.teamId,
      channel: channelOf(before.sources),
      industryCode: before.industryCode,
      totalInvestmentFen: input.totalInvestmentFen ?? null,
      manualTags: before.sources.includes("fortune500") ? ["fortune500"] : [],
      summary: [`由招引目标「${before.name}」转入。`, before.moves].filter(Boolean).join("\n"),
      duplicateReason: input.duplicateReason,
    });
    await attachProjectLinks(tx, created.id, before.linkIds);
    await writeProspect(
      tx,
      before,
      input.version,
      { projectId: created.id, enterpriseId: investorId, status: "converted", teamId: input.teamId },
      "convert",
    );
    const after = await auditChange(tx, before, "convert");
    return { prospect: after, project: { id: created.id, code: created.code, name: created.name } };
  });
}
