import {
  type AnyColumn,
  and,
  count,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  lte,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { areaWarning, bboxOf, MAX_SPAN_DEG as MAX_SPAN } from "../../../common/geo.js";
import type {
  Demand,
  LandUse,
  SiteFeatureCollection,
  SiteFirm,
  SiteKind,
  SiteQuery,
  SiteRow,
  SiteStatus,
  StockCategory,
  ViewportQuery,
} from "../../../common/site.schema.js";
import type { DbOrTx } from "../../db/client.js";
import type { Actor } from "../../lib/context.js";
import { likeText, offsetOf, orderBy } from "../../lib/paging.js";
import { scopeWhere } from "../../lib/scope.js";
import { enterprise } from "../enterprises/enterprises.table.js";
import { latestClassOf } from "../evaluation/evaluation.queries.js";
import { parkScope } from "../org/org.queries.js";
import { park } from "../org/org.table.js";
import { project } from "../projects/projects.table.js";
import { site, siteDemand } from "./sites.table.js";

/** Sites belong to a park of a region: region grants reach the subtree, park grants the park. */
export const siteScope = (a: Actor) => scopeWhere(a, { region: site.regionId, park: site.parkId });

const inPark = (parkId: string) =>
  sql`${site.parkId} in (select ${park.id} from ${park} where ${park.id} = ${parkId} or ${park.parentId} = ${parkId})`;

/** The filters the list, its export and the map share. */
function filters(q: Partial<SiteQuery & ViewportQuery>): (SQL | undefined)[] {
  return [
    q.parkId ? inPark(q.parkId) : undefined,
    q.kind ? eq(site.kind, q.kind) : undefined,
    q.status ? eq(site.status, q.status) : undefined,
    q.stockCategory === "any"
      ? isNotNull(site.stockCategory)
      : q.stockCategory
        ? eq(site.stockCategory, q.stockCategory)
        : undefined,
    q.landUse ? eq(site.landUse, q.landUse) : undefined,
    q.minAreaM2 !== undefined ? gte(site.geometryAreaM2, q.minAreaM2) : undefined,
    q.maxAreaM2 !== undefined ? lte(site.geometryAreaM2, q.maxAreaM2) : undefined,
    q.q
      ? or(
          ilike(site.name, likeText(q.q)),
          ilike(site.code, likeText(q.q)),
          ilike(site.certificateNo, likeText(q.q)),
          ilike(site.owner, likeText(q.q)),
        )
      : undefined,
  ];
}

const base = (db: DbOrTx) =>
  db
    .select({
      s: site,
      parkName: park.name,
      projectName: project.name,
      enterprises: sql<SiteFirm[] | null>`(select json_agg(json_build_object('id', e.id, 'name', e.name,
        'evaluation', ${latestClassOf(sql`e.id`)}) order by e.name)
        from ${enterprise} e where e.id = any(${site.enterpriseIds}))`,
    })
    .from(site)
    .innerJoin(park, eq(park.id, site.parkId))
    .leftJoin(project, eq(project.id, site.projectId));

type BaseRow = Awaited<ReturnType<typeof base>>[number];
const present = ({ s, parkName, projectName, enterprises }: BaseRow): SiteRow => ({
  id: s.id,
  regionId: s.regionId,
  parkId: s.parkId,
  parkName,
  name: s.name,
  code: s.code,
  kind: s.kind as SiteKind,
  geometry: s.geometry,
  bbox: [s.minLng, s.minLat, s.maxLng, s.maxLat],
  areaM2: s.areaM2,
  geometryAreaM2: s.geometryAreaM2,
  areaWarning: areaWarning(s.areaM2, s.geometryAreaM2),
  landUse: s.landUse as LandUse | null,
  plotRatioMax: s.plotRatioMax,
  heightMaxM: s.heightMaxM,
  floorLoadKnM2: s.floorLoadKnM2,
  powerKva: s.powerKva,
  status: s.status as SiteStatus,
  stockCategory: s.stockCategory as StockCategory | null,
  owner: s.owner,
  priceFen: s.priceFen,
  rentFenM2Month: s.rentFenM2Month,
  certificateNo: s.certificateNo,
  address: s.address,
  enterpriseIds: s.enterpriseIds,
  enterprises: enterprises ?? [],
  photoIds: s.photoIds,
  projectId: s.projectId,
  projectName,
  reservedOn: s.reservedOn,
  note: s.note,
  checkedOn: s.checkedOn,
  checkNote: s.checkNote,
  version: s.version,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

export async function listSites(db: DbOrTx, actor: Actor, q: SiteQuery) {
  const w = and(siteScope(actor), ...filters(q));
  const sorts = {
    name: site.name,
    areaM2: site.geometryAreaM2,
    status: site.status,
    parkName: park.name,
    createdAt: site.createdAt,
    updatedAt: site.updatedAt,
  };
  const [rows, [total]] = await Promise.all([
    base(db)
      .where(w)
      .orderBy(...orderBy(sorts, q, "createdAt", site.id))
      .limit(q.pageSize)
      .offset(offsetOf(q)),
    db.select({ n: count() }).from(site).innerJoin(park, eq(park.id, site.parkId)).where(w),
  ]);
  return { items: rows.map(present), total: total?.n ?? 0 };
}

export async function getSite(db: DbOrTx, actor: Actor, id: string) {
  const [r] = await base(db).where(and(eq(site.id, id), siteScope(actor)));
  if (!r) return null;
  const row = present(r);
  // The 亩均 class is the evaluation's to show: only to those who may read evaluations.
  if (!actor.permissions.has("evaluation.read"))
    row.enterprises = row.enterprises.map((e) => ({ ...e, evaluation: null }));
  return row;
}

/** The most features one viewport draws; beyond it the map asks the user to zoom in. */
export const VIEWPORT_LIMIT = 5000;

/**
 * Map data for a viewport: a site intersects it when its box does. min_lng is bounded on both
 * sides (a site is at most MAX_SPAN wide), so the (min_lng, min_lat) index scans a strip.
 */
export async function viewport(db: DbOrTx, actor: Actor, q: ViewportQuery): Promise<SiteFeatureCollection> {
  const box = q.bbox?.split(",").map(Number) as [number, number, number, number] | undefined;
  const within = box
    ? and(
        gte(site.minLng, box[0] - MAX_SPAN),
        lte(site.minLng, box[2]),
        gte(site.maxLng, box[0]),
        gte(site.minLat, box[1] - MAX_SPAN),
        lte(site.minLat, box[3]),
        gte(site.maxLat, box[1]),
      )
    : undefined;
  const rows = await db
    .select({
      id: site.id,
      name: site.name,
      kind: site.kind,
      status: site.status,
      stockCategory: site.stockCategory,
      areaM2: site.geometryAreaM2,
      geometry: site.geometry,
    })
    .from(site)
    .where(and(siteScope(actor), within, ...filters(q)))
    .limit(VIEWPORT_LIMIT + 1);
  return {
    type: "FeatureCollection",
    truncated: rows.length > VIEWPORT_LIMIT,
    features: rows.slice(0, VIEWPORT_LIMIT).map((r) => ({
      type: "Feature",
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        name: r.name,
        kind: r.kind as SiteKind,
        status: r.status as SiteStatus,
        stockCategory: (r.stockCategory ?? "none") as StockCategory | "none",
        areaM2: Math.round(r.areaM2),
      },
    })),
  };
}

/**
 * The parks the map draws: those with an outline of their own, and those with sites in scope
 * (drawn as the box around them). Each carries its box, for fitting the view and its label.
 */
export async function parkExtents(db: DbOrTx, actor: Actor, parkId?: string) {
  const agg = db
    .select({
      parkId: site.parkId,
      minLng: sql<number>`min(${site.minLng})`.as("min_lng"),
      minLat: sql<number>`min(${site.minLat})`.as("min_lat"),
      maxLng: sql<number>`max(${site.maxLng})`.as("max_lng"),
      maxLat: sql<number>`max(${site.maxLat})`.as("max_lat"),
      sites: sql<number>`count(*)::int`.as("sites"),
    })
    .from(site)
    .where(and(siteScope(actor), parkId ? inPark(parkId) : undefined))
    .groupBy(site.parkId)
    .as("agg");
  const rows = await db
    .select({
      parkId: park.id,
      parkName: park.name,
      outline: park.outline,
      minLng: agg.minLng,
      minLat: agg.minLat,
      maxLng: agg.maxLng,
      maxLat: agg.maxLat,
      sites: agg.sites,
    })
    .from(park)
    .leftJoin(agg, eq(agg.parkId, park.id))
    .where(
      and(
        or(isNotNull(agg.parkId), isNotNull(park.outline)),
        parkScope(actor),
        parkId ? or(eq(park.id, parkId), eq(park.parentId, parkId)) : undefined,
      ),
    )
    .orderBy(park.name);
  return rows.map(({ outline, ...r }) => ({
    ...r,
    ...(outline
      ? bboxOf(outline)
      : {
          minLng: Number(r.minLng),
          minLat: Number(r.minLat),
          maxLng: Number(r.maxLng),
          maxLat: Number(r.maxLat),
        }),
    outline,
    sites: Number(r.sites ?? 0),
  }));
}

/**
 * Available sites a demand could use, best first: of its kinds, in its parks if it names any, no
 * smaller than half its minimum nor larger than twice its maximum, scored in SQL by the weights
 * of sites.match.ts (quickScore, which a test keeps equal) so only the shown few leave the
 * database; the reasons are written for those in TypeScript.
 */
export async function matchCandidates(db: DbOrTx, actor: Actor, d: Demand, limit = 20) {
  const a = site.geometryAreaM2;
  const parts: { w: number; e: SQL }[] = [{ w: 1, e: sql`1` }];
  if (d.areaMinM2 || d.areaMaxM2) {
    const lo = d.areaMinM2 ?? 0;
    const hi = d.areaMaxM2 ?? null;
    const off =
      hi === null
        ? sql`case when ${a} < ${lo} then (${lo} - ${a}) / ${lo} else 0 end`
        : sql`case when ${a} < ${lo} then (${lo} - ${a}) / ${lo} when ${a} > ${hi} then (${a} - ${hi}) / ${hi} else 0 end`;
    parts.push({ w: 2, e: sql`(case when ${off} = 0 then 1 when ${off} <= 0.2 then 0.5 else 0 end)` });
  }
  if (d.landUse) {
    parts.push({
      w: 1,
      e: sql`(case when ${site.landUse} = ${d.landUse} then 1 when ${site.landUse} is null then 0.5 else 0 end)`,
    });
  }
  const least = (col: AnyColumn, want: number | null) => {
    if (want)
      parts.push({
        w: 1,
        e: sql`(case when ${col} is null then 0.5 when ${col} >= ${want} then 1 else 0 end)`,
      });
  };
  least(site.floorLoadKnM2, d.floorLoadKnM2);
  least(site.heightMaxM, d.heightM);
  least(site.powerKva, d.powerKva);
  if (d.parkIds.length > 0) parts.push({ w: 1, e: sql`1` });
  const total = parts.reduce((n, p) => n + p.w, 0);
  const score = sql`round((${sql.join(
    parts.map((p) => sql`${p.w} * ${p.e}`),
    sql` + `,
  )})::numeric * 100 / ${total})`;
  const mid =
    d.areaMinM2 && d.areaMaxM2 ? (d.areaMinM2 + d.areaMaxM2) / 2 : (d.areaMinM2 ?? d.areaMaxM2 ?? 0);
  // No join in the scored scan: the parks' names are read for the few rows returned.
  const rows = await db
    .select({
      id: site.id,
      name: site.name,
      parkId: site.parkId,
      kind: site.kind,
      areaM2: site.geometryAreaM2,
      statedM2: site.areaM2,
      landUse: site.landUse,
      floorLoadKnM2: site.floorLoadKnM2,
      heightMaxM: site.heightMaxM,
      powerKva: site.powerKva,
      version: site.version,
    })
    .from(site)
    .where(
      and(
        siteScope(actor),
        eq(site.status, "available"),
        inArray(site.kind, d.kinds),
        d.areaMinM2 ? gte(site.geometryAreaM2, d.areaMinM2 / 2) : undefined,
        d.areaMaxM2 ? lte(site.geometryAreaM2, d.areaMaxM2 * 2) : undefined,
        d.parkIds.length > 0
          ? sql`${site.parkId} in (select ${park.id} from ${park} where ${inArray(park.id, d.parkIds)}
              or ${inArray(park.parentId, d.parkIds)})`
          : undefined,
      ),
    )
    .orderBy(sql`${score} desc`, sql`abs(${a} - ${mid})`, site.name, site.id)
    .limit(limit);
  const ids = [...new Set(rows.map((r) => r.parkId))];
  const names = ids.length
    ? new Map(
        (await db.select({ id: park.id, name: park.name }).from(park).where(inArray(park.id, ids))).map(
          (p) => [p.id, p.name],
        ),
      )
    : new Map<string, string>();
  return rows.map((r) => ({ ...r, parkName: names.get(r.parkId) ?? "" }));
}

export type Candidate = Awaited<ReturnType<typeof matchCandidates>>[number];

export async function getDemand(db: DbOrTx, projectId: string): Promise<Demand | null> {
  const [r] = await db.select().from(siteDemand).where(eq(siteDemand.projectId, projectId));
  if (!r) return null;
  return {
    projectId: r.projectId,
    kinds: r.kinds as SiteKind[],
    areaMinM2: r.areaMinM2,
    areaMaxM2: r.areaMaxM2,
    landUse: r.landUse as LandUse | null,
    floorLoadKnM2: r.floorLoadKnM2,
    heightM: r.heightM,
    powerKva: r.powerKva,
    parkIds: r.parkIds,
    neededOn: r.neededOn,
    note: r.note,
    version: r.version,
  };
}

/** Sites held for a project (reserved, or occupied by it once construction started). */
export const heldSites = (db: DbOrTx, projectId: string, statuses: SiteStatus[] = ["reserved", "occupied"]) =>
  db
    .select({
      id: site.id,
      name: site.name,
      status: site.status,
      areaM2: site.areaM2,
      regionId: site.regionId,
      version: site.version,
    })
    .from(site)
    .where(and(eq(site.projectId, projectId), inArray(site.status, statuses)))
    .orderBy(site.reservedOn, site.id);

/** An enterprise merge: sites that named the merged firm name the one it went into. */
export async function repointFirm(db: DbOrTx, fromId: string, intoId: string) {
  await db.execute(sql`update ${site} set enterprise_ids = array(select distinct unnest(
      array_replace(enterprise_ids, ${fromId}::uuid, ${intoId}::uuid)))
    where ${fromId}::uuid = any(enterprise_ids)`);
}

/**
 * The sites a firm (an SQL uuid expression) is on, as a JSON array of `{ id, name, stock }` or
 * null: for other modules' rows (the evaluation's class lists point at the land to 腾笼换鸟).
 */
export const sitesOfFirm = (enterpriseId: SQL) =>
  sql<{ id: string; name: string; stock: string | null }[] | null>`(select json_agg(json_build_object(
      'id', s.id, 'name', s.name, 'stock', s.stock_category) order by s.name)
    from ${site} s where s.enterprise_ids @> array[${enterpriseId}]::uuid[])`;
