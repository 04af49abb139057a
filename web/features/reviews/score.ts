import type { Criterion, Panelist, ReviewRow } from "../../../common/review.schema";

/**
 * The server's formula, so a scorer sees the total before submitting:
 * Σ score/满分 × weight over Σ weight, out of 100, to two decimals.
 */
export const weightedTotal = (criteria: Criterion[], scores: Record<string, number | null | undefined>) => {
  const w = criteria.reduce((a, c) => a + c.weight, 0);
  if (w <= 0) return 0;
  const sum = criteria.reduce((a, c) => a + ((scores[c.key] ?? 0) / c.max) * c.weight, 0);
  return Math.round((sum / w) * 100 * 100) / 100;
};

/** 83.75 → "83.75", 82 → "82"; nothing for no score. */
export const formatScore = (n: number | null | undefined): string =>
  n === null || n === undefined ? "" : n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

/**
 * The signed-in expert's seat on a panel. The API does not mark it: while a
 * review is open an expert sees only their own scores, so a seat with scores
 * is theirs; otherwise the seat bearing their name (demo and real experts'
 * accounts carry the expert's name).
 */
export const myPanelist = (r: ReviewRow, me: { name: string; manages: boolean }): Panelist | null => {
  if (!me.manages && r.status === "open") {
    const scored = r.panel.filter((p) => p.scores !== null);
    if (scored.length === 1) return scored[0] ?? null;
  }
  const named = r.panel.filter((p) => p.expertName === me.name);
  return named.length === 1 ? (named[0] ?? null) : null;
};

/** A criterion code no other row uses: custom_1, custom_2 … (codes are lower-case ASCII). */
export const nextCriterionKey = (taken: (string | undefined)[]): string => {
  const used = new Set(taken);
  let n = 1;
  while (used.has(`custom_${n}`)) n++;
  return `custom_${n}`;
};

/** Panelists who have not handed in their scores yet. */
export const unscored = (r: ReviewRow): Panelist[] => r.panel.filter((p) => !p.submittedAt);
