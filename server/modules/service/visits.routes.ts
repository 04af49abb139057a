import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { conditionSchema } from "../../../common/conditions.js";
import { idParam, pageQuery } from "../../../common/paging.js";
import {
  coverageQuery,
  planPeriodLabels,
  type UnvisitedRow,
  unvisitedQuery,
  visitCreate,
  visitMethodLabels,
  visitPlanCreate,
  visitPlanUpdate,
  visitQuery,
  visitUpdate,
} from "../../../common/visit.schema.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import * as plans from "./plans.service.js";
import { repointEnterprise } from "./visits.queries.js";
import * as visits from "./visits.service.js";

const planQuery = pageQuery.extend({
  regionId: z.uuid().optional(),
  active: z.enum(["true", "false"]).optional(),
});
const previewBody = z.strictObject({
  regionId: z.uuid({ error: "请选择行政区" }),
  parkId: z.uuid().nullable().optional(),
  condition: conditionSchema,
});

export function visitsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service"];
  registerMergeHandler("service.visits_appeals", (ctx, fromId, intoId) =>
    repointEnterprise(ctx.db, fromId, intoId),
  );

  recordRoutes(app, makeCtx, {
    path: "/api/visits",
    tag: "service",
    read: "visit.read",
    query: visitQuery,
    createBody: visitCreate,
    updateBody: visitUpdate,
    list: visits.listVisits,
    get: visits.getVisit,
    create: visits.createVisit,
    update: visits.updateVisit,
    remove: visits.deleteVisit,
    sheet: {
      filename: "企业走访台账",
      name: "走访记录",
      what: "visits",
      columns: [
        { header: "走访日期", width: 12, value: (v) => v.visitedOn },
        { header: "企业", width: 32, value: (v) => v.enterpriseName },
        { header: "园区", width: 20, value: (v) => v.parkName },
        { header: "方式", value: (v) => visitMethodLabels[v.method] },
        { header: "走访人", value: (v) => v.visitorName },
        { header: "同行人员", width: 20, value: (v) => v.companions },
        { header: "接待人", value: (v) => v.metWith },
        { header: "走访情况", width: 60, value: (v) => v.findings },
        { header: "诉求数", value: (v) => v.appealCount },
      ],
    },
  });

  r.post("/api/visit-plans/preview", { schema: { tags, body: previewBody } }, async (req) =>
    plans.previewPlan(actorCtx(makeCtx, req), req.body),
  );
  r.get(
    "/api/visit-plans/:id/coverage",
    { schema: { tags, params: idParam, querystring: coverageQuery } },
    async (req) => plans.planCoverage(actorCtx(makeCtx, req), req.params.id, req.query.period),
  );
  r.get(
    "/api/visit-plans/:id/unvisited",
    { schema: { tags, params: idParam, querystring: unvisitedQuery } },
    async (req) => ({
      ...(await plans.planUnvisited(actorCtx(makeCtx, req), req.params.id, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  r.get(
    "/api/visit-plans/:id/unvisited/export",
    { schema: { tags, params: idParam, querystring: unvisitedQuery } },
    async (req, reply) => {
      const ctx = actorCtx(makeCtx, req);
      return sendXlsx<UnvisitedRow>(ctx, reply, {
        filename: "未走访企业清单",
        sheet: "未走访企业",
        what: "visit_plan.unvisited",
        filters: { ...req.query, planId: req.params.id },
        columns: [
          { header: "企业", width: 32, value: (u) => u.name },
          { header: "统一社会信用代码", width: 22, value: (u) => u.uscc },
          { header: "园区", width: 20, value: (u) => u.parkName },
          { header: "服务专员", value: (u) => u.specialistName },
          { header: "最近走访", width: 12, value: (u) => u.lastVisitedOn ?? "从未走访" },
        ],
        list: (page, pageSize) => plans.planUnvisited(ctx, req.params.id, { ...req.query, page, pageSize }),
      });
    },
  );
  recordRoutes(app, makeCtx, {
    path: "/api/visit-plans",
    tag: "service",
    read: "visit.read",
    query: planQuery,
    createBody: visitPlanCreate,
    updateBody: visitPlanUpdate,
    list: plans.listPlans,
    get: plans.getPlan,
    create: plans.createPlan,
    update: plans.updatePlan,
    remove: plans.deletePlan,
    sheet: {
      filename: "走访计划",
      name: "走访计划",
      what: "visit_plans",
      columns: [
        { header: "计划", width: 30, value: (p) => p.name },
        { header: "行政区", value: (p) => p.regionName },
        { header: "园区", value: (p) => p.parkName },
        { header: "周期", value: (p) => planPeriodLabels[p.period] },
        { header: "走访对象", width: 50, value: (p) => p.conditionText },
        { header: "覆盖目标（%）", value: (p) => p.targetRate },
        { header: "启用", value: (p) => (p.active ? "是" : "否") },
      ],
    },
  });
}
