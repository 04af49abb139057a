import { and, asc, count, desc, eq, or, type SQL, sql } from "drizzle-orm";
import type { SavedView } from "../../../common/views.schema.js";
import type { DbOrTx } from "../../db/client.js";
import { users } from "../../modules/users/users.table.js";
import type { Actor } from "../context.js";
import { savedView } from "./views.table.js";

export interface Unit {
  kind: "department" | "region";
  id: string;
}

/** The unit a user shares views with: their department, else their home region. */
export function unitOf(actor: Pick<Actor, "departmentId" | "regionId">): Unit | null {
  if (actor.departmentId) return { kind: "department", id: actor.departmentId };
  if (actor.regionId) return { kind: "region", id: actor.regionId };
  return null;
}

/** Views the actor sees: their own, and those shared with their unit. */
function visible(actor: Actor): SQL {
  const unit = unitOf(actor);
  const own = eq(savedView.ownerId, actor.id);
  if (!unit) return own;
  return or(
    own,
    and(eq(savedView.shared, true), eq(savedView.unitKind, unit.kind), eq(savedView.unitId, unit.id)),
  )!;
}

const columns = (actor: Actor) => ({
  id: savedView.id,
  listKey: savedView.listKey,
  name: savedView.name,
  shared: savedView.shared,
  state: savedView.state,
  ownerId: savedView.ownerId,
  ownerName: sql<string>`coalesce(${users.name}, '')`,
  mine: sql<boolean>`${savedView.ownerId} = ${actor.id}`,
  version: savedView.version,
  createdAt: savedView.createdAt,
  updatedAt: savedView.updatedAt,
  regionId: savedView.regionId,
});

export type ViewRow = SavedView & { regionId: string | null };

const present = (r: Omit<ViewRow, "createdAt" | "updatedAt"> & { createdAt: Date; updatedAt: Date }) => ({
  ...r,
  mine: Boolean(r.mine),
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

/** One list's views for the dropdown: the actor's own first, then the shared ones, by name. */
export async function listViews(db: DbOrTx, actor: Actor, listKey: string): Promise<ViewRow[]> {
  const rows = await db
    .select(columns(actor))
    .from(savedView)
    .leftJoin(users, eq(users.id, savedView.ownerId))
    .where(and(eq(savedView.listKey, listKey), visible(actor)))
    .orderBy(desc(sql`${savedView.ownerId} = ${actor.id}`), asc(savedView.name), asc(savedView.id));
  return rows.map(present);
}

/** A view the actor sees; null when it is someone else's and not shared with them (404). */
export async function getView(db: DbOrTx, actor: Actor, id: string): Promise<ViewRow | null> {
  const [row] = await db
    .select(columns(actor))
    .from(savedView)
    .leftJoin(users, eq(users.id, savedView.ownerId))
    .where(and(eq(savedView.id, id), visible(actor)));
  return row ? present(row) : null;
}

export async function ownViewCount(db: DbOrTx, ownerId: string, listKey: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(savedView)
    .where(and(eq(savedView.ownerId, ownerId), eq(savedView.listKey, listKey)));
  return row?.n ?? 0;
}
