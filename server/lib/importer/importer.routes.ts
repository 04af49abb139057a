import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { idParam } from "../../../common/paging.js";
import { AppError } from "../errors.js";
import type { FileStore } from "../files/files.store.js";
import { actorCtx, type CtxFactory } from "../http.js";
import { sendImportReport, sendImportTemplate } from "./importer.report.js";
import * as svc from "./importer.service.js";

const importUpdate = z.strictObject({
  headerRow: z.number().int().min(1).max(1000).optional(),
  mapping: z
    .array(
      z.strictObject({
        index: z.number().int().min(0),
        key: z.string().max(40).nullable(),
        unit: z.string().max(10).nullable().optional(),
      }),
    )
    .max(500)
    .optional(),
  options: z.record(z.string(), z.unknown()).optional(),
  /** cells retyped on the page; a later correction of the same cell replaces an earlier one */
  corrections: z
    .array(
      z.strictObject({
        rowNo: z.number().int().min(1),
        index: z.number().int().min(0).max(499),
        value: z.string().max(2000).nullable(),
      }),
    )
    .max(1000)
    .optional(),
});

/** The shared importer: upload → mapping → dry run (validate) → commit, with a report and a template. */
export function importerRoutes(app: FastifyInstance, makeCtx: CtxFactory, store: FileStore) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["imports"];
  r.post("/api/imports", { schema: { tags, consumes: ["multipart/form-data"] } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    // The entity field comes before the file, so the file streams straight to the store.
    let entity = "";
    for await (const part of req.parts()) {
      if (part.type === "field") {
        if (part.fieldname === "entity") entity = String(part.value);
        continue;
      }
      const job = await svc.startImport(ctx, store, entity, {
        stream: part.file,
        name: part.filename,
        claimedType: part.mimetype,
      });
      return reply.status(201).send(job);
    }
    throw new AppError("VALIDATION", { zh: "请选择要导入的文件", en: "No file in the request" }, [
      { path: "file", message: "必填" },
    ]);
  });
  r.get(
    "/api/imports",
    { schema: { tags, querystring: z.object({ entity: z.string().max(40).optional() }) } },
    async (req) => ({
      items: await svc.listImports(actorCtx(makeCtx, req), req.query.entity),
    }),
  );
  r.get("/api/imports/:id", { schema: { tags, params: idParam } }, async (req) =>
    svc.importView(actorCtx(makeCtx, req), store, req.params.id),
  );
  r.patch("/api/imports/:id", { schema: { tags, params: idParam, body: importUpdate } }, async (req) =>
    svc.updateImport(actorCtx(makeCtx, req), store, req.params.id, req.body),
  );
  r.post("/api/imports/:id/validate", { schema: { tags, params: idParam } }, async (req, reply) =>
    reply.status(202).send(await svc.validateImport(actorCtx(makeCtx, req), store, req.params.id)),
  );
  r.post("/api/imports/:id/commit", { schema: { tags, params: idParam } }, async (req, reply) =>
    reply.status(202).send(await svc.commitImport(actorCtx(makeCtx, req), store, req.params.id)),
  );
  r.get("/api/imports/:id/report", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    return sendImportReport(ctx, reply, await svc.importJobOf(ctx, req.params.id));
  });
  r.get(
    "/api/import-templates/:entity",
    { schema: { tags, params: z.object({ entity: z.string().max(40) }) } },
    async (req, reply) => {
      actorCtx(makeCtx, req);
      return sendImportTemplate(reply, svc.importSpecOf(req.params.entity));
    },
  );
}
