import { and, asc, count, desc, eq, ilike, ne, or, sql } from "drizzle-orm";
import type { AllocationRow, OccupancyRow, UnitQuery, UnitRow } from "../../../common/talent.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { park } from "../org/org.table.js";
import { talent, talentAllocation, talentUnit } from "./talent.table.js";

export const unitScope = (a: Actor) =>
  scopeWhere(a, { region: talentUnit.regionId, park: talentUnit.parkId });

/** An allocation holds its unit from its first day to its last, or to the day before check-out. */
const holdsOn = (day: string) =>
  sql`${talentAllocation.fromOn} <= ${day} and ${day} <= ${talentAllocation.toOn} and (${talentAllocation.checkedOutOn} is null or ${talentAllocation.checkedOutOn} > ${day})`;

const occupantOn = (day: string) =>
  sql<
    string | null
  >`(select t.name from ${talentAllocation} join ${talent} t on t.id = ${talentAllocation.talentId}
    where ${talentAllocation.unitId} = ${talentUnit.id} and ${holdsOn(day)} limit 1)`;

const unitBase = (db: DbOrTx, day: string) =>
  db
    .select({ u: talentUnit, parkName: park.name, occupantName: occupantOn(day) })
    .from(talentUnit)
    .innerJoin(park, eq(park.id, talentUnit.parkId));
