/**
 * Scoring of an assessment scheme: pure, shared by the server (ranking runs) and the web
 * (previews). A value of null means "no data for the period", which is shown as such and scores
 * nothing; it is never read as zero.
 */
export const ruleKinds = ["ratio", "rank", "efficacy"] as const;
export type RuleKind = (typeof ruleKinds)[number];
export const ruleKindLabels: Record<RuleKind, string> = {
  ratio: "完成率计分（封顶）",
  rank: "排名计分",
  efficacy: "功效系数法",
};

export type Rule = { kind: "ratio"; cap: number } | { kind: "rank" } | { kind: "efficacy" };

/** Why an indicator scored nothing: no data for the period, or a goal of zero or none. */
export type ScoreNote = "no_data" | "no_goal" | null;

export interface IndicatorScore {
  value: number | null;
  goal: number | null;
  /** value ÷ goal, null when the goal is zero or missing */
  ratio: number | null;
  score: number;
  note: ScoreNote;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** value ÷ goal; n/a (null) for a goal of zero or none — never Infinity. */
export function progressRatio(value: number | null, goal: number | null): number | null {
  if (value === null || goal === null || goal === 0) return null;
  return value / goal;
}

/**
 * 完成率计分: weight × min(ratio, cap). With cap = 1 full marks need the goal met; a cap above 1
 * (e.g. 1.2) lets over-achievement earn up to 20 % more of the weight (超额加分). For a
 * lower-is-better indicator the ratio is goal ÷ value (a value of 0 meets any goal).
 */
export function ratioScore(
  value: number | null,
  goal: number | null,
  weight: number,
  cap: number,
  higherIsBetter = true,
): IndicatorScore {
  if (value === null) return { value, goal, ratio: null, score: 0, note: "no_data" };
  if (goal === null || goal === 0) return { value, goal, ratio: null, score: 0, note: "no_goal" };
  const ratio = higherIsBetter ? value / goal : value === 0 ? cap : goal / value;
  return { value, goal, ratio, score: round2(weight * Math.max(0, Math.min(ratio, cap))), note: null };
}

/**
 * Competition ranking ("1224"): equal values share a rank and the next rank skips. Values are
 * compared rounded to 4 decimals so floating noise never splits a tie. Nulls get no rank.
 */
export function competitionRanks(values: (number | null)[], higherIsBetter = true): (number | null)[] {
  const keyed = values.map((v) => (v === null ? null : Math.round(v * 10_000) / 10_000));
  return keyed.map((v) => {
    if (v === null) return null;
    return 1 + keyed.filter((o) => o !== null && (higherIsBetter ? o > v : o < v)).length;
  });
}

/**
 * 排名计分: with n units holding data, rank r earns weight × (n − r + 1) ÷ n — first place full
 * marks, each place below one n-th less; tied units share the better rank's score.
 */
export function rankScores(values: (number | null)[], weight: number, higherIsBetter = true): number[] {
  const ranks = competitionRanks(values, higherIsBetter);
  const n = values.filter((v) => v !== null).length;
  return ranks.map((r) => (r === null ? 0 : round2((weight * (n - r + 1)) / n)));
}

/**
 * 功效系数法: 60 + 40 × (x − min) ÷ (max − min), as a share of the weight (weight × that ÷ 100).
 * When every unit has the same value (max = min) each gets 100: nobody is behind anybody, and
 * dividing by zero would give NaN. Lower-is-better indicators use (max − x).
 */
export function efficacyScores(values: (number | null)[], weight: number, higherIsBetter = true): number[] {
  const present = values.filter((v): v is number => v !== null);
  if (present.length === 0) return values.map(() => 0);
  const min = Math.min(...present);
  const max = Math.max(...present);
  return values.map((v) => {
    if (v === null) return 0;
    const coefficient = max === min ? 100 : 60 + (40 * (higherIsBetter ? v - min : max - v)) / (max - min);
    return round2((weight * coefficient) / 100);
  });
}

export interface SchemeItem {
  indicatorKey: string;
  weight: number;
  rule: Rule;
}

export interface AdjustmentItem {
  key: string;
  label: string;
  kind: "bonus" | "deduction";
  /** most points one unit may get from this item in a period */
  cap: number;
}

/** Null when the weights sum to 100; else the message refusing the scheme. */
export function weightProblem(items: { weight: number }[]): string | null {
  if (items.length === 0) return "考核方案至少需要一项指标";
  const sum = items.reduce((s, i) => s + i.weight, 0);
  if (Math.abs(sum - 100) > 1e-6) return `各指标权重之和须为 100，当前为 ${round2(sum)}`;
  return null;
}

export interface UnitInput {
  unitId: string;
  /** indicator key → value (null: no data) */
  values: Record<string, number | null>;
  /** indicator key → goal for the period (null: none) */
  goals: Record<string, number | null>;
  /** adjustment key → points (positive; deductions subtract) */
  adjustments: Record<string, number>;
}

export interface UnitResult {
  unitId: string;
  scores: Record<string, IndicatorScore>;
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  rank: number;
}

/** Scores every unit of a group under a scheme and ranks them by total (ties share a rank). */
export function scoreGroup(
  items: SchemeItem[],
  adjustments: AdjustmentItem[],
  units: UnitInput[],
  higherIsBetter: (key: string) => boolean,
): UnitResult[] {
  const perItem = items.map((item) => {
    const values = units.map((u) => u.values[item.indicatorKey] ?? null);
    const hib = higherIsBetter(item.indicatorKey);
    if (item.rule.kind === "ratio") {
      const cap = item.rule.cap;
      return units.map((u, i) =>
        ratioScore(values[i]!, u.goals[item.indicatorKey] ?? null, item.weight, cap, hib),
      );
    }
    const scores =
      item.rule.kind === "rank"
        ? rankScores(values, item.weight, hib)
        : efficacyScores(values, item.weight, hib);
    return units.map((u, i): IndicatorScore => {
      const value = values[i]!;
      const goal = u.goals[item.indicatorKey] ?? null;
      return {
        value,
        goal,
        ratio: progressRatio(value, goal),
        score: scores[i]!,
        note: value === null ? "no_data" : null,
      };
    });
  });
  const results = units.map((u, i) => {
    const scores: Record<string, IndicatorScore> = {};
    items.forEach((item, j) => {
      scores[item.indicatorKey] = perItem[j]![i]!;
    });
    const base = round2(items.reduce((s, _item, j) => s + perItem[j]![i]!.score, 0));
    let bonus = 0;
    let deduction = 0;
    for (const a of adjustments) {
      const pts = Math.min(Math.max(u.adjustments[a.key] ?? 0, 0), a.cap);
      if (a.kind === "bonus") bonus += pts;
      else deduction += pts;
    }
    return {
      unitId: u.unitId,
      scores,
      base,
      bonus: round2(bonus),
      deduction: round2(deduction),
      total: round2(base + bonus - deduction),
      rank: 0,
    };
  });
  const ranks = competitionRanks(results.map((r) => r.total));
  return results.map((r, i) => ({ ...r, rank: ranks[i]! }));
}

/** ▲ positive when a unit rose; null when it was not ranked last period. */
export const rankChange = (rank: number, previous: number | null | undefined): number | null =>
  previous === null || previous === undefined ? null : previous - rank;

/**
 * Time-adjusted progress: actual ÷ (goal × elapsed share). 1 means on the calendar's pace, above
 * it ahead, below it behind. Null for a goal of zero or none, or before the period starts.
 */
export function timeAdjustedProgress(
  actual: number | null,
  goal: number | null,
  elapsed: number,
): number | null {
  if (actual === null || goal === null || goal === 0 || elapsed <= 0) return null;
  return actual / (goal * elapsed);
}
