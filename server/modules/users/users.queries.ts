import { and, count, eq, ilike, inArray, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Role, ScopeKind } from "../../../common/enums.js";
import type { userQuery } from "../../../common/users.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor, Grant } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { department, park, region, team } from "../org/org.table.js";
import { credentials, sessions, userRoles, userScopes, users } from "./users.table.js";

export const userScope = (a: Actor) =>
  scopeWhere(a, { region: users.regionId, department: users.departmentId });

const userSelect = {
  id: users.id,
  username: users.username,
  name: users.name,
  phone: users.phone,
  regionId: users.regionId,
  regionName: region.name,
  departmentId: users.departmentId,
  departmentName: department.name,
  active: users.active,
  lockedUntil: users.lockedUntil,
  lastLoginAt: users.lastLoginAt,
  mustChangePassword: users.mustChangePassword,
  version: users.version,
  createdAt: users.createdAt,
};

type UserRow = Awaited<ReturnType<typeof baseRows>>[number];
export type GrantView = { kind: ScopeKind; refId: string | null; refName: string | null };
export type UserView = UserRow & { roles: Role[]; scopes: GrantView[] };

function baseRows(db: DbOrTx) {
  return db
    .select(userSelect)
    .from(users)
    .leftJoin(region, eq(region.id, users.regionId))
    .leftJoin(department, eq(department.id, users.departmentId))
    .$dynamic();
}

export async function listUsers(db: DbOrTx, actor: Actor, q: z.infer<typeof userQuery>) {
  const where = and(
    userScope(actor),
    q.q ? or(ilike(users.username, likeText(q.q)), ilike(users.name, likeText(q.q))) : undefined,
    q.role
      ? sql`exists (select 1 from ${userRoles} r where r.user_id = ${users.id} and r.role = ${q.role})`
      : undefined,
    q.regionId ? eq(users.regionId, q.regionId) : undefined,
    q.active ? eq(users.active, q.active === "true") : undefined,
  );
  const sorts = {
    username: users.username,
    name: users.name,
    createdAt: users.createdAt,
    lastLoginAt: users.lastLoginAt,
  };
  const rows = await baseRows(db)
    .where(where)
    .orderBy(...orderBy(sorts, q, "createdAt", users.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const [total] = await db.select({ n: count() }).from(users).where(where);
  return { items: await withRolesAndScopes(db, rows), total: total?.n ?? 0 };
}

export async function getUser(db: DbOrTx, actor: Actor, id: string): Promise<UserView | null> {
  const rows = await baseRows(db).where(and(eq(users.id, id), userScope(actor)));
  if (rows.length === 0) return null;
  return (await withRolesAndScopes(db, rows))[0]!;
}

async function withRolesAndScopes(db: DbOrTx, rows: UserRow[]): Promise<UserView[]> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return [];
  const roleRows = await db.select().from(userRoles).where(inArray(userRoles.userId, ids));
  const grants = await grantsOf(db, ids);
  return rows.map((r) => ({
    ...r,
    roles: roleRows.filter((x) => x.userId === r.id).map((x) => x.role as Role),
    scopes: grants.filter((g) => g.userId === r.id).map(({ userId: _u, path: _p, ...g }) => g),
  }));
}

/** Scope grants with the name of what they point at and, for regions, the path. */
export async function grantsOf(db: DbOrTx, userIds: string[]) {
  return db
    .select({
      userId: userScopes.userId,
      kind: sql<ScopeKind>`${userScopes.kind}`,
      refId: userScopes.refId,
      refName: sql<string | null>`coalesce(${region.name}, ${park.name}, ${team.name}, ${department.name},
        (select e.name from ${enterprise} e where ${userScopes.kind} = 'enterprise' and e.id = ${userScopes.refId}))`,
      path: region.path,
    })
    .from(userScopes)
    .leftJoin(region, and(eq(userScopes.kind, "region"), eq(region.id, userScopes.refId)))
    .leftJoin(park, and(eq(userScopes.kind, "park"), eq(park.id, userScopes.refId)))
    .leftJoin(team, and(eq(userScopes.kind, "team"), eq(team.id, userScopes.refId)))
    .leftJoin(department, and(eq(userScopes.kind, "department"), eq(department.id, userScopes.refId)))
    .where(inArray(userScopes.userId, userIds));
}

/** Everything the request needs to know about who is acting. */
export async function loadActorRows(db: DbOrTx, userId: string) {
  const [u] = await db.select().from(users).where(eq(users.id, userId));
  if (!u) return null;
  const roleRows = await db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
  const grantRows = await grantsOf(db, [userId]);
  const grants: (Grant & { refName: string | null })[] = grantRows.map((g) => ({
    kind: g.kind,
    refId: g.refId,
    refName: g.refName,
    path: g.path ?? undefined,
  }));
  return { user: u, roles: roleRows.map((r) => r.role as Role), grants };
}

export async function findByUsername(db: DbOrTx, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username.toLowerCase()));
  return u ?? null;
}

