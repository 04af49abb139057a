import { and, asc, eq, ilike, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.js";
import { likeText } from "../../lib/paging.js";
import { region } from "./org.table.js";

const regionSelect = {
  id: region.id,
  code: region.code,
  name: region.name,
  level: region.level,
  parentId: region.parentId,
  path: region.path,
  // Qualified by hand: inside the subquery a bare "id" would bind to the child row.
  hasChildren: sql<boolean>`exists (select 1 from ${region} c where c.parent_id = "region"."id")`,
};

export type RegionRow = {
  id: string;
  code: string | null;
  name: string;
  level: string;
  parentId: string | null;
  path: string;
  hasChildren: boolean;
};

async function select(db: DbOrTx, where: SQL | undefined, limit = 500): Promise<RegionRow[]> {
  return db
    .select(regionSelect)
    .from(region)
    .where(where)
    .orderBy(asc(sql`${region.code} is null`), asc(region.code), asc(region.name))
    .limit(limit);
}

export const regionChildren = (db: DbOrTx, parentId: string) => select(db, eq(region.parentId, parentId));
export const regionTops = (db: DbOrTx) => select(db, isNull(region.parentId));
export const regionsByIds = (db: DbOrTx, ids: string[]) =>
  ids.length ? select(db, inArray(region.id, ids)) : [];
export const searchRegions = (db: DbOrTx, q: string) => select(db, ilike(region.name, likeText(q)), 50);

export async function regionById(db: DbOrTx, id: string): Promise<RegionRow | null> {
  const [row] = await select(db, eq(region.id, id), 1);
  return row ?? null;
}

export async function regionByCode(db: DbOrTx, code: string): Promise<RegionRow | null> {
  const [row] = await select(db, eq(region.code, code), 1);
  return row ?? null;
}

/** Ancestors from the top down, from the ids in the path. */
export async function regionAncestors(db: DbOrTx, row: RegionRow): Promise<RegionRow[]> {
  const ids = row.path.split("/").filter((s) => s && s !== row.id);
  const rows = await regionsByIds(db, ids);
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is RegionRow => Boolean(r));
}

export async function insertRegion(
  db: DbOrTx,
  r: { id: string; code: string | null; name: string; level: string; parentId: string | null; path: string },
): Promise<void> {
  await db.insert(region).values(r);
}

export async function regionNameTaken(db: DbOrTx, parentId: string, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: region.id })
    .from(region)
    .where(and(eq(region.parentId, parentId), eq(region.name, name)))
    .limit(1);
  return rows.length > 0;
}

export async function renameRegion(db: DbOrTx, id: string, name: string): Promise<void> {
  await db.update(region).set({ name }).where(eq(region.id, id));
}

export async function deleteRegion(db: DbOrTx, id: string): Promise<void> {
  await db.delete(region).where(eq(region.id, id));
}

/** Every region by code and by id (with its path), for importers resolving codes row by row. */
export async function regionLookup(db: DbOrTx) {
  const rows = await db.select({ id: region.id, code: region.code, path: region.path }).from(region);
  const byCode = new Map<string, { id: string; path: string }>();
  const byId = new Map<string, { id: string; path: string }>();
  for (const r of rows) {
    if (r.code) byCode.set(r.code, r);
    byId.set(r.id, r);
  }
  return { byCode, byId };
}
