import { randomInt } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { ScopeGrant, userCreate, userUpdate } from "../../../common/users.schema.js";
import { audit, changed } from "../../lib/audit/audit.service.js";
import { type ActorCtx, inTx } from "../../lib/context.js";
import { mapConstraint } from "../../lib/db-errors.js";
import { AppError, notFound, stale } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission } from "../../lib/policy.js";
import { assertRegionWritable, hasAll } from "../../lib/scope.js";
import * as org from "../org/org.queries.js";
import { forgetUser } from "./session.cache.js";
import * as q from "./users.queries.js";
import { credentials, users } from "./users.table.js";

const userTexts = { duplicate: { zh: "用户名已被使用", en: "This username is taken" }, field: "username" };

/** A readable random password: letters and digits, no look-alikes. */
export function generatePassword(length = 12): string {
  const letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  const digits = "23456789";
  const all = letters + digits;
  const chars = [letters[randomInt(letters.length)]!, digits[randomInt(digits.length)]!];
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  return chars.sort(() => randomInt(3) - 1).join("");
}

/** Every grant must point at something inside the granting admin's own scope. */
async function checkGrants(ctx: ActorCtx, grants: ScopeGrant[]) {
  for (const g of grants) {
    const bad = (zh: string, en: string) =>
      new AppError("VALIDATION", { zh, en }, [{ path: "scopes", message: zh }]);
    if (g.kind === "all") {
      if (!hasAll(ctx.actor)) throw new AppError("FORBIDDEN");
      continue;
    }
    if (g.kind === "assignment" || g.kind === "enterprise") continue;
    if (!g.refId) throw bad("请为数据范围选择具体对象", "Choose what the scope grant points at");
    if (g.kind === "region") await assertRegionWritable(ctx.db, ctx.actor, g.refId);
    if (g.kind === "park" && !(await org.getPark(ctx.db, ctx.actor, g.refId))) throw notFound();
    if (g.kind === "team" && !(await org.getTeam(ctx.db, ctx.actor, g.refId))) throw notFound();
    if (g.kind === "department" && !(await org.getDepartment(ctx.db, ctx.actor, g.refId))) throw notFound();
  }
}

async function checkHome(
  ctx: ActorCtx,
  regionId: string | null | undefined,
  departmentId: string | null | undefined,
) {
  if (regionId) await assertRegionWritable(ctx.db, ctx.actor, regionId);
  else if (regionId === null && !hasAll(ctx.actor)) throw new AppError("FORBIDDEN");
  if (departmentId && !(await org.getDepartment(ctx.db, ctx.actor, departmentId))) throw notFound();
}

export async function createUser(ctx: ActorCtx, input: z.infer<typeof userCreate>) {
  requirePermission(ctx.actor.permissions, "user.manage");
  const password = input.password ?? generatePassword();
  const hash = await hashPassword(password);
  return inTx(ctx, async (tx) => {
    await checkHome(tx, input.regionId ?? null, input.departmentId);
    await checkGrants(tx, input.scopes);
    const id = newId();
    const username = input.username.toLowerCase();
    const now = tx.now();
    await mapConstraint(
      () =>
        tx.db.insert(users).values({
          id,
          username,
          displayUsername: input.username,
          name: input.name,
          email: `${username}@users.zhaoyin.invalid`,
          phone: input.phone ?? null,
          regionId: input.regionId ?? null,
          departmentId: input.departmentId ?? null,
          mustChangePassword: !input.password,
          createdAt: now,
          updatedAt: now,
        }),
      userTexts,
    );
    await tx.db
      .insert(credentials)
      .values({ id: newId(), accountId: id, providerId: "credential", userId: id, password: hash });
    await q.replaceRolesAndScopes(
      tx.db,
      id,
      input.roles,
      input.scopes.map((s) => ({ id: newId(), ...s })),
    );
    // checkHome put the new user's region inside the creator's scope, so they can read it back.
    const created = (await q.getUser(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "create",
      subjectType: "user",
      subjectId: id,
      regionId: created.regionId,
      after: created,
      meta: { label: created.username },
    });
    return { user: created, password };
  });
}

export async function updateUser(ctx: ActorCtx, id: string, input: z.infer<typeof userUpdate>) {
  const after = await inTx(ctx, async (tx) => {
    const before = await q.getUser(tx.db, tx.actor, id);
    if (!before) throw notFound();
    requirePermission(tx.actor.permissions, "user.manage");
    if (input.regionId !== undefined || input.departmentId !== undefined)
      await checkHome(tx, input.regionId, input.departmentId);
    if (input.scopes) await checkGrants(tx, input.scopes);
    if (id === tx.actor.id && input.active === false) {
      throw new AppError("CONFLICT", { zh: "不能停用自己的账号", en: "You cannot disable your own account" });
    }
    const { version, roles, scopes, ...patch } = input;
    const rows = await tx.db
      .update(users)
      .set({ ...patch, version: version + 1, updatedAt: tx.now() })
      .where(and(eq(users.id, id), eq(users.version, version)))
      .returning({ id: users.id });
    if (rows.length === 0) throw stale();
    await q.replaceRolesAndScopes(
      tx.db,
      id,
      roles,
      scopes?.map((s) => ({ id: newId(), ...s })),
    );
    if (input.active === false) await q.dropSessions(tx.db, id);
    const after = (await q.getUser(tx.db, tx.actor, id))!;
    await audit(tx, {
      action: "update",
      subjectType: "user",
      subjectId: id,
      regionId: after.regionId,
      ...changed(before, after),
      meta: { label: after.username },
    });
    return after;
  });
  // Their open sessions act with the new roles, scope or state from the next request.
  forgetUser(id);
  return after;
}

export async function resetPassword(ctx: ActorCtx, id: string) {
  const password = generatePassword();
  const hash = await hashPassword(password);
  const result = await inTx(ctx, async (tx) => {
    const user = await q.getUser(tx.db, tx.actor, id);
    if (!user) throw notFound();
    requirePermission(tx.actor.permissions, "user.manage");
    await q.setPasswordHash(tx.db, id, hash, tx.now());
    await tx.db
      .update(users)
      .set({
        mustChangePassword: true,
        failedLogins: 0,
        lockedUntil: null,
        version: user.version + 1,
        updatedAt: tx.now(),
      })
      .where(eq(users.id, id));
    await q.dropSessions(tx.db, id);
    await audit(tx, {
      action: "reset_password",
      subjectType: "user",
      subjectId: id,
      regionId: user.regionId,
      meta: { label: user.username },
    });
    return { password };
  });
  forgetUser(id);
  return result;
}

export async function unlockUser(ctx: ActorCtx, id: string) {
  return inTx(ctx, async (tx) => {
    const user = await q.getUser(tx.db, tx.actor, id);
    if (!user) throw notFound();
    requirePermission(tx.actor.permissions, "user.manage");
    await tx.db
      .update(users)
      .set({ failedLogins: 0, lockedUntil: null, version: user.version + 1, updatedAt: tx.now() })
      .where(eq(users.id, id));
    await audit(tx, {
      action: "unlock",
      subjectType: "user",
      subjectId: id,
      regionId: user.regionId,
      meta: { label: user.username },
    });
    return (await q.getUser(tx.db, tx.actor, id))!;
  });
}
