import { z } from "zod";
import { subjectTypes } from "./enums.js";
import { pageQuery } from "./paging.js";

export const auditEntry = z.object({
  id: z.uuid(),
  chainKey: z.string(),
  seq: z.number().int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  meta: z.unknown().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditQuery = pageQuery.extend({
  subjectType: z.enum(subjectTypes).optional(),
  subjectId: z.uuid().optional(),
  actorId: z.uuid().optional(),
  action: z.string().max(40).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  order: z.enum(["asc", "desc"]).optional(),
});

export const chainReport = z.object({
  chainKey: z.string(),
  chainName: z.string(),
  rows: z.number().int(),
  ok: z.boolean(),
  firstBad: z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() }).nullable(),
});
export type ChainReport = z.infer<typeof chainReport>;
export const verifyReport = z.object({ ok: z.boolean(), chains: z.array(chainReport) });
export type VerifyReport = z.infer<typeof verifyReport>;
