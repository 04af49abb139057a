import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { fileKinds, subjectTypes } from "../../../common/enums.js";
import { idParam } from "../../../common/paging.js";
import { AppError } from "../errors.js";
import { actorCtx, type CtxFactory } from "../http.js";
import { getFile, logDownload, upload } from "./files.service.js";
import type { FileStore } from "./files.store.js";

const fields = z.object({
  kind: z.enum(fileKinds).default("attachment"),
  subjectType: z.enum(subjectTypes).optional(),
  subjectId: z.string().max(64).optional(),
});

export function filesRoutes(app: FastifyInstance, makeCtx: CtxFactory, store: FileStore) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["files"];
  r.post("/api/files", { schema: { tags, consumes: ["multipart/form-data"] } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    if (!req.isMultipart()) throw new AppError("UNSUPPORTED_MEDIA_TYPE");
    // Fields must come before the file part so the file can be streamed straight to the store.
    const values: Record<string, string> = {};
    for await (const part of req.parts()) {
      if (part.type === "field") {
        values[part.fieldname] = String(part.value);
        continue;
      }
      const parsed = fields.safeParse(values);
      if (!parsed.success) {
        part.file.resume();
        throw new AppError(
          "VALIDATION",
          undefined,
          parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
        );
      }
      const saved = await upload(ctx, store, {
        stream: part.file,
        name: part.filename,
        claimedType: part.mimetype,
        ...parsed.data,
      });
      return reply.status(201).send(saved);
    }
    throw new AppError("VALIDATION", { zh: "请选择要上传的文件", en: "No file in the request" }, [
      { path: "file", message: "必填" },
    ]);
  });
  r.get("/api/files/:id", { schema: { tags, params: idParam } }, async (req) =>
    getFile(actorCtx(makeCtx, req), req.params.id),
  );
  r.get("/api/files/:id/content", { schema: { tags, params: idParam } }, async (req, reply) => {
    const ctx = actorCtx(makeCtx, req);
    const file = await getFile(ctx, req.params.id);
    await logDownload(ctx, file);
    return reply
      .header("content-type", file.mime)
      .header("content-length", file.size)
      .header(
        "content-disposition",
        `attachment; filename="file"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      )
      .send(store.open(file.sha256));
  });
}
