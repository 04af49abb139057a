import { and, asc, eq } from "drizzle-orm";
import type { PolygonGeometry } from "../../../common/geo.js";
import type { DbOrTx } from "../../db/client.js";
import { auditBatch } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import type { ImportRunInfo } from "../../lib/importer/importer.types.js";
import { site, siteImportStage } from "./sites.table.js";

/**
 * One sheet row, checked: the geometry in WGS 84 with its box and area, areas in m², money in
 * fen. `kind` and `status` are null when the cell was blank (an update keeps the stored value; a
 * new site takes the default kind and 可供应).
 */
export interface StagedSite {
  parkId: string;
  regionId: string;
  name: string;
  code: string | null;
  kind: string | null;
  defaultKind: string;
  geometry: PolygonGeometry;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
  geometryAreaM2: number;
  areaM2: number | null;
  landUse: string | null;
  plotRatioMax: number | null;
  heightMaxM: number | null;
  floorLoadKnM2: number | null;
  powerKva: number | null;
  status: string | null;
  stockCategory: string | null;
  owner: string | null;
  priceFen: number | null;
  rentFenM2Month: number | null;
  certificateNo: string | null;
  address: string | null;
  note: string | null;
  /** the polygon is a square built from the centre point and the area */
  approximate: boolean;
  /** what the dry run reports without refusing the row (a stated area far from the polygon's) */
  warnings: string[];
}

export async function stageSites(db: DbOrTx, jobId: string, rows: { rowNo: number; row: StagedSite }[]) {
  if (rows.length === 0) return;
  await db.insert(siteImportStage).values(rows.map((r) => ({ jobId, rowNo: r.rowNo, row: { ...r.row } })));
}

export async function clearSiteStage(db: DbOrTx, jobId: string) {
  await db.delete(siteImportStage).where(eq(siteImportStage.jobId, jobId));
}

async function staged(db: DbOrTx, jobId: string) {
  const rows = await db
    .select()
    .from(siteImportStage)
    .where(eq(siteImportStage.jobId, jobId))
    .orderBy(asc(siteImportStage.rowNo));
  return rows.map((r) => ({ rowNo: r.rowNo, row: r.row as unknown as StagedSite }));
}

/** The warnings of a dry run's staged rows, by row (empty once committed or refused). */
export async function stagedWarnings(db: DbOrTx, jobId: string) {
  const out: { rowNo: number; name: string; message: string }[] = [];
  for (const { rowNo, row } of await staged(db, jobId)) {
    if (row.approximate) out.push({ rowNo, name: row.name, message: "按中心点与面积生成近似图形" });
    for (const message of row.warnings) out.push({ rowNo, name: row.name, message });
  }
  return out;
}

/** The sites a row would update: by 编号 within the park, else by park and name. */
async function matches(db: DbOrTx, r: StagedSite, lock = false) {
  const q = db
    .select({ id: site.id, version: site.version, status: site.status })
    .from(site)
    .where(and(eq(site.parkId, r.parkId), r.code ? eq(site.code, r.code) : eq(site.name, r.name)))
    .orderBy(asc(site.createdAt))
    .limit(2);
  return lock ? q.for("update") : q;
}

export async function reviewSites(ctx: ActorCtx, run: ImportRunInfo) {
  let create = 0;
  let update = 0;
  const problems: { rowNo: number; key: string | null; message: string }[] = [];
  for (const { rowNo, row } of await staged(ctx.db, run.jobId)) {
    const found = await matches(ctx.db, row);
    if (found.length === 0) {
      create++;
      continue;
    }
    if (found.length > 1) {
      problems.push({
        rowNo,
        key: row.code ? "code" : "name",
        message: row.code
          ? `园区内有多个编号为“${row.code}”的空间，无法确定更新哪一个`
          : `园区内有多个名为“${row.name}”的空间，请填写编号以区分`,
      });
      continue;
    }
    if (found[0]!.status === "reserved" && row.status && row.status !== "reserved") {
      problems.push({
        rowNo,
        key: "status",
        message: "该空间已为项目预留，导入不能改变其状态：请先在项目页解除预留",
      });
      continue;
    }
    update++;
  }
  return { problems, create, update };
}

