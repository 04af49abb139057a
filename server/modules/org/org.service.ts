import type { z } from "zod";
import {
  asPolygon,
  type Crs,
  type GeoProblem,
  isProblem,
  PARK_MAX_SPAN_DEG,
  type PolygonGeometry,
  polygonProblems,
  toWgs84,
} from "../../../common/geo.js";
import type {
  departmentCreate,
  departmentUpdate,
  parkCreate,
  parkUpdate,
  regionCreate,
  teamCreate,
  teamUpdate,
} from "../../../common/org.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { assertRegionWritable, coversRegionPath } from "../../lib/scope.js";
import * as q from "./org.queries.js";
import { department, park, team } from "./org.table.js";
import * as rq from "./regions.queries.js";

type ParkRow = NonNullable<Awaited<ReturnType<typeof q.getPark>>>;
type TeamRow = NonNullable<Awaited<ReturnType<typeof q.getTeam>>>;
type DepartmentRow = NonNullable<Awaited<ReturnType<typeof q.getDepartment>>>;

/** A moved record must land in a region the actor may write to. */
async function checkRegion(ctx: ActorCtx, regionId: string | undefined, before?: { regionId: string }) {
  if (regionId && regionId !== before?.regionId) await assertRegionWritable(ctx.db, ctx.actor, regionId);
}

/** A park's outline as entered (WGS 84 or GCJ-02) → WGS 84, or a 400 naming what is wrong. */
function parkOutline(input: unknown, crs: Crs = "wgs84"): PolygonGeometry {
  const read = asPolygon(input);
  const poly = isProblem(read) ? null : toWgs84(read, crs);
  const problems = poly ? polygonProblems(poly, PARK_MAX_SPAN_DEG) : [read as GeoProblem];
  if (!poly || problems.length > 0) {
    const zh = `园区边界有误：${problems.map((p) => p.message).join("；")}`;
    throw new AppError("VALIDATION", { zh, en: "The park outline is not a valid polygon" }, [
      { path: "outline", message: zh },
    ]);
  }
  return poly;
}

const parks: RecordKind<ParkRow, z.infer<typeof parkCreate>> = {
  subjectType: "park",
  table: park,
  permission: "org.write",
  texts: {
    duplicate: { zh: "同一行政区下已有同名园区", en: "A park with this name already exists in the region" },
    field: "name",
    inUse: { zh: "园区下仍有子园区或招商队伍，不能删除", en: "The park still has sub-parks or teams" },
  },
  get: (ctx, id) => q.getPark(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    await checkRegion(ctx, input.regionId, before);
    if (input.outline != null) parkOutline(input.outline, input.outlineCrs);
    const parentId = input.parentId;
    if (!parentId) return;
    if (parentId === before?.id) {
      throw new AppError("VALIDATION", { zh: "上级园区不能是自己", en: "A park cannot be its own parent" });
    }
    const parent = await q.getPark(ctx.db, ctx.actor, parentId);
    if (!parent) throw notFound();
    // 一区多园 is one level deep: a sub-park's parent is a top-level park.
    if (parent.parentId) {
      throw new AppError("VALIDATION", {
        zh: "上级园区只能是一级园区",
        en: "The parent must be a top-level park",
      });
    }
  },
  derive: (input) =>
    input.outline === undefined
      ? {}
      : { outline: input.outline === null ? null : parkOutline(input.outline, input.outlineCrs) },
};

const teams: RecordKind<TeamRow, z.infer<typeof teamCreate>> = {
  subjectType: "team",
  table: team,
  permission: "org.write",
  texts: {
    duplicate: { zh: "同一行政区下已有同名队伍", en: "A team with this name already exists in the region" },
    field: "name",
    inUse: { zh: "队伍仍被引用，不能删除", en: "The team is still referenced" },
  },
  get: (ctx, id) => q.getTeam(ctx.db, ctx.actor, id),
  check: async (ctx, input, before) => {
    await checkRegion(ctx, input.regionId, before);
    if (input.parkId && !(await q.getPark(ctx.db, ctx.actor, input.parkId))) throw notFound();
  },
};

const departments: RecordKind<DepartmentRow, z.infer<typeof departmentCreate>> = {
  subjectType: "department",
  table: department,
  permission: "org.write",
  texts: {
    duplicate: {
      zh: "同一行政区下已有同名部门",
      en: "A department with this name already exists in the region",
    },
    field: "name",
    inUse: { zh: "部门下仍有用户或事项，不能删除", en: "The department still has users or items" },
  },
  get: (ctx, id) => q.getDepartment(ctx.db, ctx.actor, id),
  check: (ctx, input, before) => checkRegion(ctx, input.regionId, before),
};

export const createPark = (ctx: ActorCtx, input: z.infer<typeof parkCreate>) =>
  createRecord(ctx, parks, input);
export const updatePark = (ctx: ActorCtx, id: string, input: z.infer<typeof parkUpdate>) =>
  updateRecord(ctx, parks, id, input);
export const deletePark = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, parks, id, version);

