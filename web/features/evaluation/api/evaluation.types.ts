import type { IndicatorResult, ResultClass, SchemeBody } from "../../../../common/evaluation.schema";

/** Shapes the evaluation API answers with (server/modules/evaluation). */
export interface Preflight {
  evaluated: { above: number; below: number };
  excluded: number;
  missing: number;
  items: { enterpriseId: string; name: string; sizeClass: string | null; missing: string[] }[];
  benchmarks: { group: "above" | "below"; key: string; average: number | null }[];
  noBenchmark: number;
}

export interface RunRow {
  id: string;
  schemeId: string;
  regionId: string;
  regionName: string;
  year: number;
  schemeName: string;
  status: string;
  forced: number;
  missing: number;
  counts: Partial<Record<ResultClass, number>>;
  digest: string | null;
  startedAt: string;
  finishedAt: string | null;
  scheme?: SchemeBody;
}

export interface ResultRow {
  runId: string;
  enterpriseId: string;
  enterpriseName: string;
  parkId: string | null;
  parkName: string | null;
  industryCode: string | null;
  sizeGroup: "above" | "below";
  unit: string;
  members: number;
  class: ResultClass;
  computedClass: ResultClass;
  tReason: string | null;
  forcedReason: string | null;
  overrideReason: string | null;
  total: number;
  base: number;
  bonus: number;
  deduction: number;
  position: number | null;
  population: number | null;
  /** the firm's sites (empty without the right to read sites) */
  sites?: { id: string; name: string; stock: string | null }[];
  version: number;
}

export interface Card {
  run: RunRow;
  result: ResultRow & { figures: Record<string, number | null> | null; adjustments: string[] | null };
  members: { enterpriseId: string; name: string }[];
  explanation: {
    indicators: (IndicatorResult & { label: string; unit: string; text: string })[];
    steps: string[];
  };
}

export interface DistributionRow {
  key: string;
  counts: Record<ResultClass, number>;
  total: number;
  taxPerMu: number | null;
}
export interface Distributions {
  all: DistributionRow | null;
  parks: DistributionRow[];
  industries: DistributionRow[];
  /** firms on each active chain's links; a firm on two chains counts in both */
  chains: DistributionRow[];
}

export interface FirmEvaluations {
  items: {
    runId: string;
    year: number;
    schemeName: string;
    class: ResultClass;
    total: number;
    position: number | null;
    population: number | null;
    tReason: string | null;
  }[];
  events: { id: string; year: number; kind: string; note: string | null }[];
}
