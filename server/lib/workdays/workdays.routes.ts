import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import {
  addQuery,
  calendarQuery,
  dayParam,
  overrideDeleteQuery,
  overridePut,
  overrideQuery,
} from "../../../common/workdays.schema.js";
import { actorCtx, type CtxFactory } from "../http.js";
import * as svc from "./workdays.service.js";

/** The working-day calendar: read by everyone signed in, overrides by administrators. */
export function workdaysRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["workdays"];

  r.get("/api/workdays", { schema: { tags, querystring: calendarQuery } }, async (req) =>
    svc.getCalendar(actorCtx(makeCtx, req), req.query),
  );
  r.post("/api/workdays/add", { schema: { tags, querystring: addQuery } }, async (req) =>
    svc.computeAdd(actorCtx(makeCtx, req), req.query),
  );
  r.get("/api/workdays/overrides", { schema: { tags, querystring: overrideQuery } }, async (req) => ({
    items: await svc.listOverrides(actorCtx(makeCtx, req), req.query),
  }));
  r.get("/api/workdays/overrides/:day", { schema: { tags, params: dayParam } }, async (req) =>
    svc.getOverride(actorCtx(makeCtx, req), req.params.day),
  );
  r.put(
    "/api/workdays/overrides/:day",
    { schema: { tags, params: dayParam, body: overridePut } },
    async (req, reply) => {
      const { override, created } = await svc.putOverride(actorCtx(makeCtx, req), req.params.day, req.body);
      return reply.status(created ? 201 : 200).send(override);
    },
  );
  r.delete(
    "/api/workdays/overrides/:day",
    { schema: { tags, params: dayParam, querystring: overrideDeleteQuery } },
    async (req, reply) => {
      await svc.removeOverride(actorCtx(makeCtx, req), req.params.day, req.query.version);
      return reply.status(204).send();
    },
  );
}
