import { and, asc, count, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { z } from "zod";
import type { departmentQuery, parkQuery, teamQuery } from "../../../common/org.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { inRegionSubtree, scopeWhere } from "../../lib/scope.js";
import { department, park, region, team } from "./org.table.js";

const parentPark = alias(park, "parent_park");

export const parkScope = (a: Actor) => scopeWhere(a, { region: park.regionId, park: park.id });
export const teamScope = (a: Actor) =>
  scopeWhere(a, { region: team.regionId, park: team.parkId, team: team.id });
export const departmentScope = (a: Actor) =>
  scopeWhere(a, { region: department.regionId, department: department.id });

const parkSelect = {
  id: park.id,
  regionId: park.regionId,
  regionName: region.name,
  name: park.name,
  shortName: park.shortName,
  kind: park.kind,
  parentId: park.parentId,
  parentName: parentPark.name,
  hostLocation: park.hostLocation,
  areaM2: park.areaM2,
  outline: park.outline,
  address: park.address,
  description: park.description,
  version: park.version,
  createdAt: park.createdAt,
  updatedAt: park.updatedAt,
};

function parkFilter(actor: Actor, q: Partial<z.infer<typeof parkQuery>>): SQL | undefined {
  return and(
    parkScope(actor),
    q.regionId ? inRegionSubtree(park.regionId, q.regionId) : undefined,
    q.kind ? eq(park.kind, q.kind) : undefined,
    q.q ? or(ilike(park.name, likeText(q.q)), ilike(park.shortName, likeText(q.q))) : undefined,
  );
}

export async function listParks(db: DbOrTx, actor: Actor, q: z.infer<typeof parkQuery>) {
  const where = parkFilter(actor, q);
  const sorts = {
    name: park.name,
    kind: park.kind,
    region: region.name,
    areaM2: park.areaM2,
    createdAt: park.createdAt,
    updatedAt: park.updatedAt,
  };
  const items = await db
    .select(parkSelect)
    .from(park)
    .innerJoin(region, eq(region.id, park.regionId))
    .leftJoin(parentPark, eq(parentPark.id, park.parentId))
    .where(where)
    .orderBy(...orderBy(sorts, q, "createdAt", park.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(park).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function getPark(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(parkSelect)
    .from(park)
    .innerJoin(region, eq(region.id, park.regionId))
    .leftJoin(parentPark, eq(parentPark.id, park.parentId))
    .where(and(eq(park.id, id), parkScope(actor)));
  return row ?? null;
}

const teamSelect = {
  id: team.id,
  regionId: team.regionId,
  regionName: region.name,
  parkId: team.parkId,
  parkName: park.name,
  name: team.name,
  kind: team.kind,
  stationCity: team.stationCity,
  leaderName: team.leaderName,
  version: team.version,
  createdAt: team.createdAt,
  updatedAt: team.updatedAt,
};

export async function listTeams(db: DbOrTx, actor: Actor, q: z.infer<typeof teamQuery>) {
  const where = and(
    teamScope(actor),
    q.regionId ? inRegionSubtree(team.regionId, q.regionId) : undefined,
    q.parkId ? eq(team.parkId, q.parkId) : undefined,
    q.kind ? eq(team.kind, q.kind) : undefined,
    q.q ? or(ilike(team.name, likeText(q.q)), ilike(team.stationCity, likeText(q.q))) : undefined,
  );
  const sorts = {
    name: team.name,
    kind: team.kind,
    region: region.name,
    createdAt: team.createdAt,
    updatedAt: team.updatedAt,
  };
  const items = await db
    .select(teamSelect)
    .from(team)
    .innerJoin(region, eq(region.id, team.regionId))
    .leftJoin(park, eq(park.id, team.parkId))
    .where(where)
    .orderBy(...orderBy(sorts, q, "createdAt", team.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(team).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function getTeam(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(teamSelect)
    .from(team)
    .innerJoin(region, eq(region.id, team.regionId))
    .leftJoin(park, eq(park.id, team.parkId))
    .where(and(eq(team.id, id), teamScope(actor)));
  return row ?? null;
}

const departmentSelect = {
  id: department.id,
  regionId: department.regionId,
  regionName: region.name,
  name: department.name,
  shortName: department.shortName,
  phone: department.phone,
  version: department.version,
  createdAt: department.createdAt,
  updatedAt: department.updatedAt,
};

export async function listDepartments(db: DbOrTx, actor: Actor, q: z.infer<typeof departmentQuery>) {
  const where = and(
    departmentScope(actor),
    q.regionId ? inRegionSubtree(department.regionId, q.regionId) : undefined,
    q.q ? or(ilike(department.name, likeText(q.q)), ilike(department.shortName, likeText(q.q))) : undefined,
  );
  const sorts = {
    name: department.name,
    region: region.name,
    createdAt: department.createdAt,
    updatedAt: department.updatedAt,
  };
  const items = await db
    .select(departmentSelect)
    .from(department)
    .innerJoin(region, eq(region.id, department.regionId))
    .where(where)
    .orderBy(...orderBy(sorts, q, "createdAt", department.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(department).where(where);
  return { items, total: total?.n ?? 0 };
}

export async function getDepartment(db: DbOrTx, actor: Actor, id: string) {
  const [row] = await db
    .select(departmentSelect)
    .from(department)
    .innerJoin(region, eq(region.id, department.regionId))
    .where(and(eq(department.id, id), departmentScope(actor)));
  return row ?? null;
}

/** A team or department by id, whatever the reader's scope: for reference checks of other modules. */
export async function teamById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: team.id, regionId: team.regionId, name: team.name })
    .from(team)
    .where(eq(team.id, id));
  return row ?? null;
}

export async function departmentById(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: department.id, regionId: department.regionId, name: department.name })
    .from(department)
    .where(eq(department.id, id));
  return row ?? null;
}

/** Every team by its name, for imports that name the team (names are unique within a region). */
export async function teamsByName(db: DbOrTx) {
  const rows = await db.select({ id: team.id, regionId: team.regionId, name: team.name }).from(team);
  return new Map(rows.map((r) => [r.name, r]));
}

/**
 * Departments a problem or an appeal of a region may be given to: those of the region, of the regions above
 * it (a city bureau acts on a zone's projects) and of the regions below it.
 */
export async function relatedDepartments(db: DbOrTx, regionPath: string, q?: string) {
  return db
    .select({
      id: department.id,
      name: department.name,
      regionId: department.regionId,
      regionName: region.name,
    })
    .from(department)
    .innerJoin(region, eq(region.id, department.regionId))
    .where(
      and(
        or(sql`${regionPath} like ${region.path} || '%'`, sql`${region.path} like ${`${regionPath}%`}`),
        q ? or(ilike(department.name, likeText(q)), ilike(department.shortName, likeText(q))) : undefined,
      ),
    )
    .orderBy(sql`length(${region.path})`, asc(department.name))
    .limit(100);
}

/** A department and whether its region is the given region, above it or below it. */
export async function relatedDepartment(db: DbOrTx, departmentId: string, regionId: string) {
  const [row] = await db
    .select({
      id: department.id,
      name: department.name,
      regionId: department.regionId,
      related: sql<boolean>`exists (select 1 from ${region} s where s.id = ${regionId}
        and (s.path like ${region.path} || '%' or ${region.path} like s.path || '%'))`,
    })
    .from(department)
    .innerJoin(region, eq(region.id, department.regionId))
    .where(eq(department.id, departmentId));
  return row ?? null;
}
