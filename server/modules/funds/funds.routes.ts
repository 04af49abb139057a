import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { z } from "zod";
import {
  callCreate,
  deleteQuery,
  exitCreate,
  figuresQuery,
  fundCreate,
  fundProjectCreate,
  fundQuery,
  fundStatusLabels,
  fundUpdate,
  type InvestmentRow,
  investmentCreate,
  investmentUpdate,
  LEVERAGE_FORMULA,
  roundLabels,
} from "../../../common/fund.schema.js";
import { idParam } from "../../../common/paging.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { type ChildRoutes, childRoutes, recordRoutes } from "../../lib/record-routes.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import { fundFigures } from "./funds.figures.js";
import { repointFirm } from "./funds.queries.js";
import * as svc from "./funds.service.js";

const wanOf = (fen: number | null) => (fen === null ? null : Math.round(fen / 100) / 10_000);
const lev = (v: number | null) => (v === null ? "n/a" : v);

export function fundsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["funds"];
  registerMergeHandler("funds.firms", (ctx, fromId, intoId) => repointFirm(ctx.db, fromId, intoId));

  r.get("/api/funds/figures", { schema: { tags, querystring: figuresQuery } }, async (req) =>
    fundFigures(actorCtx(makeCtx, req), req.query),
  );
  r.get("/api/funds/figures/export", { schema: { tags, querystring: figuresQuery } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const figures = await fundFigures(ctx, req.query);
    return sendXlsx(ctx, reply, {
      filename: "基金招商统计",
      sheet: "基金招商统计",
      what: "fund_figures",
      filters: req.query,
      list: async (page) => ({ items: page === 1 ? figures.rows : [] }),
      columns: [
        { header: "年度", width: 8, value: (x) => x.year },
        { header: "园区", width: 28, value: (x) => x.parkName },
        { header: "基金投资（万元）", value: (x) => wanOf(x.fundFen) },
        { header: "跟投资金（万元）", value: (x) => wanOf(x.coInvestFen) },
        { header: `撬动倍数（${LEVERAGE_FORMULA}）`, width: 34, value: (x) => lev(x.leverage) },
        { header: "投资笔数", value: (x) => x.investments },
        { header: "基金招商落地项目", value: (x) => x.projectsLanded },
      ],
    });
  });
  r.get("/api/funds/:id/detail", { schema: { tags, params: idParam } }, async (req) =>
    svc.fundDetail(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/funds/:id/investments/export", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const d = await svc.fundDetail(ctx, req.params.id);
    return sendXlsx<InvestmentRow>(ctx, reply, {
      filename: `${d.fund.name}-投资明细`,
      sheet: "投资明细",
      what: "fund_investments",
      filters: { fundId: d.fund.id },
      list: async (page) => ({ items: page === 1 ? d.investments : [] }),
      columns: [
        { header: "投资日期", value: (i) => i.investedOn },
        { header: "被投企业", width: 28, value: (i) => i.enterpriseName },
        { header: "项目", width: 32, value: (i) => i.projectName },
        { header: "落地园区", width: 24, value: (i) => i.parkName },
        { header: "轮次", value: (i) => roundLabels[i.round] },
        { header: "基金投资（万元）", value: (i) => wanOf(i.amountFen) },
        { header: "跟投资金（万元）", value: (i) => wanOf(i.coInvestFen) },
        { header: "撬动倍数", value: (i) => lev(i.leverage) },
        { header: "持股比例（%）", value: (i) => i.stakePct },
        { header: "退出回收（万元）", value: (i) => wanOf(i.exitProceedsFen) },
        { header: "备注", width: 30, value: (i) => i.note },
      ],
    });
  });

  const child = <B extends z.ZodType, Row>(
    path: string,
    body: B,
    add: ChildRoutes<B, Row>["add"],
    remove: ChildRoutes<B, Row>["remove"],
  ) => childRoutes(app, makeCtx, { path: `/api/funds/:id/${path}`, tag: "funds", body, add, remove });
  child("calls", callCreate, svc.addCall, svc.deleteCall);
  child("exits", exitCreate, svc.addExit, svc.deleteExit);
  child("projects", fundProjectCreate, svc.linkProject, svc.unlinkProject);
  r.post(
    "/api/funds/:id/investments",
    { schema: { tags, params: idParam, body: investmentCreate } },
    async (req, reply) =>
      reply.status(201).send(await svc.addInvestment(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.patch(
    "/api/fund-investments/:id",
    { schema: { tags, params: idParam, body: investmentUpdate } },
    async (req) => svc.updateInvestment(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/fund-investments/:id",
    { schema: { tags, params: idParam, querystring: deleteQuery } },
    async (req, reply) => {
      await svc.deleteInvestment(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  recordRoutes(app, makeCtx, {
    path: "/api/funds",
    tag: "funds",
    read: "fund.read",
    query: fundQuery,
    createBody: fundCreate,
    updateBody: fundUpdate,
    list: svc.listFunds,
    get: (ctx, id) => {
      requirePermission(ctx.actor.permissions, "fund.read");
      return svc.getFund(ctx, id);
    },
    create: svc.createFund,
    update: svc.updateFund,
    remove: svc.deleteFund,
    sheet: {
      filename: "产业基金",
      name: "产业基金",
      what: "funds",
      columns: [
        { header: "基金名称", width: 30, value: (f) => f.name },
        { header: "管理人", width: 28, value: (f) => f.managerName },
        { header: "行政区/平台", width: 20, value: (f) => f.regionName },
        { header: "园区", width: 24, value: (f) => f.parkName },
        { header: "状态", value: (f) => fundStatusLabels[f.status] },
        { header: "基金规模（万元）", value: (f) => wanOf(f.sizeFen) },
        { header: "认缴规模（万元）", value: (f) => wanOf(f.committedFen) },
        { header: "实缴出资（万元）", value: (f) => wanOf(f.paidInFen) },
        { header: "政府出资（万元）", value: (f) => wanOf(f.governmentFen) },
        { header: "政府出资占比（%）", value: (f) => f.governmentPct },
        { header: "已投资（万元）", value: (f) => wanOf(f.investedFen) },
        { header: "未投余额（万元）", value: (f) => wanOf(f.uncommittedFen) },
        { header: "跟投资金（万元）", value: (f) => wanOf(f.coInvestFen) },
        { header: "撬动倍数", value: (f) => lev(f.leverage) },
        { header: "引进项目", value: (f) => f.projects },
        { header: "成立日期", value: (f) => f.inceptionOn },
        { header: "存续期（年）", value: (f) => f.termYears },
        { header: "重点投向", width: 30, value: (f) => f.focus.join("、") },
      ],
    },
  });
}
