import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParam } from "../../../common/paging.js";
import {
  byDepartmentQuery,
  eligibleDepartmentQuery,
  type ProblemCategory,
  type ProblemRow,
  type ProblemStatus,
  problemAssign,
  problemCategoryLabels,
  problemClose,
  problemCreate,
  problemQuery,
  problemReopen,
  problemReply,
  problemResolve,
  problemStatusLabels,
  problemUpdate,
} from "../../../common/problem.schema.js";
import { chinaDay } from "../../lib/dates.js";
import { notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import * as orgQ from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import { figuresByDepartment } from "./figures.queries.js";
import * as q from "./problems.queries.js";
import * as svc from "./problems.service.js";

export function problemsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["problems"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "problem.read");
    return ctx;
  };

  r.get("/api/problems", { schema: { tags, querystring: problemQuery } }, async (req) => {
    const ctx = read(req);
    const page = await q.listProblems(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
    return { ...page, page: req.query.page, pageSize: req.query.pageSize };
  });
  r.get("/api/problems/export", { schema: { tags, querystring: problemQuery } }, async (req, reply) => {
    const ctx = read(req);
    const today = chinaDay(ctx.now());
    return sendXlsx<ProblemRow>(ctx, reply, {
      filename: "问题清单",
      sheet: "问题清单",
      what: "problems",
      filters: req.query,
      columns: [
        { header: "项目", width: 32, value: (p) => p.subjectName },
        { header: "问题", width: 36, value: (p) => p.title },
        { header: "问题描述", width: 40, value: (p) => p.detail },
        { header: "类别", value: (p) => problemCategoryLabels[p.category as ProblemCategory] },
        { header: "提出日期", value: (p) => p.raisedOn },
        { header: "提出人", value: (p) => p.raisedByName },
        { header: "责任部门", width: 26, value: (p) => p.departmentName },
        { header: "期限(工作日)", value: (p) => p.deadlineWorkdays },
        { header: "到期日", value: (p) => p.dueOn },
        { header: "状态", value: (p) => problemStatusLabels[p.status as ProblemStatus] },
        {
          header: "逾期(工作日)",
          value: (p) => (p.lateWorkdays != null && p.lateWorkdays > 0 ? p.lateWorkdays : null),
        },
        { header: "已升级", value: (p) => (p.escalated ? "是" : null) },
        { header: "解决情况", width: 40, value: (p) => p.resolution },
        { header: "解决日期", value: (p) => p.resolvedOn },
        { header: "销号日期", value: (p) => p.closedOn },
      ],
      list: (page, pageSize) => q.listProblems(ctx.db, ctx.actor, { ...req.query, page, pageSize }, today),
    });
  });
  r.get("/api/problems/by-department", { schema: { tags, querystring: byDepartmentQuery } }, async (req) => {
    const ctx = read(req);
    return figuresByDepartment(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
  });
  // The departments a problem of a region may go to: /api/departments shows a park officer none.
  r.get(
    "/api/problems/departments",
    { schema: { tags, querystring: eligibleDepartmentQuery } },
    async (req) => {
      const ctx = read(req);
      const region = await regionById(ctx.db, req.query.regionId);
      if (!region) throw notFound();
      return { items: await orgQ.relatedDepartments(ctx.db, region.path, req.query.q) };
    },
  );
  r.get("/api/problems/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    const row = await q.getProblem(ctx.db, ctx.actor, req.params.id, chinaDay(ctx.now()));
    if (!row) throw notFound();
    return row;
  });
  r.get("/api/problems/:id/events", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    if (!(await q.getProblem(ctx.db, ctx.actor, req.params.id, chinaDay(ctx.now())))) throw notFound();
    return { items: await q.listEvents(ctx.db, req.params.id) };
  });
  r.post("/api/problems", { schema: { tags, body: problemCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.raiseProblem(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/problems/:id", { schema: { tags, params: idParam, body: problemUpdate } }, async (req) =>
    svc.updateProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/problems/:id/assign",
    { schema: { tags, params: idParam, body: problemAssign } },
    async (req) => svc.assignProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post("/api/problems/:id/reply", { schema: { tags, params: idParam, body: problemReply } }, async (req) =>
    svc.replyProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/problems/:id/resolve",
    { schema: { tags, params: idParam, body: problemResolve } },
    async (req) => svc.resolveProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post("/api/problems/:id/close", { schema: { tags, params: idParam, body: problemClose } }, async (req) =>
    svc.closeProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/problems/:id/reopen",
    { schema: { tags, params: idParam, body: problemReopen } },
    async (req) => svc.reopenProblem(actorCtx(makeCtx, req), req.params.id, req.body),
  );
}
