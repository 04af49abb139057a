import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type {
  allocationAct,
  allocationCreate,
  UnitCreate,
  UnitQuery,
  UnitRow,
  unitUpdate,
} from "../../../common/talent.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { createRecord, deleteRecord, type RecordKind, updateRecord } from "../../lib/records.js";
import { getPark } from "../org/org.queries.js";
import * as aq from "./apartments.queries.js";
import * as q from "./talent.queries.js";
import { invalid, today } from "./talent.service.js";
import { talentAllocation, talentUnit } from "./talent.table.js";

type UnitInput = UnitCreate & { regionId: string };
const unitKind: RecordKind<UnitRow, UnitInput> = {
  subjectType: "talent_unit",
  table: talentUnit,
  permission: "talent.manage",
  texts: {
    duplicate: { zh: "该园区同一楼栋已有此房号", en: "This unit number exists in the building" },
    field: "name",
    inUse: { zh: "该房源已有分配记录，不能删除", en: "The unit has allocations" },
  },
  get: (ctx, id) => aq.getUnit(ctx.db, ctx.actor, id, today(ctx)),
  check: async () => {},
};

async function parkRegion(ctx: ActorCtx, parkId: string) {
  const p = await getPark(ctx.db, ctx.actor, parkId);
  if (!p) throw invalid("parkId", "园区不存在或不在您的管辖范围内", "Unknown park");
  return p.regionId;
}

export function listUnits(ctx: ActorCtx, query: UnitQuery) {
  requirePermission(ctx.actor.permissions, "talent.read");
  return aq.listUnits(ctx.db, ctx.actor, query, today(ctx));
}
export const getUnit = (ctx: ActorCtx, id: string) => aq.getUnit(ctx.db, ctx.actor, id, today(ctx));
export async function createUnit(ctx: ActorCtx, input: UnitCreate) {
  requirePermission(ctx.actor.permissions, "talent.manage");
  return createRecord(ctx, unitKind, { ...input, regionId: await parkRegion(ctx, input.parkId) });
}
export async function updateUnit(ctx: ActorCtx, id: string, input: z.infer<typeof unitUpdate>) {
  const before = await getUnit(ctx, id);
  if (!before) throw notFound();
  const patch: Partial<UnitInput> & { version: number } = { ...input };
  if (input.parkId && input.parkId !== before.parkId) patch.regionId = await parkRegion(ctx, input.parkId);
  return updateRecord(ctx, unitKind, id, patch);
}
export const deleteUnit = (ctx: ActorCtx, id: string, version: number) =>
  deleteRecord(ctx, unitKind, id, version);

export async function unitAllocations(ctx: ActorCtx, unitId: string) {
  if (!(await getUnit(ctx, unitId))) throw notFound();
  requirePermission(ctx.actor.permissions, "talent.read");
  return aq.allocationsOfUnit(ctx.db, unitId);
}

/** Allocates a unit to a talent; the unit's row lock makes a concurrent overlapping allocation wait and fail. */
export async function allocate(ctx: ActorCtx, unitId: string, input: z.infer<typeof allocationCreate>) {
  return inTx(ctx, async (tx) => {
    const unit = await getUnit(tx, unitId);
    if (!unit) throw notFound();
    requirePermission(tx.actor.permissions, "talent.manage");
    const person = await q.getTalent(tx.db, tx.actor, input.talentId);
    if (!person) throw invalid("talentId", "人才不存在或不在您的管辖范围内", "Unknown talent");
    await aq.lockUnit(tx.db, unitId);
    const clash = await aq.overlapping(tx.db, unitId, input.fromOn, input.toOn);
    if (clash.length > 0) {
      const c = clash[0]!;
      throw new AppError(
        "CONFLICT",
        {
          zh: `${unit.building} ${unit.name} 在 ${c.fromOn} 至 ${c.toOn} 已分配给 ${c.talentName}，与所选日期重叠，不能重复分配`,
          en: `The unit is allocated to ${c.talentName} from ${c.fromOn} to ${c.toOn}`,
        },
        [{ path: "fromOn", message: `与 ${c.talentName}（${c.fromOn} 至 ${c.toOn}）的分配重叠` }],
      );
    }
    const id = newId();
    await tx.db
      .insert(talentAllocation)
      .values({ id, regionId: unit.regionId, unitId, ...input, note: input.note ?? null });
    await audit(tx, {
      action: "talent.allocate",
      subjectType: "talent_unit",
      subjectId: unitId,
      regionId: unit.regionId,
      after: { talent: person.name, fromOn: input.fromOn, toOn: input.toOn },
      meta: { label: `${unit.building} ${unit.name}`, allocation: id },
    });
    return (await aq.getAllocation(tx.db, tx.actor, id))!;
  });
}

/** 入住 and 退房: check-in within the allocation's dates; check-out frees the unit from that day. */
export async function actOnAllocation(
  ctx: ActorCtx,
  id: string,
  act: "check_in" | "check_out",
  input: z.infer<typeof allocationAct>,
) {
  return inTx(ctx, async (tx) => {
    const a = await aq.getAllocation(tx.db, tx.actor, id);
    if (!a) throw notFound();
    requirePermission(tx.actor.permissions, "talent.manage");
    if (a.version !== input.version) throw stale();
    if (act === "check_in") {
      if (a.checkedInOn) throw new AppError("CONFLICT", { zh: "已办理入住", en: "Already checked in" });
      if (input.on < a.fromOn || input.on > a.toOn) {
        throw invalid("on", `入住日期须在分配期 ${a.fromOn} 至 ${a.toOn} 内`, "Outside the allocation");
      }
    } else {
      if (!a.checkedInOn) throw new AppError("CONFLICT", { zh: "尚未入住，不能退房", en: "Not checked in" });
      if (a.checkedOutOn) throw new AppError("CONFLICT", { zh: "已办理退房", en: "Already checked out" });
      if (input.on < a.checkedInOn) {
        throw invalid("on", `退房日期不能早于入住日期 ${a.checkedInOn}`, "Before check-in");
      }
    }
    const set = act === "check_in" ? { checkedInOn: input.on } : { checkedOutOn: input.on };
    const rows = await tx.db
      .update(talentAllocation)
      .set({ ...set, version: input.version + 1, updatedAt: tx.now() })
      .where(and(eq(talentAllocation.id, id), eq(talentAllocation.version, input.version)))
      .returning({ id: talentAllocation.id });
    if (rows.length === 0) throw stale();
    await audit(tx, {
      action: act === "check_in" ? "talent.check_in" : "talent.check_out",
      subjectType: "talent_unit",
      subjectId: a.unitId,
      regionId: (await getUnit(tx, a.unitId))!.regionId,
      after: { talent: a.talentName, ...set },
      meta: { label: `${a.building} ${a.unitName}`, allocation: id },
    });
    return (await aq.getAllocation(tx.db, tx.actor, id))!;
  });
}

export async function occupancy(ctx: ActorCtx, parkId?: string) {
  requirePermission(ctx.actor.permissions, "talent.read");
  return aq.occupancy(ctx.db, ctx.actor, today(ctx), parkId);
}