export const createTeam = (ctx: ActorCtx, input: z.infer<typeof teamCreate>) =>
  createRecord(ctx, teams, input);
export const updateTeam = (ctx: ActorCtx, id: string, input: z.infer<typeof teamUpdate>) =>
  updateRecord(ctx, teams, id, input);
export const deleteTeam = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, teams, id, version);

export const createDepartment = (ctx: ActorCtx, input: z.infer<typeof departmentCreate>) =>
  createRecord(ctx, departments, input);
export const updateDepartment = (ctx: ActorCtx, id: string, input: z.infer<typeof departmentUpdate>) =>
  updateRecord(ctx, departments, id, input);
export const deleteDepartment = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, departments, id, version);

/** Adds a platform (no code) or a coded region under a region in the actor's scope. */
export async function createRegion(ctx: ActorCtx, input: z.infer<typeof regionCreate>) {
  requirePermission(ctx.actor.permissions, "org.write");
  return inTx(ctx, async (tx) => {
    await assertRegionWritable(tx.db, tx.actor, input.parentId);
    const parent = (await rq.regionById(tx.db, input.parentId))!;
    if (await rq.regionNameTaken(tx.db, parent.id, input.name)) {
      throw new AppError("DUPLICATE", {
        zh: "该上级行政区下已有同名平台",
        en: "A region with this name exists under the parent",
      });
    }
    const id = newId();
    const code = input.code ?? null;
    const row = {
      id,
      code,
      name: input.name,
      level: code ? codedLevel(parent, code) : "platform",
      parentId: parent.id,
      path: `${parent.path}${id}/`,
    };
    await mapConstraint(() => rq.insertRegion(tx.db, row), {
      duplicate: { zh: "行政区划代码已存在", en: "This division code already exists" },
      field: "code",
    });
    await audit(tx, {
      action: "create",
      subjectType: "region",
      subjectId: id,
      regionId: parent.id,
      after: row,
      meta: { label: row.name },
    });
    return (await rq.regionById(tx.db, id))!;
  });
}

/**
 * A coded region is a city under a province or a county-level unit under a city,
 * and its code continues the parent's (GB/T 2260: 2 digits province, 2 city, 2 county).
 */
function codedLevel(parent: rq.RegionRow, code: string): "city" | "county" {
  const bad = (zh: string, en: string) =>
    new AppError("VALIDATION", { zh, en }, [{ path: "code", message: zh }]);
  if (!parent.code || (parent.level !== "province" && parent.level !== "city")) {
    throw bad(
      "只有省、市之下可新增带代码的行政区；平台请留空代码",
      "Only provinces and cities take coded children",
    );
  }
  const prefix = parent.level === "province" ? 2 : 4;
  if (code.slice(0, prefix) !== parent.code.slice(0, prefix)) {
    throw bad(
      `代码应以上级代码的前 ${prefix} 位 ${parent.code.slice(0, prefix)} 开头`,
      "The code must continue the parent's code",
    );
  }
  return parent.level === "province" ? "city" : "county";
}

/** Platforms (added by users, no code) can be renamed; national divisions cannot. */
export async function renamePlatform(ctx: ActorCtx, id: string, name: string) {
  requirePermission(ctx.actor.permissions, "org.write");
  return inTx(ctx, async (tx) => {
    const before = await platformForWrite(tx, id);
    if (before.name !== name && (await rq.regionNameTaken(tx.db, before.parentId!, name))) {
      throw new AppError(
        "DUPLICATE",
        { zh: "该上级行政区下已有同名平台", en: "The parent already has a region with this name" },
        [{ path: "name", message: "该上级行政区下已有同名平台" }],
      );
    }
    await rq.renameRegion(tx.db, id, name);
    await audit(tx, {
      action: "update",
      subjectType: "region",
      subjectId: id,
      regionId: before.parentId,
      before: { name: before.name },
      after: { name },
      meta: { label: name },
    });
    return (await rq.regionById(tx.db, id))!;
  });
}

/** Deletes a platform nothing points at (no sub-regions, parks, teams, departments or users). */
export async function deletePlatform(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor.permissions, "org.write");
  await inTx(ctx, async (tx) => {
    const before = await platformForWrite(tx, id);
    await mapConstraint(() => rq.deleteRegion(tx.db, id), {
      inUse: { zh: "平台下仍有下级、园区、队伍、部门或用户，不能删除", en: "The platform is still in use" },
    });
    await audit(tx, {
      action: "delete",
      subjectType: "region",
      subjectId: id,
      regionId: before.parentId,
      before: { name: before.name, code: before.code },
      meta: { label: before.name },
    });
  });
}

async function platformForWrite(ctx: ActorCtx, id: string) {
  const row = await rq.regionById(ctx.db, id);
  if (!row || !coversRegionPath(ctx.actor, row.path)) throw notFound();
  if (row.level !== "platform" || !row.parentId) {
    throw new AppError("FORBIDDEN", {
      zh: "国家行政区划不能修改或删除",
      en: "National divisions cannot be changed",
    });
  }
  return row;
}
