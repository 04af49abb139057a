import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParam } from "../../../common/paging.js";
import {
  channelLabels,
  contractTerms,
  creditShares,
  duplicateCheck,
  manualTagLabels,
  nodeQuery,
  nodeStatusLabels,
  nodeTemplateBody,
  nodeUpdate,
  type ProjectChannel,
  type ProjectNode,
  projectCreate,
  projectKindLabels,
  projectQuery,
  projectUpdate,
  stageLabels,
  stageMove,
} from "../../../common/project.schema.js";
import { chinaDay } from "../../lib/dates.js";
import { notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { registerImport } from "../../lib/importer/importer.service.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { hasAll } from "../../lib/scope.js";
import * as orgQ from "../org/org.queries.js";
import { regionById } from "../org/regions.queries.js";
import * as nodesQ from "./nodes.queries.js";
import * as nodes from "./nodes.service.js";
import { pipelineByGroup, pipelineSummary } from "./pipeline.queries.js";
import { projectImport } from "./projects.import.js";
import * as q from "./projects.queries.js";
import * as svc from "./projects.service.js";
import { moveStage } from "./stages.service.js";

const wan = (fen: number | null) => (fen == null ? null : fen / 1_000_000);
const projectTeamQuery = z.object({ q: z.string().trim().max(40).optional() });
const mu = (m2: number | null) => (m2 == null ? null : Math.round((m2 / 666.67) * 100) / 100);

export function projectsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  registerImport(projectImport);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["projects"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "project.read");
    return ctx;
  };
  const inScope = async (req: Parameters<CtxFactory>[0], id: string) => {
    const ctx = read(req);
    const row = await q.getProject(ctx.db, ctx.actor, id, chinaDay(ctx.now()));
    if (!row) throw notFound();
    return { ctx, row };
  };

  r.get("/api/projects/pipeline", { schema: { tags, querystring: projectQuery } }, async (req) => {
    const ctx = read(req);
    return pipelineSummary(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
  });
  // The teams a project can be registered to or credited to. /api/teams shows a park-scoped officer
  // or a team lead none or one of them, yet they register for (and split credit with) any team of
  // their home region; the actor's home region is added to their scope for this list only.
  r.get("/api/projects/teams", { schema: { tags, querystring: projectTeamQuery } }, async (req) => {
    const ctx = read(req);
    const home = ctx.actor.regionId ? await regionById(ctx.db, ctx.actor.regionId) : null;
    const grants = home
      ? [...ctx.actor.grants, { kind: "region" as const, refId: home.id, path: home.path }]
      : ctx.actor.grants;
    const { items } = await orgQ.listTeams(
      ctx.db,
      { ...ctx.actor, grants },
      { ...req.query, page: 1, pageSize: 100, sort: "name", order: "asc" },
    );
    return {
      items: items.map((t) => ({ id: t.id, name: t.name, regionName: t.regionName, parkName: t.parkName })),
    };
  });
  r.get(
    "/api/projects/pipeline/by",
    {
      schema: {
        tags,
        querystring: projectQuery.extend({ groupBy: z.enum(["park", "team"]).default("park") }),
      },
    },
    async (req) => {
      const ctx = read(req);
      return { items: await pipelineByGroup(ctx.db, ctx.actor, req.query, chinaDay(ctx.now())) };
    },
  );
  r.post("/api/projects/duplicates", { schema: { tags, body: duplicateCheck } }, async (req) => ({
    items: await svc.findDuplicates(actorCtx(makeCtx, req), req.body),
  }));

  recordRoutes(app, makeCtx, {
    path: "/api/projects",
    tag: "projects",
    read: "project.read",
    query: projectQuery,
    createBody: projectCreate,
    updateBody: projectUpdate,
    list: (ctx, query) => q.listProjects(ctx.db, ctx.actor, query, chinaDay(ctx.now())),
    get: (ctx, id) => q.getProject(ctx.db, ctx.actor, id, chinaDay(ctx.now())),
    create: svc.registerProject,
    update: svc.updateProject,
    remove: svc.deleteProject,
    sheet: {
      filename: "招商项目台账",
      name: "项目",
      what: "projects",
      columns: [
        { header: "项目编号", width: 14, value: (p) => p.code },
        { header: "项目名称", width: 36, value: (p) => p.name },
        { header: "投资方", width: 30, value: (p) => p.investorName },
        { header: "项目类型", value: (p) => projectKindLabels[p.kind] },
        { header: "所属行政区", value: (p) => p.regionName },
        { header: "所属园区", width: 22, value: (p) => p.parkName },
        { header: "小分队", width: 22, value: (p) => p.teamName },
        { header: "招商专员", value: (p) => p.officerName },
        { header: "招商渠道", value: (p) => channelLabels[p.channel as ProjectChannel] },
        { header: "总投资(万元)", value: (p) => wan(p.totalInvestmentFen) },
        { header: "外资(万美元)", value: (p) => wan(p.foreignCapitalCents) },
        { header: "固定资产投资(万元)", value: (p) => wan(p.fixedAssetFen) },
        { header: "用地需求(亩)", value: (p) => mu(p.landDemandM2) },
        { header: "预计年产值(万元)", value: (p) => wan(p.expectedOutputFen) },
        { header: "预计年税收(万元)", value: (p) => wan(p.expectedTaxFen) },
        { header: "就业人数", value: (p) => p.jobs },
        {
          header: "标签",
          width: 24,
          value: (p) => [...p.sizeTags, ...p.manualTags.map((t) => manualTagLabels[t])].join("、"),
        },
        { header: "阶段", value: (p) => stageLabels[p.stage] },
        { header: "阶段日期", value: (p) => p.stageOn },
        { header: "逾期节点", value: (p) => p.overdueNodes },
        { header: "报备时间", width: 20, value: (p) => p.registeredAt.slice(0, 10) },
      ],
    },
  });

  r.post("/api/projects/:id/stage", { schema: { tags, params: idParam, body: stageMove } }, async (req) =>
    moveStage(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/projects/:id/stages", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await inScope(req, req.params.id);
    return { items: await q.listStageEvents(ctx.db, req.params.id) };
  });
  r.get("/api/projects/:id/credits", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await inScope(req, req.params.id);
    return { items: await q.listCredits(ctx.db, req.params.id) };
  });
  r.put("/api/projects/:id/credits", { schema: { tags, params: idParam, body: creditShares } }, async (req) =>
    svc.setCredits(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/projects/:id/contract", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await inScope(req, req.params.id);
    return { contract: await q.getContract(ctx.db, req.params.id) };
  });
  r.put(
    "/api/projects/:id/contract",
    { schema: { tags, params: idParam, body: contractTerms } },
    async (req) => svc.saveContract(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/projects/:id/duplicates", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx, row } = await inScope(req, req.params.id);
    return {
      items: await svc.findDuplicates(
        ctx,
        { name: row.name, investorId: row.investorId, regionId: row.regionId },
        row.id,
      ),
    };
  });
  r.get("/api/projects/:id/nodes", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    const today = chinaDay(ctx.now());
    const { items } = await nodesQ.listNodes(
      ctx.db,
      ctx.actor,
      { projectId: req.params.id, page: 1, pageSize: 200 },
      today,
    );
    if (items.length === 0 && !(await q.getProject(ctx.db, ctx.actor, req.params.id, today)))
      throw notFound();
    return { items };
  });

  r.get("/api/nodes", { schema: { tags, querystring: nodeQuery } }, async (req) => {
    const ctx = read(req);
    const page = await nodesQ.listNodes(ctx.db, ctx.actor, req.query, chinaDay(ctx.now()));
    return { ...page, page: req.query.page, pageSize: req.query.pageSize };
  });
  r.get("/api/nodes/export", { schema: { tags, querystring: nodeQuery } }, async (req, reply) => {
    const ctx = read(req);
    const today = chinaDay(ctx.now());
    return sendXlsx<ProjectNode>(ctx, reply, {
      filename: "项目关键节点",
      sheet: "节点",
      what: "project nodes",
      filters: req.query,
      columns: [
        { header: "项目", width: 32, value: (n) => n.projectName },
        { header: "节点", width: 20, value: (n) => n.name },
        { header: "责任部门", width: 24, value: (n) => n.departmentName },
        { header: "期限(工作日)", value: (n) => n.dueWorkdays },
        { header: "到期日", value: (n) => n.dueOn },
        { header: "完成日期", value: (n) => n.doneOn },
        { header: "状态", value: (n) => nodeStatusLabels[n.status] },
        {
          header: "逾期(工作日)",
          value: (n) => (n.lateWorkdays != null && n.lateWorkdays > 0 ? n.lateWorkdays : null),
        },
      ],
      list: (page, pageSize) => nodesQ.listNodes(ctx.db, ctx.actor, { ...req.query, page, pageSize }, today),
    });
  });
  r.patch("/api/nodes/:id", { schema: { tags, params: idParam, body: nodeUpdate } }, async (req) =>
    nodes.updateNode(actorCtx(makeCtx, req), req.params.id, req.body),
  );

  r.get("/api/node-templates", { schema: { tags } }, async (req) => {
    const ctx = read(req);
    const regions = hasAll(ctx.actor)
      ? ("all" as const)
      : ctx.actor.grants.filter((g) => g.kind === "region" && g.refId).map((g) => g.refId!);
    return { items: await nodesQ.listTemplates(ctx.db, regions) };
  });
  r.post("/api/node-templates", { schema: { tags, body: nodeTemplateBody } }, async (req, reply) =>
    reply.status(201).send(await nodes.saveTemplate(actorCtx(makeCtx, req), null, req.body)),
  );
  r.put(
    "/api/node-templates/:id",
    { schema: { tags, params: idParam, body: nodeTemplateBody } },
    async (req) => nodes.saveTemplate(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/node-templates/:id",
    { schema: { tags, params: idParam, querystring: z.object({}).passthrough() } },
    async (req, reply) => {
      await nodes.deleteTemplate(actorCtx(makeCtx, req), req.params.id);
      return reply.status(204).send();
    },
  );
}
