import { eq, sql } from "drizzle-orm";
import type { SubjectType } from "../../../common/enums.js";
import { canonicalJson } from "../canonical.js";
import type { Ctx } from "../context.js";
import { newId } from "../ids.js";
import { type ChainedFields, GENESIS, GLOBAL_CHAIN, idsDigest, rowHash } from "./audit.chain.js";
import { auditHead, auditLog } from "./audit.table.js";

export interface AuditInput {
  action: string;
  subjectType: SubjectType;
  subjectId?: string | null;
  /** the region whose chain the entry joins; null joins the global chain */
  regionId: string | null;
  before?: unknown;
  after?: unknown;
  meta?: unknown;
}

const plain = (v: unknown) => (v === undefined || v === null ? null : JSON.parse(canonicalJson(v)));

/**
 * Appends one entry to the region's chain. Call it inside the transaction that
 * makes the change, so the change and its record land together; the head row
 * lock serialises writers of one chain.
 */
export async function audit(ctx: Ctx, input: AuditInput): Promise<void> {
  const chainKey = input.regionId ?? GLOBAL_CHAIN;
  await ctx.db.insert(auditHead).values({ chainKey, seq: 0, hash: GENESIS }).onConflictDoNothing();
  const [head] = await ctx.db
    .select({ seq: auditHead.seq, hash: auditHead.hash })
    .from(auditHead)
    .where(eq(auditHead.chainKey, chainKey))
    .for("update");
  if (!head) throw new Error(`audit head missing for ${chainKey}`);
  const at = new Date(Math.floor(ctx.now().getTime()));
  const row: ChainedFields = {
    id: newId(),
    chainKey,
    seq: head.seq + 1,
    at,
    actorId: ctx.actor?.id ?? null,
    actorName: ctx.actor?.name ?? null,
    action: input.action,
    subjectType: input.subjectType,
    subjectId: input.subjectId ?? null,
    regionId: input.regionId,
    before: plain(input.before),
    after: plain(input.after),
    meta: plain(input.meta),
  };
  const hash = rowHash(ctx.secret, head.hash, row);
  await ctx.db.insert(auditLog).values({ ...row, prevHash: head.hash, hash });
  await ctx.db
    .update(auditHead)
    .set({ seq: row.seq, hash, updatedAt: sql`now()` })
    .where(eq(auditHead.chainKey, chainKey));
}

/** One entry for bulk work: counts and a digest of the ids touched. */
export function auditBatch(
  ctx: Ctx,
  input: Omit<AuditInput, "before" | "after" | "subjectId"> & {
    ids: readonly string[];
    counts: Record<string, number>;
  },
): Promise<void> {
  return audit(ctx, {
    action: input.action,
    subjectType: input.subjectType,
    regionId: input.regionId,
    meta: {
      ...((input.meta as object) ?? {}),
      counts: input.counts,
      ids: input.ids.length,
      digest: idsDigest(input.ids),
    },
  });
}

/** Fields whose values differ, for a compact before/after pair. */
export function changed<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (k === "updatedAt" || k === "version") continue;
    if (canonicalJson(before[k]) !== canonicalJson(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
