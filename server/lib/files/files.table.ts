import { bigint, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const storedFile = pgTable(
  "stored_file",
  {
    id: uuid("id").primaryKey(),
    sha256: text("sha256").notNull(),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: bigint("size", { mode: "number" }).notNull(),
    kind: text("kind").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    regionId: uuid("region_id"),
    uploaderId: uuid("uploader_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("stored_file_subject_idx").on(t.subjectType, t.subjectId),
    index("stored_file_sha_idx").on(t.sha256),
  ],
);
