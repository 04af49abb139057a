import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type { ExpertRow, expertCreate, expertUpdate } from "../../../../common/review.schema";
import { apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { reviewKeys, reviewsKey } from "./keys";

export type ExpertCreateBody = z.input<typeof expertCreate>;
export type ExpertUpdateBody = z.input<typeof expertUpdate>;

/** GET /api/experts (q, field, active, paging) */
export const useExperts = (query: QueryParams) =>
  useQuery({
    queryKey: reviewKeys.experts(query),
    queryFn: ({ signal }) => apiGet<Page<ExpertRow>>("/experts", query, signal),
    placeholderData: keepPreviousData,
  });

/** GET /api/experts/:id */
export const useExpert = (id: string | null | undefined) =>
  useQuery({
    queryKey: reviewKeys.expert(id),
    queryFn: ({ signal }) => apiGet<ExpertRow>(`/experts/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** POST /api/experts */
export const useCreateExpert = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ExpertCreateBody) => apiPost<ExpertRow>("/experts", body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reviewsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** PATCH /api/experts/:id (with `version`; 409 when stale) */
export const useUpdateExpert = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ExpertUpdateBody }) =>
      apiPatch<ExpertRow>(`/experts/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(reviewKeys.expert(saved.id), saved);
      void qc.invalidateQueries({ queryKey: reviewsKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** GET /api/experts/export — the list's filters, without its paging. */
export const useExportExperts = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/experts/export", filters, "评审专家库.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

/**
 * The 专业领域 tags in use, most common first, for the field filters: read
 * from the pool itself (a few hundred experts at most), since fields are free tags.
 */
export const useExpertFields = (enabled = true) =>
  useQuery({
    queryKey: reviewKeys.experts({ fieldsOnly: true }),
    queryFn: ({ signal }) => apiGet<Page<ExpertRow>>("/experts", { pageSize: 500 }, signal),
    select: (page) => {
      const count = new Map<string, number>();
      for (const e of page.items) for (const f of e.fields) count.set(f, (count.get(f) ?? 0) + 1);
      return [...count.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], "zh-CN"))
        .map(([f]) => f);
    },
    enabled,
    staleTime: 60_000,
  });
