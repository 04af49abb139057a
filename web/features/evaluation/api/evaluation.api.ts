import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SchemeBody, SchemeRow } from "../../../../common/evaluation.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import type { Card, Distributions, FirmEvaluations, Preflight, ResultRow, RunRow } from "./evaluation.types";

export const evaluationKey = ["evaluation"] as const;
const keys = {
  schemes: (q: QueryParams) => [...evaluationKey, "schemes", q] as const,
  scheme: (id: string) => [...evaluationKey, "scheme", id] as const,
  preflight: (id: string) => [...evaluationKey, "preflight", id] as const,
  runs: (schemeId?: string) => [...evaluationKey, "runs", schemeId ?? ""] as const,
  run: (id: string) => [...evaluationKey, "run", id] as const,
  results: (id: string, q: QueryParams) => [...evaluationKey, "results", id, q] as const,
  dist: (id: string) => [...evaluationKey, "dist", id] as const,
  card: (id: string, firm: string) => [...evaluationKey, "card", id, firm] as const,
  firm: (id: string) => [...evaluationKey, "firm", id] as const,
};

/** GET /api/evaluation-schemes */
export const useSchemes = (q: QueryParams) =>
  useQuery({
    queryKey: keys.schemes(q),
    queryFn: ({ signal }) => apiGet<Page<SchemeRow>>("/evaluation-schemes", q, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/evaluation-schemes/:id */
export const useScheme = (id: string) =>
  useQuery({
    queryKey: keys.scheme(id),
    queryFn: ({ signal }) => apiGet<SchemeRow>(`/evaluation-schemes/${id}`, undefined, signal),
    retry: false,
  });

/** GET /api/evaluation-schemes/:id/preflight — firms missing figures, benchmarks lacking data */
export const usePreflight = (id: string) =>
  useQuery({
    queryKey: keys.preflight(id),
    queryFn: ({ signal }) => apiGet<Preflight>(`/evaluation-schemes/${id}/preflight`, undefined, signal),
  });

const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: evaluationKey });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/evaluation-schemes/copy — a preset or a scheme into a region and year */
export const useCopyScheme = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: {
      preset?: string;
      schemeId?: string;
      regionId: string;
      name: string;
      year: number;
    }) => apiPost<SchemeRow>("/evaluation-schemes/copy", body),
    onSuccess: done,
  });
};

/** PATCH /api/evaluation-schemes/:id (with version; 409 when stale) */
export const useUpdateScheme = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: { version: number; name?: string; body?: SchemeBody } }) =>
      apiPatch<SchemeRow>(`/evaluation-schemes/${id}`, body),
    onSuccess: done,
  });
};

/** GET /api/evaluation-runs?schemeId= */
export const useRuns = (schemeId?: string) =>
  useQuery({
    queryKey: keys.runs(schemeId),
    queryFn: ({ signal }) =>
      apiGet<{ items: RunRow[] }>("/evaluation-runs", { schemeId }, signal).then((r) => r.items),
  });

/** GET /api/evaluation-runs/:id */
export const useRun = (id: string) =>
  useQuery({
    queryKey: keys.run(id),
    queryFn: ({ signal }) => apiGet<RunRow>(`/evaluation-runs/${id}`, undefined, signal),
    retry: false,
  });

/** POST /api/evaluation-runs — refused with the missing figures unless `force` */
export const useStartRun = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { schemeId: string; force: boolean }) => apiPost<RunRow>("/evaluation-runs", body),
    onSuccess: done,
  });
};

/** GET /api/evaluation-runs/:id/results */
export const useResults = (id: string, q: QueryParams) =>
  useQuery({
    queryKey: keys.results(id, q),
    queryFn: ({ signal }) => apiGet<Page<ResultRow>>(`/evaluation-runs/${id}/results`, q, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/evaluation-runs/:id/distributions */
export const useDistributions = (id: string) =>
  useQuery({
    queryKey: keys.dist(id),
    queryFn: ({ signal }) => apiGet<Distributions>(`/evaluation-runs/${id}/distributions`, undefined, signal),
  });

/** GET /api/evaluation-runs/:id/results/:enterpriseId — the firm's card */
export const useCard = (id: string, enterpriseId: string | null) =>
  useQuery({
    queryKey: keys.card(id, enterpriseId ?? ""),
    queryFn: ({ signal }) =>
      apiGet<Card>(`/evaluation-runs/${id}/results/${enterpriseId}`, undefined, signal),
    enabled: Boolean(enterpriseId),
  });

/** POST /api/evaluation-runs/:id/results/:enterpriseId/override */
export const useOverride = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: {
      runId: string;
      enterpriseId: string;
      class: string;
      reason: string;
      version: number;
    }) =>
      apiPost<ResultRow>(`/evaluation-runs/${v.runId}/results/${v.enterpriseId}/override`, {
        class: v.class,
        reason: v.reason,
        version: v.version,
      }),
    onSuccess: done,
  });
};

/** GET /api/evaluation-runs/:id/results/export — one class's list (or all) as Excel */
export const useExportResults = (runId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload(`/evaluation-runs/${runId}/results/export`, filters, "亩均评价名单.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

/** GET /api/enterprises/:id/evaluations — the firm's results across runs */
export const useFirmEvaluations = (enterpriseId: string) =>
  useQuery({
    queryKey: keys.firm(enterpriseId),
    queryFn: ({ signal }) =>
      apiGet<FirmEvaluations>(`/enterprises/${enterpriseId}/evaluations`, undefined, signal),
  });

/** GET /api/evaluation-runs/:id/movement — classes against last year's run of the region */
export const useMovement = (id: string) =>
  useQuery({
    queryKey: [...evaluationKey, "movement", id],
    queryFn: ({ signal }) =>
      apiGet<{
        previous: { id: string; schemeName: string; year: number } | null;
        items: { from: string; to: string; count: number }[];
      }>(`/evaluation-runs/${id}/movement`, undefined, signal),
  });

/** POST /api/evaluation-events — a bonus, deduction or negative-list event of a firm's year */
export const useAddEvent = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (v: { enterpriseId: string; year: number; kind: string; note: string | null }) =>
      apiPost<{ id: string }>("/evaluation-events", v),
    onSuccess: done,
  });
};

/** DELETE /api/evaluation-events/:id */
export const useRemoveEvent = () => {
  const done = useInvalidate();
  return useMutation({ mutationFn: (id: string) => apiDelete(`/evaluation-events/${id}`), onSuccess: done });
};
