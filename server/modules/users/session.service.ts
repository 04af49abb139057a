import { APIError } from "better-auth/api";
import { eq, sql } from "drizzle-orm";
import type { Me } from "../../../common/users.schema.js";
import type { Config } from "../../config.js";
import type { DbOrTx } from "../../db/client.js";
import { audit } from "../../lib/audit/audit.service.js";
import type { Auth } from "../../lib/auth.js";
import type { Actor, ActorCtx, Ctx } from "../../lib/context.js";
import { AppError } from "../../lib/errors.js";
import { permissionsOf } from "../../lib/policy.js";
import { getSettings } from "../settings/settings.service.js";
import {
  cachedSession,
  cacheSession,
  forgetToken,
  forgetUser,
  SESSION_CACHE_MS,
  sessionToken,
} from "./session.cache.js";
import * as q from "./users.queries.js";
import { users } from "./users.table.js";

export interface Session {
  actor: Actor;
  me: Omit<Me, "watermark">;
}

/**
 * The acting user of a request's session cookie, or null: from the few-second cache when there
 * (session.cache.ts), else read and kept. The request hook and /api/session/me use it.
 */
export async function currentSession(auth: Auth, db: DbOrTx, headers: Headers): Promise<Session | null> {
  const token = sessionToken(headers.get("cookie"));
  const now = Date.now();
  const hit = token ? cachedSession(token, now) : null;
  if (hit) return hit;
  const found = await readSession(auth, db, headers);
  if (!found) return null;
  if (token) cacheSession(token, found.session, Math.min(now + SESSION_CACHE_MS, found.expiresAt));
  return found.session;
}

/** The acting user of a request's session cookie, or null, read from the database. */
export async function resolveSession(auth: Auth, db: DbOrTx, headers: Headers): Promise<Session | null> {
  return (await readSession(auth, db, headers))?.session ?? null;
}

async function readSession(
  auth: Auth,
  db: DbOrTx,
  headers: Headers,
): Promise<{ session: Session; expiresAt: number } | null> {
  const found = await auth.api.getSession({ headers });
  if (!found) return null;
  const rows = await q.loadActorRows(db, found.user.id);
  if (!rows?.user.active) return null;
  const { user, roles, grants } = rows;
  const permissions = permissionsOf(roles);
  const actor: Actor = {
    id: user.id,
    username: user.username,
    name: user.name,
    roles,
    grants: grants.map(({ refName: _n, ...g }) => g),
    permissions,
    regionId: user.regionId,
    departmentId: user.departmentId,
  };
  const me = {
    id: user.id,
    username: user.username,
    name: user.name,
    roles,
    scopes: grants.map(({ path: _p, ...g }) => g),
    permissions: [...permissions],
    regionId: user.regionId,
    departmentId: user.departmentId,
    mustChangePassword: user.mustChangePassword,
  };
  return { session: { actor, me }, expiresAt: new Date(found.session.expiresAt).getTime() };
}

/**
 * Checks the lockout, lets Better Auth verify the password and open the session,
 * counts failures and locks after too many. Returns the Set-Cookie headers.
 */
export async function login(
  ctx: Ctx,
  auth: Auth,
  config: Pick<Config, "lockoutAttempts" | "lockoutMinutes">,
  body: { username: string; password: string },
  headers: Headers,
): Promise<{ userId: string; setCookie: string[] }> {
  const user = await q.findByUsername(ctx.db, body.username);
  const now = ctx.now();
  if (user?.lockedUntil && user.lockedUntil > now) throw new AppError("ACCOUNT_LOCKED");
  let result: Awaited<ReturnType<typeof signIn>>;
  try {
    result = await signIn(auth, body, headers);
  } catch (err) {
    if (!(err instanceof APIError)) throw err;
    if (user) await recordFailure(ctx, user, config);
    throw new AppError(user && (await isLocked(ctx, user.id)) ? "ACCOUNT_LOCKED" : "BAD_CREDENTIALS");
  }
  const userId = result.response.user.id;
  if (!user?.active) {
    await auth.api.signOut({ headers: cookieHeaders(result.headers) });
    throw new AppError("ACCOUNT_DISABLED");
  }
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(users.id, userId));
    await audit(
      { ...ctx, db: tx, actor: actorStub(user) },
      {
        action: "login",
        subjectType: "user",
        subjectId: userId,
        regionId: user.regionId,
        meta: { label: user.username },
      },
    );
  });
  return { userId, setCookie: result.headers.getSetCookie() };
}

