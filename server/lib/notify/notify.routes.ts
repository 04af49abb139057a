import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  channelCreate,
  channelUpdate,
  deliveryQuery,
  notificationQuery,
} from "../../../common/notify.schema.js";
import { idParam } from "../../../common/paging.js";
import { actorCtx, type CtxFactory } from "../http.js";
import * as svc from "./notify.service.js";

const versionQuery = z.object({ version: z.coerce.number().int() });

export function notifyRoutes(app: FastifyInstance, makeCtx: CtxFactory, baseUrl: string) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mine = ["notifications"];
  const admin = ["notify"];
  const ctxOf = (req: Parameters<CtxFactory>[0]) => actorCtx(makeCtx, req);

  r.get("/api/notifications", { schema: { tags: mine, querystring: notificationQuery } }, async (req) =>
    svc.myNotifications(ctxOf(req), req.query),
  );
  r.post("/api/notifications/read-all", { schema: { tags: mine } }, async (req) =>
    svc.markAllRead(ctxOf(req)),
  );
  r.post("/api/notifications/:id/read", { schema: { tags: mine, params: idParam } }, async (req) =>
    svc.markRead(ctxOf(req), req.params.id),
  );

  r.get("/api/notify/channels", { schema: { tags: admin } }, async (req) => svc.listChannels(ctxOf(req)));
  r.post("/api/notify/channels", { schema: { tags: admin, body: channelCreate } }, async (req, reply) =>
    reply.status(201).send(await svc.createChannel(ctxOf(req), req.body)),
  );
  r.patch(
    "/api/notify/channels/:id",
    { schema: { tags: admin, params: idParam, body: channelUpdate } },
    async (req) => svc.updateChannel(ctxOf(req), req.params.id, req.body),
  );
  r.delete(
    "/api/notify/channels/:id",
    { schema: { tags: admin, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await svc.deleteChannel(ctxOf(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
  r.post("/api/notify/channels/:id/test", { schema: { tags: admin, params: idParam } }, async (req) =>
    svc.testChannel({ ...ctxOf(req), baseUrl }, req.params.id),
  );
  r.get("/api/notify/deliveries", { schema: { tags: admin, querystring: deliveryQuery } }, async (req) =>
    svc.listDeliveries(ctxOf(req), req.query),
  );
}
