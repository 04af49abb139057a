import { type RankWeights, rankWeightLabels, type ScorePart } from "./chain.prospect.js";
import { type Strength, strengthLabels } from "./chain.schema.js";

/** The components of a prospect's score as the ranking query computed them, each 0–1. */
export interface RankInputs {
  gap: number;
  gapLink: string | null;
  gapStrength: Strength | null;
  fitFirms: number;
  signalValue: number;
  signalWords: string[];
  sourceValue: number;
  sourceWords: string[];
  priorityValue: number;
  priorityWord: string;
}

/** Local firms of the same industry at which fit counts as full. */
export const FIT_FULL_AT = 10;

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Why a prospect ranks where it does: each weighted part with the points it adds and a reason in
 * words. The same arithmetic as the ranking SQL (prospects.queries.ts), so the parts add up to
 * the score shown beside them.
 */
export function explainScore(x: RankInputs, w: RankWeights): { score: number; parts: ScorePart[] } {
  const sum = w.gap + w.fit + w.signals + w.source + w.priority;
  const fit = Math.min(1, x.fitFirms / FIT_FULL_AT);
  const values: Record<keyof RankWeights, number> = {
    gap: x.gap,
    fit,
    signals: x.signalValue,
    source: x.sourceValue,
    priority: x.priorityValue,
  };
  const reasons: Record<keyof RankWeights, string> = {
    gap: x.gapLink
      ? `可补「${x.gapLink}」环节（当前${strengthLabels[x.gapStrength ?? "missing"]}）`
      : "未关联产业链环节",
    fit: x.fitFirms
      ? `本地已有同行业企业 ${x.fitFirms} 家${x.fitFirms >= FIT_FULL_AT ? "（已满分）" : ""}`
      : "本地暂无同行业企业",
    signals: x.signalWords.length ? `信号：${x.signalWords.join("、")}` : "暂无扩张、基金等动态信号",
    source: x.sourceWords.length ? `来自${x.sourceWords.join("、")}名单` : "来源未注明",
    priority: `人工优先级：${x.priorityWord}`,
  };
  const keys = Object.keys(values) as (keyof RankWeights)[];
  const parts = keys.map((key) => ({
    key,
    label: rankWeightLabels[key],
    value: round1(values[key] * 100) / 100,
    weight: w[key],
    points: sum ? round1((100 * w[key] * values[key]) / sum) : 0,
    reason: reasons[key],
  }));
  const score = sum ? round1(keys.reduce((a, k) => a + (100 * w[k] * values[k]) / sum, 0)) : 0;
  return { score, parts: parts.sort((a, b) => b.points - a.points) };
}
