import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type {
  ApplicationDetail,
  ApplicationRow,
  applicationCreate,
  applicationDecide,
  PolicyTotal,
  payoutCreate,
} from "../../../../common/policy.schema";
import { apiDownload, apiGet, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { policiesKey, policyKeys } from "./keys";

export type ApplicationCreateBody = z.input<typeof applicationCreate>;
export type DecideBody = z.input<typeof applicationDecide>;
export type PayoutBody = z.input<typeof payoutCreate>;

/** GET /api/policy-applications — the server scopes it (an enterprise user gets their own firm's). */
export const useApplications = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: policyKeys.applications(query),
    queryFn: ({ signal }) => apiGet<Page<ApplicationRow>>("/policy-applications", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/policy-applications/:id — steps, timeline, payouts and what the user may do now. */
export const useApplication = (id: string) =>
  useQuery({
    queryKey: policyKeys.application(id),
    queryFn: ({ signal }) => apiGet<ApplicationDetail>(`/policy-applications/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

// An application moves the lists, the clause's matches, the firm's 政策匹配, the totals and the trail.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: policiesKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/policy-applications → 201; 400 without an override for an ineligible firm; 409 duplicate. */
export const useApply = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ApplicationCreateBody) => apiPost<ApplicationRow>("/policy-applications", body),
    onSuccess: done,
  });
};

/** POST /api/policy-applications/:id/decide (with `version`; 409 when stale) */
export const useDecide = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideBody }) =>
      apiPost<ApplicationDetail>(`/policy-applications/${id}/decide`, body),
    onSuccess: (saved) => {
      if (saved && "events" in saved) qc.setQueryData(policyKeys.application(saved.id), saved);
      done();
    },
  });
};

/** POST /api/policy-applications/:id/payouts — at most what is approved and not yet paid. */
export const useRecordPayout = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PayoutBody }) =>
      apiPost<ApplicationDetail>(`/policy-applications/${id}/payouts`, body),
    onSuccess: (saved) => {
      if (saved && "events" in saved) qc.setQueryData(policyKeys.application(saved.id), saved);
      done();
    },
  });
};

/** GET /api/policy-applications/export — the list's filters, without its paging. */
export const useExportApplications = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/policy-applications/export", filters, "政策兑现申请.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

export type TotalsBy = "clause" | "park" | "year";
export interface TotalsAnswer {
  items: PolicyTotal[];
  total: Omit<PolicyTotal, "key" | "name">;
}

/** GET /api/policy-totals?by=&year=&regionId= */
export const usePolicyTotals = (query: { by: TotalsBy; year?: number; regionId?: string }) =>
  useQuery({
    queryKey: policyKeys.totals(query),
    queryFn: ({ signal }) => apiGet<TotalsAnswer>("/policy-totals", query, signal),
    placeholderData: keepPreviousData,
  });
