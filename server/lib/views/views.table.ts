import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ViewState } from "../../../common/views.schema.js";
import { stamps } from "../../db/columns.js";
import { region } from "../../modules/org/org.table.js";
import { users } from "../../modules/users/users.table.js";

/**
 * A list page's filters and sort saved under a name. The unit a view is shared with is the
 * owner's department, or their region when they have none; it is taken from the owner each time
 * they save, so a view follows its owner when they move.
 */
export const savedView = pgTable(
  "saved_view",
  {
    id: uuid("id").primaryKey(),
    listKey: text("list_key").notNull(),
    name: text("name").notNull(),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** the owner's home region (the tenant column; null for a system administrator) */
    regionId: uuid("region_id").references(() => region.id),
    /** department | region; null when the owner belongs to neither */
    unitKind: text("unit_kind"),
    unitId: uuid("unit_id"),
    shared: boolean("shared").notNull().default(false),
    state: jsonb("state").$type<ViewState>().notNull().default(sql`'{}'::jsonb`),
    ...stamps,
  },
  (t) => [
    uniqueIndex("saved_view_owner_name_uq").on(t.ownerId, t.listKey, t.name),
    index("saved_view_unit_idx").on(t.listKey, t.unitKind, t.unitId).where(sql`${t.shared}`),
  ],
);
