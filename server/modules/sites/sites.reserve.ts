import { eq } from "drizzle-orm";
import { muOf } from "../../../common/geo.js";
import type { Demand, DemandSave, SiteMatch, SiteRow } from "../../../common/site.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import { linkGateNode } from "../projects/nodes.service.js";
import { getProject } from "../projects/projects.queries.js";
import { writableProject } from "../projects/projects.service.js";
import { onStageChange, registerStageGate } from "../projects/stages.hooks.js";
import { rankSites } from "./sites.match.js";
import * as q from "./sites.queries.js";
import { getSite, lockSite, setHolder, today } from "./sites.service.js";
import { siteDemand } from "./sites.table.js";

/** What the land node shows of the site serving it: its name and area in 亩. */
const siteLink = (s: { id: string; name: string; areaM2: number | null }) => ({
  type: "site" as const,
  id: s.id,
  label: s.areaM2
    ? `${s.name}（${muOf(s.areaM2).toLocaleString("zh-CN", { maximumFractionDigits: 1 })} 亩）`
    : s.name,
});

async function readableProject(ctx: ActorCtx, projectId: string) {
  const p = await getProject(ctx.db, ctx.actor, projectId, today(ctx));
  if (!p) throw notFound();
  return p;
}

export async function getDemand(ctx: ActorCtx, projectId: string) {
  requirePermission(ctx.actor.permissions, "site.read");
  await readableProject(ctx, projectId);
  const [demand, held] = await Promise.all([q.getDemand(ctx.db, projectId), q.heldSites(ctx.db, projectId)]);
  return { demand, held };
}

/** Records or replaces the project's space demand; the version guards a stale form (409). */
export async function saveDemand(ctx: ActorCtx, projectId: string, input: DemandSave): Promise<Demand> {
  return inTx(ctx, async (tx) => {
    const p = await writableProject(tx, projectId);
    const before = await q.getDemand(tx.db, projectId);
    const { version, ...fields } = input;
    if (before) {
      if (version !== before.version) throw stale();
      await tx.db
        .update(siteDemand)
        .set({ ...fields, version: before.version + 1, updatedAt: tx.now() })
        .where(eq(siteDemand.projectId, projectId));
    } else {
      await tx.db.insert(siteDemand).values({ projectId, ...fields });
    }
    const after = (await q.getDemand(tx.db, projectId))!;
    await audit(tx, {
      action: before ? "update" : "create",
      subjectType: "project",
      subjectId: projectId,
      regionId: p.regionId,
      before: before ? { spaceDemand: before } : undefined,
      after: { spaceDemand: after },
      meta: { label: `${p.name}：空间需求` },
    });
    return after;
  });
}

/** Available sites ranked against the project's demand, each with its reasons. */
export async function matchSites(ctx: ActorCtx, projectId: string): Promise<SiteMatch[]> {
  requirePermission(ctx.actor.permissions, "site.read");
  await readableProject(ctx, projectId);
  const demand = await q.getDemand(ctx.db, projectId);
  if (!demand) return [];
  return rankSites(demand, await q.matchCandidates(ctx.db, ctx.actor, demand));
}

const taken = (s: { status: string }, projectName: string | null) =>
  new AppError("CONFLICT", {
    zh:
      s.status === "reserved"
        ? `该空间已预留给项目“${projectName ?? "其他项目"}”，不能重复预留`
        : "该空间当前不可供应，不能预留",
    en: "The site is already reserved or not available",
  });

