import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { actualUpsert, Commitment, fundUpsert, IdleLand } from "../../../../common/project.schema";
import { apiDownload, apiGet, apiRequest } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { projectKeys, projectsKey } from "./keys";
import type { Contract } from "./lifecycle.api";

export type FundBody = z.input<typeof fundUpsert>;
export type ActualBody = z.input<typeof actualUpsert>;

/** One month of funds in place (实际到位资金); `month` is the month's first day. */
export interface FundMonth {
  projectId: string;
  month: string;
  domesticFen: number;
  /** US-dollar cents */
  foreignCents: number;
  evidenceFileIds: string[];
  note: string | null;
  enteredBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What the project achieved in one year, set against its contract. */
export interface ActualYear {
  projectId: string;
  year: number;
  investmentFen: number | null;
  outputFen: number | null;
  taxFen: number | null;
  jobs: number | null;
  landM2: number | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Performance {
  contract: Contract | null;
  commitments: Commitment[];
  idleLand: IdleLand;
}

export interface FundSummaryRow {
  /** park or team id, or the month as YYYY-MM; null for projects without a park or team */
  id: string | null;
  name: string | null;
  domesticFen: number;
  foreignCents: number;
  projects: number;
}

export type FundGroup = "park" | "team" | "month";
export interface FundSummaryQuery {
  year: number;
  groupBy: FundGroup;
}

// Funds and actuals move the commitments, the yearly summary and the audit trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: projectsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** GET /api/projects/:id/funds — oldest month first. */
export const useFunds = (id: string) =>
  useQuery({
    queryKey: projectKeys.funds(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: FundMonth[] }>(`/projects/${id}/funds`, undefined, signal).then((r) => r.items),
  });

/** PUT /api/projects/:id/funds/:month (YYYY-MM) — creates, or updates with the month's version (409 when stale). */
export const useSaveFund = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ month, body }: { month: string; body: FundBody }) =>
      apiRequest<FundMonth>(`/projects/${id}/funds/${month}`, { method: "PUT", body }),
    onSuccess: done,
  });
};

/** GET /api/projects/:id/actuals — oldest year first. */
export const useActuals = (id: string) =>
  useQuery({
    queryKey: projectKeys.actuals(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: ActualYear[] }>(`/projects/${id}/actuals`, undefined, signal).then((r) => r.items),
  });

/** PUT /api/projects/:id/actuals/:year — creates, or updates with the year's version (409 when stale). */
export const useSaveActual = (id: string) => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ year, body }: { year: number; body: ActualBody }) =>
      apiRequest<ActualYear>(`/projects/${id}/actuals/${year}`, { method: "PUT", body }),
    onSuccess: done,
  });
};

/** GET /api/projects/:id/performance — each commitment of the contract against the actuals. */
export const usePerformance = (id: string) =>
  useQuery({
    queryKey: projectKeys.performance(id),
    queryFn: ({ signal }) => apiGet<Performance>(`/projects/${id}/performance`, undefined, signal),
  });

/** GET /api/funds/summary?year=&groupBy= — funds in place over the projects in scope. */
export const useFundSummary = (query: FundSummaryQuery) =>
  useQuery({
    queryKey: projectKeys.fundSummary(query),
    queryFn: async ({ signal }): Promise<FundSummaryRow[]> =>
      (await apiGet<{ items: FundSummaryRow[] }>("/funds/summary", { ...query }, signal)).items,
    placeholderData: keepPreviousData,
  });

/** GET /api/funds/summary/export — the same figures as xlsx (the download is audited). */
export const useExportFundSummary = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: FundSummaryQuery) =>
      apiDownload("/funds/summary/export", { ...query }, `${query.year}年实际到位资金.xlsx`),
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
