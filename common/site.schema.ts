import { z } from "zod";
import type { PolygonGeometry } from "./geo.js";
import { pageQuery } from "./paging.js";

/**
 * 空间资源 (seed 002's 可用空间图, seed 003's 起底上图): land parcels and buildings, on a map,
 * matched to a project's space demand and reserved for it.
 */
export const siteKinds = ["land", "factory", "floor", "incubator"] as const;
export type SiteKind = (typeof siteKinds)[number];
export const siteKindLabels: Record<SiteKind, string> = {
  land: "土地",
  factory: "标准厂房",
  floor: "楼宇楼层",
  incubator: "孵化空间",
};

export const siteStatuses = ["available", "reserved", "occupied", "to_recover"] as const;
export type SiteStatus = (typeof siteStatuses)[number];
export const siteStatusLabels: Record<SiteStatus, string> = {
  available: "可供应",
  reserved: "已预留",
  occupied: "已使用",
  to_recover: "待收回",
};

/** 存量土地分类 (seed 003): 批而未供, 供而未用, 闲置, 低效. */
export const stockCategories = ["approved_unsupplied", "supplied_unused", "idle", "inefficient"] as const;
export type StockCategory = (typeof stockCategories)[number];
export const stockCategoryLabels: Record<StockCategory, string> = {
  approved_unsupplied: "批而未供",
  supplied_unused: "供而未用",
  idle: "闲置",
  inefficient: "低效",
};

/** 用地类型, after the 国土空间调查、规划、用途管制用地用海分类. */
export const landUses = [
  "industrial",
  "new_industrial",
  "warehouse",
  "research",
  "commercial",
  "other",
] as const;
export type LandUse = (typeof landUses)[number];
export const landUseLabels: Record<LandUse, string> = {
  industrial: "工业用地",
  new_industrial: "新型产业用地（M0）",
  warehouse: "物流仓储用地",
  research: "科研用地",
  commercial: "商业服务业用地",
  other: "其他",
};

/** Colours of the map and the legend, by status and by stock category. */
export const siteStatusColors: Record<SiteStatus, string> = {
  available: "#52c41a",
  reserved: "#faad14",
  occupied: "#1677ff",
  to_recover: "#f5222d",
};
export const stockCategoryColors: Record<StockCategory | "none", string> = {
  approved_unsupplied: "#722ed1",
  supplied_unused: "#eb2f96",
  idle: "#fa8c16",
  inefficient: "#a0d911",
  none: "#bfbfbf",
};

const text = (max: number, what: string) =>
  z.string().trim().max(max, `${what}不能超过 ${max} 个字`).nullable().optional();
const positive = (what: string, max: number) =>
  z
    .number({ error: `${what}应为数字` })
    .min(0, `${what}不能为负数`)
    .max(max, `${what}过大，请核对`);

export const siteFields = {
  parkId: z.uuid({ error: "请选择园区" }),
  name: z.string({ error: "请填写名称" }).trim().min(2, "名称至少 2 个字").max(80, "名称不能超过 80 个字"),
  code: text(40, "地块编号"),
  kind: z.enum(siteKinds, { error: "请选择类型" }),
  /** GeoJSON polygon, checked and converted on the server (see geometryCrs) */
  geometry: z.unknown(),
  /** the coordinate system the geometry was entered in; stored in WGS 84 */
  geometryCrs: z.enum(["wgs84", "gcj02"]).default("wgs84"),
  /** stated area in m² (the certificate's); the geometry's own is kept beside it */
  areaM2: positive("面积", 100_000_000).nullable().optional(),
  landUse: z.enum(landUses, { error: "请选择用地类型" }).nullable().optional(),
  plotRatioMax: positive("容积率", 20).nullable().optional(),
  heightMaxM: positive("限高", 1000).nullable().optional(),
  floorLoadKnM2: positive("楼面荷载", 1000).nullable().optional(),
  powerKva: positive("供电容量", 10_000_000).nullable().optional(),
  status: z.enum(siteStatuses, { error: "请选择状态" }).default("available"),
  stockCategory: z.enum(stockCategories).nullable().optional(),
  owner: text(80, "权属或运营单位"),
  /** sale price in fen (land: the whole parcel) */
  priceFen: z.number().int("价格应精确到分").min(0).max(1e15).nullable().optional(),
  /** rent in fen per m² and month (buildings) */
  rentFenM2Month: z.number().int("租金应精确到分").min(0).max(1e9).nullable().optional(),
  certificateNo: text(60, "不动产权证号"),
  address: text(200, "地址"),
  enterpriseIds: z.array(z.uuid()).max(20, "关联企业不能超过 20 家").default([]),
  /** photos in the file store (uploaded to the site) */
  photoIds: z.array(z.uuid()).max(30, "照片不能超过 30 张").default([]),
  note: text(1000, "备注"),
};

export const siteCreate = z.strictObject(siteFields);
export type SiteCreate = z.infer<typeof siteCreate>;
export const siteUpdate = z.strictObject(siteFields).partial().extend({ version: z.number().int() });
export type SiteUpdate = z.infer<typeof siteUpdate>;

export const siteQuery = pageQuery.extend({
  parkId: z.uuid().optional(),
  kind: z.enum(siteKinds).optional(),
  status: z.enum(siteStatuses).optional(),
  stockCategory: z.enum([...stockCategories, "any"]).optional(),
  landUse: z.enum(landUses).optional(),
  minAreaM2: z.coerce.number().min(0).optional(),
  maxAreaM2: z.coerce.number().min(0).optional(),
});
export type SiteQuery = z.infer<typeof siteQuery>;

