import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type {
  LinkDetail,
  LinkFirm,
  linkCreate,
  linkFirmAdd,
  linkUpdate,
  ProjectChainLink,
} from "../../../common/chain.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { enterpriseFacts } from "../enterprises/enterprises.conditions.js";
import { regionById } from "../org/regions.queries.js";
import { getProject } from "../projects/projects.queries.js";
import * as mq from "./chains.map.queries.js";
import * as q from "./chains.queries.js";
import { firmInRegion, invalid, linkTexts, today, writableChain } from "./chains.service.js";
import { chainLink, chainLinkEdge, chainLinkFirm, chainProject } from "./chains.table.js";
import { prospectsOnLinks } from "./prospects.queries.js";

/**
 * Parents must be links of the same chain, and not the link itself or anything below it: either
 * would close a cycle. Checked against the edges as they stand inside the write's transaction.
 */
async function checkParents(ctx: ActorCtx, chainId: string, parentIds: string[], linkId?: string) {
  if (parentIds.length === 0) return;
  const mine = new Map((await q.linksOfChain(ctx.db, chainId)).map((l) => [l.id, l.name]));
  const below = linkId ? await q.descendantsOf(ctx.db, linkId) : new Set<string>();
  for (const [i, p] of parentIds.entries()) {
    if (!mine.has(p)) throw invalid(`parentIds.${i}`, "上级环节不属于该产业链", "The parent is elsewhere");
    if (p === linkId)
      throw invalid(`parentIds.${i}`, "环节不能以自身为上级", "A link cannot be its own parent");
    if (below.has(p)) {
      throw invalid(
        `parentIds.${i}`,
        `「${mine.get(p)}」是该环节的下级，不能把环节移到其下级之下（会形成循环）`,
        "Moving a link under its own descendant would form a cycle",
      );
    }
  }
}

async function linkAudit(
  ctx: ActorCtx,
  chain: { id: string; regionId: string; name: string },
  action: string,
  extra: object,
) {
  await audit(ctx, {
    action,
    subjectType: "chain",
    subjectId: chain.id,
    regionId: chain.regionId,
    ...extra,
    meta: { label: chain.name },
  });
}

export async function createLink(ctx: ActorCtx, chainId: string, input: z.infer<typeof linkCreate>) {
  return inTx(ctx, async (tx) => {
    const c = await writableChain(tx, chainId);
    const parentIds = [...new Set(input.parentIds)];
    await checkParents(tx, c.id, parentIds);
    const id = newId();
    await mapConstraint(
      () =>
        tx.db.insert(chainLink).values({
          id,
          chainId: c.id,
          regionId: c.regionId,
          name: input.name,
          segment: input.segment,
          order: input.order ?? 0,
          note: input.note ?? null,
        }),
      linkTexts,
    );
    if (parentIds.length) {
      await tx.db.insert(chainLinkEdge).values(parentIds.map((p) => ({ parentId: p, childId: id })));
    }
    await linkAudit(tx, c, "link_add", { after: { ...input, id } });
    return { id };
  });
}

/** Edits a link; new parents move it in the graph, refused when that would close a cycle. */
export async function updateLink(ctx: ActorCtx, id: string, input: z.infer<typeof linkUpdate>) {
  return inTx(ctx, async (tx) => {
    const before = await q.getLink(tx.db, tx.actor, id);
    if (!before) throw notFound();
    const c = await writableChain(tx, before.chainId);
    const { version, parentIds, ...patch } = input;
    if (parentIds) await checkParents(tx, c.id, [...new Set(parentIds)], id);
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(chainLink)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(chainLink.id, id), eq(chainLink.version, version)))
          .returning({ id: chainLink.id }),
      linkTexts,
    );
    if (rows.length === 0) throw stale();
    if (parentIds) {
      await tx.db.delete(chainLinkEdge).where(eq(chainLinkEdge.childId, id));
      const unique = [...new Set(parentIds)];
      if (unique.length) {
        await tx.db.insert(chainLinkEdge).values(unique.map((p) => ({ parentId: p, childId: id })));
      }
    }
    const after = await q.getLink(tx.db, tx.actor, id);
    await linkAudit(
      tx,
      c,
      "link_update",
      changed({ ...before }, { ...after!, ...(parentIds ? { parentIds } : {}) }),
    );
    return after!;
  });
}

export async function deleteLink(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await q.getLink(tx.db, tx.actor, id);
    if (!before) throw notFound();
    const c = await writableChain(tx, before.chainId);
    if (before.version !== version) throw stale();
    const projects = await tx.db.select().from(chainProject).where(eq(chainProject.linkId, id)).limit(1);
    if (projects.length) {
      throw invalid("id", "该环节上已有招商项目，不能删除", "Projects sit on this link");
    }
    await tx.db.delete(chainLink).where(eq(chainLink.id, id));
    await linkAudit(tx, c, "link_delete", { before });
  });
}

