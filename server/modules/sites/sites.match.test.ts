import { describe, expect, it } from "vitest";
import type { Demand } from "../../../common/site.schema.js";
import { quickScore, rankSite, rankSites } from "./sites.match.js";
import type { Candidate } from "./sites.queries.js";

const demand: Demand = {
  projectId: "p",
  kinds: ["land"],
  areaMinM2: 30_000,
  areaMaxM2: 50_000,
  landUse: "industrial",
  floorLoadKnM2: null,
  heightM: 24,
  powerKva: 2_000,
  parkIds: [],
  neededOn: null,
  note: null,
  version: 1,
};
const site = (over: Partial<Candidate>): Candidate => ({
  id: "s",
  name: "地块",
  parkId: "k",
  parkName: "丽水经济技术开发区",
  kind: "land",
  areaM2: 40_000,
  statedM2: null,
  landUse: "industrial",
  floorLoadKnM2: null,
  heightMaxM: 30,
  powerKva: 5_000,
  version: 1,
  ...over,
});

// Weights: kind 1, area 2, land use 1, height 1, power 1 (6); met 1, near ½, missed 0.
describe("matching reasons", () => {
  it.each<[string, Partial<Candidate>, Record<string, string>, number]>([
    ["everything met", {}, { area: "met", landUse: "met", height: "met", power: "met" }, 100],
    ["area 10% short is near", { areaM2: 27_000 }, { area: "near" }, 83],
    ["area far too big is missed", { areaM2: 90_000 }, { area: "missed" }, 67],
    ["unknown power is near", { powerKva: null }, { power: "near" }, 92],
    [
      "too low and the wrong use",
      { heightMaxM: 15, landUse: "warehouse" },
      { height: "missed", landUse: "missed" },
      67,
    ],
  ])("%s", (_n, over, verdicts, score) => {
    const m = rankSite(demand, site(over));
    for (const [key, verdict] of Object.entries(verdicts)) {
      expect(m.reasons.find((r) => r.key === key)?.verdict, key).toBe(verdict);
    }
    expect(m.score).toBe(score);
  });

  it("says why with the figures, in Chinese", () => {
    const m = rankSite(demand, site({ areaM2: 27_000, heightMaxM: 15 }));
    expect(m.reasons.find((r) => r.key === "area")!.text).toBe(
      "面积 27,000 平方米（40.5 亩），比需求 30,000–50,000 平方米 小 10%",
    );
    expect(m.reasons.find((r) => r.key === "height")!.text).toBe("限高 15 米，低于需求 24 米");
  });

  it("ranks the best first and breaks ties by the area nearest the demand's middle", () => {
    const ranked = rankSites(demand, [
      site({ id: "a", name: "甲", areaM2: 31_000 }),
      site({ id: "b", name: "乙", areaM2: 41_000 }),
      site({ id: "c", name: "丙", areaM2: 90_000 }),
    ]);
    expect(ranked.map((m) => m.siteId)).toEqual(["b", "a", "c"]);
  });
});

describe("the quick score agrees with the explained one", () => {
  it.each<Partial<Candidate>>([
    {},
    { areaM2: 27_000 },
    { areaM2: 90_000, powerKva: null },
    { heightMaxM: 15, landUse: "warehouse" },
    { areaM2: 60_000, floorLoadKnM2: null },
  ])("%j", (over) => {
    expect(quickScore(demand, site(over))).toBe(rankSite(demand, site(over)).score);
    expect(quickScore({ ...demand, floorLoadKnM2: 8, parkIds: ["k"] }, site(over))).toBe(
      rankSite({ ...demand, floorLoadKnM2: 8, parkIds: ["k"] }, site(over)).score,
    );
  });
});
