import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type AppealDepartmentFigures,
  type AppealRow,
  appealAccept,
  appealCategoryLabels,
  appealConfirm,
  appealCreate,
  appealDeadlinesUpdate,
  appealFiguresQuery,
  appealQuery,
  appealReopen,
  appealReply,
  appealResolve,
  appealRoute,
  appealStatusLabels,
} from "../../../common/appeal.schema.js";
import { idParam } from "../../../common/paging.js";
import { chinaDay } from "../../lib/dates.js";
import { type ExportColumn, sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { registerJob } from "../../lib/jobs/jobs.registry.js";
import { requirePermission } from "../../lib/policy.js";
import { runAppealAlerts } from "./appeals.alerts.js";
import { appealFiguresByDepartment } from "./appeals.figures.js";
import * as q from "./appeals.queries.js";
import * as svc from "./appeals.service.js";
import * as deadlines from "./deadlines.service.js";

const departmentsQuery = z.object({
  enterpriseId: z.uuid({ error: "请先选择企业" }),
  q: z.string().trim().max(40).optional(),
});
const regionQuery = z.object({ regionId: z.uuid({ error: "请选择行政区" }) });

const columns: ExportColumn<AppealRow>[] = [
  { header: "编号", width: 14, value: (a) => a.code },
  { header: "提出日期", width: 12, value: (a) => a.raisedOn },
  { header: "企业", width: 30, value: (a) => a.enterpriseName },
  { header: "园区", width: 20, value: (a) => a.parkName },
  { header: "类别", value: (a) => appealCategoryLabels[a.category] },
  { header: "诉求", width: 40, value: (a) => a.title },
  { header: "承办部门", width: 24, value: (a) => a.departmentName },
  { header: "办理期限（工作日）", value: (a) => a.deadlineWorkdays },
  { header: "到期日", width: 12, value: (a) => a.dueOn },
  { header: "状态", value: (a) => appealStatusLabels[a.status] },
  { header: "逾期工作日", value: (a) => (a.lateWorkdays && a.lateWorkdays > 0 ? a.lateWorkdays : null) },
  { header: "办结日期", width: 12, value: (a) => a.resolvedOn },
  { header: "办理结果", width: 40, value: (a) => a.resolution },
  { header: "满意度", value: (a) => a.rating },
];

const figureColumns: ExportColumn<AppealDepartmentFigures>[] = [
  { header: "承办部门", width: 30, value: (d) => d.departmentName },
  { header: "诉求数", value: (d) => d.total },
  { header: "在办", value: (d) => d.active },
  { header: "逾期", value: (d) => d.overdue },
  { header: "已办结", value: (d) => d.resolved },
  { header: "按期办结", value: (d) => d.resolvedOnTime },
  { header: "按期办结率（%）", value: (d) => d.onTimeRate },
  { header: "办结用时中位数（工作日）", value: (d) => d.medianWorkdays },
  { header: "评价数", value: (d) => d.rated },
  { header: "满意度（1–5）", value: (d) => d.satisfaction },
];

export function appealsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "appeal.read");
    return ctx;
  };
  registerJob({
    name: "service.appeal_alerts",
    title: "企业诉求到期、逾期提醒与升级",
    dailyAt: "08:25",
    run: runAppealAlerts,
  });

  r.get("/api/appeals", { schema: { tags, querystring: appealQuery } }, async (req) => {
    const ctx = read(req);
    const page = await q.listAppeals(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
    return { ...page, page: req.query.page, pageSize: req.query.pageSize };
  });
  r.get("/api/appeals/export", { schema: { tags, querystring: appealQuery } }, async (req, reply) => {
    const ctx = read(req);
    return sendXlsx(ctx, reply, {
      filename: "企业诉求台账",
      sheet: "企业诉求",
      what: "appeals",
      filters: req.query,
      columns,
      list: (page, pageSize) =>
        q.listAppeals(ctx.db, ctx.actor, { ...req.query, page, pageSize }, chinaDay(ctx.now())),
    });
  });
  r.get(
    "/api/appeals/figures/by-department",
    { schema: { tags, querystring: appealFiguresQuery } },
    async (req) => {
      const ctx = read(req);
      return appealFiguresByDepartment(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
    },
  );
  r.get(
    "/api/appeals/figures/by-department/export",
    { schema: { tags, querystring: appealFiguresQuery } },
    async (req, reply) => {
      const ctx = read(req);
      const { items } = await appealFiguresByDepartment(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
      return sendXlsx(ctx, reply, {
        filename: "部门诉求办理统计",
        sheet: "部门诉求办理统计",
        what: "appeals.by_department",
        filters: req.query,
        columns: figureColumns,
        // One page: a region has far fewer departments than a page holds.
        list: async (page) => ({ items: page === 1 ? items : [] }),
      });
    },
  );
  r.post("/api/appeals", { schema: { tags, body: appealCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createAppeal(actorCtx(makeCtx, req), req.body)),
  );
  r.get("/api/appeals/:id", { schema: { tags, params: idParam } }, async (req) =>
    svc.appealDetail(actorCtx(makeCtx, req), req.params.id),
  );
  const action = <B extends z.ZodType<{ version: number }>>(
    name: string,
    body: B,
    run: (ctx: ReturnType<typeof read>, id: string, input: z.infer<B>) => Promise<unknown>,
  ) =>
    r.post(`/api/appeals/:id/${name}`, { schema: { tags, params: idParam, body } }, async (req) => {
      const ctx = actorCtx(makeCtx, req);
      await run(ctx, req.params.id, req.body as z.infer<B>);
      return svc.appealDetail(ctx, req.params.id);
    });
  action("route", appealRoute, svc.routeAppeal);
  action("accept", appealAccept, svc.acceptAppeal);
  action("reply", appealReply, svc.replyAppeal);
  action("resolve", appealResolve, svc.resolveAppeal);
  action("confirm", appealConfirm, svc.confirmAppeal);
  action("reopen", appealReopen, svc.reopenAppeal);

  r.get("/api/appeal-departments", { schema: { tags, querystring: departmentsQuery } }, async (req) => ({
    items: await deadlines.departmentsFor(read(req), req.query.enterpriseId, req.query.q),
  }));
  r.get("/api/appeal-deadlines", { schema: { tags, querystring: regionQuery } }, async (req) =>
    deadlines.getDeadlines(read(req), req.query.regionId),
  );
  r.put("/api/appeal-deadlines", { schema: { tags, body: appealDeadlinesUpdate } }, async (req) =>
    deadlines.saveDeadlines(actorCtx(makeCtx, req), req.body),
  );
}
