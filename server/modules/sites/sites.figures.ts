import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { z } from "zod";
import {
  type AuditProgress,
  type checkBody,
  type ParkFigures,
  type StockCategory,
  stockCategories,
} from "../../../common/site.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { notFound, stale } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import { park } from "../org/org.table.js";
import { siteScope } from "./sites.queries.js";
import { assertFiles, getSite, invalid, today } from "./sites.service.js";
import { site } from "./sites.table.js";

const zeroes = () => Object.fromEntries(stockCategories.map((c) => [c, 0])) as Record<StockCategory, number>;
const n = (v: unknown) => Number(v ?? 0);

/** 起底上图 progress: every land-stock site of each park in scope, and how many were checked. */
export async function auditProgress(ctx: ActorCtx): Promise<AuditProgress[]> {
  requirePermission(ctx.actor.permissions, "site.read");
  const rows = await ctx.db
    .select({
      parkId: site.parkId,
      parkName: park.name,
      category: site.stockCategory,
      total: sql<number>`count(*)`.mapWith(Number),
      checked: sql<number>`count(${site.checkedOn})`.mapWith(Number),
    })
    .from(site)
    .innerJoin(park, eq(park.id, site.parkId))
    .where(and(siteScope(ctx.actor), isNotNull(site.stockCategory)))
    .groupBy(site.parkId, park.name, site.stockCategory);
  const byPark = new Map<string, AuditProgress>();
  for (const r of rows) {
    const p = byPark.get(r.parkId) ?? {
      parkId: r.parkId,
      parkName: r.parkName,
      total: 0,
      checked: 0,
      byCategory: zeroes(),
    };
    p.total += r.total;
    p.checked += r.checked;
    p.byCategory[r.category as StockCategory] += r.total;
    byPark.set(r.parkId, p);
  }
  return [...byPark.values()].sort((a, b) => a.parkName.localeCompare(b.parkName, "zh-CN"));
}

/** A stock site checked on the ground: its class confirmed or corrected, with a note and evidence. */
export async function checkSite(ctx: ActorCtx, id: string, input: z.infer<typeof checkBody>) {
  return inTx(ctx, async (tx) => {
    const before = await getSite(tx, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "site.manage");
    if (input.checkedOn > today(tx))
      throw invalid("checkedOn", "核查日期不能晚于今天", "The date is in the future");
    await assertFiles(tx, "fileIds", input.fileIds);
    const done = await tx.db
      .update(site)
      .set({
        stockCategory: input.stockCategory,
        checkedOn: input.checkedOn,
        checkNote: input.checkNote,
        checkedBy: tx.actor.id,
        // The evidence joins the site's photos, so it stays with the site, not only in the audit.
        photoIds: [...new Set([...before.photoIds, ...input.fileIds])],
        version: input.version + 1,
        updatedAt: tx.now(),
      })
      .where(and(eq(site.id, id), eq(site.version, input.version)))
      .returning({ id: site.id });
    if (done.length === 0) throw stale();
    const after = (await getSite(tx, id))!;
    await audit(tx, {
      action: "check",
      subjectType: "site",
      subjectId: id,
      regionId: after.regionId,
      before: { stockCategory: before.stockCategory, checkedOn: before.checkedOn },
      after: { stockCategory: after.stockCategory, checkedOn: after.checkedOn, checkNote: after.checkNote },
      meta: { label: after.name, files: input.fileIds },
    });
    return after;
  });
}

/** Per park: available land and floor area, occupancy, land stock by category, recovered area by year. */
export async function parkFigures(ctx: ActorCtx): Promise<ParkFigures[]> {
  requirePermission(ctx.actor.permissions, "site.read");
  const w = siteScope(ctx.actor);
  const a = site.geometryAreaM2;
  const [totals, stock, recovered] = await Promise.all([
    ctx.db
      .select({
        parkId: site.parkId,
        parkName: park.name,
        landM2: sql`coalesce(sum(${a}) filter (where ${site.status} = 'available' and ${site.kind} = 'land'), 0)`,
        floorM2: sql`coalesce(sum(${a}) filter (where ${site.status} = 'available' and ${site.kind} <> 'land'), 0)`,
        totalM2: sql`coalesce(sum(${a}), 0)`,
        occupiedM2: sql`coalesce(sum(${a}) filter (where ${site.status} = 'occupied'), 0)`,
      })
      .from(site)
      .innerJoin(park, eq(park.id, site.parkId))
      .where(w)
      .groupBy(site.parkId, park.name),
    ctx.db
      .select({ parkId: site.parkId, category: site.stockCategory, m2: sql`sum(${a})` })
      .from(site)
      .where(and(w, isNotNull(site.stockCategory)))
      .groupBy(site.parkId, site.stockCategory),
    ctx.db
      .select({
        parkId: site.parkId,
        year: sql`extract(year from ${site.recoveredOn})::int`,
        m2: sql`sum(${a})`,
      })
      .from(site)
      .where(and(w, isNotNull(site.recoveredOn)))
      .groupBy(site.parkId, sql`extract(year from ${site.recoveredOn})::int`),
  ]);
  return totals
    .map((t) => {
      const stockM2 = zeroes();
      for (const s of stock.filter((x) => x.parkId === t.parkId))
        stockM2[s.category as StockCategory] = n(s.m2);
      const total = n(t.totalM2);
      return {
        parkId: t.parkId,
        parkName: t.parkName,
        availableLandM2: n(t.landM2),
        availableFloorM2: n(t.floorM2),
        totalM2: total,
        occupiedM2: n(t.occupiedM2),
        occupancy: total > 0 ? n(t.occupiedM2) / total : 0,
        stockM2,
        recoveredByYear: recovered
          .filter((r) => r.parkId === t.parkId)
          .map((r) => ({ year: n(r.year), m2: n(r.m2) }))
          .sort((x, y) => x.year - y.year),
      };
    })
    .sort((x, y) => x.parkName.localeCompare(y.parkName, "zh-CN"));
}
