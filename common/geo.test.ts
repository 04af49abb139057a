import { describe, expect, it } from "vitest";
import {
  areaWarning,
  asPolygon,
  geodesicArea,
  insideChina,
  isProblem,
  M2_PER_MU,
  muOf,
  type PolygonGeometry,
  type Position,
  parsePolygonText,
  polygonProblems,
  toWgs84,
} from "./geo";

const poly = (ring: Position[]): PolygonGeometry => ({ type: "Polygon", coordinates: [ring] });
// A square of 0.001° near 丽水经开区 (about 111 m × 101 m).
const square: Position[] = [
  [119.87, 28.45],
  [119.871, 28.45],
  [119.871, 28.451],
  [119.87, 28.451],
  [119.87, 28.45],
];

describe("polygon validation", () => {
  it.each<[string, Position[], string[]]>([
    ["a closed square", square, []],
    ["an unclosed ring", square.slice(0, 4), ["unclosed"]],
    ["too few vertices", [square[0]!, square[1]!, square[0]!], ["too_few"]],
    [
      "a bow tie",
      [
        [119.87, 28.45],
        [119.871, 28.451],
        [119.871, 28.45],
        [119.87, 28.451],
        [119.87, 28.45],
      ],
      ["self_intersection"],
    ],
    ["lat and lng swapped", square.map(([a, b]) => [b, a] as Position), ["outside_china"]],
    [
      "a site 50 km wide",
      [
        [119.5, 28.4],
        [120.0, 28.4],
        [120.0, 28.5],
        [119.5, 28.4],
      ],
      ["too_large"],
    ],
  ])("%s", (_name, ring, codes) => {
    expect(polygonProblems(poly(ring)).map((p) => p.code)).toEqual(codes);
  });

  it.each<[string, Position, boolean]>([
    ["丽水", [119.92, 28.45], true],
    ["北京", [116.4, 39.9], true],
    ["乌鲁木齐", [87.6, 43.8], true],
    ["三亚", [109.5, 18.25], true],
    ["漠河", [122.5, 52.97], true],
    ["首尔", [126.98, 37.57], false],
    ["乌兰巴托", [106.9, 47.9], false],
    ["河内", [105.85, 21.0], false],
    ["新德里", [77.2, 28.6], false],
    ["东京", [139.7, 35.7], false],
    ["零点", [0, 0], false],
  ])("%s inside China: %s", (_n, p, inside) => {
    expect(insideChina(p)).toBe(inside);
  });

  it("reads features, geometries and pasted text, and names what is not a polygon", () => {
    expect(isProblem(asPolygon({ type: "Feature", geometry: poly(square) }))).toBe(false);
    expect(isProblem(asPolygon({ type: "Point", coordinates: [1, 2] }))).toBe(true);
    expect(isProblem(asPolygon([[["a", 1]]]))).toBe(true);
    const typed = parsePolygonText("119.87,28.45\n119.871,28.45\n119.871,28.451\n119.87,28.451");
    expect(isProblem(typed)).toBe(false);
    expect((typed as PolygonGeometry).coordinates[0]).toHaveLength(5);
    expect(isProblem(parsePolygonText("{not json"))).toBe(true);
  });
});

describe("geodesic area", () => {
  it.each<[string, PolygonGeometry, number, number]>([
    // 0.001° of latitude is 110.9 m at 28.45°N, of longitude 97.8 m: about 10,850 m².
    ["a 0.001° square at 28.45°N", poly(square), 10_800, 10_900],
    // One degree square at the equator-ish latitude of 三亚 is huge; holes subtract.
    [
      "a square with a hole of a quarter",
      {
        type: "Polygon",
        coordinates: [
          square,
          [
            [119.87025, 28.45025],
            [119.87025, 28.45075],
            [119.87075, 28.45075],
            [119.87075, 28.45025],
            [119.87025, 28.45025],
          ],
        ],
      },
      8_100,
      8_200,
    ],
  ])("%s", (_n, p, lo, hi) => {
    const a = geodesicArea(p);
    expect(a).toBeGreaterThanOrEqual(lo);
    expect(a).toBeLessThanOrEqual(hi);
  });

  it("converts to 亩 exactly (15 亩 = 1 公顷)", () => {
    expect(muOf(10_000)).toBeCloseTo(15, 10);
    expect(M2_PER_MU).toBeCloseTo(666.6667, 4);
  });

  it.each<[number | null, number, boolean]>([
    [null, 10_000, false],
    [10_500, 10_000, false],
    [9_000, 10_000, false],
    [11_500, 10_000, true],
    [5_000, 10_000, true],
  ])("stated %s m² against %s m² warns: %s", (stated, geom, warns) => {
    expect(areaWarning(stated, geom) !== null).toBe(warns);
  });
});

describe("GCJ-02 to WGS 84", () => {
  // Published reference values of the standard conversion (coordTransform): GCJ-02 (116.404,
  // 39.915) in Beijing is WGS 84 (116.397755, 39.913596).
  it.each<[string, Position, Position]>([["天安门", [116.404, 39.915], [116.3977555, 39.9135957]]])(
    "%s",
    (_n, gcj, wgs) => {
      const [p] = toWgs84(poly([gcj, gcj, gcj, gcj]), "gcj02").coordinates[0]!;
      expect(p![0]).toBeCloseTo(wgs[0], 5);
      expect(p![1]).toBeCloseTo(wgs[1], 5);
    },
  );

  it("moves a point in 丽水 by the few hundred metres GCJ-02 adds, and leaves WGS 84 alone", () => {
    const gcj: Position = [119.9229, 28.4676];
    const [p] = toWgs84(poly([gcj, gcj, gcj, gcj]), "gcj02").coordinates[0]!;
    const dLng = (gcj[0] - p![0]) * 97_800;
    const dLat = (gcj[1] - p![1]) * 110_900;
    expect(Math.hypot(dLng, dLat)).toBeGreaterThan(300);
    expect(Math.hypot(dLng, dLat)).toBeLessThan(700);
    expect(toWgs84(poly(square), "wgs84")).toEqual(poly(square));
  });
});
