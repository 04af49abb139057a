import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Page } from "../../../../common/paging";
import type { VisitRow, visitCreate, visitUpdate } from "../../../../common/visit.schema";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { appealsRoot, visitKeys, visitsKey } from "./keys";

export type VisitCreateBody = z.input<typeof visitCreate>;
export type VisitUpdateBody = z.input<typeof visitUpdate>;

/** GET /api/visits — newest first unless sorted. */
export const useVisits = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: visitKeys.list(query),
    queryFn: ({ signal }) => apiGet<Page<VisitRow>>("/visits", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/visits/:id */
export const useVisit = (id: string | null | undefined) =>
  useQuery({
    queryKey: visitKeys.one(id),
    queryFn: ({ signal }) => apiGet<VisitRow>(`/visits/${id}`, undefined, signal),
    enabled: Boolean(id),
    retry: false,
  });

// A visit moves the lists, every plan's coverage, the audit trail, and (with appeals) the appeals.
const useInvalidate = () => {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: visitsKey });
    void qc.invalidateQueries({ queryKey: appealsRoot });
    void qc.invalidateQueries({ queryKey: auditKey });
  };
};

/** POST /api/visits — with the appeals raised during the visit. */
export const useCreateVisit = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: VisitCreateBody) => apiPost<VisitRow>("/visits", body),
    onSuccess: done,
  });
};

/** PATCH /api/visits/:id (with `version`; 409 when stale) */
export const useUpdateVisit = () => {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: VisitUpdateBody }) =>
      apiPatch<VisitRow>(`/visits/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(visitKeys.one(saved.id), saved);
      done();
    },
  });
};

/** DELETE /api/visits/:id?version=N */
export const useDeleteVisit = () => {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => apiDelete(`/visits/${id}`, { version }),
    onSuccess: done,
  });
};

/** GET /api/visits/export — the list's filters, without its paging. */
export const useExportVisits = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/visits/export", filters, "走访记录.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
