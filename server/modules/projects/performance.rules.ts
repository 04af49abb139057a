import type { Commitment, CommitmentStatus, IdleLand } from "../../../common/project.schema.js";

/**
 * Contract performance (履约) as pure rules over facts one query gathers: the project page reads
 * one project's facts, the daily alert job every signed project's at once.
 */

const MU = 666.67;
const wan = (fen: number) => fen / 1_000_000;

export interface ContractFacts {
  signedOn: string;
  investmentFen: number | null;
  investBy: string | null;
  intensityWanPerMu: number | null;
  taxPerMuWan: number | null;
  outputFen: number | null;
  jobs: number | null;
  startBy: string | null;
  productionBy: string | null;
}

/** The latest year's actuals (investment is cumulative, so the latest year is the total). */
export interface ActualFacts {
  investmentFen: number | null;
  outputFen: number | null;
  taxFen: number | null;
  jobs: number | null;
  landM2: number | null;
}

export interface PerformanceFacts {
  contract: ContractFacts;
  latest: ActualFacts | null;
  landDemandM2: number | null;
  /** the day construction (开工) and production (投产) were first reached */
  startedOn: string | null;
  producedOn: string | null;
  /**
   * Working days from the promised day to the actual one, or to today when it has passed
   * unreached; null before it is due (counted in SQL against the working-day calendar).
   */
  startLate: number | null;
  productionLate: number | null;
}

const amountStatus = (
  target: number,
  actual: number | null,
  due: string | null,
  today: string,
): CommitmentStatus =>
  actual !== null && actual >= target ? "met" : due && due < today ? "missed" : "pending";

const dayNo = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

/**
 * Investment accrues from signing to its due day: short of the share of that time already
 * gone by, it is behind (进度滞后) before it is missed.
 */
export function investmentStatus(
  target: number,
  actual: number | null,
  signedOn: string,
  due: string | null,
  today: string,
): CommitmentStatus {
  const status = amountStatus(target, actual, due, today);
  if (status !== "pending" || !due || due <= signedOn) return status;
  const elapsed = (dayNo(today) - dayNo(signedOn)) / (dayNo(due) - dayNo(signedOn));
  return (actual ?? 0) / target < elapsed ? "behind" : "pending";
}

const addYears = (day: string, n: number) => `${Number(day.slice(0, 4)) + n}${day.slice(4)}`;

/**
 * 闲置土地: no construction a year after the contracted start (a fee of up to 20% of the land
 * price), two years (the land may be taken back without compensation).
 */
export function idleLandOf(startBy: string | null, startedOn: string | null, today: string): IdleLand {
  if (!startBy || startedOn) return null;
  if (today >= addYears(startBy, 2)) {
    return {
      level: "two_years",
      since: startBy,
      text: "超过约定开工日期满两年未动工，可依法无偿收回土地使用权",
    };
  }
  if (today >= addYears(startBy, 1)) {
    return {
      level: "one_year",
      since: startBy,
      text: "超过约定开工日期满一年未动工，可按土地出让价款的 20% 征缴土地闲置费",
    };
  }
  return null;
}

const round = (x: number) => Math.round(x * 100) / 100;

function amountCommitments(f: PerformanceFacts, today: string): Commitment[] {
  const { contract: c, latest } = f;
  const landM2 = latest?.landM2 ?? f.landDemandM2;
  const mu = landM2 ? landM2 / MU : null;
  const out: Commitment[] = [];
  const money = (key: "investment" | "output", label: string, target: number, actual: number | null) => ({
    key,
    label,
    unit: "万元",
    target: wan(target),
    actual: actual === null ? null : wan(actual),
    gap: actual === null ? null : round(wan(actual - target)),
  });
  if (c.investmentFen != null) {
    const actual = latest?.investmentFen ?? null;
    out.push({
      ...money("investment", "累计完成投资", c.investmentFen, actual),
      due: c.investBy,
      status: investmentStatus(c.investmentFen, actual, c.signedOn, c.investBy, today),
    });
  }
  if (c.intensityWanPerMu != null) {
    const actual = latest?.investmentFen != null && mu ? round(wan(latest.investmentFen) / mu) : null;
    const due = c.investBy ?? c.productionBy;
    out.push({
      key: "intensity",
      label: "投资强度",
      unit: "万元/亩",
      target: c.intensityWanPerMu,
      actual,
      gap: actual === null ? null : round(actual - c.intensityWanPerMu),
      due,
      status: amountStatus(c.intensityWanPerMu, actual, due, today),
    });
  }
  if (c.taxPerMuWan != null) {
    const actual = latest?.taxFen != null && mu ? round(wan(latest.taxFen) / mu) : null;
    out.push({
      key: "tax_per_mu",
      label: "亩均税收",
      unit: "万元/亩",
      target: c.taxPerMuWan,
      actual,
      gap: actual === null ? null : round(actual - c.taxPerMuWan),
      due: c.productionBy,
      status: amountStatus(c.taxPerMuWan, actual, c.productionBy, today),
    });
  }
  if (c.outputFen != null) {
    const actual = latest?.outputFen ?? null;
    out.push({
      ...money("output", "年产值", c.outputFen, actual),
      due: c.productionBy,
      status: amountStatus(c.outputFen, actual, c.productionBy, today),
    });
  }
  if (c.jobs != null) {
    const actual = latest?.jobs ?? null;
    out.push({
      key: "jobs",
      label: "就业人数",
      unit: "人",
      target: c.jobs,
      actual,
      gap: actual === null ? null : actual - c.jobs,
      due: c.productionBy,
      status: amountStatus(c.jobs, actual, c.productionBy, today),
    });
  }
  return out;
}

function dateCommitment(
  key: "start" | "production",
  label: string,
  due: string | null,
  actual: string | null,
  late: number | null,
  today: string,
): Commitment[] {
  if (!due) return [];
  return [
    {
      key,
      label,
      unit: "工作日",
      target: due,
      actual,
      gap: late !== null && late > 0 ? late : null,
      due,
      status: actual ? (actual <= due ? "met" : "missed") : due < today ? "missed" : "pending",
    },
  ];
}

/**
 * Each commitment of the contract against what the project achieved: amounts from the latest
 * yearly actuals (land from them, else the project's demand), dates from the stage dates.
 */
export function commitmentsFrom(
  f: PerformanceFacts,
  today: string,
): { commitments: Commitment[]; idleLand: IdleLand } {
  const c = f.contract;
  return {
    commitments: [
      ...amountCommitments(f, today),
      ...dateCommitment("start", "开工时间", c.startBy, f.startedOn, f.startLate, today),
      ...dateCommitment("production", "投产时间", c.productionBy, f.producedOn, f.productionLate, today),
    ],
    idleLand: idleLandOf(c.startBy, f.startedOn, today),
  };
}
