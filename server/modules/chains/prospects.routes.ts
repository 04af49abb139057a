import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type ProspectRow,
  prospectAssign,
  prospectConvert,
  prospectCreate,
  prospectPriorityLabels,
  prospectQuery,
  prospectSignalLabels,
  prospectSourceLabels,
  prospectStatusLabels,
  prospectUpdate,
  weightsSave,
} from "../../../common/chain.prospect.js";
import { idParam } from "../../../common/paging.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import * as svc from "./prospects.service.js";

export function prospectsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["chains"];
  r.get(
    "/api/prospect-weights",
    { schema: { tags, querystring: z.object({ regionId: z.uuid().optional() }) } },
    async (req) => {
      const ctx = actorCtx(makeCtx, req);
      requirePermission(ctx.actor.permissions, "prospect.read");
      return svc.weightsFor(ctx, req.query.regionId);
    },
  );
  r.put("/api/prospect-weights", { schema: { tags, body: weightsSave } }, async (req) =>
    svc.saveWeights(actorCtx(makeCtx, req), req.body),
  );
  r.post(
    "/api/prospects/:id/assign",
    { schema: { tags, params: idParam, body: prospectAssign } },
    async (req) => svc.assignProspect(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/prospects/:id/convert",
    { schema: { tags, params: idParam, body: prospectConvert } },
    async (req, reply) =>
      reply.status(201).send(await svc.convertProspect(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  recordRoutes(app, makeCtx, {
    path: "/api/prospects",
    tag: "chains",
    read: "prospect.read",
    query: prospectQuery,
    createBody: prospectCreate,
    updateBody: prospectUpdate,
    list: svc.listProspects,
    get: svc.getProspect,
    create: svc.createProspect,
    update: svc.updateProspect,
    remove: svc.deleteProspect,
    sheet: {
      filename: "招引目标池",
      name: "招引目标",
      what: "prospects",
      columns: [
        { header: "排名得分", value: (p: ProspectRow) => p.score },
        { header: "企业", width: 30, value: (p) => p.name },
        { header: "来源", width: 24, value: (p) => p.sources.map((s) => prospectSourceLabels[s]).join("、") },
        { header: "国家/地区", value: (p) => p.country },
        { header: "总部", width: 16, value: (p) => p.headquarters },
        { header: "行业", width: 16, value: (p) => p.industry ?? p.industryCode },
        {
          header: "可补环节",
          width: 30,
          value: (p) => p.links.map((l) => `${l.chainName}·${l.name}`).join("、"),
        },
        {
          header: "动态信号",
          width: 20,
          value: (p) => p.signals.map((s) => prospectSignalLabels[s]).join("、"),
        },
        { header: "近期动向", width: 40, value: (p) => p.moves },
        { header: "优先级", value: (p) => prospectPriorityLabels[p.priority] },
        { header: "分配队伍", width: 20, value: (p) => p.teamName },
        { header: "状态", value: (p) => prospectStatusLabels[p.status] },
        { header: "项目编号", value: (p) => p.projectCode },
        {
          header: "得分说明",
          width: 60,
          value: (p) => p.parts.map((x) => `${x.label}+${x.points}：${x.reason}`).join("；"),
        },
      ],
    },
  });
}
