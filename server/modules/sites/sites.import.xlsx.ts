import { z } from "zod";
import {
  areaWarning,
  type Crs,
  isProblem,
  type PolygonGeometry,
  type Position,
  parsePolygonText,
} from "../../../common/geo.js";
import {
  landUseLabels,
  landUses,
  siteFields,
  siteKindLabels,
  siteKinds,
  siteStatuses,
  siteStatusLabels,
  stockCategories,
  stockCategoryLabels,
} from "../../../common/site.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import type { ImportColumn, ImportSpec, RowProblem, Value } from "../../lib/importer/importer.types.js";
import * as orgQ from "../org/org.queries.js";
import * as xq from "./sites.import.xlsx.queries.js";
import { geometryColumns } from "./sites.service.js";

/**
 * 空间资源 from a spreadsheet, through the shared importer (DESIGN.md, "Import contract").
 * The geometry is either 坐标 — a vertex list as the site form takes it when pasting
 * (`lng,lat;lng,lat;…`, one pair a line, or `lng lat, lng lat, …`), or a GeoJSON polygon — or,
 * when a ledger only knows a point, 中心经度 + 中心纬度 + 面积: a square of that area centred
 * there, marked as approximate in the site's note. 坐标 wins when both are given.
 */

const choices = <K extends string>(
  keys: readonly K[],
  labels: Record<K, string>,
  extra: Record<string, K>,
) => ({
  ...Object.fromEntries(keys.map((k) => [labels[k], k])),
  ...Object.fromEntries(keys.map((k) => [k, k])),
  ...extra,
});
const num = (key: string, label: string, synonyms: string[]): ImportColumn => ({
  key,
  label,
  synonyms,
  type: "number",
  nonNegative: true,
});

export const siteColumns: ImportColumn[] = [
  {
    key: "name",
    label: "名称",
    synonyms: ["地块名称", "空间名称", "厂房名称", "楼宇名称", "资源名称", "项目名称"],
    type: "text",
    required: true,
  },
  { key: "code", label: "编号", synonyms: ["地块编号", "宗地编号", "空间编号", "序号编码"], type: "text" },
  {
    key: "kind",
    label: "类型",
    synonyms: ["空间类型", "资源类型", "载体类型"],
    type: "choice",
    choices: choices(siteKinds, siteKindLabels, {
      地块: "land",
      土地: "land",
      工业用地: "land",
      厂房: "factory",
      标准厂房: "factory",
      楼宇: "floor",
      楼层: "floor",
      楼宇楼层: "floor",
      写字楼: "floor",
      孵化器: "incubator",
      众创空间: "incubator",
    }),
  },
  { key: "park", label: "园区", synonyms: ["所属园区", "所在园区", "园区名称", "所属平台"], type: "text" },
  {
    key: "landUse",
    label: "用地性质",
    synonyms: ["用地类型", "土地用途", "规划用途", "用途"],
    type: "choice",
    choices: choices(landUses, landUseLabels, {
      工业: "industrial",
      M1: "industrial",
      一类工业用地: "industrial",
      二类工业用地: "industrial",
      新型产业用地: "new_industrial",
      M0: "new_industrial",
      仓储: "warehouse",
      仓储用地: "warehouse",
      物流仓储: "warehouse",
      科研: "research",
      科研用地: "research",
      商业: "commercial",
      商业用地: "commercial",
      商服用地: "commercial",
    }),
  },
  {
    key: "stockCategory",
    label: "存量类型",
    synonyms: ["存量分类", "存量土地类型", "分类"],
    type: "choice",
    choices: choices(stockCategories, stockCategoryLabels, {
      闲置土地: "idle",
      低效用地: "inefficient",
      低效土地: "inefficient",
    }),
  },
  {
    key: "status",
    label: "状态",
    synonyms: ["使用状态", "供应状态", "当前状态"],
    type: "choice",
    choices: choices(siteStatuses, siteStatusLabels, {
      可用: "available",
      可出让: "available",
      可出租: "available",
      待供应: "available",
      空置: "available",
      已占用: "occupied",
      已出让: "occupied",
      已出租: "occupied",
      在用: "occupied",
      使用中: "occupied",
      收回: "to_recover",
    }),
  },
  {
    key: "area",
    label: "面积",
    synonyms: ["登记面积", "用地面积", "土地面积", "建筑面积", "宗地面积", "证载面积"],
    type: "number",
    unit: "area",
    nonNegative: true,
  },
  num("plotRatio", "容积率", ["容积率上限", "最大容积率"]),
  num("height", "限高", ["建筑限高", "限高（米）", "高度限制"]),
  num("floorLoad", "楼面荷载", ["荷载", "承重"]),
  num("power", "供电容量", ["用电容量", "电力容量", "变压器容量"]),
  {
    key: "price",
    label: "价格",
    synonyms: ["出让价格", "出让价", "挂牌价", "土地价格"],
    type: "number",
    unit: "money",
    nonNegative: true,
  },
  // 元 per m² and month, as every rent list writes it: not a unit the importer knows.
  num("rent", "租金", ["月租金", "租金单价", "租赁价格"]),
  {
    key: "owner",
    label: "权属人",
    synonyms: ["运营方", "权属单位", "权属人/运营方", "产权单位", "运营单位", "业主"],
    type: "text",
  },
  {
    key: "certificateNo",
    label: "不动产权证号",
    synonyms: ["不动产权证", "权证号", "土地证号"],
    type: "text",
  },
  {
    key: "coords",
    label: "坐标",
    synonyms: ["边界坐标", "拐点坐标", "顶点坐标", "坐标串", "边界"],
    type: "text",
  },
  num("centerLng", "中心经度", ["经度", "中心点经度"]),
  num("centerLat", "中心纬度", ["纬度", "中心点纬度"]),
  { key: "address", label: "地址", synonyms: ["坐落", "位置", "详细地址"], type: "text" },
  { key: "note", label: "备注", synonyms: ["说明"], type: "text" },
];

