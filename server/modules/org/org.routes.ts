import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
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
  regionRename,
  teamCreate,
  teamQuery,
  teamUpdate,
} from "../../../common/org.schema.js";
import { idParam } from "../../../common/paging.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { recordRoutes } from "../../lib/record-routes.js";
import * as q from "./org.queries.js";
import * as svc from "./org.service.js";
import { listRegions, regionDetail } from "./regions.service.js";

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
  r.patch("/api/regions/:id", { schema: { tags, params: idParam, body: regionRename } }, async (req) =>
    svc.renamePlatform(actorCtx(makeCtx, req), req.params.id, req.body.name),
  );
  r.delete("/api/regions/:id", { schema: { tags, params: idParam } }, async (req, reply) => {
    await svc.deletePlatform(actorCtx(makeCtx, req), req.params.id);
    return reply.status(204).send();
  });

  recordRoutes(app, makeCtx, {
    path: "/api/parks",
    tag: "org",
    read: "org.read",
    query: parkQuery,
    createBody: parkCreate,
    updateBody: parkUpdate,
    list: (ctx, query) => q.listParks(ctx.db, ctx.actor, query),
    get: (ctx, id) => q.getPark(ctx.db, ctx.actor, id),
    create: svc.createPark,
    update: svc.updatePark,
    remove: svc.deletePark,
    sheet: {
      filename: "园区列表",
      name: "园区",
      what: "parks",
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
    },
  });

  recordRoutes(app, makeCtx, {
    path: "/api/teams",
    tag: "org",
    read: "org.read",
    query: teamQuery,
    createBody: teamCreate,
    updateBody: teamUpdate,
    list: (ctx, query) => q.listTeams(ctx.db, ctx.actor, query),
    get: (ctx, id) => q.getTeam(ctx.db, ctx.actor, id),
    create: svc.createTeam,
    update: svc.updateTeam,
    remove: svc.deleteTeam,
    sheet: {
      filename: "招商队伍",
      name: "招商队伍",
      what: "teams",
      columns: [
        { header: "队伍名称", width: 30, value: (t) => t.name },
        { header: "类型", value: (t) => teamKindLabels[t.kind as TeamKind] ?? t.kind },
        { header: "所属行政区", value: (t) => t.regionName },
        { header: "所属园区", width: 28, value: (t) => t.parkName },
        { header: "驻点城市", value: (t) => t.stationCity },
        { header: "队长", value: (t) => t.leaderName },
      ],
    },
  });

  recordRoutes(app, makeCtx, {
    path: "/api/departments",
    tag: "org",
    read: "org.read",
    query: departmentQuery,
    createBody: departmentCreate,
    updateBody: departmentUpdate,
    list: (ctx, query) => q.listDepartments(ctx.db, ctx.actor, query),
    get: (ctx, id) => q.getDepartment(ctx.db, ctx.actor, id),
    create: svc.createDepartment,
    update: svc.updateDepartment,
    remove: svc.deleteDepartment,
    sheet: {
      filename: "部门列表",
      name: "部门",
      what: "departments",
      columns: [
        { header: "部门名称", width: 30, value: (d) => d.name },
        { header: "简称", value: (d) => d.shortName },
        { header: "所属行政区", value: (d) => d.regionName },
        { header: "电话", value: (d) => d.phone },
      ],
    },
  });
}
