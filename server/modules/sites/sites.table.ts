import { sql } from "drizzle-orm";
import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import type { PolygonGeometry } from "../../../common/geo.js";
import { fen, stamps } from "../../db/columns.js";
import { park, region } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { users } from "../users/users.table.js";

/**
 * 空间资源: a land parcel or a building space of a park. The polygon is GeoJSON in WGS 84 with
 * its bounding box in four columns: PostGIS is not in PGlite, so the viewport query is a range
 * scan on (min_lng, min_lat) — a site is at most 0.2° wide (common/geo.ts), which bounds how far
 * west of the viewport a site's min_lng may lie.
 */
export const site = pgTable(
  "site",
  {
    id: uuid("id").primaryKey(),
    regionId: uuid("region_id")
      .notNull()
      .references(() => region.id),
    parkId: uuid("park_id")
      .notNull()
      .references(() => park.id),
    name: text("name").notNull(),
    code: text("code"),
    kind: text("kind").notNull(),
    geometry: jsonb("geometry").$type<PolygonGeometry>().notNull(),
    minLng: doublePrecision("min_lng").notNull(),
    minLat: doublePrecision("min_lat").notNull(),
    maxLng: doublePrecision("max_lng").notNull(),
    maxLat: doublePrecision("max_lat").notNull(),
    /** the certificate's area; geometry_area_m2 is the polygon's geodesic area */
    areaM2: doublePrecision("area_m2"),
    geometryAreaM2: doublePrecision("geometry_area_m2").notNull(),
    landUse: text("land_use"),
    plotRatioMax: doublePrecision("plot_ratio_max"),
    heightMaxM: doublePrecision("height_max_m"),
    floorLoadKnM2: doublePrecision("floor_load_kn_m2"),
    powerKva: doublePrecision("power_kva"),
    status: text("status").notNull().default("available"),
    stockCategory: text("stock_category"),
    owner: text("owner"),
    priceFen: fen("price_fen"),
    rentFenM2Month: fen("rent_fen_m2_month"),
    certificateNo: text("certificate_no"),
    address: text("address"),
    enterpriseIds: uuid("enterprise_ids").array().notNull().default(sql`'{}'::uuid[]`),
    /** photos and check evidence in the file store, uploaded to the site */
    photoIds: uuid("photo_ids").array().notNull().default(sql`'{}'::uuid[]`),
    projectId: uuid("project_id").references(() => project.id),
    reservedOn: date("reserved_on"),
    /** the day a 待收回 site was brought back (腾笼换鸟), for the yearly recovered area */
    recoveredOn: date("recovered_on"),
    checkedOn: date("checked_on"),
    checkNote: text("check_note"),
    checkedBy: uuid("checked_by").references(() => users.id),
    note: text("note"),
    ...stamps,
  },
  (t) => [
    index("site_bbox_idx").on(t.minLng, t.minLat),
    index("site_park_idx").on(t.parkId, t.status),
    index("site_status_idx").on(t.status, t.kind),
    index("site_project_idx").on(t.projectId),
    // The sites a firm is on (evaluation's lists for 腾笼换鸟): array containment.
    index("site_enterprises_idx").using("gin", t.enterpriseIds),
  ],
);

/** 空间需求: one a project, what it needs; its presence makes 开工 wait for a reserved site. */
export const siteDemand = pgTable("site_demand", {
  projectId: uuid("project_id")
    .primaryKey()
    .references(() => project.id),
  kinds: text("kinds").array().notNull(),
  areaMinM2: doublePrecision("area_min_m2"),
  areaMaxM2: doublePrecision("area_max_m2"),
  landUse: text("land_use"),
  floorLoadKnM2: doublePrecision("floor_load_kn_m2"),
  heightM: doublePrecision("height_m"),
  powerKva: doublePrecision("power_kva"),
  parkIds: uuid("park_ids").array().notNull().default(sql`'{}'::uuid[]`),
  neededOn: date("needed_on"),
  note: text("note"),
  ...stamps,
});

/** Rows of an xlsx site import between the dry run and the commit (one JSON row each, with its warnings). */
export const siteImportStage = pgTable(
  "site_import_stage",
  {
    jobId: uuid("job_id").notNull(),
    rowNo: integer("row_no").notNull(),
    row: jsonb("row").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.jobId, t.rowNo] })],
);
