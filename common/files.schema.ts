import { z } from "zod";
import { fileKinds, subjectTypes } from "./enums.js";

export const fileMeta = z.object({
  id: z.uuid(),
  sha256: z.string(),
  name: z.string(),
  mime: z.string(),
  size: z.number().int(),
  kind: z.enum(fileKinds),
  subjectType: z.enum(subjectTypes).nullable(),
  subjectId: z.string().nullable(),
  uploaderId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type FileMeta = z.infer<typeof fileMeta>;

/** Bytes allowed per file kind. */
export const fileSizeLimits: Record<(typeof fileKinds)[number], number> = {
  attachment: 50 * 1024 * 1024,
  photo: 20 * 1024 * 1024,
  import: 200 * 1024 * 1024,
  generated: 200 * 1024 * 1024,
};
