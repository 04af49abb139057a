import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Page } from "../../../../common/paging";
import { apiDelete, apiDownload, apiGet, apiPatch, apiPost, type QueryParams } from "../../../lib/api";
import { auditKey } from "../../../lib/query-keys";

/**
 * The calls every org resource (parks, teams, departments) shares. Each
 * resource module wraps them in its own named hooks, one per API call.
 */
export type OrgResource = "parks" | "teams" | "departments";

interface Versioned {
  id: string;
  version: number;
}

export const useResourceList = <T>(path: OrgResource, query: QueryParams, enabled = true) =>
  useQuery({
    queryKey: [path, "list", query],
    queryFn: ({ signal }) => apiGet<Page<T>>(`/${path}`, query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useResourceOne = <T>(path: OrgResource, id: string | null | undefined) =>
  useQuery({
    queryKey: [path, "one", id],
    queryFn: ({ signal }) => apiGet<T>(`/${path}/${id}`, undefined, signal),
    enabled: Boolean(id),
  });

export const useResourceCreate = <T, C>(path: OrgResource) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: C) => apiPost<T>(`/${path}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: [path] });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

export const useResourceUpdate = <T extends Versioned, U>(path: OrgResource) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: U }) => apiPatch<T>(`/${path}/${id}`, body),
    onSuccess: (saved) => {
      qc.setQueryData([path, "one", saved.id], saved);
      void qc.invalidateQueries({ queryKey: [path, "list"] });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

export const useResourceDelete = (path: OrgResource) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) =>
      apiDelete(`/${path}/${id}`, { version }),
    onSettled: () => {
      // On success the row is gone; on a 409 the list must show the newer version.
      void qc.invalidateQueries({ queryKey: [path] });
      void qc.invalidateQueries({ queryKey: auditKey });
    },
  });
};

export const useResourceExport = (path: OrgResource, fileName: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (query: QueryParams) => {
      const { page: _p, pageSize: _s, ...filters } = query;
      return apiDownload(`/${path}/export`, filters, fileName);
    },
    // Exports are logged in the audit trail too.
    onSuccess: () => qc.invalidateQueries({ queryKey: auditKey }),
  });
};
