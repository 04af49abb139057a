import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParam } from "../../../common/paging.js";
import {
  actualUpsert,
  actualYearParam,
  fundSummaryQuery,
  fundUpsert,
  monthParam,
} from "../../../common/project.schema.js";
import { chinaDay } from "../../lib/dates.js";
import { notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import * as perfQ from "./performance.queries.js";
import * as perf from "./performance.service.js";
import { getProject } from "./projects.queries.js";

const wan = (fen: number) => fen / 1_000_000;

/** Funds in place (实际到位资金), yearly actuals and the contract's performance (履约). */
export function performanceRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["projects"];
  const inScope = async (req: Parameters<CtxFactory>[0], id: string) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "project.read");
    const row = await getProject(ctx.db, ctx.actor, id, chinaDay(ctx.now()));
    if (!row) throw notFound();
    return { ctx, row };
  };

  r.get("/api/projects/:id/funds", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await inScope(req, req.params.id);
    return { items: await perfQ.fundsOf(ctx.db, req.params.id) };
  });
  r.put(
    "/api/projects/:id/funds/:month",
    { schema: { tags, params: monthParam, body: fundUpsert } },
    async (req) => perf.saveFund(actorCtx(makeCtx, req), req.params.id, req.params.month, req.body),
  );
  r.get("/api/projects/:id/actuals", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await inScope(req, req.params.id);
    return { items: await perfQ.actualsOf(ctx.db, req.params.id) };
  });
  r.put(
    "/api/projects/:id/actuals/:year",
    { schema: { tags, params: actualYearParam, body: actualUpsert } },
    async (req) => perf.saveActual(actorCtx(makeCtx, req), req.params.id, req.params.year, req.body),
  );
  r.get("/api/projects/:id/performance", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx, row } = await inScope(req, req.params.id);
    return perf.commitmentsOf(ctx.db, row, chinaDay(ctx.now()));
  });

  const summary = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "project.read");
    return ctx;
  };
  r.get("/api/funds/summary", { schema: { tags, querystring: fundSummaryQuery } }, async (req) => {
    const ctx = summary(req);
    return { items: await perfQ.fundSummary(ctx.db, ctx.actor, req.query, chinaDay(ctx.now())) };
  });
  r.get(
    "/api/funds/summary/export",
    { schema: { tags, querystring: fundSummaryQuery } },
    async (req, reply) => {
      const ctx = summary(req);
      const items = await perfQ.fundSummary(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
      return sendXlsx<(typeof items)[number]>(ctx, reply, {
        filename: `${req.query.year}年实际到位资金`,
        sheet: "到位资金",
        what: "funds in place",
        filters: req.query,
        columns: [
          {
            header: { park: "园区", team: "小分队", month: "月份" }[req.query.groupBy],
            width: 28,
            value: (x) => x.name ?? "（未填）",
          },
          { header: "项目数", value: (x) => x.projects },
          { header: "内资到位(万元)", value: (x) => wan(x.domesticFen) },
          { header: "外资到位(万美元)", value: (x) => wan(x.foreignCents) },
        ],
        list: async (page) => ({ items: page === 1 ? items : [] }),
      });
    },
  );
}
