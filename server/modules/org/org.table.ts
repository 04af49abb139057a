import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  doublePrecision,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { PolygonGeometry } from "../../../common/geo.js";
import { stamps } from "../../db/columns.js";

/** Province → city → county/zone; platforms (no code) hang anywhere. `path` lists ancestor ids for subtree scope. */
export const region = pgTable(
  "region",
  {
    id: uuid("id").primaryKey(),
    code: text("code"),
    name: text("name").notNull(),
    level: text("level").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => region.id),
    path: text("path").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("region_code_uq").on(t.code),
    index("region_parent_idx").on(t.parentId),
    index("region_path_idx").on(t.path.op("text_pattern_ops")),
  ],
);

export const park = pgTable(
  "park",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    shortName: text("short_name"),
    kind: text("kind").notNull(),
    parentId: uuid("parent_id").references((): AnyPgColumn => park.id),
    hostLocation: text("host_location"),
    areaM2: doublePrecision("area_m2"),
    /** the boundary, GeoJSON polygon in WGS 84 */
    outline: jsonb("outline").$type<PolygonGeometry>(),
    address: text("address"),
    description: text("description"),
    ...stamps,
  },
  (t) => [
    uniqueIndex("park_region_name_uq").on(t.regionId, t.name),
    index("park_parent_idx").on(t.parentId),
    index("park_name_trgm_idx").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

export const team = pgTable(
  "team",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id").references(() => park.id),
    name: text("name").notNull(),
    kind: text("kind").notNull(),
    stationCity: text("station_city"),
    leaderName: text("leader_name"),
    ...stamps,
  },
  (t) => [uniqueIndex("team_region_name_uq").on(t.regionId, t.name), index("team_park_idx").on(t.parkId)],
);

export const department = pgTable(
  "department",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    name: text("name").notNull(),
    shortName: text("short_name"),
    phone: text("phone"),
    ...stamps,
  },
  (t) => [uniqueIndex("department_region_name_uq").on(t.regionId, t.name)],
);
