import turfArea from "@turf/area";
import kinks from "@turf/kinks";
import gcoord from "gcoord";

/**
 * Pure geometry of sites: polygons in WGS 84 (GeoJSON order: lng, lat), checked for a closed,
 * simple ring inside China, with a geodesic area. Shared by the server (validation, import) and
 * the web (the site form's preview), so both give the same verdict.
 */
export type Position = [number, number];
export interface PolygonGeometry {
  type: "Polygon";
  coordinates: Position[][];
}
export type Crs = "wgs84" | "gcj02";

/** 1 亩 = 2000/3 m² exactly (DOMAIN.md). */
export const M2_PER_MU = 2000 / 3;
export const muOf = (m2: number) => m2 / M2_PER_MU;

/** A stated area more than this share away from the geometry's is warned about. */
export const AREA_TOLERANCE = 0.1;

/** The widest a single site may be, in degrees (about 20 km): a larger polygon is a typo. */
export const MAX_SPAN_DEG = 0.2;
/** The widest a park's outline may be (about 100 km): a zone with its sub-parks, never a city. */
export const PARK_MAX_SPAN_DEG = 1;

/**
 * China's rough extent: mainland and Hainan's bounding box, less seven rectangles that are
 * plainly other countries (Kazakhstan, Mongolia, the Korean peninsula, South Asia in three,
 * Indochina).
 * Rough on purpose — it catches swapped lng/lat and foreign or zero coordinates, not borders;
 * the South China Sea islands fall outside it.
 */
const CHINA_BOX = { west: 73.4, east: 135.1, south: 18.1, north: 53.6 };
const NOT_CHINA: { west: number; east: number; south: number; north: number }[] = [
  { west: 73.4, east: 80, south: 43, north: 53.6 },
  { west: 92, east: 116, south: 46.5, north: 53.6 },
  { west: 125.5, east: 131, south: 33, north: 38.5 },
  { west: 73.4, east: 80, south: 18.1, north: 32 },
  { west: 80, east: 88, south: 18.1, north: 27.5 },
  { west: 88, east: 97.5, south: 18.1, north: 26.5 },
  { west: 100, east: 108, south: 18.1, north: 21 },
];

export function insideChina([lng, lat]: Position): boolean {
  const inBox = (b: typeof CHINA_BOX) => lng >= b.west && lng <= b.east && lat >= b.south && lat <= b.north;
  return inBox(CHINA_BOX) && !NOT_CHINA.some(inBox);
}

export interface GeoProblem {
  code: "shape" | "unclosed" | "too_few" | "self_intersection" | "outside_china" | "too_large";
  message: string;
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === "number" && Number.isFinite(n));

/** Reads something that should be a polygon (a geometry, a Feature, or bare rings) or says why not. */
export function asPolygon(input: unknown): PolygonGeometry | GeoProblem {
  let g = input as { type?: unknown; geometry?: unknown; coordinates?: unknown };
  if (g && g.type === "Feature") g = g.geometry as typeof g;
  const rings = Array.isArray(input) ? input : g?.type === "Polygon" ? g.coordinates : undefined;
  if (!Array.isArray(rings) || rings.length === 0) {
    return { code: "shape", message: "图形应为 GeoJSON 多边形（Polygon）" };
  }
  if (!rings.every((r) => Array.isArray(r) && r.every(isPosition))) {
    return { code: "shape", message: "坐标应为 [经度, 纬度] 数字对" };
  }
  return {
    type: "Polygon",
    coordinates: (rings as number[][][]).map((r) => r.map((p) => [p[0]!, p[1]!] as Position)),
  };
}

