import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { jobNameParam } from "../../../common/jobs.schema.js";
import { actorCtx, type CtxFactory } from "../http.js";
import { type JobDeps, listJobs, runJobByHand } from "./jobs.service.js";

export function jobsRoutes(app: FastifyInstance, makeCtx: CtxFactory, deps: JobDeps) {
  app.decorate("jobDeps", deps);
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["jobs"];
  r.get("/api/jobs", { schema: { tags } }, async (req) => ({
    items: await listJobs(actorCtx(makeCtx, req)),
  }));
  r.post("/api/jobs/:name/run", { schema: { tags, params: jobNameParam } }, async (req) =>
    runJobByHand(actorCtx(makeCtx, req), app, req.params.name),
  );
}
