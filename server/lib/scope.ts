import { type AnyColumn, eq, inArray, like, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../db/client.js";
import { park, region } from "../modules/org/org.table.js";
import type { Actor } from "./context.js";
import { notFound } from "./errors.js";

/** Which columns of a table carry each kind of scope. */
export interface ScopeColumns {
  region?: AnyColumn;
  park?: AnyColumn;
  team?: AnyColumn;
  /** a column, or a predicate for rows a department acts on (a project with its nodes) */
  department?: AnyColumn | ((departmentId: string) => SQL);
  enterprise?: AnyColumn;
  /**
   * Rows assigned to a user (an expert's review panels): the owning module says what an
   * assignment is, since it lives in that module's tables. An assignment grant has no ref.
   */
  assigned?: (userId: string) => SQL;
}

/**
 * The one place data scope is applied: a predicate that is true for rows any of
 * the actor's grants reaches. A grant whose column the table lacks reaches nothing.
 */
export function scopeWhere(actor: Actor, cols: ScopeColumns): SQL {
  const parts: SQL[] = [];
  for (const g of actor.grants) {
    if (g.kind === "all") return sql`true`;
    if (g.kind === "assignment") {
      if (cols.assigned) parts.push(cols.assigned(actor.id));
      continue;
    }
    if (!g.refId) continue;
    if (g.kind === "region" && cols.region && g.path) {
      parts.push(inArray(cols.region, subtreeIds(g.path)));
    } else if (g.kind === "park" && cols.park) {
      parts.push(inArray(cols.park, parkAndChildren(g.refId)));
    } else if (g.kind === "team" && cols.team) {
      parts.push(eq(cols.team, g.refId));
    } else if (g.kind === "department" && cols.department) {
      const d = cols.department;
      parts.push(typeof d === "function" ? d(g.refId) : eq(d, g.refId));
    } else if (g.kind === "enterprise" && cols.enterprise) {
      parts.push(eq(cols.enterprise, g.refId));
    }
  }
  if (parts.length === 0) return sql`false`;
  return parts.length === 1 ? parts[0]! : or(...parts)!;
}

const subtreeIds = (path: string) =>
  sql`(select ${region.id} from ${region} where ${like(region.path, `${path}%`)})`;
const parkAndChildren = (parkId: string) =>
  sql`(select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`;

/** A filter: the column's region is the given region or below it. */
export const inRegionSubtree = (col: AnyColumn, regionId: string) =>
  sql`${col} in (select r.id from ${region} r where r.path like (select p.path from ${region} p where p.id = ${regionId}) || '%')`;

export function hasAll(actor: Actor): boolean {
  return actor.grants.some((g) => g.kind === "all");
}

/** Whether the actor's region grants cover a region (by its path); parks and teams don't grant regions. */
export function coversRegionPath(actor: Actor, path: string): boolean {
  return hasAll(actor) || actor.grants.some((g) => g.kind === "region" && g.path && path.startsWith(g.path));
}

/** A region the actor may place records in; 404 when outside their scope. */
export async function assertRegionWritable(db: DbOrTx, actor: Actor, regionId: string): Promise<void> {
  const [row] = await db.select({ path: region.path }).from(region).where(eq(region.id, regionId));
  if (!row || !coversRegionPath(actor, row.path)) throw notFound();
}
