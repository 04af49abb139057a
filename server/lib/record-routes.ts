import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParam, type PageQuery } from "../../common/paging.js";
import type { ActorCtx } from "./context.js";
import { notFound } from "./errors.js";
import { type ExportColumn, sendXlsx } from "./export.js";
import { actorCtx, type CtxFactory } from "./http.js";
import { type Permission, requirePermission } from "./policy.js";

const versionQuery = z.object({ version: z.coerce.number().int() });

export interface RecordRoutes<Row, Q extends PageQuery, C extends z.ZodType, U extends z.ZodType> {
  /** e.g. "/api/parks" */
  path: string;
  tag: string;
  read: Permission;
  query: z.ZodType<Q>;
  createBody: C;
  updateBody: U;
  list: (ctx: ActorCtx, q: Q) => Promise<{ items: Row[]; total: number }>;
  get: (ctx: ActorCtx, id: string) => Promise<Row | null>;
  create: (ctx: ActorCtx, body: z.infer<C>) => Promise<Row>;
  update: (ctx: ActorCtx, id: string, body: z.infer<U>) => Promise<Row>;
  remove: (ctx: ActorCtx, id: string, version: number) => Promise<void>;
  sheet: { filename: string; name: string; what: string; columns: ExportColumn<Row>[] };
}

/** The list, export, get, create, update and delete routes every versioned record has. */
export function recordRoutes<Row, Q extends PageQuery, C extends z.ZodType, U extends z.ZodType>(
  app: FastifyInstance,
  makeCtx: CtxFactory,
  spec: RecordRoutes<Row, Q, C, U>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = [spec.tag];
  const read = (req: Parameters<CtxFactory>[0]) => {
    const ctx = actorCtx(makeCtx, req);
    requirePermission(ctx.actor.permissions, spec.read);
    return ctx;
  };
  r.get(spec.path, { schema: { tags, querystring: spec.query } }, async (req) => {
    const q = req.query as Q;
    return { ...(await spec.list(read(req), q)), page: q.page, pageSize: q.pageSize };
  });
  r.get(`${spec.path}/export`, { schema: { tags, querystring: spec.query } }, async (req, reply) => {
    const ctx = read(req);
    const { filename, name, what, columns } = spec.sheet;
    return sendXlsx(ctx, reply, {
      filename,
      sheet: name,
      what,
      filters: req.query,
      columns,
      list: (page, pageSize) => spec.list(ctx, { ...(req.query as Q), page, pageSize }),
    });
  });
  r.get(`${spec.path}/:id`, { schema: { tags, params: idParam } }, async (req) => {
    const row = await spec.get(read(req), req.params.id);
    if (!row) throw notFound();
    return row;
  });
  r.post(spec.path, { schema: { tags, body: spec.createBody } }, async (req, reply) =>
    reply.status(201).send(await spec.create(actorCtx(makeCtx, req), req.body as z.infer<C>)),
  );
  r.patch(`${spec.path}/:id`, { schema: { tags, params: idParam, body: spec.updateBody } }, async (req) =>
    spec.update(actorCtx(makeCtx, req), req.params.id, req.body as z.infer<U>),
  );
  r.delete(
    `${spec.path}/:id`,
    { schema: { tags, params: idParam, querystring: versionQuery } },
    async (req, reply) => {
      await spec.remove(actorCtx(makeCtx, req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );
}

const childParam = z.object({
  id: z.uuid({ error: "无效的编号" }),
  childId: z.uuid({ error: "无效的编号" }),
});

export interface ChildRoutes<B extends z.ZodType, Row> {
  /** the children's path under their parent, e.g. "/api/funds/:id/calls" */
  path: string;
  tag: string;
  body: B;
  add: (ctx: ActorCtx, parentId: string, body: z.infer<B>) => Promise<Row>;
  remove: (ctx: ActorCtx, parentId: string, childId: string, version: number) => Promise<void>;
}

/** POST a child onto a versioned parent and DELETE it again (`…/:childId?version=` of the parent). */
export function childRoutes<B extends z.ZodType, Row>(
  app: FastifyInstance,
  makeCtx: CtxFactory,
  spec: ChildRoutes<B, Row>,
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = [spec.tag];
  r.post(spec.path, { schema: { tags, params: idParam, body: spec.body } }, async (req, reply) =>
    reply.status(201).send(await spec.add(actorCtx(makeCtx, req), req.params.id, req.body as z.infer<B>)),
  );
  r.delete(
    `${spec.path}/:childId`,
    { schema: { tags, params: childParam, querystring: versionQuery } },
    async (req, reply) => {
      await spec.remove(actorCtx(makeCtx, req), req.params.id, req.params.childId, req.query.version);
      return reply.status(204).send();
    },
  );
}
