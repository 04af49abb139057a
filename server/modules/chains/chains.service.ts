import { and, eq, inArray } from "drizzle-orm";
import { linkFields } from "../../../common/chain.prospect.js";
import {
  type ChainCreate,
  type ChainMap,
  type ChainQuery,
  type ChainRow,
  type ChainUpdate,
  chainListKinds,
  defaultStrengthRule,
  type LinkDraft,
} from "../../../common/chain.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { assertCondition } from "../../lib/conditions.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { coversRegionPath } from "../../lib/scope.js";
import { registerSubject } from "../../lib/subjects.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { departmentById, teamById } from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { userExists } from "../users/users.queries.js";
import * as mq from "./chains.map.queries.js";
import * as q from "./chains.queries.js";
import { chain, chainLink, chainLinkEdge } from "./chains.table.js";
import { templateByKey } from "./chains.templates.js";

export const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
export const today = (ctx: ActorCtx) => chinaDay(ctx.now());

export const chainTexts = {
  duplicate: { zh: "该行政区已有同名产业链", en: "The region already has a chain of that name" },
  field: "name",
  inUse: { zh: "产业链仍被其他记录引用", en: "The chain is still referenced" },
};
export const linkTexts = {
  duplicate: { zh: "该产业链已有同名环节", en: "The chain already has a link of that name" },
  field: "name",
};

registerSubject("chain", async (ctx, id) => {
  const c = await q.getChain(ctx.db, ctx.actor, id);
  return c && { regionId: c.regionId, label: c.name, enterpriseIds: c.leaderFirmIds, writable: false };
});

/** The region's path if the actor may keep chains there: their grants cover it or it is home. */
export async function writableRegion(ctx: ActorCtx, regionId: string): Promise<string> {
  const r = await regionById(ctx.db, regionId);
  if (!r || !(coversRegionPath(ctx.actor, r.path) || r.id === ctx.actor.regionId)) throw notFound();
  return r.path;
}

/** The chain in scope (404), then the right to change it (403). */
export async function writableChain(ctx: ActorCtx, id: string): Promise<ChainRow> {
  const c = await q.getChain(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  requirePermission(ctx.actor.permissions, "chain.manage");
  await writableRegion(ctx, c.regionId);
  return c;
}

/** A firm in the actor's scope whose region is the chain's region or below it. */
export async function firmInRegion(ctx: ActorCtx, enterpriseId: string, regionPath: string, path: string) {
  const firm = await getEnterprise(ctx.db, ctx.actor, enterpriseId, today(ctx));
  if (!firm) throw invalid(path, "企业不存在或不在您的管辖范围内", "No such firm in your scope");
  const r = await regionById(ctx.db, firm.regionId);
  if (!r?.path.startsWith(regionPath)) {
    throw invalid(
      path,
      `「${firm.name}」不属于该产业链所在行政区，不能列入本地链上企业`,
      "The firm is in another region",
    );
  }
  return firm;
}

async function checkChain(ctx: ActorCtx, input: Partial<ChainCreate>, regionPath: string) {
  if (input.rule) {
    assertCondition(input.rule.strong, linkFields, "rule.strong");
    assertCondition(input.rule.weak, linkFields, "rule.weak");
  }
  if (input.chiefId && !(await userExists(ctx.db, input.chiefId))) {
    throw invalid("chiefId", "链长不存在", "No such chain chief");
  }
  if (input.departmentId && !(await departmentById(ctx.db, input.departmentId))) {
    throw invalid("departmentId", "牵头部门不存在", "No such department");
  }
  if (input.teamId && !(await teamById(ctx.db, input.teamId))) {
    throw invalid("teamId", "招商小分队不存在", "No such team");
  }
  for (const [i, id] of (input.leaderFirmIds ?? []).entries()) {
    await firmInRegion(ctx, id, regionPath, `leaderFirmIds.${i}`);
  }
}

/**
 * The links of a whole chain body in an order where parents come first; refuses unknown parents,
 * repeated keys and cycles (naming the links on the cycle).
 */
export function orderDrafts(drafts: LinkDraft[]): LinkDraft[] {
  const byKey = new Map<string, LinkDraft>();
  for (const [i, d] of drafts.entries()) {
    if (byKey.has(d.key)) throw invalid(`links.${i}.key`, `环节编号「${d.key}」重复`, "Duplicate link key");
    byKey.set(d.key, d);
  }
  for (const [i, d] of drafts.entries()) {
    for (const p of d.parents) {
      if (!byKey.has(p)) throw invalid(`links.${i}.parents`, `上级环节「${p}」不存在`, "Unknown parent link");
      if (p === d.key)
        throw invalid(`links.${i}.parents`, `环节「${d.name}」不能以自身为上级`, "Self parent");
    }
  }
  const out: LinkDraft[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (d: LinkDraft, trail: string[]) => {
    if (state.get(d.key) === "done") return;
    if (state.get(d.key) === "visiting") {
      const names = [...trail.slice(trail.indexOf(d.name)), d.name].join(" → ");
      throw invalid("links", `环节之间形成循环：${names}`, "The links form a cycle");
    }
    state.set(d.key, "visiting");
    for (const p of d.parents) visit(byKey.get(p)!, [...trail, d.name]);
    state.set(d.key, "done");
    out.push(d);
  };
  for (const d of drafts) visit(d, []);
  return out;
}

async function insertDrafts(ctx: ActorCtx, chainId: string, regionId: string, drafts: LinkDraft[]) {
  const ids = new Map<string, string>();
  const ordered = orderDrafts(drafts);
  for (const d of ordered) ids.set(d.key, newId());
  if (ordered.length === 0) return;
  await mapConstraint(
    () =>
      ctx.db.insert(chainLink).values(
        ordered.map((d, i) => ({
          id: ids.get(d.key)!,
          chainId,
          regionId,
          name: d.name,
          segment: d.segment,
          order: d.order ?? i,
          note: d.note ?? null,
        })),
      ),
    linkTexts,
  );
  const edges = ordered.flatMap((d) =>
    d.parents.map((p) => ({ parentId: ids.get(p)!, childId: ids.get(d.key)! })),
  );
  if (edges.length) await ctx.db.insert(chainLinkEdge).values(edges);
}

export function listChains(ctx: ActorCtx, query: ChainQuery) {
  requirePermission(ctx.actor.permissions, "chain.read");
  return q.listChains(ctx.db, ctx.actor, query);
}
export function getChain(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "chain.read");
  return q.getChain(ctx.db, ctx.actor, id);
}

/** 建链: a chain with its links in one transaction; a cycle among the links writes nothing. */
export async function createChain(ctx: ActorCtx, input: ChainCreate, template?: string): Promise<ChainRow> {
  requirePermission(ctx.actor.permissions, "chain.manage");
  return inTx(ctx, async (tx) => {
    const path = await writableRegion(tx, input.regionId);
    await checkChain(tx, input, path);
    const { links, ...fields } = input;
    const id = newId();
    await mapConstraint(
      () =>
        tx.db.insert(chain).values({
          ...fields,
          id,
          rule: fields.rule ?? defaultStrengthRule,
          lists: fields.lists ?? [...chainListKinds],
          template: template ?? null,
        }),
      chainTexts,
    );
    await insertDrafts(tx, id, input.regionId, links ?? []);
    const created = (await q.getChain(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "chain",
      subjectId: id,
      regionId: created.regionId,
      after: { ...created, links: (links ?? []).map((l) => l.name) },
      meta: { label: created.name, template },
    });
    return created;
  });
}

/** 模板: copies a template's links into the region as a new chain the admin then edits. */
export function createFromTemplate(
  ctx: ActorCtx,
  input: { template: string; regionId: string; name?: string },
) {
  const t = templateByKey(input.template);
  if (!t) throw invalid("template", "模板不存在", "No such template");
  return createChain(
    ctx,
    { regionId: input.regionId, name: input.name ?? t.name, description: t.description, links: t.links },
    t.key,
  );
}

export async function updateChain(ctx: ActorCtx, id: string, input: ChainUpdate): Promise<ChainRow> {
  return inTx(ctx, async (tx) => {
    const before = await writableChain(tx, id);
    const { version, ...patch } = input;
    const path = await writableRegion(tx, patch.regionId ?? before.regionId);
    if (patch.regionId && patch.regionId !== before.regionId) {
      throw invalid("regionId", "产业链不能改换行政区，请新建", "A chain cannot move region");
    }
    await checkChain(tx, patch, path);
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(chain)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(chain.id, id), eq(chain.version, version)))
          .returning({ id: chain.id }),
      chainTexts,
    );
    if (rows.length === 0) throw stale();
    const after = (await q.getChain(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: patch.status === "archived" && before.status !== "archived" ? "archive" : "update",
      subjectType: "chain",
      subjectId: id,
      regionId: after.regionId,
      ...changed({ ...before }, { ...after }),
      meta: { label: after.name },
    });
    return after;
  });
}

