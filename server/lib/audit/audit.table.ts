import { bigint, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** Append-only; each row's hash is HMAC(secret, prev_hash + canonical JSON of the row). */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey(),
    chainKey: text("chain_key").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid("actor_id"),
    actorName: text("actor_name"),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    regionId: uuid("region_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    meta: jsonb("meta"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [
    uniqueIndex("audit_chain_seq_uq").on(t.chainKey, t.seq),
    index("audit_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_at_idx").on(t.at),
    index("audit_actor_idx").on(t.actorId),
  ],
);

/** Checkpointed head of each chain, so a row removed from the end is detected. */
export const auditHead = pgTable("audit_head", {
  chainKey: text("chain_key").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
