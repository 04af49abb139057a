import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { cockpitQuery } from "../../../common/cockpit.schema.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { getCockpit } from "./cockpit.service.js";

/** 领导驾驶舱: one read for the whole wall screen. */
export function cockpitRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get("/api/cockpit", { schema: { tags: ["reports"], querystring: cockpitQuery } }, async (req) =>
    getCockpit(actorCtx(makeCtx, req), req.query),
  );
}
