import { kml } from "@tmcw/togeojson";
import { DOMParser } from "@xmldom/xmldom";
import { z } from "zod";
import type { Crs } from "../../../common/geo.js";
import {
  landUseLabels,
  landUses,
  type SiteCreate,
  type SiteKind,
  siteCreate,
  siteKindLabels,
  siteKinds,
  siteStatuses,
  siteStatusLabels,
  stockCategories,
  stockCategoryLabels,
} from "../../../common/site.schema.js";
import type { ActorCtx } from "../../lib/context.js";
import { AppError } from "../../lib/errors.js";
import { requirePermission } from "../../lib/policy.js";
import { geometryColumns, insertSites } from "./sites.service.js";

export const importFields = z.object({
  parkId: z.uuid({ error: "请选择园区" }),
  kind: z.enum(siteKinds, { error: "请选择默认类型" }).default("land"),
  crs: z.enum(["wgs84", "gcj02"]).default("wgs84"),
});
export type ImportFields = z.infer<typeof importFields>;

interface RawFeature {
  geometry: unknown;
  properties: Record<string, unknown> | null;
}

/** GeoJSON (a FeatureCollection, a Feature or a bare Polygon) or KML, or why it does not parse. */
export function parseFeatures(name: string, data: Buffer): RawFeature[] {
  const text = data
    .toString("utf8")
    .replace(/^\uFEFF/, "")
    .trim();
  const fail = (zh: string) =>
    new AppError("VALIDATION", { zh, en: "The file does not parse" }, [{ path: "file", message: zh }]);
  if (/\.kml$/i.test(name) || text.startsWith("<")) {
    const errors: string[] = [];
    let doc: Document | undefined;
    try {
      doc = new DOMParser({
        onError: (level, msg) => {
          if (level !== "warning") errors.push(msg);
        },
      }).parseFromString(text, "text/xml") as unknown as Document;
    } catch (e) {
      // xmldom throws on a fatal error after reporting it
      errors.push((e as Error).message);
    }
    if (!doc || errors.length > 0 || doc.documentElement?.nodeName !== "kml") {
      throw fail(`KML 文件无法解析${errors[0] ? `：${errors[0].slice(0, 120)}` : "（根元素应为 kml）"}`);
    }
    return kml(doc).features.map((f) => ({ geometry: f.geometry, properties: f.properties }));
  }
  let json: { type?: string; features?: unknown; geometry?: unknown; properties?: unknown };
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fail(`GeoJSON 文件无法解析：${(e as Error).message.slice(0, 120)}`);
  }
  if (json?.type === "FeatureCollection" && Array.isArray(json.features))
    return json.features as RawFeature[];
  if (json?.type === "Feature") return [json as RawFeature];
  if (json?.type === "Polygon") return [{ geometry: json, properties: {} }];
  throw fail("GeoJSON 应为 FeatureCollection、Feature 或 Polygon");
}

/** A label, a key or an English word for one of the closed lists. */
function pick<K extends string>(v: unknown, keys: readonly K[], labels: Record<K, string>): K | undefined {
  if (typeof v !== "string" || !v.trim()) return undefined;
  const s = v.trim();
  return keys.find((k) => k === s || labels[k] === s || labels[k].startsWith(s));
}
const prop = (p: Record<string, unknown>, ...names: string[]) => {
  for (const n of names) if (p[n] !== undefined && p[n] !== null && p[n] !== "") return p[n];
  return undefined;
};
const number = (v: unknown) => (v === undefined ? undefined : Number(String(v).replace(/[,，]/g, "")));

/** One feature as a site to create, or the problems with it. */
function toSite(f: RawFeature, i: number, opts: ImportFields): { site?: SiteCreate; problems: string[] } {
  const p = f.properties ?? {};
  const name = String(prop(p, "name", "名称", "地块名称") ?? `导入地块 ${i + 1}`);
  const raw = {
    parkId: opts.parkId,
    name,
    code: (prop(p, "code", "编号", "地块编号") as string | undefined) ?? null,
    kind: (pick(prop(p, "kind", "类型"), siteKinds, siteKindLabels) ?? opts.kind) as SiteKind,
    geometry: f.geometry,
    geometryCrs: opts.crs as Crs,
    areaM2: number(prop(p, "areaM2", "area", "面积", "面积（平方米）")) ?? null,
    landUse: pick(prop(p, "landUse", "用地类型"), landUses, landUseLabels) ?? null,
    status: pick(prop(p, "status", "状态"), siteStatuses, siteStatusLabels) ?? "available",
    stockCategory:
      pick(prop(p, "stockCategory", "存量类型", "分类"), stockCategories, stockCategoryLabels) ?? null,
    owner: (prop(p, "owner", "权属", "权属单位") as string | undefined) ?? null,
    certificateNo: (prop(p, "certificateNo", "证号", "不动产权证号") as string | undefined) ?? null,
  };
  const problems: string[] = [];
  if (raw.status === "reserved") problems.push("导入的空间不能直接为“已预留”");
  const parsed = siteCreate.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((x) => `${x.path.join(".")}: ${x.message}`));
  const g = geometryColumns(f.geometry, opts.crs);
  if ("problems" in g) problems.push(...g.problems);
  return { site: problems.length === 0 ? parsed.data : undefined, problems };
}

/**
 * Checks every feature first and writes all or nothing: one bad feature and the file is
 * reported feature by feature, with no site created.
 */
export async function importSites(ctx: ActorCtx, name: string, data: Buffer, opts: ImportFields) {
  requirePermission(ctx.actor.permissions, "site.manage");
  const features = parseFeatures(name, data);
  if (features.length === 0) {
    throw new AppError("VALIDATION", { zh: "文件中没有任何图形", en: "No features" }, [
      { path: "file", message: "文件中没有任何图形" },
    ]);
  }
  const checked = features.map((f, i) => ({ i, ...toSite(f, i, opts) }));
  const bad = checked.filter((c) => c.problems.length > 0);
  if (bad.length > 0) {
    throw new AppError(
      "VALIDATION",
      {
        zh: `共 ${features.length} 个图形，其中 ${bad.length} 个有误，未导入任何数据`,
        en: "Some features are invalid; nothing was imported",
      },
      bad
        .slice(0, 200)
        .flatMap((b) =>
          b.problems.map((message) => ({ path: `features.${b.i}`, feature: b.i + 1, message })),
        ),
    );
  }
  const created = await insertSites(
    ctx,
    checked.map((c) => c.site!),
  );
  return { created: created.length, ids: created.map((s) => s.id) };
}
