import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CallRow,
  ExitRow,
  FundFigures,
  FundProjectRow,
  FundRow,
  fundCreate,
  fundUpdate,
  InvestmentRow,
} from "../../../../common/fund.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

export type FundCreateBody = z.input<typeof fundCreate>;
export type FundUpdateBody = z.input<typeof fundUpdate>;
export interface FundDetail {
  fund: FundRow;
  investments: InvestmentRow[];
  calls: CallRow[];
  exits: ExitRow[];
  projects: FundProjectRow[];
}

/** One root: every write moves the list, the fund's page and the figures. */
const fundsKey = ["funds"] as const;
const keys = {
  list: (q: unknown) => [...fundsKey, "list", q] as const,
  detail: (id: string) => [...fundsKey, "detail", id] as const,
  figures: (q: unknown) => [...fundsKey, "figures", q] as const,
};

/** GET /api/funds */
export const useFunds = (query: QueryParams) =>
  useQuery({
    queryKey: keys.list(query),
    queryFn: ({ signal }) => apiGet<Page<FundRow>>("/funds", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/funds/:id/detail — the fund and its investments, calls, exits and projects. */
export const useFundDetail = (id: string) =>
  useQuery({
    queryKey: keys.detail(id),
    queryFn: ({ signal }) => apiGet<FundDetail>(`/funds/${id}/detail`, undefined, signal),
    retry: false,
  });

/** GET /api/funds/figures */
export const useFundFigures = (query: QueryParams) =>
  useQuery({
    queryKey: keys.figures(query),
    queryFn: ({ signal }) => apiGet<FundFigures>("/funds/figures", query, signal),
    placeholderData: keepPreviousData,
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: fundsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

export const useCreateFund = () => {
  const done = useInvalidate();
  return useMutation({ mutationFn: (b: FundCreateBody) => apiPost<FundRow>("/funds", b), onSuccess: done });
};
export const useUpdateFund = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FundUpdateBody }) =>
      apiPatch<FundRow>(`/funds/${id}`, body),
    onSuccess: done,
  });
};
export const useDeleteFund = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (f: { id: string; version: number }) => apiDelete(`/funds/${f.id}`, { version: f.version }),
    onSuccess: done,
  });
};

/** POST to one of a fund's lists (investments, calls, exits, projects). */
export const useAddToFund = <T>(fundId: string, list: "investments" | "calls" | "exits" | "projects") => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => apiPost<T>(`/funds/${fundId}/${list}`, body),
    onSuccess: done,
  });
};
/** DELETE from one of a fund's lists; investments have their own path. */
export const useRemoveFromFund = (fundId: string, list: "investments" | "calls" | "exits" | "projects") => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (r: { id: string; version: number }) =>
      apiDelete(list === "investments" ? `/fund-investments/${r.id}` : `/funds/${fundId}/${list}/${r.id}`, {
        version: r.version,
      }),
    onSuccess: done,
  });
};
export const useUpdateInvestment = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      apiPatch<InvestmentRow>(`/fund-investments/${id}`, body),
    onSuccess: done,
  });
};

export const useExportFunds = () =>
  useMutation({ mutationFn: (q: QueryParams) => apiDownload("/funds/export", q, "产业基金.xlsx") });
export const useExportInvestments = (fundId: string, name: string) =>
  useMutation({
    mutationFn: (_q: QueryParams) =>
      apiDownload(`/funds/${fundId}/investments/export`, {}, `${name}-投资明细.xlsx`),
  });
export const useExportFigures = () =>
  useMutation({
    mutationFn: (q: QueryParams) => apiDownload("/funds/figures/export", q, "基金招商统计.xlsx"),
  });
