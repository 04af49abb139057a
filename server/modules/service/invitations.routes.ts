import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  enterpriseAccountCreate,
  invitationAccept,
  invitationCreate,
} from "../../../common/invitation.schema.js";
import { idParam } from "../../../common/paging.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import * as svc from "./invitations.service.js";

/** Paths that answer without a session: the invitation a contact opens from the link. */
export const invitationPublicPrefix = "/api/invitations/token/";

const tokenParam = z.object({ token: z.string().min(16).max(100) });

export function invitationsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["service"];
  const rateLimit = { max: 30, timeWindow: "1 minute" };

  r.get("/api/enterprises/:id/invitations", { schema: { tags, params: idParam } }, async (req) => ({
    items: await svc.listInvitations(actorCtx(makeCtx, req), req.params.id),
  }));
  r.post(
    "/api/enterprises/:id/invitations",
    { schema: { tags, params: idParam, body: invitationCreate } },
    async (req, reply) =>
      reply.status(201).send(await svc.createInvitation(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.get("/api/enterprises/:id/accounts", { schema: { tags, params: idParam } }, async (req) => ({
    items: await svc.listAccounts(actorCtx(makeCtx, req), req.params.id),
  }));
  r.post(
    "/api/enterprises/:id/accounts",
    { schema: { tags, params: idParam, body: enterpriseAccountCreate } },
    async (req, reply) =>
      reply.status(201).send(await svc.createAccount(actorCtx(makeCtx, req), req.params.id, req.body)),
  );
  r.post("/api/invitations/:id/revoke", { schema: { tags, params: idParam } }, async (req) =>
    svc.revokeInvitation(actorCtx(makeCtx, req), req.params.id),
  );
  r.get(
    `${invitationPublicPrefix}:token`,
    { schema: { tags, params: tokenParam }, config: { rateLimit } },
    async (req) => svc.viewInvitation(makeCtx(req), req.params.token),
  );
  r.post(
    `${invitationPublicPrefix}:token/accept`,
    { schema: { tags, params: tokenParam, body: invitationAccept }, config: { rateLimit } },
    async (req, reply) =>
      reply.status(201).send(await svc.acceptInvitation(makeCtx(req), req.params.token, req.body)),
  );
}