export async function setPasswordHash(db: DbOrTx, userId: string, hash: string, now: Date) {
  await db
    .update(credentials)
    .set({ password: hash, updatedAt: now })
    .where(and(eq(credentials.userId, userId), eq(credentials.providerId, "credential")));
}

export async function dropSessions(db: DbOrTx, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export async function replaceRolesAndScopes(
  db: DbOrTx,
  userId: string,
  roles: Role[] | undefined,
  scopes: { id: string; kind: ScopeKind; refId: string | null }[] | undefined,
) {
  if (roles) {
    await db.delete(userRoles).where(eq(userRoles.userId, userId));
    await db.insert(userRoles).values(roles.map((role) => ({ userId, role })));
  }
  if (scopes) {
    await db.delete(userScopes).where(eq(userScopes.userId, userId));
    await db.insert(userScopes).values(scopes.map((s) => ({ ...s, userId })));
  }
}

export async function userExists(db: DbOrTx, id: string): Promise<boolean> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.id, id));
  return Boolean(u);
}

/** Enterprise users of a merged-away firm now speak for the kept firm. */
export async function repointEnterpriseGrants(db: DbOrTx, fromId: string, intoId: string) {
  await db
    .update(userScopes)
    .set({ refId: intoId })
    .where(and(eq(userScopes.kind, "enterprise"), eq(userScopes.refId, fromId)));
}

/** Active staff holding a role, by name or username: what pickers outside user admin need. */
export async function listPeople(db: DbOrTx, role: Role, q: string | undefined, limit = 50) {
  return db
    .select({ id: users.id, name: users.name, username: users.username })
    .from(users)
    .innerJoin(userRoles, and(eq(userRoles.userId, users.id), eq(userRoles.role, role)))
    .where(
      and(
        eq(users.active, true),
        q ? or(ilike(users.name, likeText(q)), ilike(users.username, likeText(q))) : undefined,
      ),
    )
    .orderBy(users.name)
    .limit(limit);
}

export interface RecipientFilter {
  userIds?: string[];
  roles?: Role[];
  departmentId?: string;
  /** users whose home region is this region or one above it (whose responsibility covers it) */
  regionId?: string;
  /** users whose scope is this firm (its enterprise accounts) */
  enterpriseId?: string;
}

/**
 * Active users a notification goes to: the listed users, plus those matching every group filter
 * given (any of the roles, and the department, and the region). No group filter: the list only.
 */
export async function activeRecipients(db: DbOrTx, to: RecipientFilter) {
  const listed = to.userIds?.length ? inArray(users.id, to.userIds) : undefined;
  const grouped = to.roles?.length || to.departmentId || to.regionId || to.enterpriseId;
  const group = grouped
    ? and(
        to.roles?.length
          ? sql`exists (select 1 from ${userRoles} r where r.user_id = ${users.id} and r.role in ${to.roles})`
          : undefined,
        to.departmentId ? eq(users.departmentId, to.departmentId) : undefined,
        to.regionId
          ? sql`${users.regionId} in (select a.id from ${region} a where (select t.path from ${region} t where t.id = ${to.regionId}) like a.path || '%')`
          : undefined,
        to.enterpriseId
          ? sql`exists (select 1 from ${userScopes} s where s.user_id = ${users.id} and s.kind = 'enterprise' and s.ref_id = ${to.enterpriseId})`
          : undefined,
      )
    : undefined;
  if (!listed && !group) return [];
  return db
    .select({ id: users.id, regionId: users.regionId })
    .from(users)
    .where(and(eq(users.active, true), or(listed, group)))
    .orderBy(users.id);
}
