import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParam } from "../../../common/paging.js";
import {
  type MeetingKind,
  type MeetingRow,
  meetingCreate,
  meetingItemCreate,
  meetingKindLabels,
  meetingQuery,
  meetingUpdate,
} from "../../../common/problem.schema.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import { listMeetings } from "./meetings.queries.js";
import * as svc from "./meetings.service.js";

/** 会议记录: 旬会办, 月督察 and other meetings that chase problems; read with problem.read. */
export function meetingsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["meetings"];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "problem.read");
    return ctx;
  };

  r.get("/api/meetings", { schema: { tags, querystring: meetingQuery } }, async (req) => {
    const ctx = read(req);
    return {
      ...(await listMeetings(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/meetings/export", { schema: { tags, querystring: meetingQuery } }, async (req, reply) => {
    const ctx = read(req);
    return sendXlsx<MeetingRow>(ctx, reply, {
      filename: "会议记录",
      sheet: "会议",
      what: "meetings",
      filters: req.query,
      columns: [
        { header: "会议日期", value: (m) => m.heldOn },
        { header: "会议类型", value: (m) => meetingKindLabels[m.kind as MeetingKind] },
        { header: "会议名称", width: 36, value: (m) => m.title },
        { header: "主持人", value: (m) => m.chairedBy },
        { header: "参会人员", width: 40, value: (m) => m.attendees.join("、") },
        { header: "研究问题数", value: (m) => m.itemCount },
        { header: "所属行政区", width: 22, value: (m) => m.regionName },
        { header: "会议纪要", width: 60, value: (m) => m.minutes },
      ],
      list: (page, pageSize) => listMeetings(ctx.db, ctx.actor, { ...req.query, page, pageSize }),
    });
  });
  r.get("/api/meetings/:id", { schema: { tags, params: idParam } }, async (req) =>
    svc.meetingDetail(read(req), req.params.id),
  );
  r.post("/api/meetings", { schema: { tags, body: meetingCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createMeeting(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/meetings/:id", { schema: { tags, params: idParam, body: meetingUpdate } }, async (req) =>
    svc.updateMeeting(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/meetings/:id/items",
    { schema: { tags, params: idParam, body: meetingItemCreate } },
    async (req, reply) =>
      reply.status(201).send(await svc.addMeetingItem(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
}
