import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { cockpitQuery } from "../../../common/cockpit.schema.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { cockpitSnapshots } from "./cockpit.snapshot.js";

/** 领导驾驶舱: one read for the whole wall screen, kept per scope for `maxAgeSeconds`. */
export function cockpitRoutes(app: FastifyInstance, makeCtx: CtxFactory, maxAgeSeconds: number) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const snapshots = cockpitSnapshots(maxAgeSeconds * 1000);
  r.get("/api/cockpit", { schema: { tags: ["reports"], querystring: cockpitQuery } }, async (req) =>
    snapshots.read(actorCtx(makeCtx, req), req.query),
  );
}
