import { z } from "zod";

export const settings = z.object({
  watermark: z.boolean(),
  /**
   * The map's base layer (sites): a MapLibre style URL, or a raster tile template with {z}/{x}/{y}
   * (天地图, OSM, an intranet tile server). Null draws parks and sites on a plain background.
   */
  mapBaseUrl: z
    .string()
    .trim()
    .max(500, "底图地址不能超过 500 个字符")
    .regex(/^(https?:\/\/|\/)/, "底图地址应以 http(s):// 或 / 开头")
    .nullable(),
});
export type Settings = z.infer<typeof settings>;
export const settingsUpdate = settings.partial().strict();

export const health = z.object({
  status: z.literal("ok"),
  db: z.enum(["pglite", "postgres"]),
  migration: z.string().nullable(),
  version: z.string(),
  uptimeS: z.number(),
});