/** 链上企业: a firm of the chain's region (or below) onto a link. */
export async function addFirm(ctx: ActorCtx, linkId: string, input: z.infer<typeof linkFirmAdd>) {
  return inTx(ctx, async (tx) => {
    const link = await q.getLink(tx.db, tx.actor, linkId);
    if (!link) throw notFound();
    const c = await writableChain(tx, link.chainId);
    const r = await regionById(tx.db, c.regionId);
    const firm = await firmInRegion(tx, input.enterpriseId, r!.path, "enterpriseId");
    await mapConstraint(
      () =>
        tx.db.insert(chainLinkFirm).values({
          linkId,
          enterpriseId: firm.id,
          role: input.role,
          note: input.note ?? null,
        }),
      {
        duplicate: { zh: `「${firm.name}」已在该环节上`, en: "The firm is on the link already" },
        field: "enterpriseId",
      },
    );
    await linkAudit(tx, c, "firm_add", { after: { link: link.name, firm: firm.name, role: input.role } });
    return { ok: true };
  });
}

export async function removeFirm(ctx: ActorCtx, linkId: string, enterpriseId: string) {
  await inTx(ctx, async (tx) => {
    const link = await q.getLink(tx.db, tx.actor, linkId);
    if (!link) throw notFound();
    const c = await writableChain(tx, link.chainId);
    const rows = await tx.db
      .delete(chainLinkFirm)
      .where(and(eq(chainLinkFirm.linkId, linkId), eq(chainLinkFirm.enterpriseId, enterpriseId)))
      .returning({ id: chainLinkFirm.enterpriseId });
    if (rows.length === 0) throw notFound();
    await linkAudit(tx, c, "firm_remove", { before: { link: link.name, enterpriseId } });
  });
}

/** What a click on a link shows: its figures, firms, projects and prospects. */
export async function linkDetail(ctx: ActorCtx, id: string): Promise<LinkDetail> {
  requirePermission(ctx.actor.permissions, "chain.read");
  const link = await q.getLink(ctx.db, ctx.actor, id);
  if (!link) throw notFound();
  const c = (await q.getChain(ctx.db, ctx.actor, link.chainId))!;
  const row = (await mq.linkFacts(ctx.db, [c], today(ctx))).find((l) => l.id === id)!;
  const firms = await q.linkFirms(ctx.db, id);
  const facts = await enterpriseFacts(
    ctx.db,
    firms.map((f) => f.enterpriseId),
    today(ctx),
  );
  const withFacts: LinkFirm[] = firms.map((f) => {
    const x = facts.get(f.enterpriseId) ?? {};
    return {
      ...f,
      role: f.role as LinkFirm["role"],
      outputWan: (x.output as number | null) ?? null,
      taxWan: (x.tax as number | null) ?? null,
      labels: (x.labels as string[] | undefined) ?? [],
    };
  });
  const [projects, prospects] = await Promise.all([
    ctx.actor.permissions.has("project.read") ? q.projectsOnLinks(ctx.db, ctx.actor, [id]) : [],
    ctx.actor.permissions.has("prospect.read") ? prospectsOnLinks(ctx.db, ctx.actor, [id]) : [],
  ]);
  return {
    link: row,
    firms: withFacts,
    projects: projects.map(({ linkId: _l, ...p }) => p),
    prospects: prospects.map(({ linkId: _l, ...p }) => p),
  };
}

export async function projectLinks(ctx: ActorCtx, projectId: string): Promise<ProjectChainLink[]> {
  requirePermission(ctx.actor.permissions, "chain.read");
  const p = await getProject(ctx.db, ctx.actor, projectId, today(ctx));
  if (!p) throw notFound();
  const rows = await q.linksOfProject(ctx.db, ctx.actor, projectId);
  return rows.map(({ rule: _r, ...r }) => ({ ...r, strength: null }));
}

/** Replaces a project's chain links (its 产业链 panel); links must be of chains in scope. */
export async function setProjectLinks(ctx: ActorCtx, projectId: string, linkIds: string[]) {
  return inTx(ctx, async (tx) => {
    const p = await getProject(tx.db, tx.actor, projectId, today(tx));
    if (!p) throw notFound();
    requirePermission(tx.actor.permissions, "project.write");
    const unique = [...new Set(linkIds)];
    for (const [i, l] of unique.entries()) {
      if (!(await q.getLink(tx.db, tx.actor, l)))
        throw invalid(`linkIds.${i}`, "产业链环节不存在", "No such link");
    }
    const before = (await q.linksOfProject(tx.db, tx.actor, projectId)).map((r) => r.linkName);
    await tx.db.delete(chainProject).where(eq(chainProject.projectId, projectId));
    if (unique.length)
      await tx.db.insert(chainProject).values(unique.map((linkId) => ({ linkId, projectId })));
    const after = await projectLinks(tx, projectId);
    await audit(tx, {
      action: "chain_links",
      subjectType: "project",
      subjectId: projectId,
      regionId: p.regionId,
      before,
      after: after.map((r) => r.linkName),
      meta: { label: p.name },
    });
    return after;
  });
}

/** Adds links to a project without touching its others (a converted prospect keeps its links). */
export async function attachProjectLinks(ctx: ActorCtx, projectId: string, linkIds: string[]) {
  if (linkIds.length === 0) return;
  const existing = await ctx.db
    .select({ linkId: chainProject.linkId })
    .from(chainProject)
    .where(and(eq(chainProject.projectId, projectId), inArray(chainProject.linkId, linkIds)));
  const have = new Set(existing.map((e) => e.linkId));
  const add = linkIds.filter((l) => !have.has(l));
  if (add.length) await ctx.db.insert(chainProject).values(add.map((linkId) => ({ linkId, projectId })));
}
