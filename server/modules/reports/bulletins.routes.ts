import path from "node:path";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  type BulletinRow,
  bulletinCadenceLabels,
  bulletinQuery,
  bulletinStatusLabels,
  generateBody,
  scheduleCreate,
  scheduleQuery,
  scheduleUpdate,
} from "../../../common/bulletin.schema.js";
import { idParam } from "../../../common/paging.js";
import type { Config } from "../../config.js";
import { sendXlsx } from "../../lib/export.js";
import { logDownload } from "../../lib/files/files.service.js";
import { FileStore } from "../../lib/files/files.store.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { registerJob } from "../../lib/jobs/jobs.registry.js";
import { recordRoutes } from "../../lib/record-routes.js";
import * as svc from "./bulletins.service.js";

const versionBody = z.strictObject({ version: z.number().int() });
const fileParam = idParam.extend({ format: z.enum(["docx", "xlsx"]) });

/** 通报: schedules (templates on a cadence), generation on demand and by the daily job, the archive. */
export function bulletinsRoutes(app: FastifyInstance, makeCtx: CtxFactory, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reports"];
  const deps: svc.BulletinDeps = {
    store: new FileStore(path.join(config.dataDir, "files")),
    cjkFont: config.cjkFont,
  };
  registerJob({
    name: "reports.bulletins",
    title: "按周期生成通报（周、旬、月、季）",
    dailyAt: "07:30",
    run: (ctx) => svc.runDueBulletins(ctx, deps),
  });

  recordRoutes(app, makeCtx, {
    path: "/api/bulletin-schedules",
    tag: "reports",
    read: "bulletin.read",
    query: scheduleQuery,
    createBody: scheduleCreate,
    updateBody: scheduleUpdate,
    list: svc.listSchedules,
    get: svc.getSchedule,
    create: svc.createSchedule,
    update: svc.updateSchedule,
    remove: svc.deleteSchedule,
    sheet: {
      filename: "通报计划",
      name: "通报计划",
      what: "bulletin_schedules",
      columns: [
        { header: "通报名称", width: 30, value: (s) => s.name },
        { header: "周期", value: (s) => bulletinCadenceLabels[s.cadence] },
        { header: "行政区", width: 20, value: (s) => s.regionName },
        { header: "发文机关", width: 30, value: (s) => s.issuer },
        { header: "机关代字", value: (s) => s.docPrefix },
        { header: "考核方案", width: 30, value: (s) => s.schemeName ?? "" },
        { header: "主送", width: 40, value: (s) => s.recipients.join("、") },
        { header: "抄送", width: 30, value: (s) => s.copyTo.join("、") },
        { header: "自动生成", value: (s) => (s.active ? "是" : "否") },
        { header: "最近一期", width: 24, value: (s) => s.lastBulletin?.docNo ?? "" },
      ],
    },
  });

  r.post(
    "/api/bulletin-schedules/:id/generate",
    { schema: { tags, params: idParam, body: generateBody } },
    async (req, reply) =>
      reply.status(201).send(await svc.generateNow(actorCtx(makeCtx, req), deps, req.params.id, req.body)),
  );

  r.get("/api/bulletins", { schema: { tags, querystring: bulletinQuery } }, async (req) => ({
    ...(await svc.listBulletins(actorCtx(makeCtx, req), req.query)),
    page: req.query.page,
    pageSize: req.query.pageSize,
  }));
  r.get("/api/bulletins/export", { schema: { tags, querystring: bulletinQuery } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    return sendXlsx<BulletinRow>(ctx, reply, {
      filename: "通报档案",
      sheet: "通报档案",
      what: "bulletins",
      filters: req.query,
      columns: [
        { header: "文号", width: 24, value: (b) => b.docNo },
        { header: "标题", width: 40, value: (b) => b.title },
        { header: "周期", value: (b) => bulletinCadenceLabels[b.cadence] },
        { header: "通报期", width: 20, value: (b) => b.periodLabel },
        { header: "状态", value: (b) => bulletinStatusLabels[b.status] },
        { header: "生成时间", width: 20, value: (b) => b.generatedAt.slice(0, 19).replace("T", " ") },
        { header: "生成人", value: (b) => b.generatedByName ?? "系统" },
        { header: "滞后单位", value: (b) => b.summary.lagging },
        { header: "逾期节点", value: (b) => b.summary.overdueNodes },
        { header: "待解决问题", value: (b) => b.summary.openProblems },
        { header: "办理中诉求", value: (b) => b.summary.openAppeals },
      ],
      list: (page, pageSize) => svc.listBulletins(ctx, { ...req.query, page, pageSize }),
    });
  });
  r.get("/api/bulletins/:id", { schema: { tags, params: idParam } }, async (req) => {
    return (await svc.getBulletin(actorCtx(makeCtx, req), req.params.id)).row;
  });
  r.post("/api/bulletins/:id/issue", { schema: { tags, params: idParam, body: versionBody } }, async (req) =>
    svc.issueBulletin(actorCtx(makeCtx, req), req.params.id, req.body.version),
  );
  r.get("/api/bulletins/:id/:format", { schema: { tags, params: fileParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const { row, docxSha, xlsxSha } = await svc.getBulletin(ctx, req.params.id);
    const docx = req.params.format === "docx";
    const file = {
      id: docx ? row.docxFileId : row.xlsxFileId,
      name: docx ? row.docxName : row.xlsxName,
      regionId: row.regionId,
    };
    await logDownload(ctx, file);
    return reply
      .header("content-type", docx ? svc.DOCX_MIME : svc.XLSX_MIME)
      .header("content-length", docx ? row.docxSize : row.xlsxSize)
      .header(
        "content-disposition",
        `attachment; filename="bulletin.${req.params.format}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(deps.store.open(docx ? docxSha : xlsxSha));
  });
}
