import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Condition } from "../../../../common/conditions";
import type { Page } from "../../../../common/paging";
import type {
  Coverage,
  UnvisitedRow,
  VisitPlanRow,
  visitPlanCreate,
  visitPlanUpdate,
} from "../../../../common/visit.schema";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { visitKeys, visitsKey } from "./keys";

export type PlanCreateBody = z.input<typeof visitPlanCreate>;
export type PlanUpdateBody = z.input<typeof visitPlanUpdate>;

/** GET /api/visit-plans */
export const useVisitPlans = (query: QueryParams) =>
  useQuery({
    queryKey: visitKeys.plans(query),
    queryFn: ({ signal }) => apiGet<Page<VisitPlanRow>>("/visit-plans", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/visit-plans/:id */
export const useVisitPlan = (id: string) =>
  useQuery({
    queryKey: visitKeys.plan(id),
    queryFn: ({ signal }) => apiGet<VisitPlanRow>(`/visit-plans/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: visitsKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/visit-plans */
export const useCreatePlan = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: PlanCreateBody) => apiPost<VisitPlanRow>("/visit-plans", body),
    onSuccess: done,
  });
};

/** PATCH /api/visit-plans/:id (with `version`; 409 when stale) */
export const useUpdatePlan = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: PlanUpdateBody }) =>
      apiPatch<VisitPlanRow>(`/visit-plans/${id}`, body),
    onSuccess: done,
  });
};

/** DELETE /api/visit-plans/:id?version=N */
export const useDeletePlan = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/visit-plans/${id}`, { version }),
    onSuccess: done,
  });
};

export interface PreviewBody {
  regionId: string;
  parkId?: string | null;
  condition: Condition;
}
export interface Preview {
  population: number;
  sample: { id: string; name: string }[];
}

/** POST /api/visit-plans/preview — how many firms a condition selects (null body: not yet asked). */
export const usePlanPreview = (body: PreviewBody | null) =>
  useQuery({
    queryKey: visitKeys.preview(body),
    queryFn: ({ signal }) => apiPost<Preview>("/visit-plans/preview", body, { signal }),
    enabled: body !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    retry: false,
  });

/** GET /api/visit-plans/:id/coverage?period= (the current period when left out) */
export const useCoverage = (id: string, period: string | undefined) =>
  useQuery({
    queryKey: visitKeys.coverage(id, period),
    queryFn: ({ signal }) => apiGet<Coverage>(`/visit-plans/${id}/coverage`, { period }, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

/** GET /api/visit-plans/:id/unvisited — the firms of the population not visited in the period. */
export const useUnvisited = (id: string, query: QueryParams) =>
  useQuery({
    queryKey: visitKeys.unvisited(id, query),
    queryFn: ({ signal }) => apiGet<Page<UnvisitedRow>>(`/visit-plans/${id}/unvisited`, query, signal),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });

/** GET /api/visit-plans/:id/unvisited/export */
export const useExportUnvisited = (id: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload(`/visit-plans/${id}/unvisited/export`, filters, "未走访企业.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