/** A chain with projects on its links is kept for the record: it can only be archived. */
export async function deleteChain(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await writableChain(tx, id);
    if (before.version !== version) throw stale();
    if (await q.chainHasProjects(tx.db, id)) {
      throw new AppError("CONFLICT", {
        zh: "该产业链的环节上已有招商项目，不能删除；如不再使用请归档",
        en: "Projects sit on this chain's links; archive it instead",
      });
    }
    await tx.db.delete(chain).where(eq(chain.id, id));
    await audit(tx, {
      action: "delete",
      subjectType: "chain",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

/** 产业链图谱: the chain, every link with its facts and strength, and the chain totals. */
export async function chainMap(ctx: ActorCtx, id: string): Promise<ChainMap> {
  requirePermission(ctx.actor.permissions, "chain.read");
  const c = await q.getChain(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  const { links, totals } = await mq.chainFacts(ctx.db, [c], today(ctx));
  return { chain: c, links, totals: totals.get(c.id)! };
}

/** 产业链全景图: every active chain of a region with its links' strengths. */
export async function panorama(ctx: ActorCtx, regionId: string) {
  requirePermission(ctx.actor.permissions, "chain.read");
  const chains = await q.chainsOfRegion(ctx.db, ctx.actor, regionId);
  const links = await mq.linkFacts(ctx.db, chains, today(ctx));
  return {
    chains: chains.map((c) => {
      const mine = links.filter((l) => l.chainId === c.id);
      const by = (s: string) => mine.filter((l) => l.strength === s).length;
      return {
        chain: c,
        links: mine,
        totals: { links: mine.length, strong: by("strong"), weak: by("weak"), missing: by("missing") },
      };
    }),
  };
}

export async function chainIdsOfLinks(ctx: ActorCtx, linkIds: string[]) {
  if (linkIds.length === 0) return [];
  return ctx.db
    .select({ id: chainLink.id, chainId: chainLink.chainId, regionId: chainLink.regionId })
    .from(chainLink)
    .where(inArray(chainLink.id, linkIds));
}