const presentUnit = ({
  u,
  parkName,
  occupantName,
}: Awaited<ReturnType<typeof unitBase>>[number]): UnitRow => ({
  id: u.id,
  regionId: u.regionId,
  parkId: u.parkId,
  parkName,
  building: u.building,
  name: u.name,
  address: u.address,
  rooms: u.rooms,
  areaM2: u.areaM2,
  rentFenMonth: u.rentFenMonth,
  note: u.note,
  occupied: occupantName !== null,
  occupantName,
  version: u.version,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export async function listUnits(db: DbOrTx, actor: Actor, q: UnitQuery, day: string) {
  const w = and(
    unitScope(actor),
    q.parkId
      ? sql`${talentUnit.parkId} in (select ${park.id} from ${park} where ${park.id} = ${q.parkId} or ${park.parentId} = ${q.parkId})`
      : undefined,
    q.building ? eq(talentUnit.building, q.building) : undefined,
    q.occupied === "yes" ? sql`${occupantOn(day)} is not null` : undefined,
    q.occupied === "no" ? sql`${occupantOn(day)} is null` : undefined,
    q.q ? or(ilike(talentUnit.name, likeText(q.q)), ilike(talentUnit.building, likeText(q.q))) : undefined,
  );
  const sorts = {
    name: talentUnit.name,
    building: talentUnit.building,
    areaM2: talentUnit.areaM2,
    rentFenMonth: talentUnit.rentFenMonth,
    createdAt: talentUnit.createdAt,
  };
  const [rows, [total]] = await Promise.all([
    unitBase(db, day)
      .where(w)
      .orderBy(
        ...orderBy(sorts, { sort: q.sort ?? "building", order: q.order ?? "asc" }, "building", talentUnit.id),
      )
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(talentUnit).where(w),
  ]);
  return { items: rows.map(presentUnit), total: total?.n ?? 0 };
}

export async function getUnit(db: DbOrTx, actor: Actor, id: string, day: string) {
  const [r] = await unitBase(db, day).where(and(eq(talentUnit.id, id), unitScope(actor)));
  return r ? presentUnit(r) : null;
}

export async function lockUnit(db: DbOrTx, id: string) {
  await db.select({ id: talentUnit.id }).from(talentUnit).where(eq(talentUnit.id, id)).for("update");
}

const allocationBase = (db: DbOrTx) =>
  db
    .select({
      a: talentAllocation,
      unitName: talentUnit.name,
      building: talentUnit.building,
      talentName: talent.name,
    })
    .from(talentAllocation)
    .innerJoin(talentUnit, eq(talentUnit.id, talentAllocation.unitId))
    .innerJoin(talent, eq(talent.id, talentAllocation.talentId));
const presentAllocation = (r: Awaited<ReturnType<typeof allocationBase>>[number]): AllocationRow => ({
  id: r.a.id,
  unitId: r.a.unitId,
  unitName: r.unitName,
  building: r.building,
  talentId: r.a.talentId,
  talentName: r.talentName,
  fromOn: r.a.fromOn,
  toOn: r.a.toOn,
  checkedInOn: r.a.checkedInOn,
  checkedOutOn: r.a.checkedOutOn,
  status: r.a.checkedOutOn ? "checked_out" : r.a.checkedInOn ? "checked_in" : "allocated",
  note: r.a.note,
  version: r.a.version,
});

export async function allocationsOfUnit(db: DbOrTx, unitId: string) {
  const rows = await allocationBase(db)
    .where(eq(talentAllocation.unitId, unitId))
    .orderBy(desc(talentAllocation.fromOn));
  return rows.map(presentAllocation);
}
export async function allocationsOfTalent(db: DbOrTx, talentId: string) {
  const rows = await allocationBase(db)
    .where(eq(talentAllocation.talentId, talentId))
    .orderBy(desc(talentAllocation.fromOn));
  return rows.map(presentAllocation);
}
export async function getAllocation(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await allocationBase(db).where(and(eq(talentAllocation.id, id), unitScope(actor)));
  return r ? presentAllocation(r) : null;
}

/** Allocations of the unit whose days meet [from, to] (ended ones by their check-out). */
export async function overlapping(db: DbOrTx, unitId: string, from: string, to: string, except?: string) {
  const rows = await allocationBase(db)
    .where(
      and(
        eq(talentAllocation.unitId, unitId),
        except ? ne(talentAllocation.id, except) : undefined,
        sql`${talentAllocation.fromOn} <= ${to}`,
        sql`least(${talentAllocation.toOn}, coalesce(${talentAllocation.checkedOutOn} - 1, ${talentAllocation.toOn})) >= ${from}`,
      ),
    )
    .orderBy(asc(talentAllocation.fromOn));
  return rows.map(presentAllocation);
}

/** Units and units held today, per park and building (building null: the park's total). */
export async function occupancy(
  db: DbOrTx,
  actor: Actor,
  day: string,
  parkId?: string,
): Promise<OccupancyRow[]> {
  const rows = await db
    .select({
      parkId: talentUnit.parkId,
      parkName: park.name,
      building: talentUnit.building,
      units: sql<number>`count(*)::int`,
      occupied: sql<number>`count(*) filter (where ${occupantOn(day)} is not null)::int`,
    })
    .from(talentUnit)
    .innerJoin(park, eq(park.id, talentUnit.parkId))
    .where(
      and(
        unitScope(actor),
        parkId
          ? sql`${talentUnit.parkId} in (select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`
          : undefined,
      ),
    )
    .groupBy(talentUnit.parkId, park.name, talentUnit.building)
    .orderBy(asc(park.name), asc(talentUnit.building));
  const out: OccupancyRow[] = [];
  const rate = (o: number, u: number) => (u ? Math.round((o / u) * 1000) / 10 : null);
  const parks = new Map<string, OccupancyRow>();
  for (const r of rows) {
    const units = Number(r.units);
    const occupied = Number(r.occupied);
    out.push({
      parkId: r.parkId,
      parkName: r.parkName,
      building: r.building,
      units,
      occupied,
      rate: rate(occupied, units),
    });
    const t = parks.get(r.parkId) ?? {
      parkId: r.parkId,
      parkName: r.parkName,
      building: null,
      units: 0,
      occupied: 0,
      rate: null,
    };
    t.units += units;
    t.occupied += occupied;
    t.rate = rate(t.occupied, t.units);
    parks.set(r.parkId, t);
  }
  return [...parks.values(), ...out];
}
