import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { roleLabels, roles } from "../../../common/enums.js";
import { idParam } from "../../../common/paging.js";
import {
  changePasswordBody,
  loginBody,
  userCreate,
  userQuery,
  userUpdate,
} from "../../../common/users.schema.js";
import type { Config } from "../../config.js";
import type { Auth } from "../../lib/auth.js";
import { AppError, notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory, fetchHeaders, forwardCookies } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import * as session from "./session.service.js";
import * as q from "./users.queries.js";
import * as svc from "./users.service.js";

export function sessionRoutes(app: FastifyInstance, makeCtx: CtxFactory, auth: Auth, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["session"];
  // Per-address throttle on top of the per-account lockout.
  const rateLimit = { max: 60, timeWindow: "1 minute" };
  r.post(
    "/api/session/login",
    { schema: { tags, body: loginBody }, config: { rateLimit } },
    async (req, reply) => {
      const ctx = makeCtx(req);
      const { setCookie } = await session.login(ctx, auth, config, req.body, fetchHeaders(req));
      forwardCookies(reply, setCookie);
      const headers = fetchHeaders(req);
      headers.set("cookie", setCookie.map((c) => c.split(";")[0]).join("; "));
      const s = await session.resolveSession(auth, ctx.db, headers);
      return { user: await session.meOf(ctx, s!) };
    },
  );
  r.post("/api/session/logout", { schema: { tags } }, async (req, reply) => {
    const cookies = await session.logout(actorCtx(makeCtx, req), auth, fetchHeaders(req));
    forwardCookies(reply, cookies);
    return reply.status(204).send();
  });
  r.get("/api/session/me", { schema: { tags } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    const s = await session.currentSession(auth, ctx.db, fetchHeaders(req));
    return { user: await session.meOf(ctx, s!) };
  });
  r.post("/api/session/password", { schema: { tags, body: changePasswordBody } }, async (req, reply) => {
    const cookies = await session.changePassword(actorCtx(makeCtx, req), auth, req.body, fetchHeaders(req));
    forwardCookies(reply, cookies);
    return reply.status(204).send();
  });
}

const peopleQuery = z.object({ role: z.enum(roles), q: z.string().trim().max(40).optional() });

export function usersRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  registerMergeHandler("users.enterprise_grants", (ctx, fromId, intoId) =>
    q.repointEnterpriseGrants(ctx.db, fromId, intoId),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["users"];
  const manage = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "user.manage");
    return ctx;
  };
  // Staff pick colleagues (a firm's service specialist, a project's officer) without user admin rights.
  r.get("/api/people", { schema: { tags, querystring: peopleQuery } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    if (ctx.actor.roles.every((role) => role === "enterprise")) throw new AppError("FORBIDDEN");
    return { items: await q.listPeople(ctx.db, req.query.role, req.query.q) };
  });
  r.get("/api/users", { schema: { tags, querystring: userQuery } }, async (req) => {
    const ctx = manage(req);
    return {
      ...(await q.listUsers(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/users/export", { schema: { tags, querystring: userQuery } }, async (req, reply) => {
    const ctx = manage(req);
    return sendXlsx(ctx, reply, {
      filename: "用户列表",
      sheet: "用户",
      what: "users",
      filters: req.query,
      list: (page, pageSize) => q.listUsers(ctx.db, ctx.actor, { ...req.query, page, pageSize }),
      columns: [
        { header: "用户名", value: (u) => u.username },
        { header: "姓名", value: (u) => u.name },
        { header: "角色", width: 30, value: (u) => u.roles.map((x) => roleLabels[x]).join("、") },
        { header: "所属行政区", value: (u) => u.regionName },
        { header: "部门", width: 24, value: (u) => u.departmentName },
        { header: "数据范围", width: 36, value: (u) => u.scopes.map((s) => s.refName ?? s.kind).join("、") },
        { header: "状态", value: (u) => (u.active ? "启用" : "停用") },
      ],
    });
  });
  r.get("/api/users/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = manage(req);
    const row = await q.getUser(ctx.db, ctx.actor, req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/users", { schema: { tags, body: userCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createUser(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/users/:id", { schema: { tags, params: idParam, body: userUpdate } }, async (req) =>
    svc.updateUser(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post("/api/users/:id/reset-password", { schema: { tags, params: idParam } }, async (req) =>
    svc.resetPassword(actorCtx(makeCtx, req), req.params.id),
  );
  r.post("/api/users/:id/unlock", { schema: { tags, params: idParam } }, async (req) =>
    svc.unlockUser(actorCtx(makeCtx, req), req.params.id),
  );
}