export const siteImportOptions = z.object({
  parkId: z.uuid().optional(),
  kind: z.enum(siteKinds).default("land"),
  crs: z.enum(["wgs84", "gcj02"]).default("wgs84"),
});
type Options = z.infer<typeof siteImportOptions>;

export const APPROXIMATE_NOTE = "图形为按中心点与面积生成的近似正方形，待测绘边界后替换";

/** Vertex text as the site form takes it, and `lng lat, lng lat` (WKT order) besides. */
export function parseVertices(text: string): PolygonGeometry | { problem: string } {
  const first = parsePolygonText(text);
  if (!isProblem(first)) return first;
  const body = text
    .trim()
    .replace(/^polygon\s*\(\(/i, "")
    .replace(/\)\)\s*$/, "");
  const pairs = body
    .split(/[,，;；\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/\s+/).map(Number));
  if (pairs.length === 0 || pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) {
    return { problem: "坐标应写作“经度,纬度;经度,纬度;…”或“经度 纬度, 经度 纬度, …”" };
  }
  const ring = pairs as Position[];
  const [a, b] = [ring[0]!, ring[ring.length - 1]!];
  if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]]);
  return { type: "Polygon", coordinates: [ring] };
}

// @turf/area's sphere: a square built on it has the area asked for, to the square metre.
const METRES_PER_DEGREE = (6378137 * Math.PI) / 180;

/** A square of `areaM2` centred on the point, in the point's own coordinate system. */
export function squareAround(lng: number, lat: number, areaM2: number): PolygonGeometry {
  const half = Math.sqrt(areaM2) / 2;
  const dLat = half / METRES_PER_DEGREE;
  const dLng = half / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  const r = (n: number) => Math.round(n * 1e7) / 1e7;
  const ring: Position[] = [
    [r(lng - dLng), r(lat - dLat)],
    [r(lng + dLng), r(lat - dLat)],
    [r(lng + dLng), r(lat + dLat)],
    [r(lng - dLng), r(lat + dLat)],
    [r(lng - dLng), r(lat - dLat)],
  ];
  return { type: "Polygon", coordinates: [ring] };
}

type Lookups = Awaited<ReturnType<typeof prepare>>;
export type StagedSite = xq.StagedSite;

async function prepare(ctx: ActorCtx) {
  const parks = await orgQ.listParks(ctx.db, ctx.actor, { page: 1, pageSize: 10_000 });
  const byName = new Map<string, { id: string; regionId: string }>();
  const byId = new Map<string, { id: string; regionId: string }>();
  for (const p of parks.items) {
    byName.set(p.name, p);
    byId.set(p.id, p);
  }
  for (const p of parks.items) if (p.shortName && !byName.has(p.shortName)) byName.set(p.shortName, p);
  return { byName, byId };
}

const str = (v: Value | undefined) => (typeof v === "string" ? v : null);
const n = (v: Value | undefined) => (typeof v === "number" ? v : null);
const fenOf = (v: Value | undefined) => (v && typeof v === "object" && "fen" in v ? v : null);

/** zod paths of the site's own rules → the import's column keys. */
const keyOfField: Record<string, string> = {
  name: "name",
  code: "code",
  areaM2: "area",
  plotRatioMax: "plotRatio",
  heightMaxM: "height",
  floorLoadKnM2: "floorLoad",
  powerKva: "power",
  owner: "owner",
  certificateNo: "certificateNo",
  address: "address",
  note: "note",
};
const fieldRules = z.object({
  name: siteFields.name,
  code: siteFields.code,
  areaM2: siteFields.areaM2,
  plotRatioMax: siteFields.plotRatioMax,
  heightMaxM: siteFields.heightMaxM,
  floorLoadKnM2: siteFields.floorLoadKnM2,
  powerKva: siteFields.powerKva,
  owner: siteFields.owner,
  certificateNo: siteFields.certificateNo,
  address: siteFields.address,
  note: siteFields.note,
});

