import { z } from "zod";

export const settings = z.object({ watermark: z.boolean() });
export type Settings = z.infer<typeof settings>;
export const settingsUpdate = settings.partial().strict();

export const health = z.object({
  status: z.literal("ok"),
  db: z.enum(["pglite", "postgres"]),
  migration: z.string().nullable(),
  version: z.string(),
  uptimeS: z.number(),
});
