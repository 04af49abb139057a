import { and, eq } from "drizzle-orm";
import {
  asPolygon,
  bboxOf,
  type Crs,
  geodesicArea,
  isProblem,
  type PolygonGeometry,
  polygonProblems,
  toWgs84,
} from "../../../common/geo.js";
import type {
  SiteCreate,
  SiteQuery,
  SiteRow,
  SiteUpdate,
  ViewportQuery,
} from "../../../common/site.schema.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound } from "../../lib/errors.js";
import { getFile } from "../../lib/files/files.service.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { registerSubject } from "../../lib/subjects.js";
import { getPark } from "../org/org.queries.js";
import * as q from "./sites.queries.js";
import { site } from "./sites.table.js";

export const invalid = (path: string, zh: string, en: string) =>
  new AppError("VALIDATION", { zh, en }, [{ path, message: zh }]);
export const today = (ctx: ActorCtx) => chinaDay(ctx.now());

/** The columns a checked WGS-84 polygon gives: itself, its box and its geodesic area. */
export interface GeometryColumns {
  geometry: PolygonGeometry;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  geometryAreaM2: number;
}

/**
 * Checks a polygon as entered (converting GCJ-02 first) and gives its columns, or the list of
 * problems in Chinese. Used by the form and by every feature of an import.
 */
export function geometryColumns(input: unknown, crs: Crs): GeometryColumns | { problems: string[] } {
  const read = asPolygon(input);
  if (isProblem(read)) return { problems: [read.message] };
  const poly = toWgs84(read, crs);
  const problems = polygonProblems(poly);
  if (problems.length > 0) return { problems: problems.map((p) => p.message) };
  return { geometry: poly, ...bboxOf(poly), geometryAreaM2: geodesicArea(poly) };
}

function checkedGeometry(input: unknown, crs: Crs): GeometryColumns {
  const g = geometryColumns(input, crs);
  if ("problems" in g) {
    throw new AppError(
      "VALIDATION",
      { zh: `图形有误：${g.problems.join("；")}`, en: "The polygon is invalid" },
      g.problems.map((message) => ({ path: "geometry", message })),
    );
  }
  return g;
}

type SiteInput = Omit<SiteCreate, "geometry" | "geometryCrs"> &
  GeometryColumns & { regionId: string; recoveredOn?: string | null };

const siteKind: RecordKind<SiteRow, SiteInput> = {
  subjectType: "site",
  table: site,
  permission: "site.manage",
  texts: {},
  get: (ctx, id) => q.getSite(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    await assertFiles(ctx, "photoIds", input.photoIds);
    if (input.status === "reserved" && before?.status !== "reserved") {
      throw invalid("status", "预留请在项目页的空间需求中操作", "Reserve a site from the project page");
    }
    if (before?.status === "reserved" && input.status && input.status !== "reserved") {
      throw invalid("status", "该空间已为项目预留，请先解除预留", "Release the reservation first");
    }
  },
};

/** Photos and evidence must be files the user can open (uploaded by them or in their scope). */
export async function assertFiles(ctx: ActorCtx, path: string, ids: readonly string[] | undefined) {
  for (const id of ids ?? []) {
    try {
      await getFile(ctx, id);
    } catch {
      throw invalid(path, "照片或证明材料文件不存在，请重新上传", "Unknown file");
    }
  }
}

/** The park in scope, whose region the site takes (404 outside scope). */
async function parkRegion(ctx: ActorCtx, parkId: string) {
  const p = await getPark(ctx.db, ctx.actor, parkId);
  if (!p) throw invalid("parkId", "园区不存在或不在您的管辖范围内", "Unknown park");
  return p.regionId;
}

export function listSites(ctx: ActorCtx, query: SiteQuery) {
  requirePermission(ctx.actor.permissions, "site.read");
  return q.listSites(ctx.db, ctx.actor, query);
}
export const getSite = (ctx: ActorCtx, id: string) => q.getSite(ctx.db, ctx.actor, id);

export async function createSite(ctx: ActorCtx, input: SiteCreate): Promise<SiteRow> {
  requirePermission(ctx.actor.permissions, "site.manage");
  const { geometry, geometryCrs, ...rest } = input;
  const g = checkedGeometry(geometry, geometryCrs);
  return createRecord(ctx, siteKind, { ...rest, ...g, regionId: await parkRegion(ctx, input.parkId) });
}

export async function updateSite(ctx: ActorCtx, id: string, input: SiteUpdate): Promise<SiteRow> {
  const before = await q.getSite(ctx.db, ctx.actor, id);
  if (!before) throw notFound();
  requirePermission(ctx.actor.permissions, "site.manage");
  const { geometry, geometryCrs, ...rest } = input;
  const patch: Partial<SiteInput> & { version: number } = { ...rest };
  if (geometry !== undefined) Object.assign(patch, checkedGeometry(geometry, geometryCrs ?? "wgs84"));
  if (input.parkId && input.parkId !== before.parkId) patch.regionId = await parkRegion(ctx, input.parkId);
  // 腾笼换鸟: a site brought back from 待收回 counts toward the year's recovered area.
  if (before.status === "to_recover" && input.status && input.status !== "to_recover") {
    patch.recoveredOn = today(ctx);
  }
  if (input.status === "available") Object.assign(patch, { projectId: null, reservedOn: null });
  return updateRecord(ctx, siteKind, id, patch);
}

export async function deleteSite(ctx: ActorCtx, id: string, version: number) {
  const before = await q.getSite(ctx.db, ctx.actor, id);
  if (before?.status === "reserved") {
    throw new AppError("CONFLICT", {
      zh: `该空间已为项目“${before.projectName}”预留，请先解除预留再删除`,
      en: "The site is reserved for a project; release it first",
    });
  }
  return deleteRecord(ctx, siteKind, id, version);
}

export function viewport(ctx: ActorCtx, query: ViewportQuery) {
  requirePermission(ctx.actor.permissions, "site.read");
  return q.viewport(ctx.db, ctx.actor, query);
}

export async function parkExtents(ctx: ActorCtx, parkId?: string) {
  requirePermission(ctx.actor.permissions, "site.read");
  return q.parkExtents(ctx.db, ctx.actor, parkId);
}

/** Writes a batch of checked sites in the caller's transaction (the import). */
export async function insertSites(ctx: ActorCtx, rows: SiteCreate[]) {
  return inTx(ctx, async (tx) => {
    const out: SiteRow[] = [];
    for (const r of rows) out.push(await createSite(tx, r));
    return out;
  });
}

registerSubject("site", async (ctx, id) => {
  const s = await q.getSite(ctx.db, ctx.actor, id);
  if (!s) return null;
  return {
    regionId: s.regionId,
    label: s.name,
    enterpriseIds: s.enterpriseIds,
    writable: ctx.actor.permissions.has("site.manage"),
  };
});

/** The site's row, locked, for a reservation change. */
export async function lockSite(ctx: ActorCtx, id: string) {
  const [row] = await ctx.db.select().from(site).where(eq(site.id, id)).for("update");
  return row;
}

export async function setHolder(
  ctx: ActorCtx,
  id: string,
  version: number,
  set: { status: string; projectId: string | null; reservedOn: string | null },
) {
  return ctx.db
    .update(site)
    .set({ ...set, version: version + 1, updatedAt: ctx.now() })
    .where(and(eq(site.id, id), eq(site.version, version)))
    .returning({ id: site.id });
}
