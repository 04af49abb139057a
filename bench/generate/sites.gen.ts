import { newId } from "../../server/lib/ids.js";
import { rng } from "./enterprises.gen.js";

/** Park centres spread over Zhejiang, sites clustered within ~4 km of each. */
export function parkCentres(n: number, seed = 71): [number, number][] {
  const r = rng(seed);
  return Array.from({ length: n }, () => [118.5 + r() * 3, 27.5 + r() * 3]);
}

const kinds = ["land", "land", "land", "factory", "floor", "incubator"] as const;
const statuses = ["available", "available", "available", "reserved", "occupied", "to_recover"] as const;
const stocks = [null, null, null, "approved_unsupplied", "supplied_unused", "idle", "inefficient"] as const;

/** Site rows for the table directly: a square of 40–400 m near its park's centre. */
export function* generateSites(
  count: number,
  parks: { id: string; centre: [number, number] }[],
  regionId: string,
  seed = 72,
) {
  const r = rng(seed);
  for (let i = 0; i < count; i++) {
    const p = parks[i % parks.length]!;
    const side = 40 + r() * 360;
    const dLng = side / 98_000;
    const dLat = side / 110_900;
    const lng = p.centre[0] + (r() - 0.5) * 0.08;
    const lat = p.centre[1] + (r() - 0.5) * 0.07;
    const ring: [number, number][] = [
      [lng, lat],
      [lng + dLng, lat],
      [lng + dLng, lat + dLat],
      [lng, lat + dLat],
      [lng, lat],
    ];
    yield {
      id: newId(),
      regionId,
      parkId: p.id,
      name: `基准地块${i + 1}`,
      kind: kinds[i % kinds.length]!,
      geometry: { type: "Polygon" as const, coordinates: [ring] },
      minLng: lng,
      minLat: lat,
      maxLng: lng + dLng,
      maxLat: lat + dLat,
      areaM2: side * side,
      geometryAreaM2: side * side,
      landUse: r() < 0.8 ? "industrial" : "warehouse",
      powerKva: Math.round(r() * 10_000),
      heightMaxM: Math.round(12 + r() * 40),
      status: statuses[Math.floor(r() * statuses.length)]!,
      stockCategory: stocks[Math.floor(r() * stocks.length)] ?? null,
    };
  }
}
