import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { settingsUpdate } from "../../../common/settings.schema.js";
import { actorCtx, type CtxFactory } from "../../lib/http.js";
import { getSettings, updateSettings } from "./settings.service.js";

export function settingsRoutes(app: FastifyInstance, makeCtx: CtxFactory) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["settings"];
  r.get("/api/settings", { schema: { tags } }, async (req) => getSettings(actorCtx(makeCtx, req).db));
  r.patch("/api/settings", { schema: { tags, body: settingsUpdate } }, async (req) =>
    updateSettings(actorCtx(makeCtx, req), req.body),
  );
}
