import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { type ParkKind, parkKindLabels, type TeamKind, teamKindLabels } from "../../../common/enums.js";
import {
  departmentCreate,
  departmentQuery,
  departmentUpdate,
  parkCreate,
  parkQuery,
  parkUpdate,
  regionCreate,
  regionQuery,
  teamCreate,
  teamQuery,
  teamUpdate,
} from "../../../common/org.schema.js";
import { idParam } from "../../../common/paging.js";
import { notFound } from "../../lib/errors.js";
import { EXPORT_LIMIT, sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import * as q from "./org.queries.js";
import * as svc from "./org.service.js";
import { listRegions, regionDetail } from "./regions.service.js";

const versionQuery = z.object({ version: z.coerce.number().int() });
const m2ToMu = (m2: number | null) => (m2 == null ? null : Math.round((m2 / (2000 / 3)) * 100) / 100);

export function orgRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "org.read");
    return ctx;
  };
  const tags = ["org"];

  r.get("/api/regions", { schema: { tags, querystring: regionQuery } }, async (req) => ({
    items: await listRegions(read(req), req.query),
  }));
  r.get("/api/regions/:id", { schema: { tags, params: idParam } }, async (req) =>
    regionDetail(read(req), req.params.id),
  );
  r.post("/api/regions", { schema: { tags, body: regionCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createRegion(actorCtx(makeCtx, req), req.body)),
  );

  // Parks
  r.get("/api/parks", { schema: { tags, querystring: parkQuery } }, async (req) => {
    const ctx = read(req);
    return {
      ...(await q.listParks(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/parks/export", { schema: { tags, querystring: parkQuery } }, async (req, reply) => {
    const ctx = read(req);
    const { items } = await q.listParks(ctx.db, ctx.actor, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendXlsx(ctx, reply, {
      filename: "园区列表",
      sheet: "园区",
      what: "parks",
      filters: req.query,
      rows: items,
      columns: [
        { header: "园区名称", width: 32, value: (p) => p.name },
        { header: "简称", value: (p) => p.shortName },
        { header: "类型", value: (p) => parkKindLabels[p.kind as ParkKind] ?? p.kind },
        { header: "所属行政区", value: (p) => p.regionName },
        { header: "上级园区", width: 28, value: (p) => p.parentName },
        { header: "飞地所在地", value: (p) => p.hostLocation },
        { header: "面积(平方米)", value: (p) => p.areaM2 },
        { header: "面积(亩)", value: (p) => m2ToMu(p.areaM2) },
        { header: "地址", width: 30, value: (p) => p.address },
      ],
    });
  });
  r.get("/api/parks/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    const row = await q.getPark(ctx.db, ctx.actor, req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/parks", { schema: { tags, body: parkCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createPark(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/parks/:id", { schema: { tags, params: idParam, body: parkUpdate } }, async (req) =>
    svc.updatePark(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/parks/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deletePark(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  // Teams
  r.get("/api/teams", { schema: { tags, querystring: teamQuery } }, async (req) => {
    const ctx = read(req);
    return {
      ...(await q.listTeams(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/teams/export", { schema: { tags, querystring: teamQuery } }, async (req, reply) => {
    const ctx = read(req);
    const { items } = await q.listTeams(ctx.db, ctx.actor, { ...req.query, page: 1, pageSize: EXPORT_LIMIT });
    return sendXlsx(ctx, reply, {
      filename: "招商队伍",
      sheet: "招商队伍",
      what: "teams",
      filters: req.query,
      rows: items,
      columns: [
        { header: "队伍名称", width: 30, value: (t) => t.name },
        { header: "类型", value: (t) => teamKindLabels[t.kind as TeamKind] ?? t.kind },
        { header: "所属行政区", value: (t) => t.regionName },
        { header: "所属园区", width: 28, value: (t) => t.parkName },
        { header: "驻点城市", value: (t) => t.stationCity },
        { header: "队长", value: (t) => t.leaderName },
      ],
    });
  });
  r.get("/api/teams/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    const row = await q.getTeam(ctx.db, ctx.actor, req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/teams", { schema: { tags, body: teamCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createTeam(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/teams/:id", { schema: { tags, params: idParam, body: teamUpdate } }, async (req) =>
    svc.updateTeam(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/teams/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deleteTeam(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  // Departments
  r.get("/api/departments", { schema: { tags, querystring: departmentQuery } }, async (req) => {
    const ctx = read(req);
    return {
      ...(await q.listDepartments(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/departments/export", { schema: { tags, querystring: departmentQuery } }, async (req, reply) => {
    const ctx = read(req);
    const { items } = await q.listDepartments(ctx.db, ctx.actor, {
      ...req.query,
      page: 1,
      pageSize: EXPORT_LIMIT,
    });
    return sendXlsx(ctx, reply, {
      filename: "部门列表",
      sheet: "部门",
      what: "departments",
      filters: req.query,
      rows: items,
      columns: [
        { header: "部门名称", width: 30, value: (d) => d.name },
        { header: "简称", value: (d) => d.shortName },
        { header: "所属行政区", value: (d) => d.regionName },
        { header: "电话", value: (d) => d.phone },
      ],
    });
  });
  r.get("/api/departments/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = read(req);
    const row = await q.getDepartment(ctx.db, ctx.actor, req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/departments", { schema: { tags, body: departmentCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createDepartment(actorCtx(makeCtx, req), req.body)),
  );
  r.patch(
    "/api/departments/:id",
    { schema: { tags, params: idParam, body: departmentUpdate } },
    async (req) => svc.updateDepartment(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/departments/:id",
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deleteDepartment(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
