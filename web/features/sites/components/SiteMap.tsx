import {
  type GeoJSONSource,
  Marker,
  Map as MlMap,
  NavigationControl,
  ScaleControl,
  type StyleSpecification,
  setWorkerUrl,
} from "maplibre-gl";
import "maplibre-gl/dist/maplibre-gl.css";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import { useEffect, useRef } from "react";
import {
  type SiteFeatureCollection,
  siteStatusColors,
  stockCategoryColors,
} from "../../../../common/site.schema";
import type { ParkExtent } from "../api/sites.api";

// MapLibre finds its worker beside its own module, which the bundle moves: point it at the copy.
setWorkerUrl(workerUrl);

export type ColorBy = "status" | "stock";
interface Props {
  data: SiteFeatureCollection | undefined;
  parks: ParkExtent[];
  colorBy: ColorBy;
  /** a MapLibre style URL or a raster tile template; null: a plain background (offline) */
  baseUrl: string | null;
  onBounds: (bbox: string) => void;
  onOpen: (siteId: string) => void;
}

const plain: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: "background", type: "background", paint: { "background-color": "#f4f1ea" } }],
};

function baseStyle(url: string | null): StyleSpecification | string {
  if (!url) return plain;
  if (url.includes("{z}")) {
    return {
      version: 8,
      sources: { base: { type: "raster", tiles: [url], tileSize: 256 } },
      layers: [...plain.layers, { id: "base", type: "raster", source: "base" }],
    };
  }
  return url;
}

const colorExpr = (by: ColorBy) =>
  (by === "status"
    ? ["match", ["get", "status"], ...Object.entries(siteStatusColors).flat(), "#999"]
    : ["match", ["get", "stockCategory"], ...Object.entries(stockCategoryColors).flat(), "#999"]) as never;

const parkFeatures = (parks: ParkExtent[]) => ({
  type: "FeatureCollection" as const,
  features: parks.map((p) => {
    if (p.outline) return { type: "Feature" as const, properties: { name: p.parkName }, geometry: p.outline };
    // Without an outline: the box around its sites, with a little margin so it does not sit on
    // the outermost ones.
    const m = 0.002;
    const [w, s, e, n] = [p.minLng - m, p.minLat - m, p.maxLng + m, p.maxLat + m];
    return {
      type: "Feature" as const,
      properties: { name: p.parkName },
      geometry: {
        type: "Polygon" as const,
        coordinates: [
          [
            [w, s],
            [e, s],
            [e, n],
            [w, n],
            [w, s],
          ],
        ],
      },
    };
  }),
});

/**
 * The MapLibre map: parks as dashed outlines with HTML labels (a plain style has no glyphs, so
 * text is DOM, which also keeps Chinese in the page's own font), sites as coloured fills.
 */
export const SiteMap = (p: Props) => {
  const box = useRef<HTMLDivElement>(null);
  const map = useRef<MlMap | null>(null);
  const labels = useRef<Marker[]>([]);
  const fitted = useRef(false);
  const latest = useRef(p);
  latest.current = p;

  // biome-ignore lint/correctness/useExhaustiveDependencies: the map is made once; a base map change remounts it (the page keys it)
  useEffect(() => {
    if (!box.current) return;
    const m = new MlMap({
      container: box.current,
      style: baseStyle(p.baseUrl),
      center: [119.92, 28.45],
      zoom: 11,
      attributionControl: false,
    });
    map.current = m;
    // Playwright finds the map here to click a parcel by its coordinates.
    (window as unknown as { __siteMap?: MlMap }).__siteMap = m;
    m.addControl(new NavigationControl({ showCompass: false }), "top-right");
    m.addControl(new ScaleControl({ unit: "metric" }), "bottom-left");
    const bounds = () => {
      const b = m.getBounds();
      latest.current.onBounds(
        [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(","),
      );
    };
    m.on("load", () => {
      m.addSource("parks", { type: "geojson", data: parkFeatures(latest.current.parks) });
      m.addSource("sites", {
        type: "geojson",
        data: latest.current.data ?? { type: "FeatureCollection", features: [] },
      });
      m.addLayer({
        id: "parks-fill",
        type: "fill",
        source: "parks",
        paint: { "fill-color": "#1677ff", "fill-opacity": 0.04 },
      });
      m.addLayer({
        id: "parks-line",
        type: "line",
        source: "parks",
        paint: { "line-color": "#1677ff", "line-width": 1.5, "line-dasharray": [3, 2] },
      });
      m.addLayer({
        id: "sites-fill",
        type: "fill",
        source: "sites",
        paint: { "fill-color": colorExpr(latest.current.colorBy), "fill-opacity": 0.6 },
      });
      m.addLayer({
        id: "sites-line",
        type: "line",
        source: "sites",
        paint: { "line-color": "#333", "line-width": 0.8 },
      });
      m.on("click", "sites-fill", (e) => {
        const id = e.features?.[0]?.properties?.id;
        if (typeof id === "string") latest.current.onOpen(id);
      });
      m.on("mouseenter", "sites-fill", () => {
        m.getCanvas().style.cursor = "pointer";
      });
      m.on("mouseleave", "sites-fill", () => {
        m.getCanvas().style.cursor = "";
      });
      box.current?.setAttribute("data-ready", "true");
      bounds();
    });
    m.on("moveend", bounds);
    return () => {
      m.remove();
      map.current = null;
    };
  }, []);

  useEffect(() => {
    const src = map.current?.getSource("sites") as GeoJSONSource | undefined;
    if (src && p.data) src.setData(p.data);
  }, [p.data]);

  useEffect(() => {
    const m = map.current;
    if (m?.getLayer("sites-fill")) m.setPaintProperty("sites-fill", "fill-color", colorExpr(p.colorBy));
  }, [p.colorBy]);

  useEffect(() => {
    const m = map.current;
    if (!m) return;
    const apply = () => {
      (m.getSource("parks") as GeoJSONSource | undefined)?.setData(parkFeatures(p.parks));
      for (const l of labels.current) l.remove();
      labels.current = p.parks.map((park) => {
        const el = document.createElement("div");
        el.className = "zy-park-label";
        el.textContent = park.parkName;
        el.style.cssText =
          "font-size:12px;color:#1d39c4;background:rgba(255,255,255,.85);padding:1px 6px;border-radius:4px;white-space:nowrap;pointer-events:none";
        return new Marker({ element: el, anchor: "bottom" })
          .setLngLat([(park.minLng + park.maxLng) / 2, park.maxLat + 0.002])
          .addTo(m);
      });
      if (!fitted.current && p.parks.length > 0) {
        fitted.current = true;
        const w = Math.min(...p.parks.map((x) => x.minLng));
        const s = Math.min(...p.parks.map((x) => x.minLat));
        const e = Math.max(...p.parks.map((x) => x.maxLng));
        const n = Math.max(...p.parks.map((x) => x.maxLat));
        m.fitBounds([w, s, e, n], { padding: 40, duration: 0, maxZoom: 15 });
      }
    };
    if (m.isStyleLoaded() && m.getSource("parks")) apply();
    else m.once("load", apply);
  }, [p.parks]);

  return <div ref={box} data-testid="site-map" style={{ width: "100%", height: "100%" }} />;
};