/** Every problem of a WGS-84 polygon, in the order a person would fix them. */
export function polygonProblems(poly: PolygonGeometry, maxSpanDeg = MAX_SPAN_DEG): GeoProblem[] {
  const problems: GeoProblem[] = [];
  for (const [i, ring] of poly.coordinates.entries()) {
    const what = i === 0 ? "外边界" : `第 ${i} 个内洞`;
    if (ring.length < 4) {
      problems.push({ code: "too_few", message: `${what}至少需要 3 个不同的顶点并首尾闭合` });
      continue;
    }
    const [a, b] = [ring[0]!, ring[ring.length - 1]!];
    if (a[0] !== b[0] || a[1] !== b[1]) {
      problems.push({ code: "unclosed", message: `${what}未闭合：最后一个坐标应与第一个相同` });
    }
  }
  if (problems.length > 0) return problems;
  const outside = poly.coordinates.flat().find((p) => !insideChina(p));
  if (outside) {
    problems.push({
      code: "outside_china",
      message: `坐标 (${outside[0]}, ${outside[1]}) 不在中国境内，请核对经纬度是否颠倒或坐标系`,
    });
    return problems;
  }
  const b = bboxOf(poly);
  if (b.maxLng - b.minLng > maxSpanDeg || b.maxLat - b.minLat > maxSpanDeg) {
    problems.push({ code: "too_large", message: `图形跨度超过 ${maxSpanDeg * 100} 公里，请核对坐标` });
  }
  if (kinks(poly).features.length > 0) {
    problems.push({ code: "self_intersection", message: "边界自相交，请按顺序依次给出顶点" });
  }
  return problems;
}

export interface Bbox {
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export function bboxOf(poly: PolygonGeometry): Bbox {
  const outer = poly.coordinates[0]!;
  const lngs = outer.map((p) => p[0]);
  const lats = outer.map((p) => p[1]);
  return {
    minLng: Math.min(...lngs),
    minLat: Math.min(...lats),
    maxLng: Math.max(...lngs),
    maxLat: Math.max(...lats),
  };
}

/** Geodesic area in m² (holes subtracted), rounded to the square metre. */
export const geodesicArea = (poly: PolygonGeometry) => Math.round(turfArea(poly));

/** GCJ-02 (the coordinates of 高德 and 腾讯 maps; 天地图 is CGCS2000 ≈ WGS 84) to WGS 84, every vertex. */
export function toWgs84(poly: PolygonGeometry, crs: Crs): PolygonGeometry {
  if (crs === "wgs84") return poly;
  return {
    type: "Polygon",
    coordinates: poly.coordinates.map((r) =>
      r.map((p) => {
        const [lng, lat] = gcoord.transform(p, gcoord.GCJ02, gcoord.WGS84) as Position;
        return [round7(lng), round7(lat)] as Position;
      }),
    ),
  };
}
// 7 decimals is about 1 cm: more digits are noise from the conversion.
const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/** A warning when the stated area is more than the tolerance away from the polygon's own. */
export function areaWarning(statedM2: number | null | undefined, geometryM2: number): string | null {
  if (statedM2 === null || statedM2 === undefined || geometryM2 <= 0) return null;
  const off = Math.abs(statedM2 - geometryM2) / geometryM2;
  if (off <= AREA_TOLERANCE) return null;
  return `填报面积 ${fmt(statedM2)} 平方米与图形面积 ${fmt(geometryM2)} 平方米相差 ${Math.round(off * 100)}%（超过 ${AREA_TOLERANCE * 100}%），请核对`;
}
const fmt = (n: number) => Math.round(n).toLocaleString("zh-CN");

/** Parses pasted text: GeoJSON, or "lng,lat" pairs one a line / separated by spaces or semicolons. */
export function parsePolygonText(text: string): PolygonGeometry | GeoProblem {
  const t = text.trim();
  if (t.startsWith("{") || t.startsWith("[")) {
    try {
      return asPolygon(JSON.parse(t));
    } catch {
      return { code: "shape", message: "GeoJSON 无法解析" };
    }
  }
  const pairs = t
    .split(/[\s;；]+/)
    .filter(Boolean)
    .map((s) => s.split(/[,，]/).map(Number));
  if (pairs.length === 0 || pairs.some((p) => p.length !== 2 || p.some((n) => !Number.isFinite(n)))) {
    return { code: "shape", message: "坐标应写作“经度,纬度”，每行一个顶点" };
  }
  const ring = pairs as Position[];
  const [a, b] = [ring[0]!, ring[ring.length - 1]!];
  // A list of vertices typed by hand closes itself; GeoJSON must be closed as written.
  if (a[0] !== b[0] || a[1] !== b[1]) ring.push([a[0], a[1]]);
  return { type: "Polygon", coordinates: [ring] };
}

export const isProblem = (x: PolygonGeometry | GeoProblem): x is GeoProblem => "code" in x;