/** Import column keys → site columns: on update only the mapped ones are written. */
const fieldOfKey = {
  name: "name",
  code: "code",
  kind: "kind",
  landUse: "landUse",
  stockCategory: "stockCategory",
  status: "status",
  area: "areaM2",
  plotRatio: "plotRatioMax",
  height: "heightMaxM",
  floorLoad: "floorLoadKnM2",
  power: "powerKva",
  price: "priceFen",
  rent: "rentFenM2Month",
  owner: "owner",
  certificateNo: "certificateNo",
  address: "address",
  note: "note",
} as const satisfies Record<string, keyof StagedSite>;

const geometryOf = (r: StagedSite) => ({
  geometry: r.geometry,
  minLng: r.minLng,
  minLat: r.minLat,
  maxLng: r.maxLng,
  maxLat: r.maxLat,
  geometryAreaM2: r.geometryAreaM2,
});

/** One transaction: every staged row creates or updates its site; one audit entry per region. */
export function commitSites(ctx: ActorCtx, run: ImportRunInfo) {
  return inTx(ctx, async (tx) => {
    const rows = await staged(tx.db, run.jobId);
    if (run.validRows !== undefined && rows.length < run.validRows) {
      throw new AppError("CONFLICT", {
        zh: "试导入的结果已失效，请重新试导入",
        en: "The dry run is stale; run it again",
      });
    }
    const today = chinaDay(tx.now());
    const touched = new Map<string, { created: string[]; updated: string[] }>();
    for (const { row: r } of rows) {
      const [before] = await matches(tx.db, r, true);
      const seen = touched.get(r.regionId) ?? { created: [], updated: [] };
      touched.set(r.regionId, seen);
      if (before) {
        const patch: Record<string, unknown> = {};
        for (const key of run.mapped) {
          const field = fieldOfKey[key as keyof typeof fieldOfKey];
          if (!field) continue;
          const value = r[field];
          // Blank cells keep the stored value unless the user chose "blank clears".
          if (value !== null || (run.blankClears && field !== "kind" && field !== "status")) {
            patch[field] = value;
          }
        }
        if (r.approximate) patch.note = r.note;
        if (before.status === "to_recover" && r.status && r.status !== "to_recover") {
          patch.recoveredOn = today;
        }
        if (r.status === "available") Object.assign(patch, { projectId: null, reservedOn: null });
        await tx.db
          .update(site)
          .set({ ...patch, ...geometryOf(r), version: before.version + 1, updatedAt: tx.now() })
          .where(eq(site.id, before.id));
        seen.updated.push(before.id);
      } else {
        const id = newId();
        await tx.db.insert(site).values({
          id,
          regionId: r.regionId,
          parkId: r.parkId,
          name: r.name,
          code: r.code,
          kind: r.kind ?? r.defaultKind,
          ...geometryOf(r),
          areaM2: r.areaM2,
          landUse: r.landUse,
          plotRatioMax: r.plotRatioMax,
          heightMaxM: r.heightMaxM,
          floorLoadKnM2: r.floorLoadKnM2,
          powerKva: r.powerKva,
          status: r.status ?? "available",
          stockCategory: r.stockCategory,
          owner: r.owner,
          priceFen: r.priceFen,
          rentFenM2Month: r.rentFenM2Month,
          certificateNo: r.certificateNo,
          address: r.address,
          note: r.note,
          createdAt: tx.now(),
          updatedAt: tx.now(),
        });
        seen.created.push(id);
      }
    }
    let created = 0;
    let updated = 0;
    for (const [regionId, ids] of touched) {
      created += ids.created.length;
      updated += ids.updated.length;
      await auditBatch(tx, {
        action: "import",
        subjectType: "site",
        regionId,
        ids: [...ids.created, ...ids.updated],
        counts: { created: ids.created.length, updated: ids.updated.length },
        meta: { file: run.fileName, job: run.jobId },
      });
    }
    return { created, updated };
  });
}