const signIn = (auth: Auth, body: { username: string; password: string }, headers: Headers) =>
  auth.api.signInUsername({
    body: { username: body.username, password: body.password },
    headers,
    returnHeaders: true,
  });

async function recordFailure(
  ctx: Ctx,
  user: typeof users.$inferSelect,
  config: Pick<Config, "lockoutAttempts" | "lockoutMinutes">,
) {
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ failedLogins: sql`${users.failedLogins} + 1` })
      .where(eq(users.id, user.id))
      .returning({ failed: users.failedLogins });
    const failed = row?.failed ?? 0;
    const locked = failed >= config.lockoutAttempts;
    if (locked) {
      const until = new Date(ctx.now().getTime() + config.lockoutMinutes * 60_000);
      await tx.update(users).set({ lockedUntil: until, failedLogins: 0 }).where(eq(users.id, user.id));
    }
    await audit(
      { ...ctx, db: tx, actor: actorStub(user) },
      {
        action: locked ? "lockout" : "login_failed",
        subjectType: "user",
        subjectId: user.id,
        regionId: user.regionId,
        meta: { failed, label: user.username },
      },
    );
  });
}

async function isLocked(ctx: Ctx, userId: string): Promise<boolean> {
  const [row] = await ctx.db.select({ until: users.lockedUntil }).from(users).where(eq(users.id, userId));
  return Boolean(row?.until && row.until > ctx.now());
}

function cookieHeaders(from: Headers): Headers {
  const cookie = from
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return new Headers({ cookie });
}

/** The audit record of a login names the user logging in. */
function actorStub(user: typeof users.$inferSelect): Actor {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    roles: [],
    grants: [],
    permissions: new Set(),
    regionId: user.regionId,
    departmentId: user.departmentId,
  };
}

export async function logout(ctx: ActorCtx, auth: Auth, headers: Headers): Promise<string[]> {
  const res = await auth.api.signOut({ headers, returnHeaders: true });
  forgetToken(sessionToken(headers.get("cookie")));
  await ctx.db.transaction((tx) =>
    audit(
      { ...ctx, db: tx },
      {
        action: "logout",
        subjectType: "user",
        subjectId: ctx.actor.id,
        regionId: ctx.actor.regionId,
        meta: { label: ctx.actor.username },
      },
    ),
  );
  return res.headers.getSetCookie();
}

export async function changePassword(
  ctx: ActorCtx,
  auth: Auth,
  body: { currentPassword: string; newPassword: string },
  headers: Headers,
): Promise<string[]> {
  let res: { headers: Headers };
  try {
    res = await auth.api.changePassword({
      body: {
        currentPassword: body.currentPassword,
        newPassword: body.newPassword,
        revokeOtherSessions: true,
      },
      headers,
      returnHeaders: true,
    });
  } catch (err) {
    if (err instanceof APIError) {
      throw new AppError("VALIDATION", { zh: "当前密码不正确", en: "The current password is wrong" }, [
        { path: "currentPassword", message: "当前密码不正确" },
      ]);
    }
    throw err;
  }
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ mustChangePassword: false }).where(eq(users.id, ctx.actor.id));
    await audit(
      { ...ctx, db: tx },
      {
        action: "change_password",
        subjectType: "user",
        subjectId: ctx.actor.id,
        regionId: ctx.actor.regionId,
        meta: { label: ctx.actor.username },
      },
    );
  });
  forgetUser(ctx.actor.id);
  return res.headers.getSetCookie();
}

export async function meOf(ctx: Ctx, session: Session): Promise<Me> {
  const settings = await getSettings(ctx.db);
  return { ...session.me, watermark: settings.watermark };
}
