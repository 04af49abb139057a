import { and, eq } from "drizzle-orm";
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
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable } from "../../lib/scope.js";
import * as q from "./org.queries.js";
import { department, park, team } from "./org.table.js";
import * as rq from "./regions.queries.js";

type ParkCreate = z.infer<typeof parkCreate>;
type ParkUpdate = z.infer<typeof parkUpdate>;

const parkTexts = {
  duplicate: { zh: "同一行政区下已有同名园区", en: "A park with this name already exists in the region" },
  field: "name",
  inUse: { zh: "园区下仍有子园区或招商队伍，不能删除", en: "The park still has sub-parks or teams" },
};
const teamTexts = {
  duplicate: { zh: "同一行政区下已有同名队伍", en: "A team with this name already exists in the region" },
  field: "name",
  inUse: { zh: "队伍仍被引用，不能删除", en: "The team is still referenced" },
};
const departmentTexts = {
  duplicate: {
    zh: "同一行政区下已有同名部门",
    en: "A department with this name already exists in the region",
  },
  field: "name",
  inUse: { zh: "部门下仍有用户或事项，不能删除", en: "The department still has users or items" },
};

/** Reads a record in scope or 404; then checks the permission (403 inside scope). */
async function loadForWrite<T>(ctx: ActorCtx, load: () => Promise<T | null>): Promise<T> {
  const row = await load();
  if (!row) throw notFound();
  requirePermission(ctx.actor.permissions, "org.write");
  return row;
}

async function checkParent(ctx: ActorCtx, parentId: string | null | undefined, selfId?: string) {
  if (!parentId) return;
  if (parentId === selfId)
    throw new AppError("VALIDATION", { zh: "上级园区不能是自己", en: "A park cannot be its own parent" });
  const parent = await q.getPark(ctx.db, ctx.actor, parentId);
  if (!parent) throw notFound();
  if (parent.parentId) {
    throw new AppError("VALIDATION", {
      zh: "上级园区只能是一级园区",
      en: "The parent must be a top-level park",
    });
  }
}

export async function createPark(ctx: ActorCtx, input: ParkCreate) {
  requirePermission(ctx.actor.permissions, "org.write");
  return inTx(ctx, async (tx) => {
    await assertRegionWritable(tx.db, tx.actor, input.regionId);
    await checkParent(tx, input.parentId);
    const id = newId();
    await mapConstraint(() => tx.db.insert(park).values({ id, ...input }), parkTexts);
    const created = (await q.getPark(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "park",
      subjectId: id,
      regionId: input.regionId,
      after: created,
    });
    return created;
  });
}

export async function updatePark(ctx: ActorCtx, id: string, input: ParkUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getPark(tx.db, tx.actor, id));
    if (input.regionId && input.regionId !== before.regionId)
      await assertRegionWritable(tx.db, tx.actor, input.regionId);
    await checkParent(tx, input.parentId, id);
    const { version, ...patch } = input;
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(park)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(park.id, id), eq(park.version, version)))
          .returning({ id: park.id }),
      parkTexts,
    );
    if (rows.length === 0) throw stale();
    const after = (await q.getPark(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "park",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

export async function deletePark(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getPark(tx.db, tx.actor, id));
    if (before.version !== version) throw stale();
    await mapConstraint(() => tx.db.delete(park).where(eq(park.id, id)), parkTexts);
    await audit(tx, {
      action: "delete",
      subjectType: "park",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

type TeamCreate = z.infer<typeof teamCreate>;
type TeamUpdate = z.infer<typeof teamUpdate>;

async function checkTeamPark(ctx: ActorCtx, parkId: string | null | undefined) {
  if (parkId && !(await q.getPark(ctx.db, ctx.actor, parkId))) throw notFound();
}

export async function createTeam(ctx: ActorCtx, input: TeamCreate) {
  requirePermission(ctx.actor.permissions, "org.write");
  return inTx(ctx, async (tx) => {
    await assertRegionWritable(tx.db, tx.actor, input.regionId);
    await checkTeamPark(tx, input.parkId);
    const id = newId();
    await mapConstraint(() => tx.db.insert(team).values({ id, ...input }), teamTexts);
    const created = (await q.getTeam(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "team",
      subjectId: id,
      regionId: input.regionId,
      after: created,
    });
    return created;
  });
}

export async function updateTeam(ctx: ActorCtx, id: string, input: TeamUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getTeam(tx.db, tx.actor, id));
    if (input.regionId && input.regionId !== before.regionId)
      await assertRegionWritable(tx.db, tx.actor, input.regionId);
    await checkTeamPark(tx, input.parkId);
    const { version, ...patch } = input;
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(team)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(team.id, id), eq(team.version, version)))
          .returning({ id: team.id }),
      teamTexts,
    );
    if (rows.length === 0) throw stale();
    const after = (await q.getTeam(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "team",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

export async function deleteTeam(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getTeam(tx.db, tx.actor, id));
    if (before.version !== version) throw stale();
    await mapConstraint(() => tx.db.delete(team).where(eq(team.id, id)), teamTexts);
    await audit(tx, {
      action: "delete",
      subjectType: "team",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

type DepartmentCreate = z.infer<typeof departmentCreate>;
type DepartmentUpdate = z.infer<typeof departmentUpdate>;

export async function createDepartment(ctx: ActorCtx, input: DepartmentCreate) {
  requirePermission(ctx.actor.permissions, "org.write");
  return inTx(ctx, async (tx) => {
    await assertRegionWritable(tx.db, tx.actor, input.regionId);
    const id = newId();
    await mapConstraint(() => tx.db.insert(department).values({ id, ...input }), departmentTexts);
    const created = (await q.getDepartment(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "department",
      subjectId: id,
      regionId: input.regionId,
      after: created,
    });
    return created;
  });
}

export async function updateDepartment(ctx: ActorCtx, id: string, input: DepartmentUpdate) {
  return inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getDepartment(tx.db, tx.actor, id));
    if (input.regionId && input.regionId !== before.regionId)
      await assertRegionWritable(tx.db, tx.actor, input.regionId);
    const { version, ...patch } = input;
    const rows = await mapConstraint(
      () =>
        tx.db
          .update(department)
          .set({ ...patch, version: version + 1, updatedAt: tx.now() })
          .where(and(eq(department.id, id), eq(department.version, version)))
          .returning({ id: department.id }),
      departmentTexts,
    );
    if (rows.length === 0) throw stale();
    const after = (await q.getDepartment(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "department",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.name },
    });
    return after;
  });
}

export async function deleteDepartment(ctx: ActorCtx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const before = await loadForWrite(tx, () => q.getDepartment(tx.db, tx.actor, id));
    if (before.version !== version) throw stale();
    await mapConstraint(() => tx.db.delete(department).where(eq(department.id, id)), departmentTexts);
    await audit(tx, {
      action: "delete",
      subjectType: "department",
      subjectId: id,
      regionId: before.regionId,
      before,
      meta: { label: before.name },
    });
  });
}

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
