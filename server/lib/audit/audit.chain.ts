import { createHash, createHmac } from "node:crypto";
import { canonicalJson } from "../canonical.js";

export const GENESIS = "GENESIS";
export const GLOBAL_CHAIN = "global";

export interface ChainedFields {
  id: string;
  chainKey: string;
  seq: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  regionId: string | null;
  before: unknown;
  after: unknown;
  meta: unknown;
}

/** HMAC-SHA256 over the previous hash and the row's canonical JSON. */
export function rowHash(secret: string, prevHash: string, row: ChainedFields): string {
  return createHmac("sha256", secret).update(prevHash).update("\n").update(canonicalJson(row)).digest("hex");
}

/** A digest of the ids a bulk operation touched, for its one audit entry. */
export function idsDigest(ids: readonly string[]): string {
  const h = createHash("sha256");
  for (const id of [...ids].sort()) h.update(id).update("\n");
  return h.digest("hex");
}
