import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type {
  EnterpriseAccount,
  EnterpriseAccountCreate,
  InvitationAccept,
  InvitationCreate,
  InvitationCreated,
  InvitationRow,
  InvitationStatus,
  InvitationView,
} from "../../../common/invitation.schema.js";
import { audit } from "../../lib/audit/audit.service.js";
import { type ActorCtx, type Ctx, inTx } from "../../lib/context.js";
import { chinaDay } from "../../lib/dates.js";
import { AppError, notFound } from "../../lib/errors.js";
import { newId } from "../../lib/ids.js";
import { requirePermission, systemActor } from "../../lib/policy.js";
import { getEnterprise } from "../enterprises/enterprises.queries.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { createUser } from "../users/users.service.js";
import { userScopes, users } from "../users/users.table.js";
import { enterpriseInvitation as inv } from "./service.table.js";

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
const DAY_MS = 86_400_000;

const creator = alias(users, "creator");
const acceptor = alias(users, "acceptor");

function statusOf(
  r: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now: Date,
): InvitationStatus {
  if (r.acceptedAt) return "accepted";
  if (r.revokedAt) return "revoked";
  return r.expiresAt <= now ? "expired" : "pending";
}

async function rows(ctx: Ctx, where: ReturnType<typeof eq>): Promise<InvitationRow[]> {
  const found = await ctx.db
    .select({
      id: inv.id,
      enterpriseId: inv.enterpriseId,
      contactName: inv.contactName,
      phone: inv.phone,
      expiresAt: inv.expiresAt,
      acceptedAt: inv.acceptedAt,
      revokedAt: inv.revokedAt,
      acceptedUsername: acceptor.username,
      createdByName: creator.name,
      createdAt: inv.createdAt,
    })
    .from(inv)
    .leftJoin(creator, eq(creator.id, inv.createdBy))
    .leftJoin(acceptor, eq(acceptor.id, inv.acceptedUserId))
    .where(where)
    .orderBy(desc(inv.createdAt));
  const now = ctx.now();
  return found.map(({ revokedAt, ...r }) => ({
    ...r,
    status: statusOf({ ...r, revokedAt }, now),
    expiresAt: r.expiresAt.toISOString(),
    acceptedAt: r.acceptedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function firmFor(ctx: ActorCtx, enterpriseId: string) {
  const firm = await getEnterprise(ctx.db, ctx.actor, enterpriseId, chinaDay(ctx.now()));
  if (!firm) throw notFound();
  requirePermission(ctx.actor.permissions, "enterprise.invite");
  return firm;
}

export async function listInvitations(ctx: ActorCtx, enterpriseId: string) {
  await firmFor(ctx, enterpriseId);
  return rows(ctx, eq(inv.enterpriseId, enterpriseId));
}

/** 邀请企业联系人开通账号: the token is returned once and stored only as its hash. */
export async function createInvitation(
  ctx: ActorCtx,
  enterpriseId: string,
  input: InvitationCreate,
): Promise<InvitationCreated> {
  return inTx(ctx, async (tx) => {
    const firm = await firmFor(tx, enterpriseId);
    if (!firm.uscc) {
      throw new AppError(
        "VALIDATION",
        { zh: "该企业尚无统一社会信用代码，不能邀请开通企业账号", en: "The firm has no USCC yet" },
        [{ path: "enterpriseId", message: "该企业尚无统一社会信用代码" }],
      );
    }
    const token = randomBytes(24).toString("base64url");
    const id = newId();
    await tx.db.insert(inv).values({
      id,
      enterpriseId,
      regionId: firm.regionId,
      tokenHash: hashOf(token),
      contactName: input.contactName,
      phone: input.phone ?? null,
      expiresAt: new Date(tx.now().getTime() + input.validDays * DAY_MS),
      createdBy: tx.actor.id,
      createdAt: tx.now(),
    });
    const [row] = await rows(tx, eq(inv.id, id));
    await audit(tx, {
      action: "invite",
      subjectType: "enterprise",
      subjectId: enterpriseId,
      regionId: firm.regionId,
      after: { contactName: input.contactName, phone: input.phone ?? null, expiresAt: row!.expiresAt },
      meta: { label: firm.name, invitationId: id },
    });
    return { ...row!, token, path: `/invite/${token}` };
  });
}

export async function revokeInvitation(ctx: ActorCtx, id: string): Promise<InvitationRow> {
  return inTx(ctx, async (tx) => {
    const [found] = await tx.db.select().from(inv).where(eq(inv.id, id));
    if (!found) throw notFound();
    const firm = await firmFor(tx, found.enterpriseId);
    const status = statusOf(found, tx.now());
    if (status !== "pending") {
      throw new AppError("CONFLICT", {
        zh: status === "accepted" ? "邀请已被接受，不能撤销" : "邀请已失效，无需撤销",
        en: "The invitation is no longer pending",
      });
    }
    await tx.db.update(inv).set({ revokedAt: tx.now() }).where(eq(inv.id, id));
    await audit(tx, {
      action: "revoke_invitation",
      subjectType: "enterprise",
      subjectId: firm.id,
      regionId: firm.regionId,
      meta: { label: firm.name, invitationId: id },
    });
    return (await rows(tx, eq(inv.id, id)))[0]!;
  });
}

/** The invitation a token opens, if it can still be used: 404 unknown, 410 used, revoked or expired. */
async function usable(ctx: Ctx, token: string, lock = false) {
  const query = ctx.db
    .select({
      id: inv.id,
      enterpriseId: inv.enterpriseId,
      contactName: inv.contactName,
      phone: inv.phone,
      expiresAt: inv.expiresAt,
      acceptedAt: inv.acceptedAt,
      revokedAt: inv.revokedAt,
      enterpriseName: enterprise.name,
      uscc: enterprise.uscc,
      regionId: enterprise.regionId,
    })
    .from(inv)
    .innerJoin(enterprise, eq(enterprise.id, inv.enterpriseId))
    .where(eq(inv.tokenHash, hashOf(token)));
  const [found] = lock ? await query.for("update", { of: inv }) : await query;
  if (!found) throw notFound();
  const status = statusOf(found, ctx.now());
  const gone: Partial<Record<InvitationStatus, string>> = {
    accepted: "该邀请已被使用，请直接登录；如需新账号请联系服务专员重新邀请",
    revoked: "该邀请已撤销，请联系服务专员重新邀请",
    expired: "该邀请已过期，请联系服务专员重新邀请",
  };
  const message = gone[status];
  if (message) throw new AppError("GONE", { zh: message, en: `The invitation is ${status}` });
  return found;
}

export async function viewInvitation(ctx: Ctx, token: string): Promise<InvitationView> {
  const found = await usable(ctx, token);
  return {
    enterpriseName: found.enterpriseName,
    contactName: found.contactName,
    expiresAt: found.expiresAt.toISOString(),
  };
}

/**
 * 接受邀请: the contact proves the firm by its USCC and gets an enterprise account scoped to it.
 * The row lock makes a second acceptance of the same link wait, then find it used.
 */
export async function acceptInvitation(ctx: Ctx, token: string, input: InvitationAccept) {
  return inTx(ctx, async (tx) => {
    const found = await usable(tx, token, true);
    if (input.uscc !== found.uscc) {
      throw new AppError(
        "VALIDATION",
        { zh: "统一社会信用代码与受邀企业不符", en: "The USCC does not match the invited firm" },
        [{ path: "uscc", message: "统一社会信用代码与受邀企业不符" }],
      );
    }
    const sys: ActorCtx = { ...tx, actor: systemActor };
    const { user } = await createUser(sys, {
      username: input.username,
      name: input.name,
      phone: input.phone ?? found.phone,
      regionId: found.regionId,
      roles: ["enterprise"],
      scopes: [{ kind: "enterprise", refId: found.enterpriseId }],
      password: input.password,
    });
    const done = await tx.db
      .update(inv)
      .set({ acceptedAt: tx.now(), acceptedUserId: user.id })
      .where(and(eq(inv.id, found.id), isNull(inv.acceptedAt)))
      .returning({ id: inv.id });
    if (done.length === 0) throw new AppError("GONE", { zh: "该邀请已被使用", en: "The invitation is used" });
    await audit(tx, {
      action: "accept_invitation",
      subjectType: "enterprise",
      subjectId: found.enterpriseId,
      regionId: found.regionId,
      after: { username: user.username, name: input.name },
      meta: { label: found.enterpriseName, invitationId: found.id },
    });
    return { username: user.username };
  });
}

/** The firm's enterprise accounts (users whose scope is the firm). */
export async function listAccounts(ctx: ActorCtx, enterpriseId: string): Promise<EnterpriseAccount[]> {
  await firmFor(ctx, enterpriseId);
  const rows = await ctx.db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      phone: users.phone,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(
      sql`exists (select 1 from ${userScopes} s where s.user_id = ${users.id} and s.kind = 'enterprise' and s.ref_id = ${enterpriseId})`,
    )
    .orderBy(users.createdAt);
  return rows.map((r) => ({
    ...r,
    lastLoginAt: r.lastLoginAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/**
 * 开通企业账号 by staff: an enterprise account scoped to the firm with a generated password,
 * shown once; the user changes it at first login. Staff need no user-management right for it.
 */
export async function createAccount(ctx: ActorCtx, enterpriseId: string, input: EnterpriseAccountCreate) {
  return inTx(ctx, async (tx) => {
    const firm = await firmFor(tx, enterpriseId);
    const { user, password } = await createUser(
      { ...tx, actor: systemActor },
      {
        username: input.username,
        name: input.name,
        phone: input.phone ?? null,
        regionId: firm.regionId,
        roles: ["enterprise"],
        scopes: [{ kind: "enterprise", refId: firm.id }],
      },
    );
    await audit(tx, {
      action: "create_account",
      subjectType: "enterprise",
      subjectId: firm.id,
      regionId: firm.regionId,
      after: { username: user.username, name: input.name },
      meta: { label: firm.name, userId: user.id },
    });
    return { username: user.username, password };
  });
}
