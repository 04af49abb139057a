import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { periodKindLabels } from "../../../common/kpi.period.js";
import {
  goalCreate,
  goalQuery,
  goalUpdate,
  manualIndicatorCreate,
  manualIndicatorUpdate,
  manualValueCreate,
  manualValueQuery,
  type RankingUnit,
  rankingQuery,
  runCreate,
  schemeCreate,
  schemeUpdate,
  unitKindLabels,
  unitKinds,
} from "../../../common/kpi.schema.js";
import { idParam, pageQuery } from "../../../common/paging.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { listIndicators } from "./kpi.indicators.js";
import { unitCandidates } from "./kpi.queries.js";
import * as rk from "./kpi.ranking.js";
import * as svc from "./kpi.service.js";

const versionQuery = z.object({ version: z.coerce.number().int() });
const unitsQuery = z.object({ kind: z.enum(unitKinds), regionId: z.uuid().optional() });
const pct = (x: number | null) => (x === null ? "n/a" : Math.round(x * 1000) / 10);
const ruleText = { ratio: "完成率", rank: "排名", efficacy: "功效系数" } as const;

export function kpiRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["kpi"];

  r.get("/api/kpi/indicators", { schema: { tags } }, async (req) => ({
    items: await listIndicators(actorCtx(makeCtx, req)),
  }));
  r.post("/api/kpi/indicators", { schema: { tags, body: manualIndicatorCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createManualIndicator(actorCtx(makeCtx, req), req.body)),
  );
  r.patch(
    "/api/kpi/indicators/:id",
    { schema: { tags, params: idParam, body: manualIndicatorUpdate } },
    async (req) => svc.updateManualIndicator(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/kpi/indicators/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deleteManualIndicator(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  r.get("/api/kpi/units", { schema: { tags, querystring: unitsQuery } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "kpi.read");
    return { items: await unitCandidates(ctx.db, ctx.actor, req.query.kind, req.query.regionId) };
  });
  r.get("/api/kpi/values", { schema: { tags, querystring: manualValueQuery } }, async (req) => ({
    ...(await svc.listValues(actorCtx(makeCtx, req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));
  r.post("/api/kpi/values", { schema: { tags, body: manualValueCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.saveValue(actorCtx(makeCtx, req), req.body)),
  );
  r.delete(
    "/api/kpi/values/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deleteValue(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  recordRoutes(app, makeCtx, {
    path: "/api/kpi/goals",
    tag: "kpi",
    read: "kpi.read",
    query: goalQuery,
    createBody: goalCreate,
    updateBody: goalUpdate,
    list: svc.listGoals,
    get: svc.getGoal,
    create: svc.createGoal,
    update: svc.updateGoal,
    remove: svc.deleteGoal,
    sheet: {
      filename: "年度目标任务",
      name: "年度目标",
      what: "kpi_goals",
      columns: [
        { header: "年度", value: (g) => g.year },
        { header: "考核对象", width: 24, value: (g) => g.unitName },
        { header: "对象类型", value: (g) => unitKindLabels[g.unitKind] },
        { header: "指标", width: 24, value: (g) => g.indicatorName },
        { header: "单位", value: (g) => g.indicatorUnit },
        { header: "年度目标", value: (g) => g.target },
        { header: "累计完成", value: (g) => g.actual ?? "无数据" },
        { header: "完成率（%）", value: (g) => pct(g.progress) },
        { header: "时间进度（%）", value: (g) => pct(g.expectedShare) },
        { header: "序时完成率（%）", value: (g) => pct(g.timeAdjusted) },
      ],
    },
  });

  recordRoutes(app, makeCtx, {
    path: "/api/kpi/schemes",
    tag: "kpi",
    read: "kpi.read",
    query: pageQuery,
    createBody: schemeCreate,
    updateBody: schemeUpdate,
    list: rk.listSchemes,
    get: rk.getScheme,
    create: rk.createScheme,
    update: rk.updateScheme,
    remove: rk.deleteScheme,
    sheet: {
      filename: "考核方案",
      name: "考核方案",
      what: "kpi_schemes",
      columns: [
        { header: "方案", width: 36, value: (s) => s.name },
        { header: "行政区", width: 20, value: (s) => s.regionName },
        { header: "考核对象", value: (s) => unitKindLabels[s.unitKind] },
        { header: "对象数", value: (s) => s.unitIds.length },
        { header: "周期", value: (s) => periodKindLabels[s.periodKind] },
        {
          header: "指标与权重",
          width: 60,
          value: (s) =>
            s.items.map((i) => `${i.indicatorName} ${i.weight}（${ruleText[i.rule.kind]}）`).join("；"),
        },
      ],
    },
  });

  r.post(
    "/api/kpi/schemes/:id/runs",
    { schema: { tags, params: idParam, body: runCreate } },
    async (req, reply) =>
      reply.status(201).send(await rk.runScheme(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.get(
    "/api/kpi/schemes/:id/ranking",
    { schema: { tags, params: idParam, querystring: rankingQuery } },
    async (req) => rk.ranking(actorCtx(makeCtx, req), req.params.id, req.query.periodKey),
  );
  r.get("/api/kpi/runs/:id", { schema: { tags, params: idParam } }, async (req) =>
    rk.getRun(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/kpi/runs/:id/export", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const run = await rk.getRun(ctx, req.params.id);
    return sendXlsx<RankingUnit>(ctx, reply, {
      filename: `${run.schemeName}-${run.periodLabel}赛马排名`,
      sheet: "赛马排名",
      what: "kpi_run",
      filters: { runId: run.id },
      columns: [
        { header: "排名", value: (u) => u.rank },
        {
          header: "较上期",
          value: (u) =>
            u.change === null ? "—" : u.change > 0 ? `▲${u.change}` : u.change < 0 ? `▼${-u.change}` : "持平",
        },
        { header: "考核对象", width: 24, value: (u) => u.unitName },
        { header: "总分", value: (u) => u.total },
        ...run.items.map((it) => ({
          header: `${it.indicatorName}（${it.weight}）`,
          width: 18,
          value: (u: RankingUnit) => {
            const s = u.scores[it.indicatorKey];
            return s?.note === "no_data" ? "无数据" : (s?.score ?? null);
          },
        })),
        { header: "加分", value: (u) => u.bonus },
        { header: "扣分", value: (u) => u.deduction },
      ],
      list: async (page) => ({ items: page === 1 ? run.units : [] }),
    });
  });
}
