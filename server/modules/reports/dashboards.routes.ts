import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { getDashboard } from "./dashboards.service.js";

/** 工作台: the home page's blocks for the user's roles. */
export function dashboardsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/dashboard", { schema: { tags: ["reports"] } }, async (req) =>
    getDashboard(actorCtx(makeCtx, req)),
  );
}
