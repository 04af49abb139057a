import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { evaluationEventKinds } from "../../../common/evaluation.fields.js";
import { presets } from "../../../common/evaluation.presets.js";
import {
  classLabels,
  indicatorDefs,
  overrideBody,
  type ResultClass,
  resultQuery,
  runCreate,
  schemeCopy,
  schemeCreate,
  schemeQuery,
  schemeUpdate,
} from "../../../common/evaluation.schema.js";
import { idParam } from "../../../common/paging.js";
import { type ExportColumn, sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import * as events from "./evaluation.events.js";
import { type listResults as ListResults, repointFirm } from "./evaluation.queries.js";
import * as svc from "./evaluation.service.js";

type ResultRow = Awaited<ReturnType<typeof ListResults>>["items"][number];
const resultParams = z.object({
  id: z.uuid({ error: "无效的编号" }),
  enterpriseId: z.uuid({ error: "无效的编号" }),
});
const sizeNames: Record<string, string> = { above: "规上", below: "规下" };
const resultColumns: ExportColumn<ResultRow>[] = [
  { header: "排名", value: (r) => r.position },
  { header: "企业", width: 32, value: (r) => r.enterpriseName },
  { header: "园区", width: 22, value: (r) => r.parkName },
  { header: "行业代码", value: (r) => r.industryCode },
  { header: "规模", value: (r) => sizeNames[r.sizeGroup] },
  { header: "总分", value: (r) => (r.class === "T" ? null : Math.round(r.total * 100) / 100) },
  { header: "等级", width: 20, value: (r) => classLabels[r.class as ResultClass] },
  { header: "所在空间", width: 30, value: (r) => r.sites.map((x) => x.name).join("、") },
  { header: "按得分等级", value: (r) => r.computedClass },
  { header: "不定等级原因", width: 24, value: (r) => r.tReason },
  { header: "负面清单", width: 24, value: (r) => r.forcedReason },
  { header: "人工调整原因", width: 30, value: (r) => r.overrideReason },
  { header: "合并评价企业数", value: (r) => (r.members > 1 ? r.members : null) },
];

export function evaluationRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["evaluation"];
  registerMergeHandler("evaluation.firms", (ctx, fromId, intoId) => repointFirm(ctx.db, fromId, intoId));

  r.get("/api/evaluation-presets", { schema: { tags } }, async (req) => {
    requirePermission(actorCtx(makeCtx, req).actor.permissions, "evaluation.read");
    return { items: presets, indicators: indicatorDefs };
  });
  r.post(
    "/api/evaluation-schemes/copy",
    {
      schema: {
        tags,
        body: schemeCopy.extend({
          preset: z.enum(["zhejiang", "jiangsu"]).optional(),
          schemeId: z.uuid().optional(),
        }),
      },
    },
    async (req, reply) => {
      const { preset, schemeId, ...target } = req.body;
      return reply
        .status(201)
        .send(await svc.copyScheme(actorCtx(makeCtx, req), { preset, schemeId }, target));
    },
  );
  r.get("/api/evaluation-schemes/:id/preflight", { schema: { tags, params: idParam } }, async (req) =>
    svc.preflight(actorCtx(makeCtx, req), req.params.id),
  );
  recordRoutes(app, makeCtx, {
    path: "/api/evaluation-schemes",
    tag: "evaluation",
    read: "evaluation.read",
    query: schemeQuery,
    createBody: schemeCreate,
    updateBody: schemeUpdate,
    list: svc.listSchemes,
    get: svc.getScheme,
    create: svc.createScheme,
    update: svc.updateScheme,
    remove: svc.deleteScheme,
    sheet: {
      filename: "亩均评价方案",
      name: "评价方案",
      what: "evaluation_schemes",
      columns: [
        { header: "方案", width: 30, value: (s) => s.name },
        { header: "行政区", width: 20, value: (s) => s.regionName },
        { header: "年度", value: (s) => s.year },
        {
          header: "规上指标",
          width: 50,
          value: (s) => s.body.above.map((i) => `${indicatorDefs[i.key].label} ${i.weight}`).join("、"),
        },
        {
          header: "规下指标",
          width: 40,
          value: (s) => s.body.below.map((i) => `${indicatorDefs[i.key].label} ${i.weight}`).join("、"),
        },
      ],
    },
  });

  r.post("/api/evaluation-runs", { schema: { tags, body: runCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.runScheme(actorCtx(makeCtx, req), req.body)),
  );
  r.get(
    "/api/evaluation-runs",
    { schema: { tags, querystring: z.object({ schemeId: z.uuid().optional() }) } },
    async (req) => ({ items: await svc.listRuns(actorCtx(makeCtx, req), req.query.schemeId) }),
  );
  r.get("/api/evaluation-runs/:id", { schema: { tags, params: idParam } }, async (req) =>
    svc.getRun(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/evaluation-runs/:id/distributions", { schema: { tags, params: idParam } }, async (req) =>
    svc.distributions(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/evaluation-runs/:id/movement", { schema: { tags, params: idParam } }, async (req) =>
    svc.movement(actorCtx(makeCtx, req), req.params.id),
  );
  r.get(
    "/api/evaluation-runs/:id/results",
    { schema: { tags, params: idParam, querystring: resultQuery } },
    async (req) => ({
      ...(await svc.listResults(actorCtx(makeCtx, req), req.params.id, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    }),
  );
  r.get(
    "/api/evaluation-runs/:id/results/export",
    { schema: { tags, params: idParam, querystring: resultQuery } },
    async (req, reply) => {
      const ctx = actorCtx(makeCtx, req);
      const run = await svc.getRun(ctx, req.params.id);
      const cls = req.query.class ? `${req.query.class}类` : "全部";
      return sendXlsx(ctx, reply, {
        filename: `亩均评价${run.year}年度-${cls}企业名单`,
        sheet: `${cls}企业`,
        what: "evaluation_results",
        filters: { runId: run.id, ...req.query },
        columns: resultColumns,
        list: async (page, pageSize) => svc.listResults(ctx, run.id, { ...req.query, page, pageSize }),
      });
    },
  );
  r.get(
    "/api/evaluation-runs/:id/results/:enterpriseId",
    { schema: { tags, params: resultParams } },
    async (req) => svc.card(actorCtx(makeCtx, req), req.params.id, req.params.enterpriseId),
  );
  r.post(
    "/api/evaluation-runs/:id/results/:enterpriseId/override",
    { schema: { tags, params: resultParams, body: overrideBody } },
    async (req) =>
      svc.overrideClass(actorCtx(makeCtx, req), req.params.id, req.params.enterpriseId, req.body),
  );

  r.get("/api/enterprises/:id/evaluations", { schema: { tags, params: idParam } }, async (req) =>
    svc.firmResults(actorCtx(makeCtx, req), req.params.id),
  );
  r.post(
    "/api/evaluation-events",
    {
      schema: {
        tags,
        body: z.strictObject({
          enterpriseId: z.uuid({ error: "请选择企业" }),
          year: z.number().int().min(2000).max(2100),
          kind: z.enum(evaluationEventKinds, { error: "请选择事项类型" }),
          note: z.string().trim().max(500).nullable().optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await events.addEvent(actorCtx(makeCtx, req), req.body)),
  );
  r.delete("/api/evaluation-events/:id", { schema: { tags, params: idParam } }, async (req, reply) => {
    await events.removeEvent(actorCtx(makeCtx, req), req.params.id);
    return reply.status(204).send();
  });
}
