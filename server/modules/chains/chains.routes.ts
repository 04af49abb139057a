import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type ChainRow,
  chainCreate,
  chainFromTemplate,
  chainListKinds,
  chainQuery,
  chainUpdate,
  type GapRow,
  type LinkRow,
  linkCreate,
  linkFirmAdd,
  linkUpdate,
  projectChainLinks,
  segmentLabels,
  strengthLabels,
} from "../../../common/chain.schema.js";
import { idParam } from "../../../common/paging.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import * as q from "./chains.queries.js";
import * as svc from "./chains.service.js";
import { chainTemplates } from "./chains.templates.js";
import { gapReport } from "./gaps.service.js";
import * as links from "./links.service.js";
import { chainList } from "./lists.service.js";
import { prospectsRoutes } from "./prospects.routes.js";

const versionQuery = z.object({ version: z.coerce.number().int() });
const wan = (x: number) => Math.round(x * 100) / 100;
const stageWords: Record<string, string> = {
  lead: "线索",
  negotiating: "在谈",
  assessing: "研判",
  signed: "签约",
  registered: "注册",
  land: "供地",
  construction: "开工",
  completed: "竣工",
  production: "投产",
  full_production: "达产",
  stopped: "中止",
};

export function chainsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["chains"];
  registerMergeHandler("chains.firms", (ctx, fromId, intoId) => q.repointFirm(ctx.db, fromId, intoId));

  r.get("/api/chain-templates", { schema: { tags } }, async (req) => {
    requirePermission(actorCtx(makeCtx, req).actor.permissions, "chain.read");
    return {
      items: chainTemplates.map((t) => ({
        key: t.key,
        name: t.name,
        description: t.description,
        links: t.links.length,
      })),
    };
  });
  r.get(
    "/api/chain-link-options",
    { schema: { tags, querystring: z.object({ regionId: z.uuid().optional() }) } },
    async (req) => {
      const ctx = actorCtx(makeCtx, req);
      requirePermission(ctx.actor.permissions, "chain.read");
      return { items: await q.linkOptions(ctx.db, ctx.actor, req.query.regionId) };
    },
  );
  r.post("/api/chains/from-template", { schema: { tags, body: chainFromTemplate } }, async (req, reply) =>
    reply.status(201).send(await svc.createFromTemplate(actorCtx(makeCtx, req), req.body)),
  );
  r.get(
    "/api/chain-panorama",
    { schema: { tags, querystring: z.object({ regionId: z.uuid() }) } },
    async (req) => svc.panorama(actorCtx(makeCtx, req), req.query.regionId),
  );
  r.get("/api/chains/:id/map", { schema: { tags, params: idParam } }, async (req) =>
    svc.chainMap(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/chains/:id/map/export", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const map = await svc.chainMap(ctx, req.params.id);
    const names = new Map(map.links.map((l) => [l.id, l.name]));
    return sendXlsx<LinkRow>(ctx, reply, {
      filename: `${map.chain.name}产业链图谱`,
      sheet: "产业链环节",
      what: "chain_map",
      filters: { chainId: map.chain.id },
      columns: [
        { header: "环节", width: 24, value: (l) => l.name },
        { header: "位置", value: (l) => segmentLabels[l.segment] },
        { header: "上级环节", width: 30, value: (l) => l.parentIds.map((p) => names.get(p)).join("、") },
        { header: "强弱", value: (l) => strengthLabels[l.strength] },
        { header: "企业数", value: (l) => l.firmCount },
        { header: "链主企业数", value: (l) => l.leaderCount },
        { header: "产值（万元）", value: (l) => wan(l.outputWan) },
        { header: "税收（万元）", value: (l) => wan(l.taxWan) },
        { header: "项目数", value: (l) => l.projectCount },
        { header: "招引目标数", value: (l) => l.prospectCount },
        { header: "备注", width: 30, value: (l) => l.note },
      ],
      list: async (page) => ({ items: page === 1 ? map.links : [] }),
    });
  });
  r.get(
    "/api/chains/:id/lists/:kind/export",
    { schema: { tags, params: idParam.extend({ kind: z.enum(chainListKinds) }) } },
    async (req, reply) => {
      const ctx = actorCtx(makeCtx, req);
      const list = await chainList(ctx, req.params.id, req.params.kind);
      return sendXlsx(ctx, reply, {
        filename: `${list.chainName}${list.title}`,
        sheet: list.title,
        what: `chain_list_${req.params.kind}`,
        filters: { chainId: req.params.id, kind: req.params.kind },
        columns: list.columns,
        list: async (page) => ({ items: page === 1 ? list.rows : [] }),
      });
    },
  );
  r.get("/api/chains/:id/gaps", { schema: { tags, params: idParam } }, async (req) => ({
    items: await gapReport(actorCtx(makeCtx, req), req.params.id),
  }));
  r.get("/api/chains/:id/gaps/export", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const rows = await gapReport(ctx, req.params.id);
    return sendXlsx<GapRow>(ctx, reply, {
      filename: `${rows[0]?.chainName ?? "产业链"}缺链补链清单`,
      sheet: "缺链补链清单",
      what: "chain_gaps",
      filters: { chainId: req.params.id },
      columns: [
        { header: "环节", width: 24, value: (g) => g.linkName },
        { header: "位置", value: (g) => segmentLabels[g.segment] },
        { header: "强弱", value: (g) => strengthLabels[g.strength] },
        { header: "本地企业数", value: (g) => g.firmCount },
        {
          header: "候选招引目标（得分）",
          width: 50,
          value: (g) => g.prospects.map((p) => `${p.name}（${p.score}）`).join("；"),
        },
        {
          header: "在推项目",
          width: 50,
          value: (g) =>
            g.projects.map((p) => `${p.code} ${p.name}（${stageWords[p.stage] ?? p.stage}）`).join("；"),
        },
      ],
      list: async (page) => ({ items: page === 1 ? rows : [] }),
    });
  });
  recordRoutes(app, makeCtx, {
    path: "/api/chains",
    tag: "chains",
    read: "chain.read",
    query: chainQuery,
    createBody: chainCreate,
    updateBody: chainUpdate,
    list: svc.listChains,
    get: svc.getChain,
    create: (ctx, body) => svc.createChain(ctx, body),
    update: svc.updateChain,
    remove: svc.deleteChain,
    sheet: {
      filename: "产业链",
      name: "产业链",
      what: "chains",
      columns: [
        { header: "产业链", width: 20, value: (c: ChainRow) => c.name },
        { header: "行政区", width: 20, value: (c) => c.regionName },
        { header: "链长", value: (c) => [c.chiefName, c.chiefTitle].filter(Boolean).join(" ") },
        { header: "链主企业", width: 30, value: (c) => c.leaderFirms.map((f) => f.name).join("、") },
        { header: "牵头部门", width: 20, value: (c) => c.departmentName },
        { header: "招商队伍", width: 20, value: (c) => c.teamName },
        { header: "目标", width: 40, value: (c) => c.goals.map((g) => g.text).join("；") },
        { header: "状态", value: (c) => (c.status === "archived" ? "已归档" : "在用") },
      ],
    },
  });

  r.post(
    "/api/chains/:id/links",
    { schema: { tags, params: idParam, body: linkCreate } },
    async (req, reply) =>
      reply.status(201).send(await links.createLink(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.get("/api/chain-links/:id", { schema: { tags, params: idParam } }, async (req) =>
    links.linkDetail(actorCtx(makeCtx, req), req.params.id),
  );
  r.patch("/api/chain-links/:id", { schema: { tags, params: idParam, body: linkUpdate } }, async (req) =>
    links.updateLink(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/chain-links/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await links.deleteLink(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  r.post(
    "/api/chain-links/:id/firms",
    { schema: { tags, params: idParam, body: linkFirmAdd } },
    async (req, reply) =>
      reply.status(201).send(await links.addFirm(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.delete(
    "/api/chain-links/:id/firms/:enterpriseId",
    { schema: { tags, params: idParam.extend({ enterpriseId: z.uuid() }) } },
    async (req, reply) => {
      await links.removeFirm(actorCtx(makeCtx, req), req.params.id, req.params.enterpriseId);
      return reply.status(204).send();
    },
  );
  r.get("/api/projects/:id/chain-links", { schema: { tags, params: idParam } }, async (req) => ({
    items: await links.projectLinks(actorCtx(makeCtx, req), req.params.id),
  }));
  r.put(
    "/api/projects/:id/chain-links",
    { schema: { tags, params: idParam, body: projectChainLinks } },
    async (req) => ({
      items: await links.setProjectLinks(actorCtx(makeCtx, req), req.params.id, req.body.linkIds),
    }),
  );
  prospectsRoutes(app, makeCtx);
}