/** One sheet row as a site to stage, or what is wrong with it, by column. */
export function siteRow(values: Record<string, Value>, l: Lookups, o: Options) {
  const problems: RowProblem[] = [];
  const parkName = str(values.park);
  const park = parkName ? l.byName.get(parkName) : o.parkId ? l.byId.get(o.parkId) : undefined;
  if (parkName && !park) {
    problems.push({ key: "park", message: `未找到园区“${parkName}”，或不在您的管辖范围内` });
  } else if (!park) {
    problems.push({
      key: "park",
      message: o.parkId ? "默认园区不存在或不在您的管辖范围内" : "请填写园区，或在导入选项中选择默认园区",
    });
  }
  const areaM2 = n(values.area);
  const fields = fieldRules.safeParse({
    name: str(values.name),
    code: str(values.code),
    areaM2,
    plotRatioMax: n(values.plotRatio),
    heightMaxM: n(values.height),
    floorLoadKnM2: n(values.floorLoad),
    powerKva: n(values.power),
    owner: str(values.owner),
    certificateNo: str(values.certificateNo),
    address: str(values.address),
    note: str(values.note),
  });
  if (!fields.success) {
    for (const i of fields.error.issues) {
      problems.push({ key: keyOfField[String(i.path[0])] ?? null, message: i.message });
    }
  }
  if (str(values.status) === "reserved") {
    problems.push({ key: "status", message: "导入的空间不能直接为“已预留”：请在项目页的空间需求中预留" });
  }
  const price = fenOf(values.price);
  if (price && price.currency !== "CNY") problems.push({ key: "price", message: "价格应以人民币计" });

  // The geometry: 坐标 first, else a square around the centre point.
  const coords = str(values.coords);
  const [lng, lat] = [n(values.centerLng), n(values.centerLat)];
  let shape: PolygonGeometry | null = null;
  let geometryKey = "coords";
  let approximate = false;
  if (coords) {
    const read = parseVertices(coords);
    if ("problem" in read) problems.push({ key: "coords", message: read.problem });
    else shape = read;
  } else if (lng !== null || lat !== null) {
    geometryKey = "centerLng";
    if (lng === null || lat === null) {
      problems.push({
        key: lng === null ? "centerLng" : "centerLat",
        message: "中心经度与中心纬度须同时填写",
      });
    } else if (!areaM2) {
      problems.push({ key: "area", message: "按中心点导入时须填写面积，用以生成近似图形" });
    } else {
      shape = squareAround(lng, lat, areaM2);
      approximate = true;
    }
  } else {
    problems.push({ key: "coords", message: "请填写坐标（边界顶点），或中心经度、中心纬度与面积" });
  }
  const g = shape ? geometryColumns(shape, o.crs as Crs) : null;
  if (g && "problems" in g) for (const message of g.problems) problems.push({ key: geometryKey, message });
  if (problems.length > 0 || !g || "problems" in g || !park || !fields.success) return { problems };

  const warning = approximate ? null : areaWarning(areaM2, g.geometryAreaM2);
  const note = approximate
    ? [APPROXIMATE_NOTE, fields.data.note].filter(Boolean).join("；")
    : fields.data.note;
  const rent = n(values.rent);
  const row: StagedSite = {
    parkId: park.id,
    regionId: park.regionId,
    name: fields.data.name,
    code: fields.data.code ?? null,
    kind: str(values.kind),
    defaultKind: o.kind,
    ...g,
    areaM2: areaM2 === null ? null : Math.round(areaM2 * 100) / 100,
    landUse: str(values.landUse),
    plotRatioMax: fields.data.plotRatioMax ?? null,
    heightMaxM: fields.data.heightMaxM ?? null,
    floorLoadKnM2: fields.data.floorLoadKnM2 ?? null,
    powerKva: fields.data.powerKva ?? null,
    status: str(values.status),
    stockCategory: str(values.stockCategory),
    owner: fields.data.owner ?? null,
    priceFen: price?.fen ?? null,
    rentFenM2Month: rent === null ? null : Math.round(rent * 100),
    certificateNo: fields.data.certificateNo ?? null,
    address: fields.data.address ?? null,
    note: note ?? null,
    approximate,
    warnings: warning ? [warning] : [],
  };
  return { problems, row };
}

export const siteXlsxImport: ImportSpec<StagedSite, Lookups> = {
  entity: "site",
  label: "空间资源",
  permission: "site.manage",
  columns: siteColumns,
  options: siteImportOptions,
  prepare: (ctx) => prepare(ctx),
  row(values, l, run) {
    const { row, problems } = siteRow(values, l, siteImportOptions.parse(run.options));
    // Rows for the same site: the same 编号 in a park, or without one the same name.
    return { row, problems, dedupeKey: row ? `${row.parkId}|${row.code ? `#${row.code}` : row.name}` : null };
  },
  stage: (ctx, run, rows) => xq.stageSites(ctx.db, run.jobId, rows),
  review: (ctx, run) => xq.reviewSites(ctx, run),
  commit: (ctx, run) => xq.commitSites(ctx, run),
  clear: (ctx, jobId) => xq.clearSiteStage(ctx.db, jobId),
};
