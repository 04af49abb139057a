import type { z } from "zod";
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
import { assertRegionWritable } from "../../lib/scope.js";
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
    const row = {
      id,
      code: input.code ?? null,
      name: input.name,
      level: "platform",
      parentId: parent.id,
      path: `${parent.path}${id}/`,
    };
    await mapConstraint(() => rq.insertRegion(tx.db, row), {
      duplicate: { zh: "行政区划代码已存在", en: "This division code already exists" },
    });
    await audit(tx, {
      action: "create",
      subjectType: "region",
      subjectId: id,
      regionId: parent.id,
      after: row,
    });
    return (await rq.regionById(tx.db, id))!;
  });
}
