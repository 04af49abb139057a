import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParam } from "../../../common/paging.js";
import {
  type ExpertRow,
  expertCreate,
  expertQuery,
  expertUpdate,
  reviewConclude,
  reviewCreate,
  reviewSubjects,
  scoreSubmit,
} from "../../../common/review.schema.js";
import { notFound } from "../../lib/errors.js";
import { sendXlsx } from "../../lib/export.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { requirePermission } from "../../lib/policy.js";
import * as q from "./reviews.queries.js";
import * as svc from "./reviews.service.js";

const subjectQuery = z.object({ subjectType: z.enum(reviewSubjects), subjectId: z.uuid() });

export function reviewsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["reviews"];
  const experts = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, "expert.manage");
    return ctx;
  };

  r.get("/api/experts", { schema: { tags, querystring: expertQuery } }, async (req) => {
    const ctx = experts(req);
    return {
      ...(await q.listExperts(ctx.db, ctx.actor, req.query)),
      page: req.query.page,
      pageSize: req.query.pageSize,
    };
  });
  r.get("/api/experts/export", { schema: { tags, querystring: expertQuery } }, async (req, reply) => {
    const ctx = experts(req);
    return sendXlsx<ExpertRow>(ctx, reply, {
      filename: "评审专家库",
      sheet: "专家",
      what: "experts",
      filters: req.query,
      columns: [
        { header: "姓名", value: (e) => e.name },
        { header: "职称/职务", width: 20, value: (e) => e.title },
        { header: "单位", width: 30, value: (e) => e.organization },
        { header: "专业领域", width: 30, value: (e) => e.fields.join("、") },
        { header: "联系电话", value: (e) => e.phone },
        { header: "状态", value: (e) => (e.active ? "在库" : "停用") },
      ],
      list: (page, pageSize) => q.listExperts(ctx.db, ctx.actor, { ...req.query, page, pageSize }),
    });
  });
  r.get("/api/experts/:id", { schema: { tags, params: idParam } }, async (req) => {
    const ctx = experts(req);
    const row = await q.getExpert(ctx.db, ctx.actor, req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/experts", { schema: { tags, body: expertCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createExpert(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/experts/:id", { schema: { tags, params: idParam, body: expertUpdate } }, async (req) =>
    svc.updateExpert(actorCtx(makeCtx, req), req.params.id, req.body),
  );

  r.get("/api/reviews", { schema: { tags, querystring: subjectQuery } }, async (req) => ({
    items: await svc.listSubjectReviews(actorCtx(makeCtx, req), req.query.subjectType, req.query.subjectId),
  }));
  r.get("/api/reviews/mine", { schema: { tags } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    const ids = await q.reviewsOfExpertUser(ctx.db, ctx.actor.id);
    const items = [];
    for (const { id } of ids) {
      const v = await svc.getReview(ctx, id);
      if (v) items.push(v);
    }
    return { items };
  });
  r.get("/api/reviews/:id", { schema: { tags, params: idParam } }, async (req) => {
    const row = await svc.getReview(actorCtx(makeCtx, req), req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post("/api/reviews", { schema: { tags, body: reviewCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createReview(actorCtx(makeCtx, req), req.body)),
  );
  r.post("/api/reviews/:id/scores", { schema: { tags, params: idParam, body: scoreSubmit } }, async (req) =>
    svc.submitScores(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.post(
    "/api/reviews/:id/conclusion",
    { schema: { tags, params: idParam, body: reviewConclude } },
    async (req) => svc.concludeReview(actorCtx(makeCtx, req), req.params.id, req.body),
  );
}
