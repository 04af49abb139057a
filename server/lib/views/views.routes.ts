import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { idParam } from "../../../common/paging.js";
import { viewCreate, viewQuery, viewUpdate, viewVersionQuery } from "../../../common/views.schema.js";
import { actorCtx, type CtxFactory } from "../http.js";
import { listViews } from "./views.queries.js";
import { createView, deleteView, updateView } from "./views.service.js";

/** Saved views of any list page: the page names its list by key. Every signed-in user keeps their own. */
export function viewsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["views"];
  r.get("/api/views", { schema: { tags, querystring: viewQuery } }, async (req) => {
    const ctx = actorCtx(makeCtx, req);
    return { items: await listViews(ctx.db, ctx.actor, req.query.listKey) };
  });
  r.post("/api/views", { schema: { tags, body: viewCreate } }, async (req, reply) =>
    reply.status(201).send(await createView(actorCtx(makeCtx, req), req.body)),
  );
  r.patch("/api/views/:id", { schema: { tags, params: idParam, body: viewUpdate } }, async (req) =>
    updateView(actorCtx(makeCtx, req), req.params.id, req.body),
  );
  r.delete(
    "/api/views/:id",
    { schema: { tags, params: idParam, querystring: viewVersionQuery } },
    async (req, reply) => {
      await deleteView(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}
