import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  enterpriseCreate,
  enterpriseQuery,
  enterpriseUpdate,
  labelCreate,
  mergeBody,
  yearParam,
  yearUpsert,
} from "../../../common/enterprise.schema.js";
import {
  type EnterpriseLabel,
  type EnterpriseStatus,
  enterpriseLabelNames,
  enterpriseLadder,
  enterpriseStatusLabels,
  type SizeClass,
  sizeClassLabels,
} from "../../../common/enums.js";
import { idParam } from "../../../common/paging.js";
import { chinaDay } from "../../lib/dates.js";
import { notFound } from "../../lib/errors.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { registerImport } from "../../lib/importer/importer.service.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { enterpriseYearImport } from "./enterprise-years.import.js";
import { enterpriseImport } from "./enterprises.import.js";
import * as q from "./enterprises.queries.js";
import * as svc from "./enterprises.service.js";
import { industries } from "./industries.reference.js";

const fenToWan = (fen: number | null) => (fen == null ? null : fen / 1_000_000);

export function enterprisesRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  registerImport(enterpriseImport);
  registerImport(enterpriseYearImport);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["enterprises"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "enterprise.read");
    return ctx;
  };
  /** The firm, read in scope: 404 before anything else is looked at. */
  const firm = async (req: Parameters<CtxFactory>[0], id: string) => {
    const ctx = read(req);
    const row = await q.getEnterprise(ctx.db, ctx.actor, id, chinaDay(ctx.now()));
    if (!row) throw notFound();
    return { ctx, row };
  };

  r.get("/api/industries", { schema: { tags } }, async (req) => {
    read(req);
    return { items: industries().tree };
  });

  recordRoutes(app, makeCtx, {
    path: "/api/enterprises",
    tag: "enterprises",
    read: "enterprise.read",
    query: enterpriseQuery,
    createBody: enterpriseCreate,
    updateBody: enterpriseUpdate,
    list: (ctx, query) => q.listEnterprises(ctx.db, ctx.actor, query, chinaDay(ctx.now())),
    get: (ctx, id) => q.getEnterprise(ctx.db, ctx.actor, id, chinaDay(ctx.now())),
    create: svc.createEnterprise,
    update: svc.updateEnterprise,
    remove: svc.deleteEnterprise,
    sheet: {
      filename: "企业名录",
      name: "企业",
      what: "enterprises",
      columns: [
        { header: "统一社会信用代码", width: 22, value: (e) => e.uscc },
        { header: "企业名称", width: 36, value: (e) => e.name },
        { header: "曾用名", width: 24, value: (e) => e.formerNames.join("；") },
        { header: "法定代表人", value: (e) => e.legalRep },
        {
          header: "注册资本(万元)",
          value: (e) => (e.capitalCurrency === "CNY" ? fenToWan(e.registeredCapitalFen) : null),
        },
        {
          header: "注册资本(万美元)",
          value: (e) => (e.capitalCurrency === "USD" ? fenToWan(e.registeredCapitalFen) : null),
        },
        { header: "成立日期", value: (e) => e.foundedOn },
        { header: "经营状态", value: (e) => enterpriseStatusLabels[e.status as EnterpriseStatus] },
        { header: "行业代码", value: (e) => e.industryCode },
        { header: "行业名称", width: 24, value: (e) => e.industryName },
        { header: "所属行政区", value: (e) => e.regionName },
        { header: "所属园区", width: 24, value: (e) => e.parkName },
        { header: "规模", value: (e) => (e.sizeClass ? sizeClassLabels[e.sizeClass as SizeClass] : null) },
        {
          header: "标签",
          width: 30,
          value: (e) => e.labels.map((l) => enterpriseLabelNames[l as EnterpriseLabel]).join("、"),
        },
        { header: "从业人数", value: (e) => e.employees },
        { header: "地址", width: 30, value: (e) => e.address },
        { header: "服务专员", value: (e) => e.specialistName },
      ],
    },
  });

  r.get("/api/enterprises/:id/labels", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await firm(req, req.params.id);
    return { items: await q.listLabels(ctx.db, req.params.id, chinaDay(ctx.now())) };
  });
  r.post(
    "/api/enterprises/:id/labels",
    { schema: { tags, params: idParam, body: labelCreate } },
    async (req, reply) =>
      reply.status(201).send(await svc.addLabel(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.delete(
    "/api/enterprises/:id/labels/:labelId",
    { schema: { tags, params: idParam.extend({ labelId: z.uuid() }) } },
    async (req, reply) => {
      await svc.removeLabel(actorCtx(makeCtx, req), req.params.id, req.params.labelId);
      return reply.status(204).send();
    },
  );

  r.get("/api/enterprises/:id/years", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await firm(req, req.params.id);
    return { items: await q.listYears(ctx.db, req.params.id) };
  });
  r.put(
    "/api/enterprises/:id/years/:year",
    { schema: { tags, params: yearParam, body: yearUpsert } },
    async (req) => svc.saveYear(actorCtx(makeCtx, req), req.params.id, req.params.year, req.body),
  );
  r.delete(
    "/api/enterprises/:id/years/:year",
    { schema: { tags, params: yearParam } },
    async (req, reply) => {
      await svc.deleteYear(actorCtx(makeCtx, req), req.params.id, req.params.year);
      return reply.status(204).send();
    },
  );
  r.get("/api/enterprises/:id/parcel-neighbours", { schema: { tags, params: idParam } }, async (req) => {
    const { ctx } = await firm(req, req.params.id);
    return { items: await q.parcelNeighbours(ctx.db, ctx.actor, req.params.id) };
  });

  r.post("/api/enterprises/:id/merge", { schema: { tags, params: idParam, body: mergeBody } }, async (req) =>
    svc.mergeEnterprise(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/enterprise-duplicates", { schema: { tags } }, async (req) => {
    const ctx = read(req);
    return { items: await q.duplicateGroups(ctx.db, ctx.actor, 200) };
  });

  r.get("/api/enterprise-ladder", { schema: { tags } }, async (req) => {
    const ctx = read(req);
    const rows = await q.ladderCounts(ctx.db, ctx.actor, chinaDay(ctx.now()), enterpriseLadder);
    const parks = new Map<
      string,
      { parkId: string | null; parkName: string | null; counts: Record<string, number> }
    >();
    for (const row of rows) {
      const key = row.parkId ?? "";
      const entry = parks.get(key) ?? { parkId: row.parkId, parkName: row.parkName, counts: {} };
      entry.counts[row.label] = row.n;
      parks.set(key, entry);
    }
    const totals: Record<string, number> = {};
    for (const p of parks.values())
      for (const [k, n] of Object.entries(p.counts)) totals[k] = (totals[k] ?? 0) + n;
    return { ladder: enterpriseLadder, parks: [...parks.values()], totals };
  });
}
