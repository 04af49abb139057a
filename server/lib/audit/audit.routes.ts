import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { auditQuery } from "../../../common/audit.schema.js";
import { auditActionLabels, type SubjectType, subjectTypeLabels } from "../../../common/enums.js";
import { chinaTime } from "../dates.js";
import { sendXlsx } from "../export.js";
import { actorCtx, type CtxFactory } from "../http.js";
import { requirePermission } from "../policy.js";
import { hasAll } from "../scope.js";
import { listAudit } from "./audit.queries.js";
import { verifyAudit } from "./audit.verify.js";

/** "field: value; …" for a spreadsheet cell, instead of raw JSON. */
function readable(v: unknown): string | null {
  if (!v || typeof v !== "object") return v == null ? null : String(v);
  return Object.entries(v as Record<string, unknown>)
    .filter(([k]) => k !== "id" && !k.endsWith("Id"))
    .map(([k, x]) => `${k}: ${typeof x === "object" && x !== null ? JSON.stringify(x) : String(x)}`)
    .join("；");
}

export function auditRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["audit"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "audit.read");
    return ctx;
  };
  r.get("/api/audit", { schema: { tags, querystring: auditQuery } }, async (req) => {
    const ctx = read(req);
    return {
      ...(await listAudit(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/audit/export", { schema: { tags, querystring: auditQuery } }, async (req, reply) => {
    const ctx = read(req);
    return sendXlsx(ctx, reply, {
      filename: "操作日志",
      sheet: "操作日志",
      what: "audit",
      filters: req.query,
      list: (page, pageSize) => listAudit(ctx.db, ctx.actor, { ...req.query, page, pageSize }),
      columns: [
        {
          header: "时间",
          width: 22,
          value: (e) => chinaTime.format(e.at),
        },
        { header: "操作人", value: (e) => e.actorName },
        { header: "操作", value: (e) => auditActionLabels[e.action] ?? e.action },
        {
          header: "对象类型",
          value: (e) => subjectTypeLabels[e.subjectType as SubjectType] ?? e.subjectType,
        },
        { header: "对象名称", width: 28, value: (e) => (e.meta as { label?: string } | null)?.label ?? null },
        { header: "修改前", width: 40, value: (e) => readable(e.before) },
        { header: "修改后", width: 40, value: (e) => readable(e.after) },
        { header: "对象编号", width: 38, value: (e) => e.subjectId },
      ],
    });
  });
  r.get("/api/audit/verify", { schema: { tags } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "audit.verify");
    const keys = hasAll(ctx.actor)
      ? undefined
      : ctx.actor.grants.filter((g) => g.kind === "region" && g.refId).map((g) => g.refId!);
    return verifyAudit(ctx.db, ctx.secret, keys);
  });
}
