import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { Enterprise, enterpriseCreate, enterpriseUpdate } from "../../../../common/enterprise.schema";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";
import { enterpriseKeys, enterprisesKey } from "./keys";

export type EnterpriseCreateBody = z.input<typeof enterpriseCreate>;
export type EnterpriseUpdateBody = z.input<typeof enterpriseUpdate>;

/** A page of firms; past 10,000 matches the total is the planner's estimate. */
export type EnterprisePage = Page<Enterprise> & { totalExact: boolean };

/** GET /api/enterprises */
export const useEnterprises = (query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: enterpriseKeys.list(query),
    queryFn: ({ signal }) => apiGet<EnterprisePage>("/enterprises", query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

/** GET /api/enterprises/:id */
export const useEnterprise = (id: string | null | undefined) =>
  useQuery({
    queryKey: enterpriseKeys.one(id),
    queryFn: ({ signal }) => apiGet<Enterprise>(`/enterprises/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

/** POST /api/enterprises */
export const useCreateEnterprise = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EnterpriseCreateBody) => apiPost<Enterprise>("/enterprises", body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: enterprisesKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** PATCH /api/enterprises/:id (with `version`; 409 when stale) */
export const useUpdateEnterprise = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EnterpriseUpdateBody }) =>
      apiPatch<Enterprise>(`/enterprises/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData(enterpriseKeys.one(saved.id), saved);
      void qc.invalidateQueries({ queryKey: enterprisesKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** DELETE /api/enterprises/:id?version= */
export const useDeleteEnterprise = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/enterprises/${id}`, { version }),
    onSettled: (_r, _e, { id }) => {
      // On success the firm is gone: drop its page rather than refetch a 404.
      qc.removeQueries({ queryKey: enterpriseKeys.one(id) });
      void qc.invalidateQueries({ queryKey: enterprisesKey });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

/** GET /api/enterprises/export — the list's filters, without its paging. */
export const useExportEnterprises = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload("/enterprises/export", filters, "企业名录.xlsx");
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};

export interface ParcelNeighbour {
  id: string;
  name: string;
  landCertNo: string;
}

/** GET /api/enterprises/:id/parcel-neighbours — firms on the same land certificate. */
export const useParcelNeighbours = (id: string) =>
  useQuery({
    queryKey: enterpriseKeys.neighbours(id),
    queryFn: ({ signal }) =>
      apiGet<{ items: ParcelNeighbour[] }>(`/enterprises/${id}/parcel-neighbours`, undefined, signal).then(
        (r) => r.items,
      ),
  });
