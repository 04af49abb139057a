import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParam, pageQuery } from "../../../common/paging.js";
import {
  type ApplicationRow,
  applicationCreate,
  applicationDecide,
  applicationQuery,
  applicationStatusLabels,
  claimPeriodLabels,
  clauseCreate,
  clauseQuery,
  clauseUpdate,
  payoutCreate,
  totalsQuery,
} from "../../../common/policy.schema.js";
import { type ExportColumn, sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { registerJob } from "../../lib/jobs/jobs.registry.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { runApplicationAlerts } from "./policies.alerts.js";
import * as svc from "./policies.service.js";

const wan = (fen: number | null) => (fen === null ? null : fen / 1_000_000);
const applicationColumns: ExportColumn<ApplicationRow>[] = [
  { header: "编号", width: 14, value: (a) => a.code },
  { header: "申报日期", width: 12, value: (a) => a.appliedOn },
  { header: "企业", width: 30, value: (a) => a.enterpriseName },
  { header: "园区", width: 20, value: (a) => a.parkName },
  { header: "政策", width: 30, value: (a) => a.policyName },
  { header: "条款", width: 30, value: (a) => a.clauseName },
  { header: "公平竞争审查", value: (a) => (a.fairReview ? "需审查" : "") },
  { header: "申报期", value: (a) => (a.period === "once" ? "一次性" : a.period) },
  { header: "申请金额（万元）", value: (a) => wan(a.claimedFen) },
  { header: "批准金额（万元）", value: (a) => wan(a.approvedFen) },
  { header: "已兑付（万元）", value: (a) => wan(a.paidFen) },
  { header: "状态", value: (a) => applicationStatusLabels[a.status] },
  { header: "当前环节", value: (a) => a.stepName },
  { header: "不符合条件仍受理原因", width: 30, value: (a) => a.overrideReason },
];

export function policiesRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service"];
  registerJob({
    name: "service.policy_alerts",
    title: "政策兑现申请审核临期、超期提醒",
    dailyAt: "08:30",
    run: runApplicationAlerts,
  });

  r.get(
    "/api/policy-clauses/:id/matches",
    { schema: { tags, params: idParam, querystring: pageQuery } },
    async (req) => ({
      ...(await svc.clauseMatches(actorCtx(makeCtx, req), req.params.id, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  recordRoutes(app, makeCtx, {
    path: "/api/policy-clauses",
    tag: "service",
    read: "policy.read",
    query: clauseQuery,
    createBody: clauseCreate,
    updateBody: clauseUpdate,
    list: svc.listClauses,
    get: svc.getClause,
    create: svc.createClause,
    update: svc.updateClause,
    remove: svc.deleteClause,
    sheet: {
      filename: "政策条款库",
      name: "政策条款",
      what: "policy_clauses",
      columns: [
        { header: "政策文件", width: 30, value: (c) => c.policyName },
        { header: "文号", width: 18, value: (c) => c.docNo },
        { header: "条款号", value: (c) => c.clauseNo },
        { header: "条款", width: 30, value: (c) => c.name },
        { header: "适用条件", width: 50, value: (c) => c.conditionText },
        { header: "奖补标准", width: 30, value: (c) => c.amountText },
        { header: "申报周期", value: (c) => claimPeriodLabels[c.period] },
        { header: "有效期起", width: 12, value: (c) => c.validFrom },
        { header: "有效期止", width: 12, value: (c) => c.validTo },
        { header: "审核环节", width: 30, value: (c) => c.steps.join(" → ") },
        { header: "公平竞争审查", value: (c) => (c.fairReview ? "需审查" : "") },
        { header: "启用", value: (c) => (c.active ? "是" : "否") },
      ],
    },
  });
  r.get("/api/enterprises/:id/policy-matches", { schema: { tags, params: idParam } }, async (req) => ({
    items: await svc.firmMatches(actorCtx(makeCtx, req), req.params.id),
  }));

  r.get("/api/policy-applications", { schema: { tags, querystring: applicationQuery } }, async (req) => ({
    ...(await svc.listApplications(actorCtx(makeCtx, req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));
  r.get(
    "/api/policy-applications/export",
    { schema: { tags, querystring: applicationQuery } },
    async (req, reply) => {
      const ctx = actorCtx(makeCtx, req);
      return sendXlsx(ctx, reply, {
        filename: "政策兑现申请",
        sheet: "兑现申请",
        what: "policy_applications",
        filters: req.query,
        columns: applicationColumns,
        list: (page, pageSize) => svc.listApplications(ctx, { ...req.query, page, pageSize }),
      });
    },
  );
  r.post("/api/policy-applications", { schema: { tags, body: applicationCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.applyForClause(actorCtx(makeCtx, req), req.body)),
  );
  r.get("/api/policy-applications/:id", { schema: { tags, params: idParam } }, async (req) =>
    svc.applicationDetail(actorCtx(makeCtx, req), req.params.id),
  );
  r.post(
    "/api/policy-applications/:id/decide",
    { schema: { tags, params: idParam, body: applicationDecide } },
    async (req) => {
      const ctx = actorCtx(makeCtx, req);
      await svc.decideApplication(ctx, req.params.id, req.body);
      return svc.applicationDetail(ctx, req.params.id);
    },
  );
  r.post(
    "/api/policy-applications/:id/payouts",
    { schema: { tags, params: idParam, body: payoutCreate } },
    async (req) => {
      const ctx = actorCtx(makeCtx, req);
      await svc.recordPayout(ctx, req.params.id, req.body);
      return svc.applicationDetail(ctx, req.params.id);
    },
  );
  r.get("/api/policy-totals", { schema: { tags, querystring: totalsQuery } }, async (req) =>
    svc.policyTotals(actorCtx(makeCtx, req), req.query),
  );
}