/** Reserves an available site for a project in scope: 409 when someone else holds it. */
export async function reserveSite(
  ctx: ActorCtx,
  siteId: string,
  input: { projectId: string; version: number },
): Promise<SiteRow> {
  return inTx(ctx, async (tx) => {
    const before = await getSite(tx, siteId);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "site.reserve");
    const p = await readableProject(tx, input.projectId);
    const row = await lockSite(tx, siteId);
    if (row?.status !== "available") throw taken(row ?? before, before.projectName);
    if (row.version !== input.version) throw stale();
    if (p.stage === "stopped")
      throw new AppError("CONFLICT", { zh: "项目已中止，不能预留空间", en: "The project is stopped" });
    const done = await setHolder(tx, siteId, input.version, {
      status: "reserved",
      projectId: p.id,
      reservedOn: today(tx),
    });
    if (done.length === 0) throw stale();
    const after = (await getSite(tx, siteId))!;
    await audit(tx, {
      action: "reserve",
      subjectType: "site",
      subjectId: siteId,
      regionId: after.regionId,
      before: { status: before.status, projectId: null },
      after: { status: after.status, projectId: p.id },
      meta: { label: after.name, project: p.name },
    });
    await linkGateNode(tx, p.id, "land", siteLink(after));
    return after;
  });
}

/** Gives a reserved site back to the available stock (by hand, or when the project stops). */
export async function releaseSite(
  ctx: ActorCtx,
  siteId: string,
  version: number,
  why = "手动解除预留",
): Promise<SiteRow> {
  return inTx(ctx, async (tx) => {
    const before = await getSite(tx, siteId);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "site.reserve");
    if (before.status !== "reserved") {
      throw new AppError("CONFLICT", { zh: "该空间未被预留", en: "The site is not reserved" });
    }
    const done = await setHolder(tx, siteId, version, {
      status: "available",
      projectId: null,
      reservedOn: null,
    });
    if (done.length === 0) throw stale();
    const after = (await getSite(tx, siteId))!;
    await audit(tx, {
      action: "release",
      subjectType: "site",
      subjectId: siteId,
      regionId: after.regionId,
      before: { status: before.status, projectId: before.projectId },
      after: { status: after.status, projectId: null },
      meta: { label: after.name, project: before.projectName, reason: why },
    });
    if (before.projectId)
      await linkGateNode(tx, before.projectId, "land", null, { type: "site", id: siteId });
    return after;
  });
}

/**
 * The lifecycle's hooks (registered by sitesRoutes, i.e. by buildApp): 开工 needs a reserved
 * site when the project recorded a space demand (a project without one — an expansion on its
 * own land — is not held up); at 开工 the reserved site becomes occupied (交地即开工); 中止
 * releases every reservation. The hooks run in the stage move's transaction, as the mover.
 */
export function registerSiteHooks() {
  registerStageGate("sites.reserved", async (ctx, projectId, stage) => {
    if (stage !== "construction") return null;
    const demand = await q.getDemand(ctx.db, projectId);
    if (!demand) return null;
    const held = await q.heldSites(ctx.db, projectId);
    if (held.length > 0) return null;
    return { zh: "开工前须为项目预留用地/厂房", en: "Reserve a site for the project before construction" };
  });
  onStageChange("sites.hold", async (ctx, move) => {
    if (move.to === "construction") {
      for (const s of await q.heldSites(ctx.db, move.projectId, ["reserved"])) {
        await setHolder(ctx, s.id, s.version, {
          status: "occupied",
          projectId: move.projectId,
          reservedOn: null,
        });
        await audit(ctx, {
          action: "occupy",
          subjectType: "site",
          subjectId: s.id,
          regionId: s.regionId,
          before: { status: "reserved" },
          after: { status: "occupied" },
          meta: { label: s.name, reason: "项目开工，交地即开工" },
        });
      }
    }
    if (move.to === "stopped") {
      for (const s of await q.heldSites(ctx.db, move.projectId, ["reserved"])) {
        await setHolder(ctx, s.id, s.version, { status: "available", projectId: null, reservedOn: null });
        await audit(ctx, {
          action: "release",
          subjectType: "site",
          subjectId: s.id,
          regionId: s.regionId,
          before: { status: "reserved", projectId: move.projectId },
          after: { status: "available", projectId: null },
          meta: { label: s.name, reason: "项目中止，自动解除预留" },
        });
        await linkGateNode(ctx, move.projectId, "land", null, { type: "site", id: s.id });
      }
      return;
    }
    // Signing makes the nodes: a site reserved while still a lead now links to the land node.
    const [held] = await q.heldSites(ctx.db, move.projectId);
    if (held) await linkGateNode(ctx, move.projectId, "land", siteLink(held));
  });
}