export const viewportQuery = z.object({
  /** west,south,east,north in WGS 84 */
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, "bbox 应为 west,south,east,north")
    .optional(),
  parkId: z.uuid().optional(),
  kind: z.enum(siteKinds).optional(),
  status: z.enum(siteStatuses).optional(),
  stockCategory: z.enum([...stockCategories, "any"]).optional(),
});
export type ViewportQuery = z.infer<typeof viewportQuery>;

/** A firm on a site, with its class in its latest 亩均 evaluation (null if none, or not to be shown). */
export interface SiteFirm {
  id: string;
  name: string;
  evaluation: { class: string; year: number } | null;
}

export interface SiteRow {
  id: string;
  regionId: string;
  parkId: string;
  parkName: string;
  name: string;
  code: string | null;
  kind: SiteKind;
  geometry: PolygonGeometry;
  bbox: [number, number, number, number];
  areaM2: number | null;
  geometryAreaM2: number;
  /** the stated area's disagreement with the geometry, when beyond the tolerance */
  areaWarning: string | null;
  landUse: LandUse | null;
  plotRatioMax: number | null;
  heightMaxM: number | null;
  floorLoadKnM2: number | null;
  powerKva: number | null;
  status: SiteStatus;
  stockCategory: StockCategory | null;
  owner: string | null;
  priceFen: number | null;
  rentFenM2Month: number | null;
  certificateNo: string | null;
  address: string | null;
  enterpriseIds: string[];
  enterprises: SiteFirm[];
  photoIds: string[];
  projectId: string | null;
  projectName: string | null;
  reservedOn: string | null;
  note: string | null;
  checkedOn: string | null;
  checkNote: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the map draws of a site: only what colours, labels and opens it. */
export interface SiteFeatureProps {
  id: string;
  name: string;
  kind: SiteKind;
  status: SiteStatus;
  stockCategory: StockCategory | "none";
  areaM2: number;
}
export interface SiteFeatureCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; id: string; geometry: PolygonGeometry; properties: SiteFeatureProps }[];
  /** more sites matched than are drawn at once: zoom in */
  truncated: boolean;
}

/** 空间需求: what a project needs, recorded on its page and matched against available sites. */
export const demandFields = {
  kinds: z.array(z.enum(siteKinds)).min(1, "至少选择一种空间类型").default(["land"]),
  areaMinM2: positive("最小面积", 100_000_000).nullable().optional(),
  areaMaxM2: positive("最大面积", 100_000_000).nullable().optional(),
  landUse: z.enum(landUses).nullable().optional(),
  floorLoadKnM2: positive("楼面荷载", 1000).nullable().optional(),
  heightM: positive("高度", 1000).nullable().optional(),
  powerKva: positive("用电容量", 10_000_000).nullable().optional(),
  parkIds: z.array(z.uuid()).max(20).default([]),
  neededOn: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }).nullable().optional(),
  note: text(500, "说明"),
};
const areaRange = (v: { areaMinM2?: number | null; areaMaxM2?: number | null }) =>
  v.areaMinM2 == null || v.areaMaxM2 == null || v.areaMinM2 <= v.areaMaxM2;
export const demandSave = z
  .strictObject({ ...demandFields, version: z.number().int().nullable().optional() })
  .refine(areaRange, { message: "最大面积不能小于最小面积", path: ["areaMaxM2"] });
export type DemandSave = z.infer<typeof demandSave>;

export interface Demand {
  projectId: string;
  kinds: SiteKind[];
  areaMinM2: number | null;
  areaMaxM2: number | null;
  landUse: LandUse | null;
  floorLoadKnM2: number | null;
  heightM: number | null;
  powerKva: number | null;
  parkIds: string[];
  neededOn: string | null;
  note: string | null;
  version: number;
}

/** One reason in a site's rank: met, partly met, or missed, with the figures. */
export interface MatchReason {
  key: "kind" | "area" | "landUse" | "floorLoad" | "height" | "power" | "park";
  verdict: "met" | "near" | "missed";
  text: string;
}
export interface SiteMatch {
  siteId: string;
  name: string;
  parkName: string;
  kind: SiteKind;
  areaM2: number;
  score: number;
  reasons: MatchReason[];
  /** the site's version, to reserve it */
  version: number;
}

export const reserveBody = z.strictObject({
  projectId: z.uuid({ error: "请选择项目" }),
  version: z.number().int(),
});
export const releaseBody = z.strictObject({ version: z.number().int() });

/** 起底核查: a site of the land stock checked on the ground, its class confirmed, with evidence. */
export const checkBody = z.strictObject({
  version: z.number().int(),
  stockCategory: z.enum(stockCategories).nullable(),
  checkedOn: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }),
  checkNote: z.string().trim().min(4, "请写明核查情况（至少 4 个字）").max(1000),
  /** ids of files uploaded to the site as evidence */
  fileIds: z.array(z.uuid()).max(20).default([]),
});

export interface AuditProgress {
  parkId: string;
  parkName: string;
  total: number;
  checked: number;
  byCategory: Record<StockCategory, number>;
}

export interface ParkFigures {
  parkId: string;
  parkName: string;
  availableLandM2: number;
  availableFloorM2: number;
  totalM2: number;
  occupiedM2: number;
  /** occupied share of all site area, 0–1 */
  occupancy: number;
  stockM2: Record<StockCategory, number>;
  /** area brought back (到 to_recover → available/occupied) by year */
  recoveredByYear: { year: number; m2: number }[];
}
