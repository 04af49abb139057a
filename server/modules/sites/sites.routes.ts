import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { muOf } from "../../../common/geo.js";
import { idParam } from "../../../common/paging.js";
import {
  checkBody,
  demandSave,
  landUseLabels,
  releaseBody,
  reserveBody,
  siteCreate,
  siteKindLabels,
  siteQuery,
  siteStatusLabels,
  siteUpdate,
  stockCategoryLabels,
  viewportQuery,
} from "../../../common/site.schema.js";
import { AppError } from "../../lib/errors.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { importJobOf, registerImport } from "../../lib/importer/importer.service.js";
import { recordRoutes } from "../../lib/record-routes.js";
import { registerMergeHandler } from "../enterprises/enterprises.merge.js";
import { auditProgress, checkSite, parkFigures } from "./sites.figures.js";
import { importFields, importSites } from "./sites.import.js";
import { siteXlsxImport } from "./sites.import.xlsx.js";
import { stagedWarnings } from "./sites.import.xlsx.queries.js";
import { repointFirm } from "./sites.queries.js";
import {
  getDemand,
  matchSites,
  registerSiteHooks,
  releaseSite,
  reserveSite,
  saveDemand,
} from "./sites.reserve.js";
import * as svc from "./sites.service.js";

const round = (v: number | null, d = 0) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);
const IMPORT_LIMIT = 20 * 1024 * 1024;

export function sitesRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["sites"];
  registerSiteHooks();
  registerImport(siteXlsxImport);
  registerMergeHandler("sites.firms", (ctx, fromId, intoId) => repointFirm(ctx.db, fromId, intoId));

  r.get("/api/sites/map", { schema: { tags, querystring: viewportQuery } }, async (req) =>
    svc.viewport(actorCtx(makeCtx, req), req.query),
  );
  r.get(
    "/api/sites/parks",
    { schema: { tags, querystring: z.object({ parkId: z.uuid().optional() }) } },
    async (req) => ({
      items: await svc.parkExtents(actorCtx(makeCtx, req), req.query.parkId),
    }),
  );
  r.get("/api/sites/figures", { schema: { tags } }, async (req) => ({
    items: await parkFigures(actorCtx(makeCtx, req)),
  }));
  r.get("/api/sites/audit", { schema: { tags } }, async (req) => ({
    items: await auditProgress(actorCtx(makeCtx, req)),
  }));
  r.post("/api/sites/import", { schema: { tags, consumes: ["multipart/form-data"] } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    const values: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === "field") {
        values[part.fieldname] = String(part.value);
        continue;
      }
      const fields = importFields.safeParse(values);
      if (!fields.success) {
        part.file.resume();
        throw new AppError(
          "VALIDATION",
          undefined,
          fields.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        );
      }
      const data = await part.toBuffer();
      if (data.length > IMPORT_LIMIT) throw new AppError("PAYLOAD_TOO_LARGE");
      return reply.status(201).send(await importSites(ctx, part.filename, data, fields.data));
    }
    throw new AppError("VALIDATION", { zh: "请选择要导入的文件", en: "No file in the request" }, [
      { path: "file", message: "必填" },
    ]);
  });
  // What an xlsx import's dry run warns of without refusing (areas far off, approximate squares).
  r.get("/api/sites/import-warnings/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    const job = await importJobOf(ctx, req.params.id);
    if (job.entity !== "site") throw new AppError("NOT_FOUND");
    return { items: await stagedWarnings(ctx.db, job.id) };
  });
  r.post("/api/sites/:id/reserve", { schema: { tags, params: idParam, body: reserveBody } }, async (req) =>
    reserveSite(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post("/api/sites/:id/release", { schema: { tags, params: idParam, body: releaseBody } }, async (req) =>
    releaseSite(actorCtx(makeCtx, req), req.params.id, req.body.version),
  );
  r.post("/api/sites/:id/check", { schema: { tags, params: idParam, body: checkBody } }, async (req) =>
    checkSite(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/projects/:id/space-demand", { schema: { tags, params: idParam } }, async (req) =>
    getDemand(actorCtx(makeCtx, req), req.params.id),
  );
  r.put(
    "/api/projects/:id/space-demand",
    { schema: { tags, params: idParam, body: demandSave } },
    async (req) => saveDemand(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.get("/api/projects/:id/site-matches", { schema: { tags, params: idParam } }, async (req) => ({
    items: await matchSites(actorCtx(makeCtx, req), req.params.id),
  }));

  recordRoutes(app, makeCtx, {
    path: "/api/sites",
    tag: "sites",
    read: "site.read",
    query: siteQuery,
    createBody: siteCreate,
    updateBody: siteUpdate,
    list: svc.listSites,
    get: svc.getSite,
    create: svc.createSite,
    update: svc.updateSite,
    remove: svc.deleteSite,
    sheet: {
      filename: "空间资源",
      name: "空间资源",
      what: "sites",
      columns: [
        { header: "名称", width: 28, value: (s) => s.name },
        { header: "编号", width: 16, value: (s) => s.code },
        { header: "园区", width: 24, value: (s) => s.parkName },
        { header: "类型", value: (s) => siteKindLabels[s.kind] },
        { header: "状态", value: (s) => siteStatusLabels[s.status] },
        { header: "存量类型", value: (s) => (s.stockCategory ? stockCategoryLabels[s.stockCategory] : null) },
        { header: "图形面积（平方米）", value: (s) => round(s.geometryAreaM2) },
        { header: "图形面积（亩）", value: (s) => round(muOf(s.geometryAreaM2), 2) },
        { header: "登记面积（平方米）", value: (s) => round(s.areaM2) },
        { header: "面积核对", width: 30, value: (s) => s.areaWarning },
        { header: "用地类型", value: (s) => (s.landUse ? landUseLabels[s.landUse] : null) },
        { header: "容积率上限", value: (s) => s.plotRatioMax },
        { header: "限高（米）", value: (s) => s.heightMaxM },
        { header: "楼面荷载（kN/㎡）", value: (s) => s.floorLoadKnM2 },
        { header: "供电容量（kVA）", value: (s) => s.powerKva },
        { header: "权属或运营单位", width: 24, value: (s) => s.owner },
        { header: "不动产权证号", width: 24, value: (s) => s.certificateNo },
        { header: "预留项目", width: 24, value: (s) => s.projectName },
        { header: "核查日期", value: (s) => s.checkedOn },
        { header: "中心经度", value: (s) => round((s.bbox[0] + s.bbox[2]) / 2, 6) },
        { header: "中心纬度", value: (s) => round((s.bbox[1] + s.bbox[3]) / 2, 6) },
      ],
    },
  });
}
