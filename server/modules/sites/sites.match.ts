import { muOf } from "../../../common/geo.js";
import type { Demand, MatchReason, SiteMatch } from "../../../common/site.schema.js";
import { landUseLabels, siteKindLabels } from "../../../common/site.schema.js";
import type { Candidate } from "./sites.queries.js";

/**
 * Ranks available sites against a project's demand. Each criterion the demand names scores
 * 0–1 and says why in Chinese with the figures; the score is their weighted mean × 100. Area
 * counts double: it is what decides a parcel. A missing figure on the site is "near", not met:
 * the officer has to ask.
 */
const weights: Record<MatchReason["key"], number> = {
  kind: 1,
  area: 2,
  landUse: 1,
  floorLoad: 1,
  height: 1,
  power: 1,
  park: 1,
};
const score = { met: 1, near: 0.5, missed: 0 } as const;
const num = (n: number) => Math.round(n).toLocaleString("zh-CN");
const area = (m2: number) => `${num(m2)} 平方米（${muOf(m2).toFixed(1)} 亩）`;

function areaReason(d: Demand, m2: number): MatchReason {
  const lo = d.areaMinM2 ?? 0;
  const hi = d.areaMaxM2 ?? Number.POSITIVE_INFINITY;
  const want = d.areaMaxM2 ? `${num(lo)}–${num(hi)} 平方米` : `不小于 ${num(lo)} 平方米`;
  if (m2 >= lo && m2 <= hi)
    return { key: "area", verdict: "met", text: `面积 ${area(m2)}，在需求 ${want} 内` };
  const off = m2 < lo ? (lo - m2) / lo : (m2 - hi) / hi;
  const how = m2 < lo ? "小" : "大";
  return {
    key: "area",
    verdict: off <= 0.2 ? "near" : "missed",
    text: `面积 ${area(m2)}，比需求 ${want} ${how} ${Math.round(off * 100)}%`,
  };
}

/** At least the demand's figure (floor load, height, power): met, unknown, or short by how much. */
function atLeast(key: MatchReason["key"], what: string, unit: string, want: number, have: number | null) {
  if (have === null)
    return {
      key,
      verdict: "near",
      text: `${what}未登记（需求 ${num(want)} ${unit}），请核实`,
    } as MatchReason;
  if (have >= want)
    return {
      key,
      verdict: "met",
      text: `${what} ${num(have)} ${unit}，满足需求 ${num(want)} ${unit}`,
    } as MatchReason;
  return {
    key,
    verdict: "missed",
    text: `${what} ${num(have)} ${unit}，低于需求 ${num(want)} ${unit}`,
  } as MatchReason;
}

export function rankSite(d: Demand, c: Candidate): SiteMatch {
  const reasons: MatchReason[] = [
    { key: "kind", verdict: "met", text: `类型为${siteKindLabels[c.kind as keyof typeof siteKindLabels]}` },
  ];
  if (d.areaMinM2 || d.areaMaxM2) reasons.push(areaReason(d, c.areaM2));
  if (d.landUse) {
    const have = c.landUse as keyof typeof landUseLabels | null;
    reasons.push(
      have === d.landUse
        ? { key: "landUse", verdict: "met", text: `用地类型为${landUseLabels[have]}` }
        : have === null
          ? { key: "landUse", verdict: "near", text: "用地类型未登记，请核实" }
          : {
              key: "landUse",
              verdict: "missed",
              text: `用地类型为${landUseLabels[have]}，需求为${landUseLabels[d.landUse]}`,
            },
    );
  }
  if (d.floorLoadKnM2)
    reasons.push(atLeast("floorLoad", "楼面荷载", "kN/㎡", d.floorLoadKnM2, c.floorLoadKnM2));
  if (d.heightM) reasons.push(atLeast("height", "限高", "米", d.heightM, c.heightMaxM));
  if (d.powerKva) reasons.push(atLeast("power", "供电容量", "kVA", d.powerKva, c.powerKva));
  if (d.parkIds.length > 0) reasons.push({ key: "park", verdict: "met", text: `位于意向园区${c.parkName}` });
  const total = reasons.reduce((s, r) => s + weights[r.key], 0);
  const got = reasons.reduce((s, r) => s + weights[r.key] * score[r.verdict], 0);
  return {
    siteId: c.id,
    name: c.name,
    parkName: c.parkName,
    kind: c.kind as SiteMatch["kind"],
    areaM2: Math.round(c.areaM2),
    score: Math.round((got / total) * 100),
    reasons,
    version: c.version,
  };
}

const collator = new Intl.Collator("zh-CN");

/** The score alone, without building the Chinese texts (they are made for the shown few only). */
export function quickScore(d: Demand, c: Candidate): number {
  const parts: [MatchReason["key"], MatchReason["verdict"]][] = [["kind", "met"]];
  if (d.areaMinM2 || d.areaMaxM2) {
    const lo = d.areaMinM2 ?? 0;
    const hi = d.areaMaxM2 ?? Number.POSITIVE_INFINITY;
    const off = c.areaM2 < lo ? (lo - c.areaM2) / lo : c.areaM2 > hi ? (c.areaM2 - hi) / hi : 0;
    parts.push(["area", off === 0 ? "met" : off <= 0.2 ? "near" : "missed"]);
  }
  if (d.landUse)
    parts.push(["landUse", c.landUse === d.landUse ? "met" : c.landUse === null ? "near" : "missed"]);
  const least = (want: number | null, have: number | null): MatchReason["verdict"] | null =>
    want ? (have === null ? "near" : have >= want ? "met" : "missed") : null;
  for (const [key, v] of [
    ["floorLoad", least(d.floorLoadKnM2, c.floorLoadKnM2)],
    ["height", least(d.heightM, c.heightMaxM)],
    ["power", least(d.powerKva, c.powerKva)],
  ] as const) {
    if (v) parts.push([key, v]);
  }
  if (d.parkIds.length > 0) parts.push(["park", "met"]);
  const total = parts.reduce((s, [k]) => s + weights[k], 0);
  return Math.round((parts.reduce((s, [k, v]) => s + weights[k] * score[v], 0) / total) * 100);
}

/**
 * The best first; ties go to the site whose area is nearest the demand's middle, then by name.
 * The database orders the candidates the same way (matchCandidates); this orders a list in
 * memory (tests, and the reasons of the rows it returns).
 */
export function rankSites(d: Demand, candidates: Candidate[], limit = 20): SiteMatch[] {
  const mid =
    d.areaMinM2 && d.areaMaxM2 ? (d.areaMinM2 + d.areaMaxM2) / 2 : (d.areaMinM2 ?? d.areaMaxM2 ?? 0);
  return candidates
    .map((c) => ({ c, score: quickScore(d, c), gap: Math.abs(c.areaM2 - mid) }))
    .sort((a, b) => b.score - a.score || a.gap - b.gap || collator.compare(a.c.name, b.c.name))
    .slice(0, limit)
    .map((x) => rankSite(d, x.c));
}
